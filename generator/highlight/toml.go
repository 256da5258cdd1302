package highlight

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// TOML classes TOML text into tokens exactly as chroma's TOML lexer does,
// without its regular expressions.
//
// chroma's lexer tries its rules one after another at every token, each a
// backtracking regular expression over the whole remaining text, and so
// cost about 0.3 ms for an entry's few lines of front matter: a third of
// a build's time at thousands of entries. The rules are few and simple
// (see lexers/embedded/toml.xml in chroma), so they are written out here
// as code; TestTOMLMatchesChroma and FuzzTOML hold the two to the same
// output, odd inputs included.
func TOML(text string) []chroma.Token {
	// chroma reads "\r\n" and a lone "\r" as "\n".
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	var tokens []chroma.Token
	from := 0 // where the last token starts
	emit := func(t chroma.TokenType, start, end int) {
		// Tokens are consecutive slices of text: a token of the type
		// before only extends it.
		if n := len(tokens); n > 0 && tokens[n-1].Type == t {
			tokens[n-1].Value = text[from:end]
			return
		}
		tokens = append(tokens, chroma.Token{Type: t, Value: text[start:end]})
		from = start
	}
	var dq, sq []int32 // string ends, worked out on first use
	for p := 0; p < len(text); {
		r, size := utf8.DecodeRuneInString(text[p:])
		var t chroma.TokenType
		end := -1
		switch {
		case unicode.IsSpace(r):
			t, end = chroma.Text, p+spaces(text[p:])
		case r == '#':
			t, end = chroma.Comment, p+len(text[p:])
			if i := strings.IndexByte(text[p:], '\n'); i >= 0 {
				end = p + i
			}
		case keyword(text[p:]) > 0:
			t, end = chroma.KeywordConstant, p+keyword(text[p:])
		case datetime(text[p:]) > 0:
			t, end = chroma.LiteralDate, p+datetime(text[p:])
		case number(text[p:], true) > 0:
			t, end = chroma.LiteralNumberFloat, p+number(text[p:], true)
		case number(text[p:], false) > 0:
			t, end = chroma.LiteralNumberInteger, p+number(text[p:], false)
		case r == '"':
			if dq == nil {
				dq = stringEnds(text, '"')
			}
			t, end = chroma.LiteralStringDouble, int(dq[p+1])+1
		case r == '\'':
			if sq == nil {
				sq = stringEnds(text, '\'')
			}
			t, end = chroma.LiteralStringSingle, int(sq[p+1])+1
		}
		if end <= p {
			switch {
			case strings.ContainsRune(".,=[]{}", r):
				t, end = chroma.Punctuation, p+1
			case isName(r):
				end = p + 1
				for end < len(text) && isName(rune(text[end])) {
					end++
				}
				t = chroma.NameOther
			default:
				// No rule matches: chroma gives up one character.
				t, end = chroma.Error, p+size
			}
		}
		emit(t, p, end)
		p = end
	}
	return tokens
}

// spaces returns the length of the white space that s starts with, as
// the lexer's \s+ matches it.
func spaces(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsSpace(r) {
			break
		}
		n += size
	}
	return n
}

// keyword matches (false|true)\b: the word must not run on into a word
// character, as regexp2 defines one.
func keyword(s string) int {
	for _, w := range []string{"false", "true"} {
		if strings.HasPrefix(s, w) {
			r, _ := utf8.DecodeRuneInString(s[len(w):])
			if len(s) == len(w) || !isWord(r) {
				return len(w)
			}
		}
	}
	return 0
}

func isWord(r rune) bool {
	return unicode.In(r, unicode.L, unicode.Mn, unicode.Nd, unicode.Pc) || r == '\u200D' || r == '\u200C'
}

func isName(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == '-'
}

// digits returns the length of the n Unicode decimal digits (\d) that s
// starts with, or -1.
func digits(s string, n int) int {
	p := 0
	for range n {
		r, size := utf8.DecodeRuneInString(s[p:])
		if !unicode.IsDigit(r) {
			return -1
		}
		p += size
	}
	return p
}

// datetime matches
// \d\d\d\d-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d\+)?(Z|[+-]\d{2}:\d{2}):
// a date alone, as front matter usually has it, is not one.
func datetime(s string) int {
	p := 0
	for _, f := range []struct {
		n   int
		sep byte
	}{{4, '-'}, {2, '-'}, {2, 'T'}, {2, ':'}, {2, ':'}} {
		n := digits(s[p:], f.n)
		if n < 0 || p+n >= len(s) || s[p+n] != f.sep {
			return 0
		}
		p += n + 1
	}
	n := digits(s[p:], 2)
	if n < 0 {
		return 0
	}
	p += n
	zone := func(p int) int {
		switch {
		case p < len(s) && s[p] == 'Z':
			return p + 1
		case p < len(s) && (s[p] == '+' || s[p] == '-'):
			if a := digits(s[p+1:], 2); a > 0 && p+1+a < len(s) && s[p+1+a] == ':' {
				if b := digits(s[p+2+a:], 2); b > 0 {
					return p + 2 + a + b
				}
			}
		}
		return 0
	}
	// The optional fraction is written \.\d\+ in chroma: a dot, one
	// digit and a plus sign.
	if p < len(s) && s[p] == '.' {
		if n := digits(s[p+1:], 1); n > 0 && p+1+n < len(s) && s[p+1+n] == '+' {
			if end := zone(p + 2 + n); end > 0 {
				return end
			}
		}
	}
	return zone(p)
}

// number matches [+-]?[0-9](_?\d)* and, when float is set, the \.\d+ that
// must follow it.
func number(s string, float bool) int {
	p := 0
	if p < len(s) && (s[p] == '+' || s[p] == '-') {
		p++
	}
	if p >= len(s) || s[p] < '0' || s[p] > '9' {
		return 0
	}
	p++
	for {
		q := p
		if q < len(s) && s[q] == '_' {
			q++
		}
		n := digits(s[q:], 1)
		if n < 0 {
			break
		}
		p = q + n
	}
	if !float {
		return p
	}
	if p >= len(s) || s[p] != '.' {
		return 0
	}
	n := digits(s[p+1:], 1)
	if n < 0 {
		return 0
	}
	p += 1 + n
	for {
		n := digits(s[p:], 1)
		if n < 0 {
			return p
		}
		p += n
	}
}

// stringEnds works out where a string opened by quote q ends, the way
// the lexer's backtracking "(\\\\|\\"|[^"])*" finds it: for every
// offset p just after an opening quote, ends[p] is the offset of the
// closing quote, or -2 when there is none and the rule does not match.
// The regular expression first takes \\ and \" as pairs and stops at the
// first other quote; failing that, it backs up and reads the backslash of
// a later \" alone, so that quote closes the string. Worked out from the
// end of the text, each offset is done once however many strings open.
func stringEnds(text string, q byte) []int32 {
	// int32 is enough: an entry is at most a few megabytes.
	ends := make([]int32, len(text)+1)
	ends[len(text)] = -2
	for p := len(text) - 1; p >= 0; p-- {
		switch {
		case text[p] == q:
			ends[p] = int32(p)
		case text[p] == '\\' && p+1 < len(text) && (text[p+1] == '\\' || text[p+1] == q):
			// First the pair, then the backslash alone.
			ends[p] = ends[p+2]
			if ends[p] < 0 {
				ends[p] = ends[p+1]
			}
		default:
			_, size := utf8.DecodeRuneInString(text[p:])
			if p+size > len(text) {
				size = 1
			}
			ends[p] = ends[p+size]
		}
	}
	return ends
}
