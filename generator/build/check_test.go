package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
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
