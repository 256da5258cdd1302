package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const hostile = `</script><script>alert(1)</script>`

// dossier is a small dossier in the shape of the real one.
var dossier = []Doc{
	{
		Kind: "event", Title: "Ikramuddin Sari and Mohammad Amin Almas shot dead in Tehran",
		Date: "24 December 2025", URL: "events/2025-12-24-tehran-shooting.html", Status: "reported",
		Keywords: []string{"Tehran", "Ikramuddin Sari", "Mohammad Amin Almas", "assassination", "Iran"},
		Text:     "General Ikramuddin Sari, a former senior police commander, and Mohammad Amin Almas, a former Afghan army commander, were shot dead on Wednesday evening in Tehran’s Valiasr district.",
	},
	{
		Kind: "event", Title: "Maroof Ghulami shot dead in Mashhad",
		Date: "September 2025", URL: "events/2025-09-maroof-ghulami-shooting.html", Status: "reported",
		Keywords: []string{"Mashhad", "Maroof Ghulami", "assassination", "Iran"},
		Text:     "Maroof Ghulami, a political and military figure close to Ismail Khan, was killed by gunfire in Mashhad. A petition for an inquiry followed.",
	},
	{
		Kind: "person", Title: "Ikramuddin Sari", URL: "people/ikramuddin-sari.html",
		Names:    []string{"Ikramuddin Saree", "Ekramuddin Saree", "Ikramuddin Sari Khosh-Eghbal"},
		Keywords: []string{"National Resistance Front"},
		Text:     "Former police commander of Takhar and Baghlan, who had publicly warned that his name was on a Taliban assassination list. He was killed in Tehran.",
	},
	{
		Kind: "person", Title: "Maroof Ghulami", URL: "people/maroof-ghulami.html",
		Names: []string{"Marouf Gholami"},
		Text:  "Political and military figure close to Ismail Khan.",
	},
	{
		Kind: "person", Title: "Mohammad Amin Almas", URL: "people/mohammad-amin-almas.html",
		Names: []string{"Almas Kohistani"},
		Text:  "Former Afghan army unit commander, shot with Sari in Tehran.",
	},
	{Kind: "person", Title: "Abdul Sarifi", URL: "people/abdul-sarifi.html"},
	{
		Kind: "person", Title: "Péter Szabó", URL: "people/peter-szabo.html",
		Text: "A journalist who wrote about Péter’s colleagues.",
	},
	{
		Kind: "place", Title: "Tehran", URL: "places/tehran.html", Names: []string{"تهران"},
		Text: "Capital of Iran.",
	},
	{
		Kind: "place", Title: "Peterborough", URL: "places/peterborough.html",
	},
	{
		Kind: "organization", Title: "National Resistance Front", URL: "organizations/nrf.html",
		Names: []string{"NRF", "Jabha-ye Moqawemat-e Milli"},
		Text:  "Armed opposition to the Taliban.",
	},
	{
		Kind: "source", Title: "Taliban’s reach extends beyond its borders", URL: "sources/taliban-reach.html",
		Date: "30 December 2025",
		Text: "Ekramuddin Saree was reported to have been shot dead after leaving his office in Valiasr Street in downtown Tehran.",
	},
	{Kind: "tag", Title: "assassination", URL: "tags/assassination.html"},
	// Words past U+FFFF and just below it sort differently in Go and JS.
	{Kind: "page", Title: "Glossary of ﬁ and 𝐀", URL: "pages/glossary.html"},
	{
		Kind: "page", Title: hostile, URL: "javascript:alert(1)",
		Names: []string{"<img src=x onerror=alert(2)>"},
		Text:  `<b onmouseover="alert(3)">bold</b> & "quotes" ` + "\u2028 line separator",
	},
}

func TestFilesAreDeterministic(t *testing.T) {
	reversed := slices.Clone(dossier)
	slices.Reverse(reversed)
	if a, b := files(t, dossier), files(t, reversed); !slices.EqualFunc(a, b, func(x, y File) bool {
		return x.Path == y.Path && bytes.Equal(x.Data, y.Data)
	}) {
		t.Error("Files gave different files for the same docs")
	}
}

