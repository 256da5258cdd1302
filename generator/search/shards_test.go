package search

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// files returns Files(docs), failing the test on an error.
func files(t testing.TB, docs []Doc) []File {
	t.Helper()
	fs, err := Files(docs)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// writeFiles writes fs under dir and returns the path of the manifest.
func writeFiles(t testing.TB, dir string, fs []File) string {
	t.Helper()
	for _, f := range fs {
		name := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, name, f.Data)
	}
	return filepath.Join(dir, "search-index.js")
}

// parse reads the index back out of its files, joined into one as the
// single search-index.js of format 1 held it.
func parse(t testing.TB, fs []File) indexV1 {
	t.Helper()
	byPath := map[string][]byte{}
	for _, f := range fs {
		byPath[f.Path] = f.Data
	}
	var m struct {
		V, N, K int
		T       []string
	}
	unwrap(t, byPath["search-index.js"], "window.DOSSIER_SEARCH = ", ";\n", &m)
	idx := indexV1{V: 1, Docs: [][]any{}, Words: []string{}, Post: []string{}}
	for i := range m.T {
		var s struct {
			W, P []string
			X    string
		}
		name := "search-index/t" + strconv.Itoa(i) + ".js"
		unwrap(t, byPath[name], `DossierSearch.add("t",`+strconv.Itoa(i)+",", ");\n", &s)
		if i > 0 && (len(s.W) == 0 || s.W[0] != m.T[i]) {
			t.Fatalf("%s does not start with its bound %q", name, m.T[i])
		}
		idx.Words = append(idx.Words, s.W...)
		idx.Post = append(idx.Post, s.P...)
	}
	for i := 0; i*m.K < m.N; i++ {
		var docs [][]any
		name := "search-index/d" + strconv.Itoa(i) + ".js"
		unwrap(t, byPath[name], `DossierSearch.add("d",`+strconv.Itoa(i)+",", ");\n", &docs)
		if len(docs) != min(m.K, m.N-i*m.K) {
			t.Fatalf("%s holds %d docs", name, len(docs))
		}
		idx.Docs = append(idx.Docs, docs...)
	}
	if n := len(m.T) + (m.N+m.K-1)/m.K + 1; n != len(fs) {
		t.Fatalf("%d files, want %d", len(fs), n)
	}
	return idx
}

// unwrap decodes the JSON of a script that is head, the value, tail.
func unwrap(t testing.TB, js []byte, head, tail string, v any) {
	t.Helper()
	_, obj, ok := bytes.Cut(js, []byte(head))
	if !ok || !bytes.HasSuffix(obj, []byte(tail)) {
		t.Fatalf("%.80q is not %s...%s", js, head, tail)
	}
	if err := json.Unmarshal(bytes.TrimSuffix(obj, []byte(tail)), v); err != nil {
		t.Fatal(err)
	}
}

// parseV1 reads the JSON of a search-index.js of format 1.
func parseV1(t testing.TB, js []byte) indexV1 {
	t.Helper()
	var idx indexV1
	unwrap(t, js, "window.DOSSIER_SEARCH = ", ";\n", &idx)
	return idx
}

// persian is a small dossier in Dari, and in Arabic letter forms.
var persian = []Doc{
	{Kind: "person", Title: "اکرام‌الدین ساری", URL: "people/sari.html", Names: []string{"Ikramuddin Sari", "اکرام الدین ساري"}},
	{Kind: "event", Title: "كشته شدن در مشهد", URL: "events/mashhad.html", Date: "۲۴ اسد ۱۴۰۰",
		Text: "مـحـمَّد در مدرسة ۱۴۰۴ ديده شد. اکرام‌الدین ساری"},
	{Kind: "place", Title: "مشهد", URL: "places/mashhad.html", Names: []string{"Mashhad", "Meshed"}},
}

// corpora are the dossiers the shards are checked on.
var corpora = map[string][]Doc{
	"dossier": dossier,
	"persian": persian,
	"synth":   synthEvents(150),
}

// The shards hold exactly what the single index held: the same docs in
// the same order, the same words with the same postings.
func TestShardsHoldTheSingleIndex(t *testing.T) {
	for name, docs := range corpora {
		js, err := scriptV1(docs)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(parseV1(t, js))
		got, _ := json.Marshal(parse(t, files(t, docs)))
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the shards joined differ from the single index", name)
		}
	}
}

