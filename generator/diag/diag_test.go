package diag

import (
	"bytes"
	"testing"
)

func TestPrint(t *testing.T) {
	l := List{
		{Path: "content/people/b.md", Line: 3, Col: 17, Msg: "unknown organization 'navvy'; did you mean 'navy'?"},
		{Path: "content/events/a,b.md", Line: 0, Col: 0, Severity: Warning, Msg: "50% done\nsecond line"},
		{Path: "content/people/b.md", Line: 3, Col: 17, Msg: "unknown organization 'navvy'; did you mean 'navy'?"},
	}.Sort()
	tests := []struct{ format, want string }{
		{"text", "content/events/a,b.md:1:1: warning: 50% done\\nsecond line\n" +
			"content/people/b.md:3:17: unknown organization 'navvy'; did you mean 'navy'?\n"},
		{"github", "::warning file=content/events/a%2Cb.md,line=1,col=1::50%25 done\\nsecond line\n" +
			"::error file=content/people/b.md,line=3,col=17::unknown organization 'navvy'; did you mean 'navy'?\n"},
		{"json", `[
  {
    "path": "content/events/a,b.md",
    "line": 1,
    "col": 1,
    "severity": "warning",
    "message": "50% done\nsecond line"
  },
  {
    "path": "content/people/b.md",
    "line": 3,
    "col": 17,
    "severity": "error",
    "message": "unknown organization 'navvy'; did you mean 'navy'?"
  }
]
`},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := l.Print(&buf, tt.format); err != nil {
			t.Fatal(err)
		}
		if buf.String() != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.format, buf.String(), tt.want)
		}
	}
	if l.Errors() != 1 {
		t.Errorf("Errors() = %d after dropping the repeat, want 1", l.Errors())
	}
}

func TestNearest(t *testing.T) {
	ids := []string{"grace-hopper", "navy", "tehran", "src-a", "src-b"}
	tests := []struct{ in, want string }{
		{"grace-hoper", "grace-hopper"},
		{"navvy", "navy"},
		{"teheran", "tehran"},
		{"src-c", "src-a"}, // ties go to the first in order
		{"kandahar", ""},   // nothing close: no suggestion
		{"", ""},
	}
	for _, tt := range tests {
		if got := Nearest(tt.in, ids); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEscape: a value echoed in a message must not forge a line of its
// own nor reach the terminal as an escape sequence.
func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, ناوی, Āda", "plain text, ناوی, Āda"},
		{"bad\nfake.md:1:1: all clear", `bad\nfake.md:1:1: all clear`},
		{"a\r\tb", `a\r\tb`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"nul\x00", `nul\x00`},
		{"del\x7f c1\u0085", `del\x7f c1\u0085`},
		{"evil\u202egnp.exe", `evil\u202egnp.exe`},
		{"zwnj\u200cstays", "zwnj\u200cstays"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	p := Problem{Path: "content/x\n.md", Line: 2, Col: 3, Msg: "status 'bad\nfake.md:1:1: all clear'"}
	for _, format := range []string{"text", "github", "json"} {
		var buf bytes.Buffer
		List{p}.Print(&buf, format)
		if format != "json" && bytes.Count(buf.Bytes(), []byte("\n")) != 1 {
			t.Errorf("%s: %q is not one line", format, buf.String())
		}
	}
}

// TestSortCaps: a file's problems past MaxPerFile become one line, an
// error if any it stands for is, and sorting again changes nothing.
func TestSortCaps(t *testing.T) {
	var l List
	for i := range MaxPerFile + 5 {
		l.Warn("a.md", i+1, 1, "w%d", i)
	}
	l.Add("a.md", 100, 1, "the one error, past the cap")
	l.Add("b.md", 1, 1, "b's only problem")
	got := l.Sort()
	want := "a.md:21:1: and 6 more problems in this file"
	if n := len(got); n != MaxPerFile+2 || got[MaxPerFile].String() != want {
		t.Fatalf("got %d problems, line %d %q; want %d, %q", n, MaxPerFile, got[MaxPerFile], MaxPerFile+2, want)
	}
	if got.Errors() != 2 {
		t.Errorf("Errors() = %d, want 2: the hidden error must still fail the run", got.Errors())
	}
	again := append(List{}, got...)
	again.Warn("a.md", 200, 1, "found later")
	again = again.Sort()
	if want := "a.md:21:1: and 7 more problems in this file"; again[MaxPerFile].String() != want {
		t.Errorf("sorted again: %q, want %q", again[MaxPerFile], want)
	}
}
