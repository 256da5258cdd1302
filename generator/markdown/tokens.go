package markdown

import (
	"bytes"
	"slices"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/ast"
)

// Tokens returns src[from:] as chroma tokens, classed from the tree that
// Parse made of src, for chroma's formatter to highlight.
//
// chroma's own Markdown lexer tries a dozen regular expressions at every
// character and costs about 9 ms for a typical entry, which made the
// source views most of a build's time at thousands of entries. The body
// is already parsed, so its tree says where headings, emphasis, links,
// code and citations are; marking those spans costs a walk.
func Tokens(src []byte, doc ast.Node, from int) []chroma.Token {
	// Each byte's class is an index into types, 0 for plain text: a
	// byte each rather than a TokenType's eight.
	types := []chroma.TokenType{chroma.Text}
	class := make([]uint8, len(src))
	mark := func(start, end int, t chroma.TokenType) {
		i := slices.Index(types, t)
		if i < 0 {
			i = len(types)
			types = append(types, t)
		}
		start, end = max(start, 0), min(end, len(src))
		for j := start; j < end; j++ {
			class[j] = uint8(i)
		}
	}
	lineStart := func(off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }
	lineEnd := func(off int) int {
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			return off + i
		}
		return len(src)
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Lines().Len() > 0 {
				start := n.Lines().At(0).Start
				t := chroma.GenericSubheading
				if n.Level == 1 {
					t = chroma.GenericHeading
				}
				mark(lineStart(start), lineEnd(start), t)
			}
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			if lines.Len() > 0 {
				first, last := lines.At(0), lines.At(lines.Len()-1)
				start, end := first.Start, last.Stop
				if _, fenced := n.(*ast.FencedCodeBlock); fenced {
					// Take in the fence lines around the code.
					start = lineStart(max(lineStart(start)-1, 0))
					end = lineEnd(min(end+1, len(src)))
				}
				mark(start, end, chroma.LiteralString)
			}
			return ast.WalkSkipChildren, nil
		case *ast.ListItem:
			if c := n.FirstChild(); c != nil && c.Lines().Len() > 0 {
				start := c.Lines().At(0).Start
				ls := lineStart(start)
				marker := ls + len(src[ls:start]) - len(bytes.TrimLeft(src[ls:start], " \t"))
				mark(marker, start, chroma.Keyword)
			}
		case *ast.Blockquote:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				for i := 0; i < c.Lines().Len(); i++ {
					ls := lineStart(c.Lines().At(i).Start)
					if j := bytes.IndexByte(src[ls:c.Lines().At(i).Start], '>'); j >= 0 {
						mark(ls+j, ls+j+1, chroma.Keyword)
					}
				}
			}
		case *ast.CodeSpan:
			if start, end, ok := span(n); ok {
				mark(start-1, end+1, chroma.LiteralStringBacktick)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Emphasis:
			if start, end, ok := span(n); ok {
				t := chroma.GenericEmph
				if n.Level > 1 {
					t = chroma.GenericStrong
				}
				mark(start-n.Level, end+n.Level, t)
			}
		case *ast.Link:
			// The destination is found in the source, not read from the
			// node: pages rewrite it while this view may be rendered.
			if start, end, ok := span(n); ok {
				mark(start-1, end, chroma.NameTag)
				if d := destination(src, end); d > 0 {
					mark(end+2, d, chroma.NameAttribute)
				}
			}
		case *Citation:
			mark(n.Offset, n.Offset+n.Len, chroma.NameEntity)
		}
		return ast.WalkContinue, nil
	})

	// One copy of the text, which every token's value is a part of.
	text := string(src[from:])
	var tokens []chroma.Token
	for i := from; i < len(src); {
		j := i + 1
		for j < len(src) && class[j] == class[i] {
			j++
		}
		tokens = append(tokens, chroma.Token{Type: types[class[i]], Value: text[i-from : j-from]})
		i = j
	}
	return tokens
}

// span returns the source range of a node's inline text, from its first
// text segment to its last.
func span(n ast.Node) (start, end int, ok bool) {
	start, end = -1, -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, isText := c.(*ast.Text); isText && entering {
			if start < 0 {
				start = t.Segment.Start
			}
			end = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	return start, end, start >= 0
}

// destination returns the end of an inline link's destination, given the
// end of its text: src[end:] starts "](", and the destination runs to the
// ")" that balances it. It returns 0 when the link is not written so (a
// reference link, say).
func destination(src []byte, end int) int {
	if !bytes.HasPrefix(src[end:], []byte("](")) {
		return 0
	}
	depth := 0
	for i := end + 2; i < len(src) && src[i] != '\n'; i++ {
		switch src[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return 0
}
