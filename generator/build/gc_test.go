package build

import (
	"os"
	"path/filepath"
	"testing"
)

// entryFiles counts the .md files of every kind's folder, and nothing
// else: not other files, not content/ itself, not a missing site.
func TestEntryFiles(t *testing.T) {
	tests := []struct {
		files []string
		want  int
	}{
		{nil, 0},
		{[]string{"content/events/a.md", "content/events/b.md", "content/people/c.md"}, 3},
		{[]string{"content/events/a.md", "content/events/notes.txt", "content/index.md", "site.toml"}, 1},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		for _, name := range tt.files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if got := entryFiles(dir); got != tt.want {
			t.Errorf("entryFiles with %q = %d, want %d", tt.files, got, tt.want)
		}
	}
}
