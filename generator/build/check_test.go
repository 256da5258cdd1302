package build

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"dossier/generator/diag"
)

// TestCheck runs each testdata/check/*.txtar site through the checker and
// compares every problem it reports, with its line and column, to the
// archive's "want" section. Run with -update to rewrite the sections.
func TestCheck(t *testing.T) {
	files, _ := filepath.Glob("testdata/check/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			fsys, want, ar := readArchive(t, file, "want")
			fsys = withBase(t, fsys)
			_, problems := Load(fsys)
			var buf bytes.Buffer
			problems.Print(&buf, "text")
			got := buf.String()
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "want" {
						ar.Files[i].Data = []byte(got)
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want["want"] {
				t.Errorf("problems:\n%s\nwant:\n%s", got, want["want"])
			}
		})
	}
}

// Cases whose bytes a txtar file cannot hold or would hide.
func TestCheckBytes(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"invalid UTF-8", "+++\nname = \"Ada\"\n+++\nBody \xff here.\n",
			"content/people/ada.md:4:6: invalid UTF-8 (byte 0xff): save the file as UTF-8\n"},
		{"CRLF line endings", "+++\r\nname = \"Ada\"\r\naffiliations = [\"navvy\"]\r\n+++\r\nText [@src-q].\r\n",
			"content/people/ada.md:3:17: unknown organization 'navvy'; did you mean 'navy'? Organizations are in content/organizations/\n" +
				"content/people/ada.md:5:6: citation names unknown source 'src-q'; did you mean 'src-a'? Sources are in content/sources/\n"},
		{"byte order mark", "\uFEFF+++\nname = \"Ada\"\n+++\n", ""},
		{"only spaces", " \n\t\n", "content/people/ada.md:1:1: empty file: an entry starts with a line +++, its fields, another +++ line, then the text; `go run ./generator new person ada` writes one\n"},
		// Columns count characters, as editors do, not bytes.
		{"non-ASCII columns", "+++\nname = \"Āda\"\naffiliations = [\"ناوی\", \"navvy\"]\nplace = \"tehrän\"\n+++\n",
			"content/people/ada.md:3:17: unknown organization 'ناوی'. Organizations are in content/organizations/\n" +
				"content/people/ada.md:3:25: unknown organization 'navvy'; did you mean 'navy'? Organizations are in content/organizations/\n" +
				"content/people/ada.md:4:9: unknown place 'tehrän'; did you mean 'tehran'? Places are in content/places/\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := withBase(t, fstest.MapFS{"content/people/ada.md": {Data: []byte(tt.file)}})
			_, problems := Load(fsys)
			// These cases are about errors and their positions; the
			// warnings of unfinished content are in testdata/check.
			problems = slices.DeleteFunc(problems, func(p diag.Problem) bool { return p.Severity == diag.Warning })
			var buf bytes.Buffer
			problems.Print(&buf, "text")
			if got := buf.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
