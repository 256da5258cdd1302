package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"dossier/generator/content"
	"dossier/generator/markdown"
)

// sourceFormatter is shared: it caches the style's classes, which cost
// more to work out than a file takes to format. It is safe for concurrent
// use.
var sourceFormatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithLineNumbers(true), chromahtml.WithLinkableLineNumbers(true, "L"))

// Highlight returns an entry's file as written, highlighted for its view
// page: the front matter as TOML, the body as Markdown, with line numbers
// that match the file (and so the path:line:col of a content error) and
// that can be linked to, #L12.
func Highlight(e *content.Entry) (template.HTML, error) {
	var tokens []chroma.Token
	// The +++ lines are not TOML; they are shown as delimiters.
	delim := func(line string) { tokens = append(tokens, chroma.Token{Type: chroma.CommentPreproc, Value: line}) }
	head := string(e.Raw[:e.Body])
	open, rest, _ := strings.Cut(head, "\n")
	i := strings.LastIndex(strings.TrimRight(rest, "\r\n"), "\n") + 1
	delim(open + "\n")
	if fm := rest[:i]; fm != "" {
		it, err := lexers.Get("toml").Tokenise(nil, fm)
		if err != nil {
			return "", err
		}
		tokens = append(tokens, it.Tokens()...)
	}
	delim(rest[i:])
	// chroma's Markdown lexer is far too slow for thousands of files;
	// the body's parse tree classes it instead.
	tokens = append(tokens, markdown.Tokens(e.Src, e.Doc, e.Body)...)
	var buf bytes.Buffer
	if err := sourceFormatter.Format(&buf, styles.Get("github"), chroma.Literator(tokens...)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