func TestFilesEscapeContributorText(t *testing.T) {
	var all []byte
	for _, f := range files(t, dossier) {
		for _, bad := range []string{"<", ">", "&", "\u2028"} {
			if bytes.Contains(f.Data, []byte(bad)) {
				t.Errorf("%s contains a raw %q", f.Path, bad)
			}
		}
		all = append(all, f.Data...)
	}
	if !bytes.Contains(all, []byte(`\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e`)) {
		t.Error("hostile title not found escaped")
	}
}

func TestFilesFormat(t *testing.T) {
	idx := parse(t, files(t, dossier))
	var urls []string
	for _, d := range idx.Docs {
		urls = append(urls, d[2].(string))
	}
	// Tie order: kind, then folded title.
	want := []string{
		"people/abdul-sarifi.html",
		"people/ikramuddin-sari.html",
		"people/maroof-ghulami.html",
		"people/mohammad-amin-almas.html",
		"people/peter-szabo.html",
		"events/2025-12-24-tehran-shooting.html",
		"events/2025-09-maroof-ghulami-shooting.html",
		"organizations/nrf.html",
		"places/peterborough.html",
		"places/tehran.html",
		"sources/taliban-reach.html",
		"tags/assassination.html",
		"javascript:alert(1)",
		"pages/glossary.html",
	}
	if !slices.Equal(urls, want) {
		t.Errorf("doc order\n got %q\nwant %q", urls, want)
	}
	if !slices.IsSortedFunc(idx.Words, compareUTF16) || len(idx.Words) != len(idx.Post) {
		t.Fatal("words not sorted or not one posting list per word")
	}
	// Where each word is, decoded: doc URL → field.
	where := func(w string) map[string]int {
		i := slices.Index(idx.Words, w)
		if i < 0 {
			return nil
		}
		m := map[string]int{}
		for doc, f := range decodePostings(t, idx.Post[i]) {
			m[urls[doc]] = f
		}
		return m
	}
	for _, c := range []struct {
		word string
		url  string
		f    int
	}{
		{"saree", "people/ikramuddin-sari.html", fieldName},
		{"saree", "sources/taliban-reach.html", fieldBody},
		{"gholami", "people/maroof-ghulami.html", fieldName},
		{"valiasr", "events/2025-12-24-tehran-shooting.html", fieldBody},
		{"tehran", "events/2025-12-24-tehran-shooting.html", fieldName},
		{"tehran", "people/ikramuddin-sari.html", fieldBody},
		{"mashhad", "events/2025-09-maroof-ghulami-shooting.html", fieldName},
		{"assassination", "events/2025-09-maroof-ghulami-shooting.html", fieldKeyword},
		{"reported", "events/2025-12-24-tehran-shooting.html", fieldKeyword},
		{"december", "events/2025-12-24-tehran-shooting.html", fieldKeyword},
		{"peter", "people/peter-szabo.html", fieldName},
		{"eghbal", "people/ikramuddin-sari.html", fieldName},
		{"khosheghbal", "people/ikramuddin-sari.html", fieldName},
	} {
		if got := where(c.word)[c.url]; got != c.f {
			t.Errorf("%q in %s: field %d, want %d", c.word, c.url, got, c.f)
		}
	}
}

