package highlight

import (
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// writeHTML writes tokens as chroma's HTML formatter does with the
// options of reference (CSS classes, a line number on each line, linkable
// as #L12), byte for byte.
//
// The formatter builds each piece of markup with fmt and copies every
// line into a slice of its own; with a view on every entry's page, that
// was a tenth of a build and a quarter of its garbage. TestHTMLMatchesChroma
// and FuzzHTML hold the two to the same output, so the pages keep
// chroma's markup and stylesheet.
func writeHTML(b *strings.Builder, tokens []chroma.Token) {
	n := 0
	eachLine(tokens, func() { n++ }, func(string, string) {}, func() {})
	digits := len(strconv.Itoa(n))
	var num []byte
	line := 0
	b.WriteString("<pre" + attr(chroma.PreWrapper) + "><code>")
	start := func() {
		line++
		num = strconv.AppendInt(num[:0], int64(line), 10)
		b.WriteString("<span" + attr(chroma.Line) + "><span" + attr(chroma.LineNumbers) + ` id="L`)
		b.Write(num)
		b.WriteString(`"><a` + attr(chroma.LineLink) + ` href="#L`)
		b.Write(num)
		b.WriteString(`">`)
		for range digits - len(num) {
			b.WriteByte(' ')
		}
		b.Write(num)
		b.WriteString("</a></span><span" + attr(chroma.CodeLine) + ">")
	}
	piece := func(a, v string) {
		if a != "" {
			b.WriteString("<span" + a + ">")
		}
		escape(b, v)
		if a != "" {
			b.WriteString("</span>")
		}
	}
	eachLine(tokens, start, piece, func() { b.WriteString("</span></span>") })
	b.WriteString("</code></pre>")
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

// escape writes s escaped as html.EscapeString escapes it.
func escape(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
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
