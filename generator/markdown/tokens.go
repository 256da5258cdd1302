package markdown

import (
	"bytes"
	"slices"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark/ast"
)

// Tokens returns src[from:] as chroma tokens, classed from the tree that
// Parse made of src, for chroma's formatter to highlight.
func Tokens(src []byte, doc ast.Node, from int) []chroma.Token {
	return Classify(src, doc, from).Tokens(string(src[from:]))
}

// Classes are the token types of a document's text from some offset on,
// for its highlighted source view: one uint32 a run of bytes of one type,
// its length above the low 8 bits and its type's index in classTypes in
// them. An entry's are made while its tree exists, at load, and kept,
// a few hundred bytes for a body of kilobytes, until its page renders.
type Classes []uint32

// classTypes are the token types Classify marks; 0 is plain text.
var classTypes = []chroma.TokenType{
	chroma.Text, chroma.GenericHeading, chroma.GenericSubheading,
	chroma.LiteralString, chroma.LiteralStringBacktick, chroma.Keyword,
	chroma.GenericEmph, chroma.GenericStrong,
	chroma.NameTag, chroma.NameAttribute, chroma.NameEntity,
}

// Classify returns the classes of src[from:] from the tree that Parse made
// of src.
//
// chroma's own Markdown lexer tries a dozen regular expressions at every
// character and costs about 9 ms for a typical entry, which made the
// source views most of a build's time at thousands of entries. The body
// is already parsed, so its tree says where headings, emphasis, links,
// code and citations are; marking those spans costs a walk.
func Classify(src []byte, doc ast.Node, from int) Classes {
	// The class of src[from+j] is class[j], an index into classTypes, 0
	// for plain text: a byte each rather than a TokenType's eight.
	class := make([]uint8, len(src)-from)
	mark := func(start, end int, t chroma.TokenType) {
		i := slices.Index(classTypes, t)
		start, end = max(start-from, 0), min(end-from, len(class))
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

	var runs Classes
	for i := 0; i < len(class); {
		j := i + 1
		for j < len(class) && class[j] == class[i] {
			j++
		}
		runs = append(runs, uint32(j-i)<<8|uint32(class[i]))
		i = j
	}
	return slices.Clone(runs)
}

// Tokens returns text, the bytes c was made from, as chroma tokens, each
// value a part of text.
func (c Classes) Tokens(text string) []chroma.Token {
	tokens := make([]chroma.Token, 0, len(c))
	at := 0
	for _, run := range c {
		n := int(run >> 8)
		tokens = append(tokens, chroma.Token{Type: classTypes[run&0xff], Value: text[at : at+n]})
		at += n
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
