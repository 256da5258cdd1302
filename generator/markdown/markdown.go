// Package markdown configures the one Markdown dialect of the dossier:
// CommonMark with GFM tables, footnotes, typographic quotes, heading ids,
// code highlighted by chroma with CSS classes (up to MaxHighlighted bytes
// a document, then plain), and citations written
// [@source-id] or [@source-id, locator].
//
// Raw HTML is never passed through and goldmark drops dangerous link
// destinations: entry bodies are untrusted contributor text.
package markdown

import (
	"bytes"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	highlighting "github.com/yuin/goldmark-highlighting/v2"
)

// md is safe for concurrent use: goldmark keeps per-document state in
// the parser context, not in the Markdown value.
var md = goldmark.New(
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
)

// Parse parses src. Positions in the returned tree are byte offsets in
// src, so callers pass the whole file with its front matter blanked out to
// get line numbers that match the file.
func Parse(src []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(src))
}

// Render writes the HTML for a tree made by Parse from the same src.
func Render(buf *bytes.Buffer, src []byte, doc ast.Node) error {
	return md.Renderer().Render(buf, src, doc)
}

// SetIDPrefix makes the ids of doc's footnotes start with prefix, so that
// the bodies of many entries can share one page (the print edition)
// without two footnotes having the same id. doc is a tree made by Parse.
func SetIDPrefix(doc ast.Node, prefix string) {
	if d, ok := doc.(*ast.Document); ok {
		d.AddMeta(idPrefixKey, []byte(prefix))
	}
}

const idPrefixKey = "dossier-id-prefix"

func footnotePrefix(n ast.Node) []byte {
	if d := n.OwnerDocument(); d != nil {
		if p, ok := d.Meta()[idPrefixKey].([]byte); ok {
			return p
		}
	}
	return nil
}
