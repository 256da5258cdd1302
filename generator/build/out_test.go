package build

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/internal/testfs"
)

// files makes files under dir: see testfs.Write.
func files(t *testing.T, dir string, m map[string]string) { testfs.Write(t, dir, m) }

// listing describes everything under dir: each folder, each file with a
// digest of its bytes, each link with its target.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.IsDir():
			out = append(out, rel+"/")
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%s %x", rel, sha256.Sum256(b)))
		default:
			target, _ := os.Readlink(p)
			out = append(out, rel+" -> "+target)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// An output that is neither missing, nor empty, nor an earlier build is
// refused before anything is written, anywhere.
func TestRefuseOut(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string // beside the site, in site/
		out   string
		want  string
	}{
		{"the content folder", nil, "site/content", "inside the site's content/ folder"},
		{"the layouts folder", map[string]string{"site/layouts/base.html": "mine"}, "site/layouts", "inside the site's layouts/ folder"},
		{"inside static", nil, "site/static/public", "inside the site's static/ folder"},
		{"inside content, through a link", map[string]string{"c": "-> site/content"}, "c/public", "inside the site's content/ folder"},
		{"the site, through a link", map[string]string{"s": "-> site"}, "s", "it holds the site itself"},
		{"site.toml", nil, "site/site.toml", "it is a file, not a folder"},
		{"a file", map[string]string{"notes.txt": "mine"}, "notes.txt", "it is a file, not a folder"},
		{"a folder of documents", map[string]string{"Documents/report.pdf": "%PDF"}, "Documents", "it is not empty and not an earlier build"},
		{"a folder holding a hidden file", map[string]string{"out/.keep": ""}, "out", "it is not empty and not an earlier build"},
		{"a folder holding an empty folder", map[string]string{"out/sub/": ""}, "out", "it is not empty and not an earlier build"},
		{"a stamp that is a folder", map[string]string{"out/.dossier-build/": "", "out/a.txt": "mine"}, "out", "it is not empty and not an earlier build"},
		{"a stamp that is a link", map[string]string{"stamp": stampText, "out/.dossier-build": "-> ../stamp", "out/a.txt": "mine"}, "out", "it is not empty and not an earlier build"},
		{"a link to an earlier build", map[string]string{"build/.dossier-build": stampText, "public": "-> build"}, "public", "it is a symbolic link"},
		{"a repository", map[string]string{"repo/.git/HEAD": "ref", "repo/.dossier-build": stampText}, "repo", "it holds .git"},
		{"a Go module", map[string]string{"mod/go.mod": "module x\n"}, "mod", "it holds go.mod"},
		{"another site", map[string]string{"other/site.toml": "title = \"x\"\n"}, "other", "it holds site.toml"},
		{"the site", nil, "site", "it holds the site itself"},
		{"the folder holding the site", nil, ".", "it holds the site itself"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			fsys, _, _ := readArchive(t, "testdata/base.txtar")
			writeDir(t, fsys, filepath.Join(root, "site"))
			files(t, root, tc.files)
			before := listing(t, root)
			_, err := Build(filepath.Join(root, "site"), filepath.Join(root, tc.out))
			if !errors.Is(err, ErrUnsafeOut) || !strings.Contains(fmt.Sprint(err), tc.want) {
				t.Errorf("err = %v, want ErrUnsafeOut saying %q", err, tc.want)
			}
			if after := listing(t, root); !slices.Equal(before, after) {
				t.Errorf("files changed:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// A missing folder (and its parents), an empty folder and an earlier build
// are built into; the build is stamped, and what the earlier build held
// is gone.
func TestAcceptOut(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		out   string
	}{
		{"missing, with missing parents", nil, "a/b/public"},
		{"an empty folder", map[string]string{"public/": ""}, "public"},
		{"an earlier build", map[string]string{"public/.dossier-build": stampText, "public/gone.html": "old"}, "public"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "site")
			fsys, _, _ := readArchive(t, "testdata/base.txtar")
			writeDir(t, fsys, dir)
			files(t, root, tc.files)
			out := filepath.Join(root, tc.out)
			if problems, err := Build(dir, out); err != nil {
				t.Fatalf("build: %v %v", err, problems)
			}
			for _, line := range []string{"index.html exists", ".dossier-build contains a build of the dossier generator", "gone.html !exists"} {
				if msg := expect(out, line); msg != "" {
					t.Errorf("%s: %s", line, msg)
				}
			}
			left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*.tmp-*"))
			if len(left) > 0 {
				t.Errorf("left behind: %q", left)
			}
		})
	}
}
