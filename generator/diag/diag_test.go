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
		{"text", "content/events/a,b.md:1:1: warning: 50% done\nsecond line\n" +
			"content/people/b.md:3:17: unknown organization 'navvy'; did you mean 'navy'?\n"},
		{"github", "::warning file=content/events/a%2Cb.md,line=1,col=1::50%25 done%0Asecond line\n" +
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
