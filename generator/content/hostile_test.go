package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestHostileBytes checks one file at a time, for inputs a txtar archive
// cannot hold or would hide (NUL, other control characters, UTF-16),
// against the exact problems reported, with their line and column.
func TestHostileBytes(t *testing.T) {
	const fm = "+++\ntitle = \"T\"\ndate = \"2025-12-24\"\nstatus = \"reported\"\nsources = [\"src-a\"]\nsummary = \"S\"\n+++\n"
	tests := []struct {
		name, path, file, want string
	}{
		{"NUL in a body", "", fm + "Body\x00 and \x1b[2J here.\nagain \x01\x02\n",
			"x.md:8:5: invisible control character U+0000 (NUL): remove it (it is often pasted from another program)\n" +
				"x.md:9:7: invisible control character U+0001: remove it (it is often pasted from another program)\n"},
		{"NUL in a title, written raw", "", "+++\ntitle = \"A\x00b\"\n+++\n",
			"x.md:2:11: front matter: remove the invisible control character (often pasted from a word processor) (TOML: TOML files cannot contain control characters: '0x00')\n"},
		{"NUL in a title after non-ASCII", "", "+++\ntitle = \"Āā\x00b\"\n+++\n",
			"x.md:2:12: front matter: remove the invisible control character (often pasted from a word processor) (TOML: TOML files cannot contain control characters: '0x00')\n"},
		{"tab and CR in a body are text", "", strings.ReplaceAll(fm, "\n", "\r\n") + "\tBody\r\n", ""},
		{"id index", "content/sources/index.md", "+++\ntitle = \"T\"\n+++\n",
			"content/sources/index.md:1:1: the id 'index' is reserved: index.html is the name of list pages, which this entry would overwrite; rename the file\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.path
			if p == "" {
				p = "content/events/2025-12-24-x.md"
			}
			_, errs := loadFile(fstest.MapFS{p: {Data: []byte(tt.file)}}, p)
			var b strings.Builder
			for _, e := range errs {
				if e.Severity == 0 {
					b.WriteString(strings.Replace(e.String(), "content/events/2025-12-24-", "", 1) + "\n")
				}
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
