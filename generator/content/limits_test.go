package content

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestHostileInput feeds inputs built to be slow or deep: each must end
// in a clear error or a result, never a crash. There is no timing
// assertion (machines differ); run with -v to see how long each took.
func TestHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds inputs of megabytes; skipped with -short")
	}
	const fm = "+++\ntitle = \"T\"\nstatus = \"reported\"\nsources = [\"src-a\"]\n+++\n"
	body := func(s string) string { return fm + s }
	tests := []struct {
		name string
		src  func() string
		want string // a problem that must be reported, or "" for none required
	}{
		{"50 MB file", func() string { return body(strings.Repeat("word ", 10<<20)) }, "the file is 50.0 MB, and an entry may be at most 4.0 MB"},
		{"100,000-line front matter", func() string {
			var b strings.Builder
			b.WriteString("+++\ntitle = \"T\"\nstatus = \"reported\"\nsources = [\"src-a\"]\n")
			for i := range 100000 {
				b.WriteString("# comment line " + strings.Repeat("x", i%50) + "\n")
			}
			return b.String() + "+++\n"
		}, ""},
		{"100,000 unknown fields: reported are capped", func() string {
			var b strings.Builder
			b.WriteString("+++\ntitle = \"T\"\nstatus = \"reported\"\nsources = [\"src-a\"]\n")
			for i := range 100000 {
				b.WriteString("field" + itoa(i) + " = 1\n")
			}
			return b.String() + "+++\n"
		}, "more problems in this file"},
		{"100,000-item list, one a line", func() string {
			var b strings.Builder
			b.WriteString("+++\ntitle = \"T\"\nstatus = \"reported\"\nsources = [\"src-a\"]\npeople = [\n")
			for i := range 100000 {
				b.WriteString("  \"p" + itoa(i) + "\",\n")
			}
			return b.String() + "]\n+++\n"
		}, ""},
		{"100,000-item list, one line", func() string {
			var b strings.Builder
			b.WriteString("+++\ntitle = \"T\"\nstatus = \"reported\"\nsources = [\"src-a\"]\ntags = [")
			for i := range 100000 {
				b.WriteString("\"t" + itoa(i) + "\", ")
			}
			return b.String() + "]\n+++\n"
		}, ""},
		{"100,000 nested >", func() string { return body(strings.Repeat(">", 100000) + " deep\n") }, "opens 100000 quotes"},
		{"4 MB of >", func() string { return body(strings.Repeat(">", MaxFileSize-100)) }, "at most 100 may nest"},
		{"100 nested > (allowed)", func() string { return body(strings.Repeat("> ", 100) + "deep\n") }, ""},
		{"10,000-deep list on one line", func() string { return body(strings.Repeat("- ", 10000) + "x\n") }, "opens 10000"},
		{"10,000-deep ordered list on one line", func() string { return body(strings.Repeat("1. ", 10000) + "x\n") }, "opens 10000"},
		{"10,000 quotes and lists", func() string { return body(strings.Repeat("> * ", 5000) + "x\n") }, "opens 10000"},
		{"100,000 nested [", func() string {
			return body(strings.Repeat("[", 100000) + "x" + strings.Repeat("](a.md)", 100000) + "\n")
		}, ""},
		{"100,000 [ unclosed", func() string { return body(strings.Repeat("[", 100000) + "\n") }, ""},
		{"100,000 *", func() string { return body(strings.Repeat("*", 100000) + "x" + strings.Repeat("*", 100000) + "\n") }, ""},
		{"50,000 *a", func() string { return body(strings.Repeat("*a", 50000) + "\n") }, ""},
		{"10,000-deep list, indented (too big)", func() string {
			var b strings.Builder
			for i := range 10000 {
				b.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return body(b.String())
		}, "an entry may be at most 4.0 MB"},
		{"10,000-deep ordered list, indented (too big)", func() string {
			var b strings.Builder
			for i := range 10000 {
				b.WriteString(strings.Repeat("   ", i) + "1. item\n")
			}
			return body(b.String())
		}, "an entry may be at most 4.0 MB"},
		{"50,000 [@ on a line", func() string { return body(strings.Repeat("[@", 50000) + "\n") }, ""},
		{"4 MB of [@", func() string { return body(strings.Repeat("[@", MaxFileSize/2-100)) }, ""},
		{"1,400-deep list, indented", func() string {
			var b strings.Builder
			for i := range 1400 {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			return body(b.String())
		}, "indented 258 columns, and at most 256"},
		{"128-deep list, indented, then 15,000 lines at the deepest", func() string {
			var b strings.Builder
			for i := range 128 {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			for range 15000 {
				b.WriteString(strings.Repeat("  ", 128) + "text\n")
			}
			return body(b.String())
		}, ""},
		{"50,000 [@x, on a line", func() string { return body(strings.Repeat("[@x, ", 50000) + "\n") }, ""},
		{"50,000 citations", func() string { return body(strings.Repeat("[@src-a, p. 1] ", 50000) + "\n") }, ""},
		{"50,000 links", func() string { return body(strings.Repeat("[a](../people/x.md) ", 50000) + "\n") }, ""},
		{"100,000 backticks", func() string { return body(strings.Repeat("`", 100000) + "\n") }, ""},
		{"100,000 table columns", func() string {
			return body(strings.Repeat("|a", 100000) + "|\n" + strings.Repeat("|-", 100000) + "|\n" + strings.Repeat("|b", 100000) + "|\n")
		}, ""},
		{"100,000 footnotes", func() string {
			var b strings.Builder
			for i := range 100000 {
				b.WriteString("[^" + itoa(i) + "]")
			}
			return body(b.String() + "\n")
		}, ""},
		{"100,000 lines of <", func() string { return body(strings.Repeat("<a\n", 100000)) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src())
			fsys := fstest.MapFS{"content/events/2025-12-24-x.md": {Data: src}}
			start := time.Now()
			_, errs := loadFile(fsys, "content/events/2025-12-24-x.md")
			t.Logf("%d bytes: %v, %d problems", len(src), time.Since(start).Round(time.Millisecond), len(errs))
			var b strings.Builder
			for _, p := range errs {
				b.WriteString(p.String() + "\n")
			}
			all := b.String()
			if tt.want != "" && !strings.Contains(all, tt.want) {
				t.Errorf("no problem says %q; got %d problems", tt.want, len(errs))
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
