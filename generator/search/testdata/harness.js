// Test harness for static/js/search.js, run by search_test.go:
//
//   node harness.js SEARCH_JS INDEX_JS < request.json > response.json
//
// It loads search-index.js and search.js as classic scripts into one
// global (as search.html does), and the shards search.js asks for from
// search-index/ beside INDEX_JS, and answers a request:
//
//   {"queries": ["saree", ...],        results of DossierSearch.query
//    "folds": ["Péter", ...],          fold() and terms() of each string
//    "page": {"search": "?q=saree",    search.html in a tiny fake DOM:
//             "type": "gholami",       load with ?q=, then type a query;
//             "noIndex": true}}        without search-index.js
//
// The fake DOM throws if anything sets innerHTML or outerHTML.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [searchJS, indexJS] = process.argv.slice(2);
const req = JSON.parse(fs.readFileSync(0, 'utf8'));

// ---- A fake DOM, just enough for search.js ----

class Node {
  constructor(doc) { this.ownerDocument = doc; this.childNodes = []; this.parentNode = null; }
  get firstChild() { return this.childNodes[0] || null; }
  appendChild(c) {
    if (c instanceof Element && c.tagName === 'SCRIPT') loadScript(c);
    if (c instanceof Fragment) {
      for (const k of c.childNodes.slice()) this.appendChild(k);
      c.childNodes = [];
      return c;
    }
    if (c.parentNode) c.parentNode.removeChild(c);
    c.parentNode = this;
    this.childNodes.push(c);
    return c;
  }
  removeChild(c) {
    const i = this.childNodes.indexOf(c);
    if (i < 0) throw new Error('removeChild: not a child');
    this.childNodes.splice(i, 1);
    c.parentNode = null;
    return c;
  }
  get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
  set textContent(v) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    if (v !== '') this.appendChild(new Text(this.ownerDocument, String(v)));
  }
  set innerHTML(v) { throw new Error('innerHTML used'); }
  set outerHTML(v) { throw new Error('outerHTML used'); }
  insertAdjacentHTML() { throw new Error('insertAdjacentHTML used'); }
}
class Text extends Node {
  constructor(doc, data) { super(doc); this.data = data; }
  get textContent() { return this.data; }
  set textContent(v) { this.data = String(v); }
  serialize() { return esc(this.data); }
}
class Fragment extends Node {}
class Element extends Node {
  constructor(doc, tag) {
    super(doc);
    this.tagName = tag.toUpperCase();
    this.attrs = new Map();
    this.listeners = {};
    this.value = '';
  }
  get id() { return this.attrs.get('id') || ''; }
  set id(v) { this.attrs.set('id', String(v)); }
  get className() { return this.attrs.get('class') || ''; }
  set className(v) { this.attrs.set('class', String(v)); }
  setAttribute(k, v) { this.attrs.set(k, String(v)); }
  getAttribute(k) { return this.attrs.has(k) ? this.attrs.get(k) : null; }
  removeAttribute(k) { this.attrs.delete(k); }
  addEventListener(type, f) { (this.listeners[type] = this.listeners[type] || []).push(f); }
  dispatch(type, ev) {
    ev = Object.assign({ type, preventDefault() { this.defaultPrevented = true; } }, ev);
    for (const f of this.listeners[type] || []) f.call(this, ev);
    return ev;
  }
  focus() { this.ownerDocument.activeElement = this; }
  getElementsByTagName(tag) {
    const out = [];
    const walk = (n) => {
      for (const c of n.childNodes) {
        if (c instanceof Element) {
          if (c.tagName === tag.toUpperCase()) out.push(c);
          walk(c);
        }
      }
    };
    walk(this);
    return out;
  }
  serialize() {
    let a = '';
    for (const [k, v] of [...this.attrs].sort()) a += ` ${k}="${esc(v)}"`;
    return `<${this.tagName.toLowerCase()}${a}>${this.childNodes.map((c) => c.serialize()).join('')}</${this.tagName.toLowerCase()}>`;
  }
}
class Document extends Element {
  constructor() { super(null, '#document'); this.ownerDocument = this; this.readyState = 'complete'; this.activeElement = null; this.head = new Element(this, 'head'); }
  createElement(tag) { return new Element(this, tag); }
  createTextNode(s) { return new Text(this, String(s)); }
  createDocumentFragment() { return new Fragment(this); }
  getElementById(id) {
    const walk = (n) => {
      for (const c of n.childNodes) {
        if (c instanceof Element) {
          if (c.id === id) return c;
          const f = walk(c);
          if (f) return f;
        }
      }
      return null;
    };
    return walk(this);
  }
}
function esc(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---- Loading the two scripts as search.html does ----

// The page's timers are counted, so that a test waits until every timer
// the page set has run, however slow the machine, rather than for a
// fixed time that a loaded machine can overrun.
const pending = new Set();
function pageSetTimeout(f, ms) {
  const id = setTimeout(() => { pending.delete(id); f(); }, ms);
  pending.add(id);
  return id;
}
function pageClearTimeout(id) {
  pending.delete(id);
  clearTimeout(id);
}
async function settled() {
  do {
    await new Promise((r) => setTimeout(r, 50));
  } while (pending.size > 0);
}

// The context of the page, where a script element runs its file.
let pageCtx = null;

// loadScript runs the file a script element names, relative to
// INDEX_JS's folder (where search.html is), a moment after it is added
// to the page, then calls its onload, or its onerror when there is no
// such file.
function loadScript(el) {
  const ctx = pageCtx;
  pageSetTimeout(() => {
    let code;
    try {
      code = fs.readFileSync(path.join(path.dirname(indexJS), el.src), 'utf8');
    } catch (e) {
      if (el.onerror) el.onerror();
      return;
    }
    vm.runInContext(code, ctx, { filename: el.src });
    if (el.onload) el.onload();
  }, 1);
}

// settle answers a query, loading every shard it asks for first.
function settle(win, index, q) {
  let r = win.DossierSearch.query(index, q, 50);
  while (r.pending) {
    for (const name of r.pending) {
      const file = path.join(path.dirname(indexJS), 'search-index', name + '.js');
      vm.runInContext(fs.readFileSync(file, 'utf8'), win.ctx, { filename: file });
    }
    r = win.DossierSearch.query(index, q, 50);
  }
  return r;
}

function makeWindow(doc, search, noIndex) {
  const win = { setTimeout: pageSetTimeout, clearTimeout: pageClearTimeout, console };
  win.window = win;
  if (doc) {
    win.document = doc;
    win.location = { search, pathname: '/site/search.html' };
    win.history = { replaceState(s, t, url) { win.replaced = url; } };
  }
  const ctx = vm.createContext(win);
  Object.defineProperty(win, 'ctx', { value: ctx, enumerable: false });
  if (doc) pageCtx = ctx;
  if (!noIndex) vm.runInContext(fs.readFileSync(indexJS, 'utf8'), ctx, { filename: 'search-index.js' });
  vm.runInContext(fs.readFileSync(searchJS, 'utf8'), ctx, { filename: 'search.js' });
  return win;
}

function flat(pieces) {
  return pieces.map((p) => (p.mark ? '<mark>' + p.text + '</mark>' : p.text)).join('');
}

async function main() {
  const res = {};
  const win = makeWindow(null, '');
  const S = win.DossierSearch;
  if (req.queries) {
    const index = S.load(win.DOSSIER_SEARCH);
    res.queries = {};
    res.totals = {};
    for (const q of req.queries) {
      const r = settle(win, index, q);
      res.totals[q] = r.total;
      res.queries[q] = r.results.map((x) => ({
        url: x.url, title: x.title, alias: x.alias, exact: x.exact,
        kind: x.kind, date: x.date, status: x.status,
        snippet: flat(S.snippet(x.text, r.terms)),
      }));
    }
  }
  if (req.folds) {
    res.folds = {};
    for (const s of req.folds) res.folds[s] = { fold: S.fold(s), terms: S.terms(s) };
  }
  if (req.page) {
    const doc = new Document();
    const body = doc.appendChild(doc.createElement('body'));
    const form = body.appendChild(doc.createElement('form'));
    form.id = 'search-form';
    const input = form.appendChild(doc.createElement('input'));
    input.id = 'search-input';
    const box = body.appendChild(doc.createElement('div'));
    box.id = 'search-results';
    box.setAttribute('aria-live', 'polite');
    const pw = makeWindow(doc, req.page.search || '', req.page.noIndex);
    const wait = settled;
    await wait();
    res.page = { loaded: box.serialize(), loadedURL: pw.replaced || '', value: input.value };
    if (req.page.type !== undefined) {
      input.value = req.page.type;
      input.dispatch('input');
      await wait();
      res.page.typed = box.serialize();
      res.page.typedURL = pw.replaced || '';
    }
  }
  process.stdout.write(JSON.stringify(res));
}
main().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
