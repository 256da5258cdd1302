// Lists the files of a built site's search index that one-word queries
// load, for searchbytes (main.go):
//
//   node plan.js SEARCH_JS INDEX_JS N
//
// It runs the site's own js/search.js as the page does, each query in a
// fresh global, so that nothing one query loaded helps the next, and
// answers JSON: {"queries": [{"q": word, "docs": docs holding it,
// "files": [paths relative to INDEX_JS's folder]}]}, for N words spread
// evenly over the index, then the word in the most docs.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [searchJS, indexJS, n] = process.argv.slice(2);
const dir = path.dirname(indexJS);
const searchCode = fs.readFileSync(searchJS, 'utf8');
const indexCode = fs.readFileSync(indexJS, 'utf8');

function page() {
  const win = {};
  win.window = win;
  const ctx = vm.createContext(win);
  vm.runInContext(indexCode, ctx);
  vm.runInContext(searchCode, ctx);
  const S = win.DossierSearch;
  return { win, ctx, S, index: S.load(win.DOSSIER_SEARCH) };
}

function run(file, ctx) {
  vm.runInContext(fs.readFileSync(path.join(dir, file), 'utf8'), ctx);
}

// Every word and how many docs hold it, from every term shard (the
// tool's own reading, not counted). Format 1 has them in the manifest.
const all = page();
const words = [];
if (all.win.DOSSIER_SEARCH.v === 1) {
  const d = all.win.DOSSIER_SEARCH;
  d.words.forEach((w, i) => words.push([w, count(d.post[i])]));
} else {
  all.win.DOSSIER_SEARCH.t.forEach((_, i) => {
    let shard;
    all.win.DossierSearch.add = (k, n, data) => { shard = data; };
    run('search-index/t' + i + '.js', all.ctx);
    shard.w.forEach((w, j) => words.push([w, count(shard.p[j])]));
  });
}

// count is how many docs a postings string lists.
function count(s) {
  let n = 0;
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  if (s[0] === '~') {
    for (const c of s.slice(1)) { const v = digits.indexOf(c); n += (v & 3 ? 1 : 0) + (v & 12 ? 1 : 0) + (v & 48 ? 1 : 0); }
  } else {
    for (const c of s) if (digits.indexOf(c) < 32) n++;
  }
  return n;
}

const picks = [];
const step = Math.max(1, words.length / Number(n));
for (let i = 0; i < words.length && picks.length < Number(n); i += step) picks.push(words[Math.floor(i)]);
let common = words[0];
for (const w of words) if (w[1] > common[1]) common = w;
picks.push(common);

const out = [];
for (const [q, docs] of picks) {
  const p = page();
  const files = ['search-index.js'];
  let r = p.S.query(p.index, q, 50);
  while (r.pending) {
    for (const name of r.pending) {
      const f = 'search-index/' + name + '.js';
      files.push(f);
      run(f, p.ctx);
    }
    r = p.S.query(p.index, q, 50);
  }
  out.push({ q, docs, results: r.results.length, files });
}
process.stdout.write(JSON.stringify({ words: words.length, queries: out }));
