package markdown

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBodyStandsAlone: a Body written with the zero Fill is exactly what
// goldmark renders of the same tree without holes: links as written,
// citations unresolved, levels and ids as parsed.
func TestBodyStandsAlone(t *testing.T) {
	docs := []string{
		"# Title\n\nSome *soft* and **bold** text with `code`, a [link](../people/x.md \"T\") and [@src-a, p. 2].\n\n- item [b](../places/b.md#h)\n> quoted [c](https://example.org/a b?x=1&y=2)\n\n```go\nx := 1\n```\n",
		"## One\n## One\n###### Six [@a]\n\n[within](#one-1) [bad](javascript:alert(1)) <https://example.org>\n",
		"Text[^1] and again[^1], and[^n].\n\n[^1]: A note [@src-a] with [a link](../events/e.md).\n[^n]: # Heading in a note\n",
		"| a | [@b] |\n|---|---|\n| [c](../events/c.md) | d |\n",
		"[a]: ../people/a.md\n\n[link][a] [@a] [@[@x]] [@x,] \"quotes\" -- and...",
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzParse/*")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// A corpus file holds string("...") on its second line.
		lines := strings.SplitN(string(b), "\n", 3)
		if len(lines) < 2 {
			t.Fatalf("%s: not a fuzz corpus file", p)
		}
		doc, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "string("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, doc)
	}
	for _, doc := range docs {
		standsAlone(t, []byte(doc))
	}
}

// plain is the dossier's Markdown without holes.
var plain = dialect()

// standsAlone checks that src's Body, with the zero Fill, is what plain
// renders of it.
func standsAlone(t *testing.T, src []byte) {
	t.Helper()
	var want, got bytes.Buffer
	if err := plain.Renderer().Render(&want, src, Parse(src)); err != nil {
		t.Fatal(err)
	}
	if err := NewBody(src, Parse(src)).Write(&got, Fill{}); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("%q:\n got %s\nwant %s", src, got.String(), want.String())
	}
}

// TestBodyFill: each hole takes what the page's Fill says, in the body's
// order, escaped as goldmark escapes what it writes there.
func TestBodyFill(t *testing.T) {
	// A page's fill: entry links lead to .html pages, citations are
	// numbered in order of first citation, source b is unknown.
	page := func() Fill {
		num := map[string]int{}
		return Fill{
			Link: func(dest string) string {
				if p, ok := strings.CutSuffix(dest, ".md"); ok {
					return p + ".html"
				}
				return dest
			},
			Cite: func(id, locator string) (int, string, string, bool) {
				if id == "b" {
					return 0, "", "", false
				}
				if num[id] == 0 {
					num[id] = len(num) + 1
				}
				return num[id], "#note-" + strconv.Itoa(num[id]), "Source <" + id + ">", true
			},
		}
	}
	tests := []struct {
		name, src string
		fill      Fill
		want      string
	}{
		{"links and citations", "[Sari](../people/sari.md) [@a], [@c, p. 2] and [@a, ch. 1]; [@b].\n", page(),
			`<p><a href="../people/sari.html">Sari</a> <a class="cite" href="#note-1" title="Source &lt;a&gt;">[1]</a>, ` +
				`<a class="cite" href="#note-2" title="Source &lt;c&gt;">[2, p. 2]</a> and ` +
				`<a class="cite" href="#note-1" title="Source &lt;a&gt;">[1, ch. 1]</a>; <span class="cite">[@b]</span>.</p>` + "\n"},
		{"a link's title and text stay", "[*x*](a.md \"T&C\")\n", page(),
			`<p><a href="a.html" title="T&amp;C"><em>x</em></a></p>` + "\n"},
		{"destinations escaped", "[x](a.md)\n", Fill{Link: func(string) string { return `b c&"d"ü` }},
			`<p><a href="b%20c&amp;%22d%22%C3%BC">x</a></p>` + "\n"},
		{"dangerous destinations left out", "[x](a.md)\n", Fill{Link: func(string) string { return "javascript:alert(1)" }},
			`<p><a href="">x</a></p>` + "\n"},
		{"headings shifted and prefixed", "# One\n\n#### Four [@a]\n\n##### Five\n", Fill{HeadingShift: 2, HeadingIDPrefix: "p--h-"},
			`<h3 id="p--h-one">One</h3>` + "\n" + `<h6 id="p--h-four-a">Four <span class="cite">[@a]</span></h6>` + "\n" + `<h6 id="p--h-five">Five</h6>` + "\n"},
		{"footnotes prefixed", "A[^1].\n\n[^1]: Note.\n", Fill{FootnoteIDPrefix: "p--"},
			`<p>A<sup id="p--fnref:1"><a href="#p--fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>.</p>` + "\n" +
				`<div class="footnotes" role="doc-endnotes">` + "\n<hr>\n<ol>\n" +
				`<li id="p--fn:1">` + "\n" + `<p>Note.&#160;<a href="#p--fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>` + "\n</li>\n</ol>\n</div>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var got bytes.Buffer
			if err := NewBody(src, Parse(src)).Write(&got, tt.fill); err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Errorf("\n got %s\nwant %s", got.String(), tt.want)
			}
		})
	}
}
