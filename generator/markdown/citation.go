package markdown

import (
	"bytes"
	"html"
	"regexp"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindCitation is the node kind of a citation.
var KindCitation = ast.NewNodeKind("Citation")

// A Citation is [@id] or [@id, locator] in a body. It renders as a hole
// of a Body: its number, link and title depend on the page and the site,
// which the renderer knows nothing of (see Fill.Cite).
type Citation struct {
	ast.BaseInline
	ID      string
	Locator string
	Offset  int // byte offset of the opening '[' in the source
	Len     int // bytes from '[' to ']' inclusive
}

func (c *Citation) Kind() ast.NodeKind { return KindCitation }

func (c *Citation) Dump(source []byte, level int) {
	ast.DumpHelper(c, source, level, map[string]string{"ID": c.ID, "Locator": c.Locator}, nil)
}

// citationRE matches the text of a citation up to its closing bracket:
// an id, then optionally a comma and a locator without brackets. Neither
// may hold a '[', so a match attempt stops at the next one: the parser
// tries at every '[', and a line of "[@[@[@..." would otherwise cost time
// in the square of its length.
var citationRE = regexp.MustCompile(`^\[@([^\[\],\s]*)\s*(?:,\s*([^\[\]]*?)\s*)?\]`)

type citationParser struct{}

func (citationParser) Trigger() []byte { return []byte{'['} }

func (citationParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || line[1] != '@' {
		return nil
	}
	m := citationRE.FindSubmatchIndex(line)
	if m == nil {
		return nil
	}
	c := &Citation{ID: string(line[m[2]:m[3]]), Offset: seg.Start, Len: m[1]}
	if m[4] >= 0 {
		c.Locator = string(line[m[4]:m[5]])
	}
	block.Advance(m[1])
	return c
}

type citationRenderer struct{}

func (citationRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, renderCitation)
}

// renderCitation marks a hole for the citation (see writeCitation), or
// writes it unresolved into any other writer than NewBody's.
func renderCitation(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	c := n.(*Citation)
	if r, ok := w.(*recorder); ok {
		r.mark(r.Len(), holeCite, 0, []byte(c.ID), []byte(c.Locator))
		return ast.WalkContinue, nil
	}
	writeCitation(w, c.ID, c.Locator, 0, "", "", false)
	return ast.WalkContinue, nil
}

type citations struct{}

// Citations is the goldmark extension for [@id] citations.
var Citations goldmark.Extender = citations{}

func (citations) Extend(m goldmark.Markdown) {
	// Before the link parser (200), so "[@" is never taken for a link text.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(citationParser{}, 150)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(citationRenderer{}, 500)))
}

// PlainText returns the text of a tree without markup, for summaries,
// search and feeds: entities and typographic quotes decoded ("’", not
// "&rsquo;"), and citations left out with the space before them, so that
// "in Kapisa [@src]." reads "in Kapisa.".
func PlainText(src []byte, doc ast.Node) string {
	var buf bytes.Buffer
	buf.Grow(len(src))
	cut := false // a citation was just left out
	write := func(b []byte, decode bool) {
		if cut && len(b) > 0 {
			if r, _ := utf8.DecodeRune(b); !unicode.IsSpace(r) && !unicode.IsPunct(r) {
				buf.WriteByte(' ')
			}
			cut = false
		}
		if decode && bytes.ContainsAny(b, "&\\") {
			b = util.UnescapePunctuations(b)
			buf.WriteString(html.UnescapeString(string(b)))
			return
		}
		buf.Write(b)
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && buf.Len() > 0 {
				buf.WriteByte(' ')
				cut = false
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			// Text in code is as written; elsewhere Markdown resolves
			// entities and backslash escapes.
			write(n.Segment.Value(src), n.Parent() == nil || n.Parent().Kind() != ast.KindCodeSpan)
			if n.SoftLineBreak() || n.HardLineBreak() {
				buf.WriteByte(' ')
			}
		case *ast.String:
			// The typographer's quotes and dashes, as entities.
			write(n.Value, true)
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				buf.Write(s.Value(src))
			}
			return ast.WalkSkipChildren, nil
		case *Citation:
			trimmed := bytes.TrimRightFunc(buf.Bytes(), unicode.IsSpace)
			buf.Truncate(len(trimmed))
			cut = buf.Len() > 0
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return string(collapse(buf.Bytes()))
}

// collapse turns each run of white space in b into one space and trims
// both ends, as joining bytes.Fields with spaces does, in place: the
// search index reads every entry's text, and the fields were a twentieth
// of a build's garbage.
func collapse(b []byte) []byte {
	out := b[:0]
	space := false
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		if unicode.IsSpace(r) {
			space = len(out) > 0
			i += n
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		// Writing behind the reading position: out never passes i.
		out = append(out, b[i:i+n]...)
		i += n
	}
	return out
}
