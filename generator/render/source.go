package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"dossier/generator/feed"
)

// Highlight returns an entry's file as written, highlighted for its view
// page: the front matter as TOML, the body as Markdown, with line numbers
// that match the file (and so the path:line:col of a content error) and
// that can be linked to, #L12.
func Highlight(raw []byte) (template.HTML, error) {
	head, body := feed.Split(raw)
	var tokens []chroma.Token
	add := func(lexer, text string) error {
		if text == "" {
			return nil
		}
		it, err := lexers.Get(lexer).Tokenise(nil, text)
		if err != nil {
			return err
		}
		tokens = append(tokens, it.Tokens()...)
		return nil
	}
	// The +++ lines are not TOML; they are shown as delimiters.
	delim := func(line string) { tokens = append(tokens, chroma.Token{Type: chroma.CommentPreproc, Value: line}) }
	if head != nil {
		h := string(head)
		open, rest, _ := strings.Cut(h, "\n")
		i := strings.LastIndex(strings.TrimRight(rest, "\r\n"), "\n") + 1
		delim(open + "\n")
		if err := add("toml", rest[:i]); err != nil {
			return "", err
		}
		delim(rest[i:])
	}
	if err := add("markdown", string(body)); err != nil {
		return "", err
	}
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithLineNumbers(true), chromahtml.WithLinkableLineNumbers(true, "L"))
	var buf bytes.Buffer
	if err := f.Format(&buf, styles.Get("github"), chroma.Literator(tokens...)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
