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

func TestSummary(t *testing.T) {
	link := GitHubLink("https://github.com", "o/r", "abc123")
	tests := []struct {
		name string
		l    List
		link func(Problem) string
		want string
	}{
		{"none", nil, link, "### `check`: no problems\n\n"},
		{"escaped and linked", List{
			{Path: "content/people/b.md", Line: 3, Col: 17, Msg: "a | b <script>\nnext"},
			{Path: "content/x (1).md", Severity: Warning, Msg: `back\slash`},
		}, link, "### `check`: 1 error and 1 warning\n\n" +
			"| file | line | problem | link |\n|---|---|---|---|\n" +
			"| content/people/b.md | 3 | a \\| b &lt;script&gt;<br>next | [line 3](https://github.com/o/r/blob/abc123/content/people/b.md#L3) |\n" +
			"| content/x (1).md | 1 | warning: back\\\\slash | [file](https://github.com/o/r/blob/abc123/content/x%20%281%29.md) |\n\n"},
		{"no link without the runner's variables", List{{Path: "a.md", Line: 2, Msg: "m"}}, GitHubLink("", "o/r", "abc"),
			"### `check`: 1 error\n\n| file | line | problem | link |\n|---|---|---|---|\n| a.md | 2 | m |  |\n\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := tt.l.Summary(&buf, tt.link); err != nil {
			t.Fatal(err)
		}
		if buf.String() != tt.want {
			t.Errorf("%s:\n%q\nwant:\n%q", tt.name, buf.String(), tt.want)
		}
	}
}

func TestGitHubCut(t *testing.T) {
	many := func(errs, warns int) List {
		var l List
		for range errs {
			l.Add("a.md", 1, 1, "e")
		}
		for range warns {
			l.Warn("a.md", 1, 1, "w")
		}
		return l
	}
	tests := []struct {
		l    List
		want string
	}{
		{many(10, 10), ""},
		{many(11, 3), "GitHub annotates at most 10 errors and 10 warnings of a step: 1 error of the 11 errors and 3 warnings above is not annotated on the pull request; the job summary lists every problem"},
		{many(23, 12), "GitHub annotates at most 10 errors and 10 warnings of a step: 13 errors and 2 warnings of the 23 errors and 12 warnings above are not annotated on the pull request; the job summary lists every problem"},
		{many(0, 12), "GitHub annotates at most 10 errors and 10 warnings of a step: 2 warnings of the 12 warnings above are not annotated on the pull request; the job summary lists every problem"},
	}
	for _, tt := range tests {
		if got := tt.l.GitHubCut(); got != tt.want {
			t.Errorf("%d errors, %d warnings:\n%q\nwant\n%q", tt.l.Errors(), len(tt.l)-tt.l.Errors(), got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{0, "0 errors"}, {1, "1 error"}, {2, "2 errors"}} {
		if got := Plural(tt.n, "error", "errors"); got != tt.want {
			t.Errorf("Plural(%d) = %q, want %q", tt.n, got, tt.want)
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
