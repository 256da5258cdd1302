// Package highlight shows an entry's file as written, in chroma's HTML
// with CSS classes: the front matter as TOML, the body as Markdown, with
// line numbers that match the file (and so the path:line:col of a content
// error).
//
// Every entry's page holds its file, so this runs once per entry, and
// chroma's lexers and formatter, built for a few code blocks, cost more
// than everything else in a build at thousands of entries. The body's
// tokens come from the classes its parse tree gave at load
// (markdown.Classify), the front matter's from TOML, a scanner that classes
// as chroma's TOML lexer does, and writeHTML writes the formatter's markup.
// Tests hold each to chroma's own output.
package highlight

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"

	"dossier/generator/content"
)

// reference is the chroma formatter whose output writeHTML reproduces.
var reference = chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithLineNumbers(true), chromahtml.WithLinkableLineNumbers(true, "L"))

// File returns an entry's file highlighted for its view page, with line
// numbers that can be linked to, #L12.
func File(e *content.Entry) template.HTML {
	// One copy of the file, which every token's text is part of.
	src := string(e.Raw)
	head := src[:e.Body]
	open, rest, _ := strings.Cut(head, "\n")
	i := strings.LastIndex(strings.TrimRight(rest, "\r\n"), "\n") + 1
	settings, body := TOML(rest[:i]), e.Classes.Tokens(src[e.Body:])
	// The +++ lines are not TOML; they are shown as delimiters. The
	// tokens are gathered in one slice made to size: growing it was a
	// tenth of what a build allocates.
	tokens := make([]chroma.Token, 0, len(settings)+len(body)+2)
	tokens = append(tokens, chroma.Token{Type: chroma.CommentPreproc, Value: open + "\n"})
	tokens = append(tokens, settings...)
	tokens = append(tokens, chroma.Token{Type: chroma.CommentPreproc, Value: rest[i:]})
	tokens = append(tokens, body...)
	// About a hundred bytes of markup a line, and the text.
	var buf strings.Builder
	buf.Grow(2*len(e.Raw) + 100*bytes.Count(e.Raw, []byte("\n")))
	writeHTML(&buf, tokens)
	return template.HTML(buf.String())
}

// CSS returns the stylesheet for highlighted code: a light style, and a
// dark one for readers who prefer it.
func CSS() []byte {
	var buf bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	write := func(style *chroma.Style) {
		if err := f.WriteCSS(&buf, style); err != nil {
			panic(err) // writing to a bytes.Buffer does not fail
		}
	}
	write(styles.Get("github"))
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	// The dark style leaves unset what is in its text colour, so a token
	// the light style colours (names, .nx) would stay dark on dark: undo
	// the light style's colours first.
	buf.WriteString(".chroma [class] { color: inherit; background-color: transparent; }\n")
	write(styles.Get("github-dark"))
	buf.WriteString("}\n")
	return buf.Bytes()
}
