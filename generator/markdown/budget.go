package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// MaxHighlighted bounds the bytes of fenced code highlighted in one
// document. Chroma's lexers cost microseconds a byte (a 3 MB block of
// ```markdown took 7 s of CPU to build), so a body of code within the
// file size limit would stall every build; past the bound, blocks are
// shown as plain code, which costs a copy. Real entries quote far less.
const MaxHighlighted = 256 << 10

// highlightBudget marks the fenced code blocks past MaxHighlighted, in
// document order, with the nohl attribute that goldmark-highlighting
// reads to leave a block plain.
type highlightBudget struct{}

func (highlightBudget) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	left := MaxHighlighted
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		code, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || code.Info == nil {
			return ast.WalkContinue, nil
		}
		size := 0
		for i := 0; i < code.Lines().Len(); i++ {
			seg := code.Lines().At(i)
			size += seg.Len()
		}
		if size > left {
			code.SetAttributeString("nohl", true)
			left = 0
		} else {
			left -= size
		}
		return ast.WalkSkipChildren, nil
	})
}
