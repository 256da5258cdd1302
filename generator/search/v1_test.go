package search

import (
	"bytes"
	"encoding/json"
	"slices"
)

// indexV1 is the JSON the single search-index.js of format 1 assigned
// to window.DOSSIER_SEARCH.
type indexV1 struct {
	V     int      `json:"v"`
	Docs  [][]any  `json:"docs"`
	Words []string `json:"words"`
	Post  []string `json:"post"`
}

// scriptV1 is Script as it was before the index was split into shards:
// one search-index.js that the page loaded whole. The tests keep it to
// show that the shards give the same results.
func scriptV1(docs []Doc) ([]byte, error) {
	docs = sortDocs(docs)
	idx := indexV1{V: 1, Docs: make([][]any, len(docs)), Words: []string{}, Post: []string{}}

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
			toks = tokens(s)
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
		toks = tokens(d.Text)
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