// queriesFor returns what people search a dossier for: every word of the
// index, its first letters, every title and name and their first two
// words, pairs of words, and a few that find nothing.
func queriesFor(idx indexV1) []string {
	seen := map[string]bool{}
	var qs []string
	q := func(s string) {
		if !seen[s] {
			seen[s] = true
			qs = append(qs, s)
		}
	}
	for i, w := range idx.Words {
		q(w)
		for n := 1; n <= 3; n++ {
			if r := []rune(w); len(r) > n {
				q(string(r[:n]))
			}
		}
		if i%7 == 0 && i+13 < len(idx.Words) {
			q(w + " " + idx.Words[i+13])
		}
	}
	for _, d := range idx.Docs {
		names := []string{d[1].(string)}
		for _, n := range d[6].([]any) {
			names = append(names, n.(string))
		}
		for _, n := range names {
			q(n)
			q(strings.ToUpper(n))
			if f := strings.Fields(n); len(f) > 2 {
				q(strings.Join(f[:2], " "))
				q(f[0] + " " + f[0])
			}
		}
	}
	for _, s := range []string{"", "  ", "xyzzy", "zz top", "a", "ب", "𝐀", "ﬁ"} {
		q(s)
	}
	return qs
}

type answer struct {
	Queries map[string][]map[string]any
	Totals  map[string]int
}

// The sharded index finds what the single index found, in the same
// order, with the same titles, aliases and snippets: the new search.js
// on the shards against the old one (testdata/search-v1.js) on the
// single index, for every word and many more queries.
func TestNodeShardsAnswerAsTheSingleIndex(t *testing.T) {
	for name, docs := range corpora {
		t.Run(name, func(t *testing.T) {
			compareEngines(t, docs, nil)
		})
	}
}

// compareEngines runs the queries, and those queriesFor gives, through
// both engines on docs, and reports any difference.
func compareEngines(t *testing.T, docs []Doc, extra []string) {
	t.Helper()
	js, err := scriptV1(docs)
	if err != nil {
		t.Fatal(err)
	}
	compareIndexes(t, js, writeFiles(t, t.TempDir(), files(t, docs)), extra)
}

// compareBuilt runs both engines on the index of a built site's
// language, in dir: search.js on its shards, and search-v1.js on them
// joined into the single index of format 1.
func compareBuilt(t *testing.T, dir string, extra []string) {
	t.Helper()
	var fs []File
	for _, name := range []string{"search-index.js", "search-index"} {
		err := filepath.WalkDir(filepath.Join(dir, name), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			fs = append(fs, File{filepath.ToSlash(rel), data})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	idx, err := json.Marshal(parse(t, fs))
	if err != nil {
		t.Fatal(err)
	}
	js := append(append([]byte("window.DOSSIER_SEARCH = "), idx...), ";\n"...)
	compareIndexes(t, js, filepath.Join(dir, "search-index.js"), extra)
}

// compareIndexes runs the queries, and those queriesFor gives, through
// search-v1.js on js, a search-index.js of format 1, and search.js on the
// shards of manifest, and reports any difference.
func compareIndexes(t *testing.T, js []byte, manifest string, extra []string) {
	t.Helper()
	queries := append(queriesFor(parseV1(t, js)), extra...)
	req := map[string]any{"queries": queries}
	var old, sharded answer
	oldJS := filepath.Join(t.TempDir(), "search-index.js")
	writeFile(t, oldJS, js)
	harness(t, filepath.Join("testdata", "search-v1.js"), oldJS, req, &old)
	harness(t, searchJS, manifest, req, &sharded)
	bad := 0
	for _, q := range queries {
		a, b := old.Queries[q], sharded.Queries[q]
		aj, _ := json.Marshal(a)
		bj, _ := json.Marshal(b)
		if !bytes.Equal(aj, bj) || old.Totals[q] != sharded.Totals[q] {
			t.Errorf("%q: the shards give %d results\n%s\nthe single index %d\n%s", q, sharded.Totals[q], bj, old.Totals[q], aj)
			if bad++; bad == 5 {
				t.Fatal("more differences left out")
			}
		}
	}
	if len(queries) < 20 || !slices.ContainsFunc(queries, func(q string) bool { return len(old.Queries[q]) > 0 }) {
		t.Fatalf("only %d queries, or none finds anything", len(queries))
	}
	t.Logf("%d queries answered alike", len(queries))
}
