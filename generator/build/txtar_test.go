package build

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// readArchive reads a txtar test case: the site's files, and the named
// sections that hold what the test expects rather than site files.
func readArchive(t *testing.T, file string, sections ...string) (fstest.MapFS, map[string]string, *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	want := map[string]string{}
	for _, f := range ar.Files {
		special := false
		for _, s := range sections {
			if f.Name == s {
				want[s] = string(f.Data)
				special = true
			}
		}
		if !special {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	return fsys, want, ar
}

// writeDir writes the files of fsys under dir, for code that reads a
// real folder.
func writeDir(t *testing.T, fsys fstest.MapFS, dir string) {
	t.Helper()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// withBase adds the files of testdata/base.txtar that fsys does not have,
// so that each case shows only what it changes.
func withBase(t *testing.T, fsys fstest.MapFS) fstest.MapFS {
	t.Helper()
	base, _, _ := readArchive(t, "testdata/base.txtar")
	for name, f := range base {
		if _, ok := fsys[name]; !ok {
			fsys[name] = f
		}
	}
	return fsys
}
