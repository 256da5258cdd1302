// Package search builds the offline search index of the site.
//
// The site must search from file:// with no server, so there is no fetch,
// no XHR, no WASM and no ES modules: search.html loads two classic scripts,
// first search-index.js, written by Files, then js/search.js, a static
// file; search.js then loads the shards a query needs, as more classic
// scripts, from search-index/ beside search.html. So a query fetches the
// words it matches and the docs it shows, not the whole index.
//
// search-index.js, the manifest, is one statement,
//
//	window.DOSSIER_SEARCH = {"v": 2, "n": docs, "k": docs a shard, "t": [first word of each term shard, ...]};
//
// and every shard is one call, made once search.js is there:
//
//	DossierSearch.add("t", i, {"w": [word, ...], "p": [postings, ...], "x": names})
//	DossierSearch.add("d", i, [[kind, title, url, date, status, snippet, [names...]], ...])
//
// The values are plain JSON (made by encoding/json, which escapes <, > and
// &, so no contributor text can close the script).
//
// Docs are sorted in the order search results tie in: by kind (person,
// event, organization, place, source, tag, page, then any other kind by
// name), then by folded title, title and URL. A doc's number is its place
// in that order; doc shard i (search-index/di.js) holds docs i×k to
// i×k+k−1. snippet is the start of the doc's text, whitespace collapsed,
// cut at a word and ended with "…" when cut.
//
// Words are the folded tokens (see Fold) of every doc, unique, sorted by
// UTF-16 code units, which is how JavaScript compares strings, and cut
// into term shards (search-index/ti.js) of a few kilobytes: shard i holds
// the words from t[i] (the first is "") up to t[i+1]. The browser finds
// every word starting with what the user typed in the shard of the last
// bound not after it and the shards whose bound starts with it. p[j] is a
// string that lists the docs holding w[j], each with field, where the word
// is in that doc, the strongest place winning: 1 the title or a name, 2 a
// keyword (place, tag, person, date, status), 3 the body text. The
// characters are the 64 digits A–Z a–z 0–9 - _ (values 0–63), in one of
// two forms, whichever is shorter:
//
//   - Sparse: for each doc in increasing order, v = (doc − previous
//     doc)×4 + field, the previous doc starting at 0, written in groups of
//     5 bits, lowest first, each digit being the group + 32 when more
//     groups follow.
//   - Dense, for words in many docs: "~", then one digit per three docs
//     from doc 0, holding the fields (0 for none) of docs 3k, 3k+1 and
//     3k+2 in bits 0–1, 2–3 and 4–5; trailing zero digits are left off.
//
// x lists hashes of the docs' titles and names that start with the
// shard's words (see nameKeys), so that the browser loads only the docs
// whose name may be the whole query to rank them first.
//
// A word is a run of letters, digits and marks; hyphens and apostrophes
// join parts of one word, which is indexed as each part and as the parts
// run together. Body text gives at most maxBodyWords distinct words.
package search

import (
	"cmp"
	"encoding/json"
	"fmt"
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
	// docsPerShard is how many docs' titles and snippets one doc shard
	// holds. A query loads the shards of the 50 docs it shows, which
	// are mostly in different shards: about 430 bytes a doc, 8 docs a
	// shard and 50 results make 170 KB at most.
	docsPerShard = 8
	// termShardBytes is the size past which a term shard ends: the word
	// that takes it past is its last, so a word with long postings may
	// make one shard alone. The manifest holds one word per shard.
	termShardBytes = 8 << 10
)

// digits are the 64 digits of postings, all safe in JSON unescaped.
const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// kindOrder is the order results of equal strength are shown in.
var kindOrder = []string{"person", "event", "organization", "place", "source", "tag", "page"}

// A File is one file of the index, its path relative to the folder of
// search.html.
type File struct {
	Path string
	Data []byte
}

// A posting says that a doc holds a word, and in which field: doc×4 +
// field, four bytes rather than two ints' sixteen, since a corpus has
// tens of postings a doc.
type posting uint32

func (p posting) doc() int   { return int(p >> 2) }
func (p posting) field() int { return int(p & 3) }

// A word is a folded token with the docs holding it.
type word struct {
	text string
	post []posting // the docs holding it, in order
	enc  string    // post, encoded (see encodePostings)
	seen int       // while reading: the last doc that marked it, plus 1
	best int       // while reading: its strongest field in that doc
}

