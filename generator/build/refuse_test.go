package build

import (
	"os"
	"path/filepath"
	"testing"
)

// build -out must never replace a folder that holds someone's work: one
// with a repository in it (.git as a folder, or as the file a git
// worktree has), a module or another site. Build refuses, and the folder
// keeps every file as it was.
func TestRefuseOutHoldingWork(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // the output folder's files before the build
	}{
		{".git folder", map[string]string{".git/HEAD": "ref: refs/heads/main\n", "notes.txt": "mine\n"}},
		{".git file of a worktree", map[string]string{".git": "gitdir: /elsewhere/.git/worktrees/x\n", "notes.txt": "mine\n"}},
		{".git alone", map[string]string{".git/config": "[core]\n"}},
		{"go.mod", map[string]string{"go.mod": "module x\n"}},
		{"site.toml", map[string]string{"site.toml": "title = \"Another\"\n"}},
		{"content", map[string]string{"content/people/x.md": "+++\nname = \"X\"\n+++\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := baseSite(t)
			out := filepath.Join(t.TempDir(), "out")
			for name, data := range tt.files {
				p := filepath.Join(out, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := tree(t, out)
			if _, err := Build(dir, out); err == nil {
				t.Errorf("Build into a folder holding %s succeeded, want a refusal", tt.name)
			}
			sameTree(t, before, tree(t, out))
		})
	}
}
