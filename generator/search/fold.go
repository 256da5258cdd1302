package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and strips its diacritics, exactly as fold() in
// static/js/search.js does to a query:
//
//	s.normalize('NFD').replace(MARKS, '').toLowerCase() then FOLDS
//
// MARKS are the combining diacritical marks (U+0300–U+036F and the other
// "combining diacritical marks" blocks), Arabic harakat and the tatweel;
// FOLDS maps the few letters that NFD leaves alone to what a reader types
// on a plain keyboard (ß→ss, ı→i, ø→o, ł→l, final ς→σ), and the letters
// that Arabic and Persian write differently, or keyboards give either
// way, to the Persian one (ي ى→ی, ك→ک, ة→ه); Persian (۰-۹) and
// Arabic-Indic (٠-٩) digits become ASCII digits. NFD has already split
// the hamza and madda off their carriers (أ إ آ→ا, ؤ→و, ئ→ی, ۀ→ه), and
// the tokenizer treats the zero-width non-joiner as a joiner (see
// isJoiner). The index holds folded tokens, so the two must agree: the
// test runs both over the same table.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return string(appendFold(make([]byte, 0, len(s)), s))
		}
	}
	return s // lowercase ASCII, most words: NFD and folding keep it
}

// appendFold appends Fold(s) to dst.
func appendFold(dst []byte, s string) []byte {
	// NFD leaves ASCII as it is, and a text cut before an ASCII rune
	// normalizes as its two parts do (no mark is reordered across an
	// ASCII rune), so ASCII, most text, is only lowercased, and each run
	// of other runes normalized and folded on its own. Not so invalid
	// UTF-8, whose bytes norm reads otherwise at the start of a piece.
	if !utf8.ValidString(s) {
		return appendFoldRunes(dst, norm.NFD.String(s))
	}
	for len(s) > 0 {
		i := 0
		for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		j := i
		for j < len(s) && s[j] >= utf8.RuneSelf {
			j++
		}
		dst = appendFoldRunes(dst, norm.NFD.String(s[i:j]))
		s = s[j:]
	}
	return dst
}

// appendFoldRunes appends the folded runes of s, normalized to NFD.
func appendFoldRunes(dst []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf { // as NFD splits it off a letter
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		if isStrippedMark(r) {
			continue
		}
		if d := digit(r); d >= 0 {
			dst = append(dst, byte('0'+d))
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := folds[r]; ok {
			dst = append(dst, f...)
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// isStrippedMark reports the runes removed after NFD. Keep in step with
// MARKS in static/js/search.js.
func isStrippedMark(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x036F, // combining diacritical marks
		r >= 0x1AB0 && r <= 0x1AFF, // ... extended
		r >= 0x1DC0 && r <= 0x1DFF, // ... supplement
		r >= 0x20D0 && r <= 0x20FF, // ... for symbols
		r >= 0xFE20 && r <= 0xFE2F, // combining half marks
		r >= 0x064B && r <= 0x065F, // Arabic harakat (fatha, kasra, shadda...)
		r == 0x0670,                // Arabic superscript alef
		r == 0x0640:                // Arabic tatweel
		return true
	}
	return false
}

// folds maps single lowercase runes, after NFD and lowercasing. Keep in
// step with FOLDS in static/js/search.js.
var folds = map[rune]string{
	'ß': "ss",
	'ı': "i",
	'ø': "o",
	'đ': "d",
	'ð': "d",
	'ł': "l",
	'æ': "ae",
	'œ': "oe",
	'þ': "th",
	'ς': "σ", // JS lowercases a word-final Σ to ς, Go to σ
	'ي': "ی", // Arabic yeh → Farsi yeh
	'ى': "ی", // alef maksura → Farsi yeh
	'ك': "ک", // Arabic kaf → keheh
	'ة': "ه", // teh marbuta → heh
	'ە': "ه", // ae, what NFD leaves of ۀ (heh with yeh above) → heh
}

// digit returns the value of a Persian or Arabic-Indic digit, or -1.
// Keep in step with foldOne in static/js/search.js.
func digit(r rune) int {
	switch {
	case r >= '۰' && r <= '۹': // U+06F0–U+06F9, Persian
		return int(r - '۰')
	case r >= '٠' && r <= '٩': // U+0660–U+0669, Arabic-Indic
		return int(r - '٠')
	}
	return -1
}

// isJoiner reports the runes that join two parts of one word: hyphens,
// apostrophes and the transliteration marks for ayn and hamza (ʿ ʾ), which
// are letters to Unicode but not to a reader. "Khosh-Eghbal" is indexed as
// khosh, eghbal and khosheghbal. Keep in step with JOINERS in search.js.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u00AD', // hyphens, soft hyphen
		'\'', '\u2018', '\u2019', '`', '\u00B4', // apostrophes
		'\u200C', '\u200D': // zero-width (non-)joiner, inside Persian words
		return true
	}
	return r >= 0x02B9 && r <= 0x02BF // ʹ ʺ ʻ ʼ ʽ ʾ ʿ
}

// asciiWord is isWordRune of the ASCII runes.
var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range w {
		w[c] = isWordRune(rune(c))
	}
	return w
}()