func TestSnippet(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  short\n\ntext ", "short text"},
		{strings.Repeat("word ", 100), strings.TrimSpace(strings.Repeat("word ", 60)) + "…"},
		{strings.Repeat("é", 400), strings.Repeat("é", snippetRunes) + "…"},
	} {
		if got := snippet(c.in); got != c.want {
			t.Errorf("snippet(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFilesWithNoDocs(t *testing.T) {
	fs := files(t, nil)
	var got []string
	for _, f := range fs {
		got = append(got, f.Path+": "+string(f.Data[bytes.LastIndexByte(f.Data[:len(f.Data)-1], '\n')+1:]))
	}
	want := []string{
		`search-index.js: window.DOSSIER_SEARCH = {"v":2,"n":0,"k":8,"t":[""]};` + "\n",
		`search-index/t0.js: DossierSearch.add("t",0,{"w":[],"p":[],"x":""});` + "\n",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// decodePostings reads a postings string into doc → field.
func decodePostings(t testing.TB, s string) map[int]int {
	t.Helper()
	m := map[int]int{}
	if dense, ok := strings.CutPrefix(s, "~"); ok {
		for k, c := range []byte(dense) {
			d := strings.IndexByte(digits, c)
			for j := range 3 {
				if f := d >> (2 * j) & 3; f != 0 {
					m[3*k+j] = f
				}
			}
		}
		return m
	}
	doc, v, shift := 0, 0, 0
	for _, c := range []byte(s) {
		d := strings.IndexByte(digits, c)
		if d < 0 {
			t.Fatalf("postings %q: bad digit %q", s, c)
		}
		v |= d & 31 << shift
		shift += 5
		if d < 32 {
			doc += v / 4
			m[doc] = v % 4
			v, shift = 0, 0
		}
	}
	return m
}

func TestPostingsForms(t *testing.T) {
	// Word "common" is in every doc, so dense; "rare" in two far apart.
	var docs []Doc
	for i := range 100 {
		d := Doc{Kind: "event", Title: fmt.Sprintf("event %03d", i), URL: fmt.Sprintf("e%03d.html", i), Text: "common"}
		if i == 1 || i == 99 {
			d.Keywords = []string{"rare"}
		}
		docs = append(docs, d)
	}
	idx := parse(t, files(t, docs))
	post := func(w string) string { return idx.Post[slices.Index(idx.Words, w)] }
	// Docs 1 and 99 as keyword (2): (1×4+2)=6 → "G"; (98×4+2)=394 =
	// 0b01100_01010 → 10+32=42 "q", 12 "M".
	if got := post("rare"); got != "GqM" {
		t.Errorf("rare: %q, want GqM", got)
	}
	// 100 docs with field 3: 33 digits of 3|3<<2|3<<4 = 63 "_", then
	// doc 99 alone: 3 "D".
	if got, want := post("common"), "~"+strings.Repeat("_", 33)+"D"; got != want {
		t.Errorf("common: %q, want %q", got, want)
	}
	for _, w := range []string{"rare", "common", "event"} {
		if m := decodePostings(t, post(w)); len(m) == 0 {
			t.Errorf("%s: no docs decoded", w)
		}
	}
}

// node runs testdata/harness.js on docs' index and req, decoding its
// answer into resp.
func node(t *testing.T, docs []Doc, req, resp any) {
	t.Helper()
	harness(t, searchJS, writeFiles(t, t.TempDir(), files(t, docs)), req, resp)
}

// harness runs testdata/harness.js on the search.js and search-index.js
// named and req, decoding its answer into resp.
func harness(t *testing.T, searchJS, indexJS string, req, resp any) {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH: skipping the tests of static/js/search.js")
	}
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "testdata/harness.js", searchJS, indexJS)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node harness: %v\n%s", err, stderr.Bytes())
	}
	if err := json.Unmarshal(out, resp); err != nil {
		t.Fatalf("harness answer: %v\n%s", err, out)
	}
}

// searchJS is the browser script under test.
var searchJS = filepath.Join("..", "..", "static", "js", "search.js")

type hit struct {
	URL, Title, Alias, Snippet string
	Exact                      bool
}

func TestNodeRanking(t *testing.T) {
	cases := []struct {
		q     string
		first string // URL of the first result, "" for no results
		alias string // the alias shown for the first result
		snip  string // text the first result's snippet contains
	}{
		{"Saree", "people/ikramuddin-sari.html", "Ikramuddin Saree", ""},
		{"saree", "people/ikramuddin-sari.html", "Ikramuddin Saree", ""},
		{"Ekramuddin", "people/ikramuddin-sari.html", "Ekramuddin Saree", ""},
		{"gholami", "people/maroof-ghulami.html", "Marouf Gholami", ""},
		{"valiasr", "events/2025-12-24-tehran-shooting.html", "", "Tehran’s <mark>Valiasr</mark> district"},
		{"Valiasr Street", "sources/taliban-reach.html", "", "<mark>Valiasr</mark> <mark>Street</mark>"},
		{"pet", "people/peter-szabo.html", "", "<mark>Pét</mark>er’s"},
		{"peter", "people/peter-szabo.html", "", ""},
		{"sari", "people/ikramuddin-sari.html", "", ""}, // a whole word beats a prefix (Sarifi)
		{"sarif", "people/abdul-sarifi.html", "", ""},
		{"Péter", "people/peter-szabo.html", "", ""},
		{"tehran", "places/tehran.html", "", ""}, // a whole title beats kind order
		{"sari tehran", "events/2025-12-24-tehran-shooting.html", "", ""},
		{"ikramuddin saree", "people/ikramuddin-sari.html", "Ikramuddin Saree", ""},
		{"khosh-eghbal", "people/ikramuddin-sari.html", "Ikramuddin Sari Khosh-Eghbal", ""},
		{"eghbal", "people/ikramuddin-sari.html", "Ikramuddin Sari Khosh-Eghbal", ""},
		{"khosheghbal", "people/ikramuddin-sari.html", "", ""},
		{"nrf", "organizations/nrf.html", "NRF", ""},
		{"jabha moqaw", "organizations/nrf.html", "Jabha-ye Moqawemat-e Milli", ""},
		{"تهران", "places/tehran.html", "تهران", ""},
		{"mashhad", "events/2025-09-maroof-ghulami-shooting.html", "", ""},
		{"december 2025", "events/2025-12-24-tehran-shooting.html", "", ""},
		{"alert", "javascript:alert(1)", "", ""},
		{"ﬁ", "pages/glossary.html", "", ""},
		{"𝐀", "pages/glossary.html", "", ""},
		{"xyzzy", "", "", ""},
		{"  ", "", "", ""},
	}
	var queries []string
	for _, c := range cases {
		queries = append(queries, c.q)
	}
	var resp struct{ Queries map[string][]hit }
	node(t, dossier, map[string]any{"queries": queries}, &resp)
	for _, c := range cases {
		hits := resp.Queries[c.q]
		if c.first == "" {
			if len(hits) != 0 {
				t.Errorf("%q: %d results, want none", c.q, len(hits))
			}
			continue
		}
		if len(hits) == 0 {
			t.Errorf("%q: no results, want %s first", c.q, c.first)
			continue
		}
		h := hits[0]
		if h.URL != c.first {
			t.Errorf("%q: first %s, want %s (all: %v)", c.q, h.URL, c.first, urlsOf(hits))
		}
		if h.Alias != c.alias {
			t.Errorf("%q: alias %q, want %q", c.q, h.Alias, c.alias)
		}
		if !strings.Contains(h.Snippet, c.snip) {
			t.Errorf("%q: snippet %q does not contain %q", c.q, h.Snippet, c.snip)
		}
	}
	// Ties go by kind, then title: people before events before places.
	if got, want := urlsOf(resp.Queries["saree"]), []string{
		"people/ikramuddin-sari.html", "sources/taliban-reach.html",
	}; !slices.Equal(got, want) {
		t.Errorf("saree: %q, want %q", got, want)
	}
	if got, want := urlsOf(resp.Queries["pet"]), []string{
		"people/peter-szabo.html", "places/peterborough.html", "events/2025-09-maroof-ghulami-shooting.html",
	}; !slices.Equal(got, want) {
		t.Errorf("pet: %q, want %q", got, want)
	}
}

func urlsOf(hits []hit) []string {
	var u []string
	for _, h := range hits {
		u = append(u, h.URL)
	}
	return u
}

func TestNodeFoldsAlike(t *testing.T) {
	var in []string
	for _, c := range foldCases {
		in = append(in, c.in)
	}
	in = append(in, "Khosh-Eghbal ʿAlī", "Taliban’s, (reach)", "a\u00adb c\u200cd")
	var resp struct {
		Folds map[string]struct {
			Fold  string
			Terms []string
		}
	}
	node(t, nil, map[string]any{"folds": in}, &resp)
	for _, s := range in {
		js := resp.Folds[s]
		if js.Fold != Fold(s) {
			t.Errorf("fold(%q): search.js %q, Go %q", s, js.Fold, Fold(s))
		}
		if want := terms(s); !slices.Equal(js.Terms, want) && !(len(js.Terms) == 0 && len(want) == 0) {
			t.Errorf("terms(%q): search.js %q, Go %q", s, js.Terms, want)
		}
	}
}

func TestNodePage(t *testing.T) {
	var resp struct {
		Page struct{ Loaded, LoadedURL, Value, Typed, TypedURL string }
	}
	node(t, dossier, map[string]any{"page": map[string]any{"search": "?q=saree", "type": "onerror"}}, &resp)
	p := resp.Page
	if p.Value != "saree" {
		t.Errorf("input value %q, want saree from ?q=", p.Value)
	}
	for _, want := range []string{
		`<p aria-hidden="true" class="search-count" id="search-count">2 results for “saree”.</p>`,
		`id="search-status" role="status" style="position:absolute;`,
		`white-space:nowrap">2 results for “saree”.</p>`,
		`<ol class="search-list" id="search-list"><li class="search-result"><h2 class="search-result-title"><a dir="auto" href="people/ikramuddin-sari.html">Ikramuddin Sari</a></h2>`,
		`<p class="search-result-meta">Person</p><p class="search-result-alias" dir="auto">Also known as Ikramuddin Saree</p>`,
		`<p class="search-result-meta">Source · 30 December 2025</p>`,
		`Ekramuddin <mark>Saree</mark> was reported`,
	} {
		if !strings.Contains(p.Loaded, want) {
			t.Errorf("page for ?q=saree lacks\n%s\nin\n%s", want, p.Loaded)
		}
	}
	if strings.Contains(p.Loaded, `<div aria-live`) {
		t.Error("the results box stays a live region: the whole list would be read out")
	}
	if p.LoadedURL != "?q=saree" || p.TypedURL != "?q=onerror" {
		t.Errorf("URLs %q, %q; want ?q=saree, ?q=onerror", p.LoadedURL, p.TypedURL)
	}
	// Hostile text is text: escaped by the serializer, and no script or
	// img element; its javascript: URL does not become a link.
	for _, want := range []string{
		`<a dir="auto" href="#">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>`,
		`Also known as &lt;img src=x onerror=alert(2)&gt;`,
		`&lt;b onmouseover=&quot;alert(3)&quot;&gt;bold&lt;/b&gt; &amp;`,
	} {
		if !strings.Contains(p.Typed, want) {
			t.Errorf("page for onerror lacks\n%s\nin\n%s", want, p.Typed)
		}
	}
	if !strings.Contains(p.Typed, `white-space:nowrap">1 result for “onerror”.</p>`) {
		t.Errorf("status not updated after typing:\n%s", p.Typed)
	}
	for _, bad := range []string{"<script", "<img", "<b "} {
		if strings.Contains(p.Typed, bad) {
			t.Errorf("page for onerror holds an element %s", bad)
		}
	}
}

func TestNodePageWithoutIndex(t *testing.T) {
	var resp struct{ Page struct{ Loaded string } }
	node(t, dossier, map[string]any{"page": map[string]any{"search": "?q=saree", "noIndex": true}}, &resp)
	if want := `<p class="search-count" id="search-count">Search is unavailable: its index, search-index.js, is missing`; !strings.Contains(resp.Page.Loaded, want) {
		t.Errorf("page without index lacks\n%s\nin\n%s", want, resp.Page.Loaded)
	}
}

// FuzzSnippet holds snippet to what it was before it stopped collapsing
// the whole text: strings.Fields, joined, cut at snippetRunes runes.
func FuzzSnippet(f *testing.F) {
	for _, s := range []string{
		"", " ", "a b", strings.Repeat("word ", 80), strings.Repeat("é", 400),
		strings.Repeat("x", 299) + " y", strings.Repeat("x", 300) + " y", strings.Repeat("x", 300) + "  \n ", "\xff \u00a0\u2003z",
		strings.Repeat("ab, ", 100), strings.Repeat(" ", 5000) + strings.Repeat("q ", 200),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := snippet(s), fieldsSnippet(s); got != want {
			t.Errorf("snippet(%q) = %q, want %q", s, got, want)
		}
	})
}

