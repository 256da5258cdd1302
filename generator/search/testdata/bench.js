// Times static/js/search.js on a search-index.js and its shards, as a user
// typing:
//
//   node bench.js SEARCH_JS INDEX_JS
//
// Each query is one keystroke's work: DossierSearch.query for 50 results
// plus their snippets (not the DOM). Cold is the first pass, which decodes
// the postings it touches; warm is the median of ten more passes. Every
// shard is loaded first: this times the search, not the loading. Prints
// JSON: load_ms (running search-index.js, every shard and load), cold and
// warm median and max in ms, and the slowest query.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { performance } = require('perf_hooks');

const [searchJS, indexJS] = process.argv.slice(2);
const win = {};
win.window = win;
const ctx = vm.createContext(win);
const t0 = performance.now();
vm.runInContext(fs.readFileSync(indexJS, 'utf8'), ctx);
vm.runInContext(fs.readFileSync(searchJS, 'utf8'), ctx);
const S = win.DossierSearch;
const index = S.load(win.DOSSIER_SEARCH);
const shardDir = path.join(path.dirname(indexJS), 'search-index');
for (const f of fs.readdirSync(shardDir).sort()) vm.runInContext(fs.readFileSync(path.join(shardDir, f), 'utf8'), ctx);
const loadMs = performance.now() - t0;

// What people type: titles of a few docs, a body word, a date; each
// letter by letter.
const docs = Array.from({ length: win.DOSSIER_SEARCH.n }, (_, i) => index.doc(i));
const typed = [docs[10][1], docs[2500][1].split(' ').slice(0, 2).join(' '), docs[4000][3],
  'a', 'k', 's', 'reported kar', docs[77][5].split(' ').slice(3, 5).join(' ')];
const queries = [];
for (const t of typed) for (let i = 1; i <= t.length; i++) queries.push(t.slice(0, i));

function once(q) {
  const s = performance.now();
  const r = S.query(index, q, 50);
  for (const x of r.results) S.snippet(x.text, r.terms);
  return performance.now() - s;
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

const cold = queries.map(once);
const warm = queries.map((q) => median(Array.from({ length: 10 }, () => once(q))));
let worst = 0;
for (let i = 0; i < queries.length; i++) if (cold[i] > cold[worst]) worst = i;
const r2 = (x) => Math.round(x * 100) / 100;
process.stdout.write(JSON.stringify({
  queries: queries.length,
  load_ms: r2(loadMs),
  cold_median_ms: r2(median(cold)),
  cold_max_ms: r2(Math.max(...cold)),
  warm_median_ms: r2(median(warm)),
  warm_max_ms: r2(Math.max(...warm)),
  slowest: queries[worst],
}) + '\n');