// Files returns the files of the index of docs: search-index.js, and the
// shards under search-index/. The same docs, in any order, give the same
// bytes.
func Files(docs []Doc) ([]File, error) {
	docs = sortDocs(docs)
	words := postings(docs)
	bounds, shards := termShards(words)
	keys := nameKeys(docs, bounds)

	var files []File
	manifest := struct {
		V int      `json:"v"`
		N int      `json:"n"`
		K int      `json:"k"`
		T []string `json:"t"`
	}{2, len(docs), docsPerShard, bounds}
	data, err := script("/* Search index for search.html, made by the dossier generator. */\nwindow.DOSSIER_SEARCH = ", manifest, ";\n")
	if err != nil {
		return nil, err
	}
	files = append(files, File{"search-index.js", data})

	for i, ws := range shards {
		t := struct {
			W []string `json:"w"`
			P []string `json:"p"`
			X string   `json:"x"`
		}{W: make([]string, len(ws)), P: make([]string, len(ws)), X: keys[i]}
		for j, w := range ws {
			t.W[j], t.P[j] = w.text, w.enc
		}
		data, err := script(fmt.Sprintf("DossierSearch.add(\"t\",%d,", i), t, ");\n")
		if err != nil {
			return nil, err
		}
		files = append(files, File{fmt.Sprintf("search-index/t%d.js", i), data})
	}

	for i := 0; i < len(docs); i += docsPerShard {
		rows := make([][]any, 0, docsPerShard)
		for _, d := range docs[i:min(i+docsPerShard, len(docs))] {
			names := d.Names
			if names == nil {
				names = []string{}
			}
			rows = append(rows, []any{d.Kind, d.Title, d.URL, d.Date, d.Status, snippet(d.Text), names})
		}
		data, err := script(fmt.Sprintf("DossierSearch.add(\"d\",%d,", i/docsPerShard), rows, ");\n")
		if err != nil {
			return nil, err
		}
		files = append(files, File{fmt.Sprintf("search-index/d%d.js", i/docsPerShard), data})
	}
	return files, nil
}

// script returns v as JSON between head and tail. json.Marshal escapes
// <, >, & and U+2028/U+2029, so the script is safe whatever contributors
// write.
func script(head string, v any, tail string) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+len(js)+len(tail))
	return append(append(append(out, head...), js...), tail...), nil
}

