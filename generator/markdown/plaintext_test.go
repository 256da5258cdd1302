package markdown

import "testing"

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"typographer quotes decoded", `Sari's "masked" men -- and more...`, "Sari’s “masked” men – and more…"},
		{"entities decoded", `AT&amp;T &copy; &#65;`, "AT&T © A"},
		{"escapes resolved", `a \*b\* c`, "a *b* c"},
		{"code as written", "`a &amp; b` and\n\n    x &amp; y\n", "a &amp; b and x &amp; y"},
		{"citation before a full stop", "in Kapisa province [@src].", "in Kapisa province."},
		{"citations between words", "in Tehran [@a]\n[@b]. One says [@c, p. 2] so.", "in Tehran. One says so."},
		{"citation against a word", "word [@a]next", "word next"},
		{"blocks apart", "# Title\n\nText [@a].\n\n- one\n- two", "Title Text. one two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			if got := PlainText(src, Parse(src)); got != tt.want {
				t.Errorf("PlainText(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}
