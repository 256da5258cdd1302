/*
 * Offline search for search.html.
 *
 * A classic script (no modules, no fetch: the site must work from file://).
 * search.html loads search-index.js first, which sets window.DOSSIER_SEARCH
 * (format: generator/search/search.go), then this file, which loads the
 * shards of the index a query needs as more classic scripts from
 * search-index/ beside the page; each calls DossierSearch.add.
 *
 * On search.html it uses:
 *   #search-form     the form; submitting it searches without reloading
 *   #search-input    the query box, filled from ?q= on load
 *   #search-results  where the status sentence and the result list go
 *
 * Index data is contributor text: it only ever reaches the page through
 * textContent and createTextNode, never innerHTML.
 *
 * Under Node (tests) it exports the same API as window.DossierSearch:
 *   load(data) -> index, add(kind, n, data) (what shards call),
 *   query(index, q, limit) -> {total, terms, results} or {pending: [shards]},
 *   fold(s), terms(s), snippet(text, terms) -> [{text, mark}].
 */
(function (root) {
  'use strict';

  // ---- Folding: keep in step with generator/search/fold.go ----

  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670\u0640]/g;
  var FOLDS = {
    '\u00df': 'ss', // ß
    '\u0131': 'i', // ı
    '\u00f8': 'o', // ø
    '\u0111': 'd', // đ
    '\u00f0': 'd', // ð
    '\u0142': 'l', // ł
    '\u00e6': 'ae', // æ
    '\u0153': 'oe', // œ
    '\u00fe': 'th', // þ
    '\u03c2': '\u03c3', // ς → σ
    '\u064a': '\u06cc', // Arabic yeh → Farsi yeh
    '\u0649': '\u06cc', // alef maksura → Farsi yeh
    '\u0643': '\u06a9', // Arabic kaf → keheh
    '\u0629': '\u0647', // teh marbuta → heh
    '\u06d5': '\u0647' // ae, what NFD leaves of heh with yeh above → heh
  };
  // Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits fold
  // to ASCII digits, as digit() in fold.go.
  var FOLDS_RE = /[\u00df\u0131\u00f8\u0111\u00f0\u0142\u00e6\u0153\u00fe\u03c2\u064a\u0649\u0643\u0629\u06d5\u0660-\u0669\u06f0-\u06f9]/g;
  var JOINERS = /[\-\u2010\u2011\u00ad'\u2018\u2019`\u00b4\u200c\u200d\u02b9-\u02bf]/g;
  var WORDS = unicodeRegExp('[\\p{L}\\p{N}\\p{M}]+', 'gu',
    // Browsers without Unicode property escapes: anything but ASCII
    // punctuation, Latin-1 punctuation, general punctuation and spaces.
    /[^\s!-\/:-@\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]+/g);
  var WORD_CHAR = unicodeRegExp('[\\p{L}\\p{N}\\p{M}]', 'u',
    /[^\s!-\/:-@\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f]/);

  function unicodeRegExp(source, flags, fallback) {
    try {
      return new RegExp(source, flags);
    } catch (e) {
      return fallback;
    }
  }

  function foldOne(c) {
    var code = c.charCodeAt(0);
    if (code >= 0x6f0 && code <= 0x6f9) return String(code - 0x6f0);
    if (code >= 0x660 && code <= 0x669) return String(code - 0x660);
    return FOLDS[c];
  }

  var NON_ASCII = /[^\x00-\x7f]/;

  function fold(s) {
    s = String(s);
    if (!NON_ASCII.test(s)) return s.toLowerCase(); // fast path
    if (s.normalize) s = s.normalize('NFD');
    return s.replace(MARKS, '').toLowerCase().replace(FOLDS_RE, foldOne);
  }

  // terms splits a query into folded words; hyphens and apostrophes split.
  function terms(s) {
    s = String(s);
    if (!NON_ASCII.test(s)) return s.toLowerCase().match(/[a-z0-9]+/g) || []; // fast path
    return fold(s).replace(JOINERS, ' ').match(WORDS) || [];
  }

  // ---- The index ----
  //
  // search-index.js, the manifest, sets window.DOSSIER_SEARCH; the shards
  // it names are loaded as a query needs them, each calling add. A term
  // shard "tN" holds words and their postings, a doc shard "dN" the docs
  // N*k to N*k+k-1 (format: generator/search/search.go).

  var NAME = 1, KEYWORD = 2, BODY = 3; // field strengths in postings

  var shards = {}; // "t3", "d12" → the data the shard added

  // add is what every shard calls.
  function add(kind, n, data) {
    shards[kind + n] = data;
  }

  function Index(data) {
    this.n = data.n;
    this.k = data.k;
    this.bounds = data.t; // the first word of each term shard
    this.terms = []; // term shard number → {words, post, decoded, names}
    this.docs = new Array(data.n); // doc → [kind, title, url, date, status, snippet, names]
    this.keys = new Array(data.n); // doc → folded title and names, lazily (isName)
    this.acc = new Uint8Array(data.n);
  }

  function load(data) {
    if (!data || data.v !== 2 || typeof data.n !== 'number' || !(data.k > 0) || !data.t || !data.t.length) return null;
    return new Index(data);
  }

  // DIGIT maps the character codes of postings to their values 0–63.
  var DIGIT = new Int8Array(128);
  (function () {
    var ds = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (var i = 0; i < ds.length; i++) DIGIT[ds.charCodeAt(i)] = i;
  })();

  // shardOf is the term shard that holds w, if any shard does: the last
  // whose first word is not after w.
  Index.prototype.shardOf = function (w) {
    var lo = 1, hi = this.bounds.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (this.bounds[mid] <= w) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };

  // termShards lists the term shards holding the words that start with
  // term: its own, and those after it whose first word starts with term.
  Index.prototype.termShards = function (term) {
    var out = [this.shardOf(term)];
    for (var j = out[0] + 1; j < this.bounds.length && this.bounds[j].lastIndexOf(term, 0) === 0; j++) out.push(j);
    return out;
  };

  // termShard returns term shard i, or null while it is not loaded.
  Index.prototype.termShard = function (i) {
    var s = this.terms[i];
    if (s) return s;
    var data = shards['t' + i];
    if (!data) return null;
    s = { words: data.w, post: data.p, decoded: new Array(data.w.length), names: data.x };
    this.terms[i] = s;
    return s;
  };

  // doc returns doc d, or null while its shard is not loaded.
  Index.prototype.doc = function (d) {
    var x = this.docs[d];
    if (x) return x;
    var first = d - d % this.k, data = shards['d' + first / this.k];
    if (!data) return null;
    for (var i = 0; i < data.length; i++) this.docs[first + i] = data[i];
    return this.docs[d];
  };

  // postings returns word i of term shard s as doc*4+field, decoding once.
  // The two forms are described in generator/search/search.go.
  function postings(s, i) {
    var d = s.decoded[i];
    if (d) return d;
    var str = s.post[i], n = 0, j, c, k;
    if (str.charCodeAt(0) === 126) { // "~": dense
      for (j = 1; j < str.length; j++) {
        c = DIGIT[str.charCodeAt(j)];
        n += (c & 3 ? 1 : 0) + (c & 12 ? 1 : 0) + (c & 48 ? 1 : 0);
      }
      d = new Int32Array(n);
      n = 0;
      for (j = 1; j < str.length; j++) {
        c = DIGIT[str.charCodeAt(j)];
        for (k = 0; k < 3; k++, c >>= 2) {
          if (c & 3) d[n++] = ((j - 1) * 3 + k) * 4 + (c & 3);
        }
      }
    } else {
      for (j = 0; j < str.length; j++) if (DIGIT[str.charCodeAt(j)] < 32) n++;
      d = new Int32Array(n);
      n = 0;
      var doc = 0, v = 0, shift = 0;
      for (j = 0; j < str.length; j++) {
        c = DIGIT[str.charCodeAt(j)];
        v |= (c & 31) << shift; // v < 2^26: docs < 2^24
        shift += 5;
        if (c < 32) {
          doc += v >> 2;
          d[n++] = doc * 4 + (v & 3);
          v = 0;
          shift = 0;
        }
      }
    }
    s.decoded[i] = d;
    return d;
  }

  // lowerBound is the first of words not less than w (JS string order,
  // which is the order the generator sorts words in).
  function lowerBound(words, w) {
    var lo = 0, hi = words.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (words[mid] < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // match fills acc[doc] with the best way the doc holds a word starting
  // with term: (field-1)*2 + 1 for the whole word, + 2 for a prefix.
  // 0 means no match. The term's shards are loaded.
  Index.prototype.match = function (term, acc) {
    var list = this.termShards(term);
    for (var t = 0; t < list.length; t++) {
      var s = this.termShard(list[t]);
      for (var i = lowerBound(s.words, term); i < s.words.length; i++) {
        var w = s.words[i];
        if (w.lastIndexOf(term, 0) !== 0) break;
        var partial = w.length === term.length ? 1 : 2;
        var p = postings(s, i);
        for (var j = 0; j < p.length; j++) {
          var code = ((p[j] & 3) - 1) * 2 + partial;
          var doc = p[j] >> 2;
          if (acc[doc] === 0 || code < acc[doc]) acc[doc] = code;
        }
      }
    }
  };

  // keyHash is the FNV-1a hash of s's UTF-16 code units, cut to 18 bits,
  // as keyHash in generator/search/search.go.
  function keyHash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h & 0x3ffff;
  }

  // named returns the docs with a title or name whose terms, joined by
  // single spaces, may be key: those the shard of key's first term lists
  // with key's hash. Only isName says they are.
  Index.prototype.named = function (first, key) {
    var s = this.termShard(this.shardOf(first)), h = keyHash(key), out = {};
    var x = s.names, doc = 0, v = 0, shift = 0;
    for (var j = 0; j < x.length;) {
      var c = DIGIT[x.charCodeAt(j++)];
      v |= (c & 31) << shift;
      shift += 5;
      if (c >= 32) continue;
      doc += v;
      v = 0;
      shift = 0;
      if (DIGIT[x.charCodeAt(j)] + (DIGIT[x.charCodeAt(j + 1)] << 6) + (DIGIT[x.charCodeAt(j + 2)] << 12) === h) out[doc] = true;
      j += 3;
    }
    return out;
  };

  // isName returns which of the doc's title (0) or names (1...) is key,
  // a query's terms joined by single spaces, or -1. A string much longer
  // or shorter than key cannot fold to it, and is not looked at: most
  // docs are skipped without folding anything. The doc is loaded.
  Index.prototype.isName = function (doc, key) {
    var d = this.doc(doc), names = d[6] || [];
    var keys = this.keys[doc] || (this.keys[doc] = []);
    for (var i = 0; i <= names.length; i++) {
      var s = i === 0 ? d[1] : names[i - 1];
      if (key.length > 2 * s.length || s.length > 3 * key.length + 10) continue;
      if (keys[i] === undefined) keys[i] = terms(s).join(' ');
      if (keys[i] === key) return i;
    }
    return -1;
  };

  // need adds to list the shard of doc d when it is not loaded.
  Index.prototype.need = function (d, list) {
    if (!this.doc(d)) {
      var key = 'd' + (d - d % this.k) / this.k;
      if (list.indexOf(key) < 0) list.push(key);
    }
  };

  var MAX_TERMS = 12;

  // query returns {total, terms, results}: at most limit results, best
  // first, each {doc, kind, title, url, date, status, text, names,
  // alias, exact}. alias is the name that matched when the title did not.
  // When shards it needs are not loaded yet it returns {pending: [shard
  // names]} instead: load them, and ask again.
  //
  // Every term must start a word of the doc. A doc ranks by: the whole
  // query being its title or a name; then the weakest field any term
  // needed (title/name, keyword, body); then the sum of fields; then how
  // many terms matched only as a prefix; then doc order (kind, title).
  function query(index, q, limit) {
    var all = terms(q);
    var out = { total: 0, terms: [], results: [] };
    if (!index || all.length === 0) return out;
    var ts = [];
    for (var i = 0; i < all.length && ts.length < MAX_TERMS; i++) {
      if (ts.indexOf(all[i]) < 0) ts.push(all[i]);
    }
    var pending = [];
    for (var u = 0; u < ts.length; u++) {
      var list = index.termShards(ts[u]);
      for (var v = 0; v < list.length; v++) {
        if (!index.termShard(list[v]) && pending.indexOf('t' + list[v]) < 0) pending.push('t' + list[v]);
      }
    }
    if (pending.length) return { pending: pending };
    out.terms = ts;
    var acc = index.acc, n = index.n;
    var alive = null, maxF, sumF, pref;
    for (var t = 0; t < ts.length; t++) {
      acc.fill(0);
      index.match(ts[t], acc);
      if (alive === null) {
        alive = [];
        maxF = new Uint8Array(n);
        sumF = new Uint8Array(n);
        pref = new Uint8Array(n);
        for (var d = 0; d < n; d++) {
          if (acc[d] === 0) continue;
          alive.push(d);
          var f = (acc[d] + 1) >> 1;
          maxF[d] = f;
          sumF[d] = f;
          pref[d] = (acc[d] & 1) === 0 ? 1 : 0;
        }
      } else {
        var kept = [];
        for (var a = 0; a < alive.length; a++) {
          var doc = alive[a], c = acc[doc];
          if (c === 0) continue;
          var g = (c + 1) >> 1;
          if (g > maxF[doc]) maxF[doc] = g;
          sumF[doc] += g;
          if ((c & 1) === 0) pref[doc]++;
          kept.push(doc);
        }
        alive = kept;
      }
      if (alive.length === 0) break;
    }
    out.total = alive.length;
    var qkey = all.join(' ');
    // Whether the query is a doc's title or name is asked of the docs
    // whose every term is a whole word of their title or names, and whose
    // names hash as the query does; they must be loaded to be sure.
    var named = index.named(all[0], qkey), maybe = new Uint8Array(alive.length);
    for (var m = 0; m < alive.length; m++) {
      var e0 = alive[m];
      if (maxF[e0] === NAME && pref[e0] === 0 && named[e0]) {
        maybe[m] = 1;
        index.need(e0, pending);
      }
    }
    if (pending.length) return { pending: pending };
    var scores = new Float64Array(alive.length);
    for (var s = 0; s < alive.length; s++) {
      var e = alive[s];
      var exact = maybe[s] && index.isName(e, qkey) >= 0 ? 0 : 1;
      // One sortable number; every part is small, doc < 2^24.
      scores[s] = ((((exact * 4 + maxF[e]) * 64 + sumF[e]) * 16 + pref[e]) * 16777216) + e;
    }
    scores.sort();
    var lim = Math.min(limit || 50, scores.length);
    for (var r = 0; r < lim; r++) index.need(scores[r] % 16777216, pending);
    if (pending.length) return { pending: pending };
    for (r = 0; r < lim; r++) {
      var id = scores[r] % 16777216;
      // exact was 0 when the part above maxF is below 4.
      out.results.push(result(index, id, ts, scores[r] < 4 * 64 * 16 * 16777216));
    }
    return out;
  }

  function result(index, id, ts, exact) {
    var d = index.doc(id);
    var r = {
      doc: id, kind: d[0], title: d[1], url: d[2], date: d[3], status: d[4],
      text: d[5], names: d[6] || [], alias: '', exact: exact
    };
    // Show the alias that matched when the title shows none of the terms.
    if (r.names.length && !hasAll(terms(r.title), ts)) {
      for (var i = 0; i < r.names.length; i++) {
        if (hasAll(terms(r.names[i]), ts)) {
          r.alias = r.names[i];
          break;
        }
      }
    }
    return r;
  }

  // hasAll reports whether every term starts one of words.
  function hasAll(words, ts) {
    for (var i = 0; i < ts.length; i++) {
      var found = false;
      for (var j = 0; j < words.length && !found; j++) {
        found = words[j].lastIndexOf(ts[i], 0) === 0;
      }
      if (!found) return false;
    }
    return true;
  }

  // ---- Snippets ----

  var SNIPPET_BEFORE = 60, SNIPPET_LENGTH = 220;

  // snippet returns the part of text around the first term found at the
  // start of a word, as [{text, mark}] pieces with each term found marked.
  function snippet(text, ts) {
    text = text || '';
    // Fold character by character, remembering for each folded unit the
    // end of the character it came from, so matches map back onto text.
    var folded = '', from = [], to = [];
    if (!NON_ASCII.test(text)) {
      folded = text.toLowerCase();
      for (var a = 0; a < text.length; a++) {
        from.push(a);
        to.push(a + 1);
      }
    }
    for (var i = folded ? text.length : 0; i < text.length;) {
      var cp = text.charCodeAt(i);
      var len = cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length ? 2 : 1;
      var ch = text.substr(i, len);
      var f = cp < 0x80 ? ch.toLowerCase() : fold(ch);
      for (var k = 0; k < f.length; k++) {
        from.push(i);
        to.push(i + len);
      }
      folded += f;
      i += len;
    }
    var marks = []; // [start, end) in text
    for (var t = 0; t < ts.length; t++) {
      var pos = 0;
      while ((pos = folded.indexOf(ts[t], pos)) >= 0) {
        if (pos === 0 || !WORD_CHAR.test(folded.charAt(pos - 1))) {
          var end = to[pos + ts[t].length - 1];
          // Take in marks that fold to nothing (the accent of a decomposed é).
          while (end < text.length && fold(text.charAt(end)) === '') end++;
          marks.push([from[pos], end]);
        }
        pos += ts[t].length;
      }
    }
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    // Drop overlaps.
    var clean = [];
    for (var m = 0; m < marks.length; m++) {
      if (clean.length && marks[m][0] < clean[clean.length - 1][1]) continue;
      clean.push(marks[m]);
    }
    // Start a little before the first match, but no later than needed to
    // fill the snippet, and at a word.
    var start = 0;
    if (clean.length) start = Math.min(clean[0][0] - SNIPPET_BEFORE, text.length - SNIPPET_LENGTH);
    if (start > 0) {
      start = text.lastIndexOf(' ', start) + 1;
      if (start > clean[0][0]) start = clean[0][0];
    } else {
      start = 0;
    }
    var stop = start + SNIPPET_LENGTH;
    if (stop >= text.length) {
      stop = text.length;
    } else {
      var sp = text.lastIndexOf(' ', stop);
      if (sp > start) stop = sp;
    }
    var pieces = [];
    if (start > 0) pieces.push({ text: '\u2026', mark: false });
    var at = start;
    for (var c = 0; c < clean.length; c++) {
      var s = clean[c][0], e = Math.min(clean[c][1], stop);
      if (s < start) continue;
      if (s >= stop) break;
      if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
      pieces.push({ text: text.slice(s, e), mark: true });
      at = e;
    }
    if (stop > at) pieces.push({ text: text.slice(at, stop), mark: false });
    if (stop < text.length) pieces.push({ text: ' \u2026', mark: false });
    return pieces;
  }

  var api = { load: load, add: add, query: query, fold: fold, terms: terms, snippet: snippet };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (root) root.DossierSearch = api;

  // ---- The page ----

  if (typeof document === 'undefined' || !document.getElementById) return;

  var KIND_LABEL = {
    person: 'Person', event: 'Event', organization: 'Organization', place: 'Place',
    source: 'Source', tag: 'Tag', page: 'Page'
  };
  var LIMIT = 50;
  // While typing, a query that needs more than MANY_SHARDS shards not yet
  // loaded waits TYPING_PAUSE ms for the next key before loading them.
  var MANY_SHARDS = 4, TYPING_PAUSE = 300;

  // The page's words, in its language, are data-* attributes of
  // #search-results (see layouts/search.html), English when missing
  // (not data-one: html/template takes data-on... for a script):
  // formats with {n}, {total}, {q} and {alias}, and data-zero, the
  // language's digit zero.
  var words = null;

  function say(name, fallback, args) {
    var s = (words && words.getAttribute('data-' + name)) || fallback;
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return args && k in args ? String(args[k]) : m;
    });
  }

  function num(n) {
    var zero = (words && words.getAttribute('data-zero')) || '0';
    return String(n).replace(/[0-9]/g, function (d) {
      return String.fromCharCode(zero.charCodeAt(0) + Number(d));
    });
  }

  function start() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-input');
    var box = document.getElementById('search-results');
    if (!input || !box) return;
    words = box;

    // The live region is a hidden status sentence, not the list, so a
    // screen reader hears "3 results for ..." once typing pauses rather
    // than every result on every key. The same sentence shows at once in
    // #search-count, hidden from screen readers to say it only once.
    box.removeAttribute('aria-live');
    var count = el('p', 'search-count');
    count.id = 'search-count';
    count.setAttribute('aria-hidden', 'true');
    var status = el('p', 'search-status');
    status.id = 'search-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('style', 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap');
    var list = el('ol', 'search-list');
    list.id = 'search-list';
    clear(box);
    box.appendChild(count);
    box.appendChild(status);
    box.appendChild(list);

    var index = load(root.DOSSIER_SEARCH);
    // unavailable says which file of the index is missing: the
    // manifest, or a shard (file) a query needed.
    function unavailable(file) {
      count.removeAttribute('aria-hidden');
      count.textContent = say('unavailable', 'Search is unavailable: its index, {file}, is missing or unreadable. The timeline and the lists of people, places and organizations still lead to every page.', { file: file || 'search-index.js' });
    }
    if (!index) {
      unavailable();
      return;
    }

    var last = null, statusTimer = 0, frame = 0, seq = 0;

    // run searches for the box's text, once the shards the query needs
    // have loaded; a newer query drops it. The status sentence is
    // announced at once when now is set (load, Enter), else once typing
    // pauses.
    function run(now) {
      frame = 0;
      var q = input.value;
      if (q === last && !now) return;
      last = q;
      var mine = ++seq, waited = now;
      (function attempt() {
        if (mine !== seq) return;
        var res = query(index, q, LIMIT);
        if (res.pending && !waited && res.pending[0].charAt(0) === 't' && res.pending.length > MANY_SHARDS) {
          // A first letter or two start many words: load their shards
          // only if typing pauses there.
          waited = true;
          setTimeout(attempt, TYPING_PAUSE);
          return;
        }
        if (res.pending) {
          fetchShards(res.pending, function (failed) {
            if (mine !== seq) return;
            if (!failed) attempt();
            else unavailable('search-index/' + failed + '.js');
          });
          return;
        }
        show(q, res, now);
      })();
    }

    function show(q, res, now) {
      render(list, res);
      setURL(q);
      var sentence = countSentence(q, res);
      count.setAttribute('aria-hidden', 'true');
      count.textContent = sentence;
      clearTimeout(statusTimer);
      if (now) status.textContent = sentence;
      else statusTimer = setTimeout(function () { status.textContent = sentence; }, 350);
    }

    function schedule() {
      if (frame) return;
      frame = (root.requestAnimationFrame || function (f) { return setTimeout(f, 16); })(function () { run(false); });
    }

    input.addEventListener('input', schedule);
    if (form) {
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        run(true);
      });
    }

    // Arrow keys move between the box and the result links.
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' && list.firstChild) {
        var a = list.firstChild.getElementsByTagName('a')[0];
        if (a) { ev.preventDefault(); a.focus(); }
      }
    });
    list.addEventListener('keydown', function (ev) {
      if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
      var links = list.getElementsByTagName('a');
      for (var i = 0; i < links.length; i++) {
        if (links[i] !== document.activeElement) continue;
        ev.preventDefault();
        var next = ev.key === 'ArrowDown' ? i + 1 : i - 1;
        if (next < 0) input.focus();
        else if (next < links.length) links[next].focus();
        return;
      }
    });

    // ?q= from a header form or a shared link; else what the browser
    // restored into the box on going back.
    var q = param(root.location ? root.location.search : '', 'q') || input.value;
    if (q) {
      input.value = q;
      run(true);
    }
  }

  var loading = {}; // shard name → callbacks waiting for its script

  // fetchShards loads the named shards, each once, as classic scripts
  // (which work from file://, where fetch does not), then calls
  // done(failed): the name of the first that did not load, or ''.
  function fetchShards(names, done) {
    var left = names.length, failed = '';
    function one(name, loaded) {
      if (!loaded && !failed) failed = name;
      if (--left === 0) done(failed);
    }
    for (var i = 0; i < names.length; i++) {
      fetchShard(names[i], one.bind(null, names[i]));
    }
  }

  function fetchShard(name, done) {
    if (shards[name]) return done(true);
    if (loading[name]) return loading[name].push(done);
    var waiting = loading[name] = [done];
    var s = document.createElement('script');
    function end() {
      delete loading[name];
      for (var i = 0; i < waiting.length; i++) waiting[i](!!shards[name]);
    }
    s.onload = end;
    s.onerror = end;
    s.src = 'search-index/' + name + '.js';
    (document.head || document.body).appendChild(s);
  }

  function countSentence(q, res) {
    if (res.terms.length === 0) return '';
    var args = { q: q.trim(), n: num(res.total < res.results.length ? res.total : res.results.length), total: num(res.total) };
    if (res.total === 0) return say('none', 'No results for \u201c{q}\u201d.', args);
    if (res.total > res.results.length) {
      return say('first', 'The first {n} of {total} results for \u201c{q}\u201d.', args);
    }
    if (res.total === 1) return say('single', '1 result for \u201c{q}\u201d.', args);
    return say('many', '{n} results for \u201c{q}\u201d.', args);
  }

  function render(list, res) {
    var frag = document.createDocumentFragment();
    for (var i = 0; i < res.results.length; i++) frag.appendChild(item(res.results[i], res.terms));
    clear(list);
    list.appendChild(frag);
  }

  function item(r, ts) {
    var li = el('li', 'search-result');
    var h = el('h2', 'search-result-title');
    var a = el('a');
    a.setAttribute('href', safeURL(r.url));
    // A result may be in another language than the page (an entry not
    // yet translated): dir="auto" gives it its own direction, isolated,
    // so that its punctuation stays at its own end.
    a.setAttribute('dir', 'auto');
    a.textContent = r.title;
    h.appendChild(a);
    li.appendChild(h);

    var meta = [say('kind-' + r.kind, KIND_LABEL[r.kind] || r.kind)];
    if (r.date) meta.push(r.date);
    if (r.status) meta.push(say('status-label', 'Status') + ': ' + say('status-' + r.status, r.status));
    var p = el('p', 'search-result-meta');
    p.textContent = meta.join(' \u00b7 ');
    li.appendChild(p);

    if (r.alias) {
      var al = el('p', 'search-result-alias');
      al.setAttribute('dir', 'auto');
      al.textContent = say('aka', 'Also known as {alias}', { alias: r.alias });
      li.appendChild(al);
    }

    if (r.text) {
      var sn = el('p', 'search-result-snippet');
      sn.setAttribute('dir', 'auto');
      var pieces = snippet(r.text, ts);
      for (var i = 0; i < pieces.length; i++) {
        if (pieces[i].mark) {
          var m = el('mark');
          m.textContent = pieces[i].text;
          sn.appendChild(m);
        } else {
          sn.appendChild(document.createTextNode(pieces[i].text));
        }
      }
      li.appendChild(sn);
    }
    return li;
  }

  // safeURL keeps index URLs relative paths: the generator writes them,
  // but a link is never allowed a scheme (javascript:, data:...).
  function safeURL(u) {
    u = String(u || '');
    return /^[a-z][a-z0-9+.\-]*:/i.test(u) || u.charAt(0) === '/' ? '#' : u;
  }

  function el(tag, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function param(search, name) {
    var parts = String(search || '').replace(/^\?/, '').split('&');
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv[0] !== name) continue;
      try {
        return decodeURIComponent((kv.slice(1).join('=')).replace(/\+/g, ' '));
      } catch (e) {
        return '';
      }
    }
    return '';
  }

  function setURL(q) {
    try {
      var url = q ? '?q=' + encodeURIComponent(q).replace(/%20/g, '+') : root.location.pathname;
      root.history.replaceState(null, '', url);
    } catch (e) {
      // file:// in some browsers refuses; the search still works.
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : null);