// isWordRune matches [\p{L}\p{N}\p{M}] in search.js.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return !isJoiner(r) && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r))
}

// terms splits s into folded words the way the browser splits a query:
// joiners separate. Duplicates are kept.
func terms(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool { return !isWordRune(r) })
}

// tokens returns the folded words of s for the index: the parts of every
// word, and for a word made of parts joined by a hyphen or apostrophe, the
// parts run together too, so "khosh-eghbal", "eghbal" and "khosheghbal"
// all find "Khosh-Eghbal". Duplicates are kept.
func tokens(s string) []string {
	var t tokenizer
	var out []string
	for _, w := range t.tokens(s) {
		out = append(out, string(w))
	}
	return out
}

// A tokenizer splits texts into tokens (see tokens) in buffers it keeps
// from one text to the next, so that the index can look its words up
// without making a string of each.
type tokenizer struct {
	buf  []byte   // the folded text, then the parts of each word run together
	span [][2]int // where each token is in buf
	toks [][]byte // the tokens
}

// tokens returns the tokens of s, which stay valid until the next call.
func (t *tokenizer) tokens(s string) [][]byte {
	t.buf = appendFold(t.buf[:0], s)
	f := t.buf[:len(t.buf):len(t.buf)] // the folded text: buf grows past it
	t.span = t.span[:0]
	first := 0  // the first part of the word being read, in span
	start := -1 // where the part being read starts, if one is
	for i := 0; i <= len(f); {
		r, n := utf8.RuneError, 1
		if i < len(f) {
			word := false
			if c := f[i]; c < utf8.RuneSelf {
				r, word = rune(c), asciiWord[c] // most text, and a call less
			} else {
				r, n = utf8.DecodeRune(f[i:])
				word = isWordRune(r)
			}
			if word {
				if start < 0 {
					start = i
				}
				i += n
				continue
			}
		}
		inWord := start >= 0
		if inWord {
			t.span = append(t.span, [2]int{start, i})
			start = -1
		}
		if inWord && isJoiner(r) && i+n < len(f) {
			if next, _ := utf8.DecodeRune(f[i+n:]); isWordRune(next) {
				i += n
				continue
			}
		}
		if parts := t.span[first:]; len(parts) > 1 {
			joined := len(t.buf)
			for _, p := range parts {
				t.buf = append(t.buf, f[p[0]:p[1]]...)
			}
			t.span = append(t.span, [2]int{joined, len(t.buf)})
		}
		first = len(t.span)
		i += n
	}
	t.toks = t.toks[:0]
	for _, sp := range t.span {
		t.toks = append(t.toks, t.buf[sp[0]:sp[1]])
	}
	return t.toks
}
