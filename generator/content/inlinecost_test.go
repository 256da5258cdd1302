package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestCostlyInline feeds bodies on which goldmark's inline parser takes
// time in the square of their size, each measured before the bound at
// 5 to 13 s of CPU, and bodies as large that it reads quickly. The first
// must be refused at the mark where the estimate passes the bound, the
// others accepted: the bound is on counted work, not on a clock.
func TestCostlyInline(t *testing.T) {
	const fm = "+++\ntitle = \"T\"\ndate = \"2025-12-24\"\nstatus = \"reported\"\nsources = [\"src-a\"]\n+++\n"
	tests := []struct {
		name, body, want string // want: "line:col: start of message", or "" for no problem
	}{
		{"[a]( 40,000 times", strings.Repeat("[a](", 40000), "7:5083: too many unclosed links"},
		{"![a]( 40,000 times", strings.Repeat("![a](", 40000), "7:5064: too many unclosed links"},
		{"[a](< 40,000 times", strings.Repeat("[a](<", 40000), "7:5063: too many unclosed links"},
		{"[a](b( 40,000 times", strings.Repeat("[a](b(", 40000), "7:5055: too many unclosed links"},
		{"escaped backticks", strings.Repeat("\\``", 40000), "7:5109: too many unclosed code spans"},
		{"a**_b 40,000 times", strings.Repeat("a**_b", 40000), "7:35357: too many * and _ marks"},
		{"[a] on 40,000 lines", strings.Repeat("[a]\n", 40000), "1277:3: too many [ ] brackets"},
		{"[^a] on 40,000 lines", strings.Repeat("[^a]\n", 40000), "1277:4: too many [ ] brackets"},
		{"[a](b ( on 160,000 lines", strings.Repeat("[a](b (\n", 160000), "317:3: too many [ ] brackets"},
		{"[a] after a fenced code block", "```\n" + strings.Repeat("[a]\n", 40000) + "```\n" + strings.Repeat("[a]\n", 40000), "41279:3: too many [ ] brackets"},
		{"[a] in an unclosed fenced code block", "~~~~ text\n" + strings.Repeat("[a]\n", 40000) + "~~~\n" + strings.Repeat("[a]\n", 40000), ""},
		{"50,000 links", strings.Repeat("[a](../people/x.md) ", 50000), ""},
		{"50,000 links with titles", strings.Repeat(`[a](https://example.org "t") `, 50000), ""},
		{"50,000 code spans", strings.Repeat("`a` ", 50000), ""},
		{"50,000 citations", strings.Repeat("[@src-a, p. 1] ", 50000), ""},
		{"5,000 paragraphs of emphasis", strings.Repeat("Some *emphasis* and **strong** text, [a link](https://example.org) and `code`.\n\n", 5000), ""},
		{"1,000 paragraphs of 100 bracketed lines", strings.Repeat(strings.Repeat("[a] word\n", 100)+"\n", 1000), ""},
		{"[a] on 40,000 lines of fenced code", "Text\n```markdown\n" + strings.Repeat("[a] *b* `c`\n", 40000) + "```\n", ""},
		{"100,000 backticks", strings.Repeat("`", 100000), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := "content/events/2025-12-24-x.md"
			fsys := fstest.MapFS{p: {Data: []byte(fm + tt.body + "\n")}}
			_, errs := loadFile(fsys, p)
			got := ""
			for _, e := range errs {
				if strings.Contains(e.Msg, "too many") {
					got = e.String()
				}
			}
			if tt.want == "" && got != "" || tt.want != "" && !strings.HasPrefix(got, p+":"+tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
