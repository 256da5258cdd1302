package highlight

import (
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// writeHTML writes tokens as a highlighted file: a pre of lines, each a
// span with its id (#L12, where an error message's line leads) holding
// the link to itself with its number, then the line's text, a span with
// chroma's CSS class around each run of one class.
//
// Every entry's page holds its file, so this markup is a large part of a
// site's bytes. Chroma's formatter wraps each line in three spans and its
// number in a fourth, spans every token, even the ones drawn as plain
// text, and escapes quotes, which TOML is full of: about 120 bytes a line
// before the text. Here a line costs its id and number (the stylesheet
// lays the number out beside the text, so that a long line wraps past
// it), a token of a plain class is left as text, and neighbouring tokens
// of one class share a span.
// TestHTMLShowsWhatChromaShows and FuzzHTML hold the text, the line
// numbers and the class of every character to chroma's formatter's.
func writeHTML(b *strings.Builder, tokens []chroma.Token) {
	n := 0
	eachLine(tokens, func() { n++ }, func(string, string) {}, func() {})
	var num []byte
	line := 0
	open := "" // the class attribute of the span the line has open, if any
	b.WriteString(`<pre class="chroma"><code style="--digits:`)
	b.WriteString(strconv.Itoa(len(strconv.Itoa(n))))
	b.WriteString(`">`)
	start := func() {
		line++
		num = strconv.AppendInt(num[:0], int64(line), 10)
		b.WriteString(`<span id="L`)
		b.Write(num)
		b.WriteString(`"><a href="#L`)
		b.Write(num)
		b.WriteString(`">`)
		b.Write(num)
		b.WriteString("</a>")
	}
	piece := func(a, v string) {
		if plain[a] {
			a = ""
		}
		if a != open {
			if open != "" {
				b.WriteString("</span>")
			}
			if a != "" {
				b.WriteString("<span" + a + ">")
			}
			open = a
		}
		escape(b, v)
	}
	end := func() {
		if open != "" {
			b.WriteString("</span>")
			open = ""
		}
		b.WriteString("</span>")
	}
	eachLine(tokens, start, piece, end)
	b.WriteString("</code></pre>")
}

// plain holds the class attributes of token types that both styles draw
// as the text around them (TestPlainLooksLikeText), so the view leaves
// them unmarked: TOML's keys and punctuation, a link's address.
var plain = map[string]bool{
	attr(chroma.NameOther):     true,
	attr(chroma.Punctuation):   true,
	attr(chroma.NameAttribute): true,
}

// eachLine cuts tokens into lines as chroma.SplitTokensIntoLines does,
// without copying them: it calls start at the start of each line, piece
// for each token's part on it (by its class attribute), and end at its
// end. A token's part after its last newline is left out when empty; a
// last line that would be one empty token is left out.
func eachLine(tokens []chroma.Token, start func(), piece func(attr, v string), end func()) {
	open := false
	for i, t := range tokens {
		a, v := attr(t.Type), t.Value
		split := false
		for {
			j := strings.IndexByte(v, '\n')
			if j < 0 {
				break
			}
			if !open {
				start()
			}
			piece(a, v[:j+1])
			end()
			open, split, v = false, true, v[j+1:]
		}
		if v == "" && (split || !open && i == len(tokens)-1) {
			continue
		}
		if !open {
			start()
			open = true
		}
		piece(a, v)
	}
	if open {
		end()
	}
}

// escape writes s escaped as an element's text: <, > and &, and a quote
// right after an =. Quotes need no escape in text, and TOML is full of
// them (title = "…"): written &#34; they were a tenth of a source view's
// bytes. Escaped after an =, they keep an attribute-like string in a
// file (href="javascript:…") from reading as one to a check of the
// page's bytes.
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '&':
			esc = "&amp;"
		case c == '"' && prev(b, s, i) == '=':
			esc = "&#34;"
		case c == '\'' && prev(b, s, i) == '=':
			esc = "&#39;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// prev returns the byte before s[i] in the output: s's, or at s's
// start the last that b holds (a token may end in = and the next start
// with a quote).
func prev(b *strings.Builder, s string, i int) byte {
	if i > 0 {
		return s[i-1]
	}
	if out := b.String(); out != "" {
		return out[len(out)-1]
	}
	return 0
}

// attrs holds the class attribute of each standard token type, worked out
// once.
var attrs = func() map[chroma.TokenType]string {
	m := map[chroma.TokenType]string{}
	for t := range chroma.StandardTypes {
		m[t] = classAttr(t)
	}
	return m
}()

// attr returns the class attribute chroma gives a token type, or "".
func attr(t chroma.TokenType) string {
	if a, ok := attrs[t]; ok {
		return a
	}
	return classAttr(t)
}

// classAttr names a token type's class as the formatter does: by the
// nearest of the type and its parents with a standard class.
func classAttr(t chroma.TokenType) string {
	for ; t != 0; t = t.Parent() {
		if cls, ok := chroma.StandardTypes[t]; ok {
			if cls == "" {
				return ""
			}
			return ` class="` + cls + `"`
		}
	}
	if cls := chroma.StandardTypes[t]; cls != "" {
		return ` class="` + cls + `"`
	}
	return ""
}
