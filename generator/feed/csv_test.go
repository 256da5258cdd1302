package feed

import "testing"

// A cell a spreadsheet would read as a formula gets a ' in front; no
// other cell changes.
func TestInert(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`=HYPERLINK("http://evil.example","click")`, `'=HYPERLINK("http://evil.example","click")`},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"", ""},
		{"2025-12-24", "2025-12-24"},
		{"Shot in Tehran = confirmed", "Shot in Tehran = confirmed"},
		{" =1", " =1"},
		{"'quoted'", "'quoted'"},
		{"events/x.html", "events/x.html"},
		{"“=”", "“=”"},
	} {
		if got := inert(tc.in); got != tc.want {
			t.Errorf("inert(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