func fieldsSnippet(text string) string {
	s := strings.Join(strings.Fields(text), " ")
	cut, n := len(s), 0
	for i := range s {
		if n == snippetRunes {
			cut = i
			break
		}
		n++
	}
	if cut == len(s) {
		return s
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > snippetRunes/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// A Dari query finds what is written with Arabic letter forms, harakat,
// tatweel, a zero-width non-joiner or other digits, and the other way
// round: the index and search.js fold both sides alike.
func TestNodeFindsPersianVariants(t *testing.T) {
	docs := []Doc{
		{Kind: "person", Title: "اکرام‌الدین ساری", URL: "people/sari.html", Names: []string{"Ikramuddin Sari"}},
		{Kind: "event", Title: "كشته شدن در مشهد", URL: "events/mashhad.html", Date: "۲۴ اسد ۱۴۰۰",
			Text: "مـحـمَّد در مدرسة ۱۴۰۴ ديده شد."},
	}
	cases := []struct{ q, first string }{
		{"ساری", "people/sari.html"},
		{"ساري", "people/sari.html"},             // Arabic yeh in the query
		{"اکرامالدین", "people/sari.html"},       // the ZWNJ left out
		{"اکرام\u200cالدین", "people/sari.html"}, // or typed
		{"الدین", "people/sari.html"},            // a part after a ZWNJ
		{"کشته", "events/mashhad.html"},          // Arabic kaf in the text
		{"محمد", "events/mashhad.html"},          // tatweel and harakat in the text
		{"مدرسه", "events/mashhad.html"},         // teh marbuta in the text
		{"دیده", "events/mashhad.html"},          // Arabic yeh in the text
		{"1404", "events/mashhad.html"},          // Persian digits in the text
		{"١٤٠٤", "events/mashhad.html"},          // Arabic-Indic digits in the query
	}
	var queries []string
	for _, c := range cases {
		queries = append(queries, c.q)
	}
	var resp struct{ Queries map[string][]hit }
	node(t, docs, map[string]any{"queries": queries}, &resp)
	for _, c := range cases {
		if hits := resp.Queries[c.q]; len(hits) == 0 || hits[0].URL != c.first {
			t.Errorf("%q: %v, want %s first", c.q, urlsOf(hits), c.first)
		}
	}
}

// A query typed that starts many words, and so needs more shards than
// search.js loads at once while typing, still shows its results when
// typing stops there.
func TestNodePageTypedShortQuery(t *testing.T) {
	docs := synthEvents(1000)
	var m struct{ T []string }
	unwrap(t, files(t, docs)[0].Data, "window.DOSSIER_SEARCH = ", ";\n", &m)
	// The letter that starts the most shards: it needs those and the one
	// before the first.
	count := map[string]int{}
	letter := ""
	for _, b := range m.T[1:] {
		if count[b[:1]]++; count[b[:1]] > count[letter] {
			letter = b[:1]
		}
	}
	const many = 4 // MANY_SHARDS in search.js
	if count[letter]+1 <= many {
		t.Fatalf("%q needs only %d shards", letter, count[letter]+1)
	}
	var resp struct{ Page struct{ Typed string } }
	node(t, docs, map[string]any{"page": map[string]any{"type": letter}}, &resp)
	if want := `The first 50 of `; !strings.Contains(resp.Page.Typed, want) || !strings.Contains(resp.Page.Typed, "<mark>"+strings.ToUpper(letter)) {
		t.Errorf("typing %s shows\n%s", letter, resp.Page.Typed)
	}
}

// A shard that does not load makes the page say that search is
// unavailable, as a missing manifest does, rather than show nothing.
func TestNodePageWithoutAShard(t *testing.T) {
	dir := t.TempDir()
	indexJS := writeFiles(t, dir, files(t, dossier))
	if err := os.Remove(filepath.Join(dir, "search-index", "d0.js")); err != nil {
		t.Fatal(err)
	}
	var resp struct{ Page struct{ Loaded string } }
	harness(t, searchJS, indexJS, map[string]any{"page": map[string]any{"search": "?q=saree"}}, &resp)
	if want := `<p class="search-count" id="search-count">Search is unavailable: its index, search-index/d0.js, is missing`; !strings.Contains(resp.Page.Loaded, want) {
		t.Errorf("page without a shard lacks\n%s\nin\n%s", want, resp.Page.Loaded)
	}
}

// TestBodyWordsCapped checks that a body gives at most maxBodyWords
// distinct words, the first it holds, while the title's words, met before
// the body, are not counted against it and are found as names.
func TestBodyWordsCapped(t *testing.T) {
	var body strings.Builder
	for i := range maxBodyWords + 10 {
		fmt.Fprintf(&body, "w%d title w0 ", i) // repeats do not count
	}
	idx := parse(t, files(t, []Doc{{Kind: "page", Title: "Title", URL: "p.html", Text: body.String()}}))
	has := func(w string) bool { return slices.Contains(idx.Words, w) }
	for _, c := range []struct {
		word string
		want bool
	}{
		{"w0", true},
		{fmt.Sprint("w", maxBodyWords-1), true},
		{fmt.Sprint("w", maxBodyWords), false},
		{fmt.Sprint("w", maxBodyWords+9), false},
		{"title", true},
	} {
		if has(c.word) != c.want {
			t.Errorf("index holds %q: %v, want %v", c.word, !c.want, c.want)
		}
	}
	if n := len(idx.Words); n != maxBodyWords+1 {
		t.Errorf("%d words, want %d: the title and %d from the body", n, maxBodyWords+1, maxBodyWords)
	}
}

// TestTokenizerReused checks that one tokenizer, its buffers reused from
// text to text, gives each text's tokens as a new one would.
func TestTokenizerReused(t *testing.T) {
	texts := []string{"Khosh-Eghbal and ʿAlī", "a", "", "Jabha-ye Moqawemat-e Milli, ساري\u200cها ۱۴۰۴", "KABUL kabul"}
	var tok tokenizer
	for _, s := range texts {
		var got []string
		for _, w := range tok.tokens(s) {
			got = append(got, string(w))
		}
		if want := tokens(s); !slices.Equal(got, want) {
			t.Errorf("reused tokenizer on %q: %q, want %q", s, got, want)
		}
	}
}

// TestDocOrder checks the order docs tie in: kind, then folded title (so
// case and accents do not split the alphabet), then title, then URL.
func TestDocOrder(t *testing.T) {
	docs := []Doc{
		{Kind: "event", Title: "abel", URL: "e.html"},
		{Kind: "person", Title: "Zed", URL: "z.html"},
		{Kind: "person", Title: "Ábel", URL: "b.html"},
		{Kind: "person", Title: "Ábel", URL: "a.html"},
		{Kind: "person", Title: "Abel", URL: "c.html"},
		{Kind: "zine", Title: "a", URL: "y.html"},
		{Kind: "page", Title: "b", URL: "x.html"},
	}
	var got []string
	for _, d := range sortDocs(docs) {
		got = append(got, d.URL)
	}
	if want := []string{"c.html", "a.html", "b.html", "z.html", "e.html", "x.html", "y.html"}; !slices.Equal(got, want) {
		t.Errorf("order %q, want %q", got, want)
	}
}
