package markdown

import (
	"bytes"
	"strings"
	"testing"
)

// TestHighlightBudget: fenced code is highlighted until MaxHighlighted
// bytes in the document, then shown plain, whatever follows.
func TestHighlightBudget(t *testing.T) {
	block := func(lang string, n int) string {
		return "```" + lang + "\n" + strings.Repeat("x := 1 // a line of code\n", n/25) + "```\n\n"
	}
	tests := []struct {
		name        string
		src         string
		highlighted int // blocks rendered by chroma
		plain       int
	}{
		{"small blocks", block("go", 1000) + block("toml", 1000), 2, 0},
		{"one block too big", block("markdown", MaxHighlighted+100), 0, 1},
		{"the block that passes the budget, and those after", block("go", MaxHighlighted/2) + block("go", MaxHighlighted/2+100) + block("go", 100), 1, 2},
		{"code without a language is plain anyway", block("", MaxHighlighted*2) + block("go", 100), 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var buf bytes.Buffer
			if err := NewBody(src, Parse(src)).Write(&buf, Fill{}); err != nil {
				t.Fatal(err)
			}
			html := buf.String()
			hl := strings.Count(html, `<pre class="chroma">`)
			plain := strings.Count(html, "<pre><code")
			if hl != tt.highlighted || plain != tt.plain {
				t.Errorf("%d highlighted, %d plain; want %d, %d", hl, plain, tt.highlighted, tt.plain)
			}
		})
	}
}
