package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// FuzzParse holds the Markdown dialect to any input: no panic, no hang,
// every citation found where the source has "[@" and its id, and a
// rendering without raw HTML, whose Body stands alone as goldmark's own
// rendering. Run it with:
//
//	go test -run=^$ -fuzz=FuzzParse -fuzztime=60s -parallel=1 ./generator/markdown/
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Text [@src-a] and [@src-a, para. 3] and [@].",
		"[@a [@b, c] [@[@x]] [@x,] [@x , y ] [@ x]",
		"[link](../people/a.md) [@a](b) [[@a]] [@a][b]",
		"> [@a]\n> - x\n\n    [@code]\n\n`[@code]`\n\n```go\nx := 1\n```\n",
		"| a | [@b] |\n|---|---|\n| c | d |\n",
		"[^1]\n\n[^1]: A note [@src-a].",
		"<b onclick=x>html</b> <script>alert(1)</script> [x](javascript:alert(1))",
		"\"quotes\" -- and --- ... 'single'",
		"# Heading {#id}\n## Heading\n## Heading\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		doc := Parse(src)
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if c, ok := n.(*Citation); ok && entering {
				if c.Offset < 0 || !bytes.HasPrefix(src[c.Offset:], []byte("[@"+c.ID)) {
					t.Errorf("citation %q at offset %d, but the source has %q there", c.ID, c.Offset, src[max(0, c.Offset):min(len(src), max(0, c.Offset)+20)])
				}
				if bytes.ContainsAny([]byte(c.ID), "[] \t\n,") {
					t.Errorf("citation id %q holds a bracket, space or comma", c.ID)
				}
			}
			return ast.WalkContinue, nil
		})
		var buf bytes.Buffer
		if err := NewBody(src, doc).Write(&buf, Fill{}); err != nil {
			t.Fatalf("render: %v", err)
		}
		if bytes.Contains(bytes.ToLower(buf.Bytes()), []byte("<script")) {
			t.Errorf("raw HTML passed through: %s", buf.Bytes())
		}
		standsAlone(t, src)
		PlainText(src, doc)
	})
}

// FuzzCollapse holds collapse, which works in place, to what it stands
// for: the fields of the text joined by single spaces.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{
		"", " ", "a", "  a  b\t\nc  ", "\u00a0x\u2003y\u3000", "\xffa \xc3", "é  ü\u0085z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := string(bytes.Join(bytes.Fields([]byte(s)), []byte(" ")))
		if got := string(collapse([]byte(s))); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
