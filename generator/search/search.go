// Package search builds the offline search index of the site.
//
// The site must search from file:// with no server, so there is no fetch,
// no XHR, no WASM and no ES modules: search.html loads two classic scripts,
// first search-index.js, written by Script, then js/search.js, a static
// file. search-index.js is one statement,
//
//	window.DOSSIER_SEARCH = {...};
//
// and the object it assigns is plain JSON (made by encoding/json, which
// escapes <, > and &, so no contributor text can close the script):
//
//	{
//	  "v": 1,
//	  "docs":  [[kind, title, url, date, status, snippet, [names...]], ...],
//	  "words": [folded token, ...],
//	  "post":  [postings, ...]
//	}
//
// docs are sorted in the order search results tie in: by kind (person,
// event, organization, place, source, tag, page, then any other kind by
// name), then by folded title, title and URL. A doc's number is its place
// in docs. snippet is the start of the doc's text, whitespace collapsed,
// cut at a word and ended with "…" when cut.
//
// words are the folded tokens (see Fold) of every doc, unique, sorted by
// UTF-16 code units, which is how JavaScript compares strings, so the
// browser finds every word starting with what the user typed by binary
// search. post[i] is a string that lists the docs holding words[i], each
// with field, where the word is in that doc, the strongest place winning:
// 1 the title or a name, 2 a keyword (place, tag, person, date, status),
// 3 the body text. The characters are the 64 digits
// A–Z a–z 0–9 - _ (values 0–63), in one of two forms, whichever is
// shorter:
//
//   - Sparse: for each doc in increasing order, v = (doc − previous
//     doc)×4 + field, the previous doc starting at 0, written in groups of
//     5 bits, lowest first, each digit being the group + 32 when more
//     groups follow.
//   - Dense, for words in many docs: "~", then one digit per three docs
//     from doc 0, holding the fields (0 for none) of docs 3k, 3k+1 and
//     3k+2 in bits 0–1, 2–3 and 4–5; trailing zero digits are left off.
//
// A word is a run of letters, digits and marks; hyphens and apostrophes
// join parts of one word, which is indexed as each part and as the parts
// run together. Body text gives at most maxBodyWords distinct words.
package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Doc is one searchable page.
type Doc struct {
	Kind     string   // "event", "person", "organization", "place", "source", "tag", "page"
	Title    string   // display title
	Names    []string // other names to match strongly: aliases, transliterations, native names
	Date     string   // human date to show ("24 December 2025", "September 2025"), may be empty
	URL      string   // root-relative page path, like "people/ikramuddin-sari.html"
	Status   string   // events: confirmed/reported/alleged/disputed, else ""
	Keywords []string // place, tag and people names related to the doc (weaker matches)
	Text     string   // plain body text (no markup), for snippets and the weakest matches
}

// Field strengths, as stored in postings. Keep in step with search.js.
const (
	fieldName    = 1
	fieldKeyword = 2
	fieldBody    = 3
)

const (
	// snippetRunes is how much of a doc's text the index keeps to show.
	// About three lines under a result; the whole text is still searched.
	snippetRunes = 300
	// maxBodyWords caps the distinct body words indexed per doc, so one
	// very long page cannot swell the index for everyone.
	maxBodyWords = 1500
)

// digits are the 64 digits of postings, all safe in JSON unescaped.
const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// kindOrder is the order results of equal strength are shown in.
var kindOrder = []string{"person", "event", "organization", "place", "source", "tag", "page"}

// index is the JSON assigned to window.DOSSIER_SEARCH.
type index struct {
	V     int      `json:"v"`
	Docs  [][]any  `json:"docs"`
	Words []string `json:"words"`
	Post  []string `json:"post"`
}

