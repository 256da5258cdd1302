// Package markdown configures the one Markdown dialect of the dossier:
// CommonMark with GFM tables, footnotes, typographic quotes, heading ids,
// code highlighted by chroma with CSS classes (up to MaxHighlighted bytes
// a document, then plain), and citations written
// [@source-id] or [@source-id, locator]. A document is rendered once,
// with holes for what depends on the page that shows it (see Body).
//
// Raw HTML is never passed through and goldmark drops dangerous link
// destinations: entry bodies are untrusted contributor text.
package markdown

import (
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	highlighting "github.com/yuin/goldmark-highlighting/v2"
)

// md is safe for concurrent use: goldmark keeps per-document state in
// the parser context, not in the Markdown value. Its renderer marks the
// holes of a Body, before goldmark's own renderers (1000), which it wraps.
var md = dialect(goldmark.WithRendererOptions(renderer.WithNodeRenderers(
	util.Prioritized(&holeRenderer{inner: gmhtml.NewRenderer()}, 100),
)))

// dialect returns the dossier's Markdown, with opts.
func dialect(opts ...goldmark.Option) goldmark.Markdown {
	return goldmark.New(append([]goldmark.Option{
		goldmark.WithExtensions(
			extension.Table,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
			extension.Typographer,
			highlighting.NewHighlighting(
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
			),
			Citations,
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(highlightBudget{}, 1000)),
		),
	}, opts...)...)
}

// Parse parses src. Positions in the returned tree are byte offsets in
// src, so callers pass the whole file with its front matter blanked out to
// get line numbers that match the file.
func Parse(src []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(src))
}

// footnotePrefix marks a hole where goldmark writes the prefix of a
// footnote's id, which Fill.FootnoteIDPrefix fills: the bodies of many
// entries share one page in the print edition, and two footnotes must
// not have the same id there. goldmark writes the prefix as soon as it
// has it, so the hole is at the recorder's end.
func footnotePrefix(n ast.Node) []byte {
	if d := n.OwnerDocument(); d != nil {
		if r, ok := d.Meta()[recorderKey].(*recorder); ok {
			r.mark(r.Len(), holeFootnoteID, 0, nil, nil)
		}
	}
	return nil
}
