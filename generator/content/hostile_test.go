package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"
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
		{"UTF-16 with a byte-order mark", "", utf16le("\uFEFF" + fm), "x.md:1:1: the file is encoded as UTF-16 (little-endian, with a byte-order mark): save it as UTF-8 (in most editors: Save with Encoding, or the encoding in the status bar)\n"},
		{"UTF-16 big-endian", "", "\xfe\xff\x00+\x00+\x00+\x00\n", "x.md:1:1: the file is encoded as UTF-16 (big-endian, with a byte-order mark): save it as UTF-8 (in most editors: Save with Encoding, or the encoding in the status bar)\n"},
		{"UTF-16 without a mark", "", utf16le(fm), "x.md:1:1: the file is encoded as UTF-16 (little-endian): save it as UTF-8 (in most editors: Save with Encoding, or the encoding in the status bar)\n"},
		{"YAML front matter", "", "---\ntitle: T\ndate: 2025-12-24\n---\nBody\n", "x.md:1:1: this generator reads TOML front matter between +++ lines, not YAML between --- lines: replace both --- lines with +++, and write each field as key = \"value\" (lists as key = [\"a\", \"b\"])\n"},
		{"spaces and tabs after +++", "", strings.Replace(strings.Replace(fm, "+++\n", "+++ \t\n", 1), "\n+++\n", "\n+++\t \n", 1) + "Body.\n", ""},
		{"spaces after +++, CRLF and a byte-order mark", "", "\uFEFF" + strings.ReplaceAll(strings.ReplaceAll(fm, "+++\n", "+++  \n"), "\n", "\r\n"), ""},
		{"a string where a list is needed", "", strings.Replace(fm, `["src-a"]`, `"src-a"`, 1), "x.md:5:11: sources is a list, even of one: write sources = [\"src-a\"]\n"},
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

// utf16le encodes s as UTF-16, little-endian, as Windows editors save
// "Unicode" text.
func utf16le(s string) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}