// Script returns search-index.js for docs. The same docs, in any order,
// give the same bytes.
func Script(docs []Doc) ([]byte, error) {
	docs = sortDocs(docs)
	idx := index{V: 1, Docs: make([][]any, len(docs)), Words: []string{}, Post: []string{}}

	// Words are numbered as they are met, so that a doc's words are
	// marked in a slice rather than in a map cleared for every doc.
	type posting struct{ doc, field int }
	type word struct {
		text string
		post []posting // the docs holding it, in order
		seen int       // the last doc that marked it, plus 1
		best int       // its strongest field in that doc
	}
	var (
		id    = map[string]int{} // text → number
		words []word             // by number
		marks []int              // the words marked in the doc being read
		toks  []string
	)
	// mark notes word w in doc i with field.
	mark := func(i int, w string, field int) {
		n, ok := id[w]
		if !ok {
			n = len(words)
			id[w] = n
			words = append(words, word{text: w})
		}
		x := &words[n]
		if x.seen == i+1 {
			x.best = min(x.best, field)
			return
		}
		x.seen, x.best = i+1, field
		marks = append(marks, n)
	}
	for i, d := range docs {
		names := d.Names
		if names == nil {
			names = []string{}
		}
		idx.Docs[i] = []any{d.Kind, d.Title, d.URL, d.Date, d.Status, snippet(d.Text), names}

		marks = marks[:0]
		add := func(field int, s string) {
			toks = appendTokens(toks[:0], s)
			for _, w := range toks {
				mark(i, w, field)
			}
		}
		add(fieldName, d.Title)
		for _, n := range d.Names {
			add(fieldName, n)
		}
		for _, k := range d.Keywords {
			add(fieldKeyword, k)
		}
		add(fieldKeyword, d.Date)
		add(fieldKeyword, d.Status)
		body := 0
		toks = appendTokens(toks[:0], d.Text)
		for _, w := range toks {
			if n, ok := id[w]; ok && words[n].seen == i+1 {
				continue
			}
			if body == maxBodyWords {
				break
			}
			mark(i, w, fieldBody)
			body++
		}
		// Docs are visited in order, so each word's list stays sorted.
		for _, n := range marks {
			x := &words[n]
			x.post = append(x.post, posting{i, x.best})
		}
	}

	slices.SortFunc(words, func(a, b word) int { return compareUTF16(a.text, b.text) })
	for _, x := range words {
		w, ps := x.text, x.post
		var sparse []byte
		prev := 0
		for _, p := range ps {
			for v := (p.doc-prev)*4 + p.field; ; v >>= 5 {
				if v < 32 {
					sparse = append(sparse, digits[v])
					break
				}
				sparse = append(sparse, digits[v&31|32])
			}
			prev = p.doc
		}
		enc := string(sparse)
		// The dense form has one digit per three docs up to the last.
		if last := ps[len(ps)-1].doc; last/3+2 < len(sparse) {
			dense := make([]byte, last/3+1)
			for _, p := range ps {
				dense[p.doc/3] |= byte(p.field << (2 * (p.doc % 3)))
			}
			for i, d := range dense {
				dense[i] = digits[d]
			}
			enc = "~" + string(dense)
		}
		idx.Words = append(idx.Words, w)
		idx.Post = append(idx.Post, enc)
	}

	var buf bytes.Buffer
	buf.WriteString("/* Search index for search.html, made by the dossier generator. */\nwindow.DOSSIER_SEARCH = ")
	// json.Encoder escapes <, >, & and U+2028/U+2029, so the output is
	// safe inside a script whatever contributors write.
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(idx); err != nil {
		return nil, err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	buf.WriteString(";\n")
	return buf.Bytes(), nil
}

// sortDocs returns a copy of docs in result tie order: kind, folded title,
// title, URL.
func sortDocs(docs []Doc) []Doc {
	type keyed struct {
		d    Doc
		kind int
		fold string
	}
	ks := make([]keyed, len(docs))
	for i, d := range docs {
		k := slices.Index(kindOrder, d.Kind)
		if k < 0 {
			k = len(kindOrder)
		}
		ks[i] = keyed{d, k, Fold(d.Title)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(
			cmp.Compare(a.kind, b.kind),
			strings.Compare(a.d.Kind, b.d.Kind),
			strings.Compare(a.fold, b.fold),
			strings.Compare(a.d.Title, b.d.Title),
			strings.Compare(a.d.URL, b.d.URL),
		)
	})
	out := make([]Doc, len(ks))
	for i, k := range ks {
		out[i] = k.d
	}
	return out
}

// compareUTF16 orders strings as JavaScript's < does, by UTF-16 code
// units, which differs from Go's byte order for runes above U+FFFF.
func compareUTF16(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			return slices.Compare(utf16.AppendRune(nil, ra), utf16.AppendRune(nil, rb))
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// snippet returns the start of text to show under a result: whitespace
// collapsed, at most snippetRunes runes, cut at a space.
func snippet(text string) string {
	// Collapse only as much as is shown: the first snippetRunes runes of
	// the text with its whitespace runs made single spaces and trimmed,
	// and whether anything else follows.
	var b strings.Builder
	n, space, more := 0, false, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			i += size
			continue
		}
		if space && n < snippetRunes {
			b.WriteByte(' ')
			n++
		}
		space = false
		if n == snippetRunes {
			more = true
			break
		}
		b.WriteString(text[i : i+size])
		n++
		i += size
	}
	s := b.String()
	if !more {
		return s
	}
	cut := len(s)
	if sp := strings.LastIndexByte(s, ' '); sp > snippetRunes/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