// postings returns the words of docs, sorted by UTF-16 code units, each
// with the docs holding it.
func postings(docs []Doc) []word {
	// Words are numbered as they are met, so that a doc's words are
	// marked in a slice rather than in a map cleared for every doc.
	var (
		id    = map[string]int{} // text → number
		words []word             // by number
		marks []int              // the words marked in the doc being read
		tok   tokenizer
	)
	// mark notes word number n in doc i with field.
	mark := func(i, n, field int) {
		x := &words[n]
		if x.seen == i+1 {
			x.best = min(x.best, field)
			return
		}
		x.seen, x.best = i+1, field
		marks = append(marks, n)
	}
	// number returns w's number, numbering it if it is new.
	number := func(w []byte) int {
		n, ok := id[string(w)]
		if !ok {
			n = len(words)
			id[string(w)] = n
			words = append(words, word{text: string(w)})
		}
		return n
	}
	for i, d := range docs {
		marks = marks[:0]
		add := func(field int, s string) {
			for _, w := range tok.tokens(s) {
				mark(i, number(w), field)
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
		for _, w := range tok.tokens(d.Text) {
			n, ok := id[string(w)]
			if ok && words[n].seen == i+1 {
				continue
			}
			if body == maxBodyWords {
				break
			}
			if !ok {
				n = number(w)
			}
			mark(i, n, fieldBody)
			body++
		}
		// Docs are visited in order, so each word's list stays sorted.
		for _, n := range marks {
			x := &words[n]
			x.post = append(x.post, posting(i<<2|x.best))
		}
	}
	slices.SortFunc(words, func(a, b word) int { return compareUTF16(a.text, b.text) })
	for i := range words {
		words[i].enc = encodePostings(words[i].post)
	}
	return words
}

// encodePostings writes a word's docs in the shorter of the two forms.
func encodePostings(ps []posting) string {
	var sparse []byte
	prev := 0
	for _, p := range ps {
		sparse = appendNumber(sparse, (p.doc()-prev)*4+p.field())
		prev = p.doc()
	}
	// The dense form has one digit per three docs up to the last.
	if last := ps[len(ps)-1].doc(); last/3+2 < len(sparse) {
		dense := make([]byte, last/3+2)
		dense[0] = '~'
		for _, p := range ps {
			dense[p.doc()/3+1] |= byte(p.field() << (2 * (p.doc() % 3)))
		}
		for i, d := range dense[1:] {
			dense[i+1] = digits[d]
		}
		return string(dense)
	}
	return string(sparse)
}

// appendNumber appends v in groups of 5 bits, lowest first, each digit
// being the group + 32 when more groups follow.
func appendNumber(b []byte, v int) []byte {
	for ; v >= 32; v >>= 5 {
		b = append(b, digits[v&31|32])
	}
	return append(b, digits[v])
}

// termShards cuts the sorted words into shards of about termShardBytes,
// and returns the first word of each (the first as "") and the shards.
// There is always at least one shard.
func termShards(words []word) ([]string, [][]word) {
	bounds := []string{""}
	shards := [][]word{nil}
	size := 0
	for _, w := range words {
		last := len(shards) - 1
		if size >= termShardBytes && len(shards[last]) > 0 {
			bounds = append(bounds, w.text)
			shards = append(shards, nil)
			last, size = last+1, 0
		}
		shards[last] = append(shards[last], w)
		size += len(w.text) + len(w.enc) + 6 // and quotes, commas

	}
	return bounds, shards
}

// nameKeys returns, for each term shard, the names of docs that start with
// one of its words, as search.js needs them to tell a query that is a
// whole title or name: for each title and name of a doc, its terms joined
// by spaces, hashed (see keyHash). The shard is the one of the name's
// first term, which is the shard of the first term of a query that is
// the name. Each shard's list is sorted by doc, then hash, written as
// the doc minus the previous doc in the form of appendNumber, then the
// hash in three digits, lowest first.
func nameKeys(docs []Doc, bounds []string) []string {
	type key struct{ doc, hash int }
	byShard := make([][]key, len(bounds))
	for i, d := range docs {
		for _, s := range append([]string{d.Title}, d.Names...) {
			ts := terms(s)
			if len(ts) == 0 {
				continue
			}
			// The last bound not after the name's first term.
			n, found := slices.BinarySearchFunc(bounds, ts[0], compareUTF16)
			if !found {
				n--
			}
			byShard[n] = append(byShard[n], key{i, keyHash(strings.Join(ts, " "))})
		}
	}
	out := make([]string, len(bounds))
	for n, ks := range byShard {
		slices.SortFunc(ks, func(a, b key) int { return cmp.Or(cmp.Compare(a.doc, b.doc), cmp.Compare(a.hash, b.hash)) })
		ks = slices.Compact(ks)
		var b []byte
		prev := 0
		for _, k := range ks {
			b = appendNumber(b, k.doc-prev)
			b = append(b, digits[k.hash&63], digits[k.hash>>6&63], digits[k.hash>>12&63])
			prev = k.doc
		}
		out[n] = string(b)
	}
	return out
}

// keyHash is the 32-bit FNV-1a hash of s's UTF-16 code units, cut to 18
// bits, as keyHash in search.js computes it. A hash only narrows which
// docs search.js checks by their names: it never decides alone.
func keyHash(s string) int {
	h := uint32(2166136261)
	for _, u := range utf16.Encode([]rune(s)) {
		h ^= uint32(u)
		h *= 16777619
	}
	return int(h & 0x3ffff)
}

// sortDocs returns a copy of docs in result tie order: kind, folded title,
// title, URL.
func sortDocs(docs []Doc) []Doc {
	// The keys point into docs rather than copy them: a Doc is large to
	// move about while sorting.
	type keyed struct {
		i    int // in docs
		kind int
		fold string
	}
	ks := make([]keyed, len(docs))
	for i, d := range docs {
		k := slices.Index(kindOrder, d.Kind)
		if k < 0 {
			k = len(kindOrder)
		}
		ks[i] = keyed{i, k, Fold(d.Title)}
	}
	// Each key is compared only when those before it tie (cmp.Or would
	// compare them all), and docs alike in every key keep their order,
	// as a stable sort, slower, would keep it.
	slices.SortFunc(ks, func(a, b keyed) int {
		da, db := &docs[a.i], &docs[b.i]
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		if c := strings.Compare(da.Kind, db.Kind); c != 0 {
			return c
		}
		if c := strings.Compare(a.fold, b.fold); c != 0 {
			return c
		}
		if c := strings.Compare(da.Title, db.Title); c != 0 {
			return c
		}
		if c := strings.Compare(da.URL, db.URL); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	out := make([]Doc, len(ks))
	for i, k := range ks {
		out[i] = docs[k.i]
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
	b.Grow(min(len(text), snippetRunes+8))
	n, space, more := 0, false, false
	for i := 0; i < len(text); {
		var isSpace bool
		size := 1
		if c := text[i]; c < utf8.RuneSelf {
			isSpace = c == ' ' || '\t' <= c && c <= '\r' // as unicode.IsSpace
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
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
