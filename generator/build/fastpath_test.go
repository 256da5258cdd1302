package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"

	"dossier/internal/synth"
	"dossier/internal/testsite"

	"dossier/generator/render"
)

// The Go fast paths of package render write what the default theme's
// templates would, byte for byte, on every test site: the txtar cases
// (hostile text, right-to-left, the Persian calendar, two languages, the
// print edition), the browser tests' sites and both synthetic corpora.
func TestFastPathsMatchTemplates(t *testing.T) {
	sites := map[string]fs.FS{"testsite": testsite.FS()}
	cases, err := filepath.Glob("testdata/build/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range cases {
		fsys, _, _ := readArchive(t, file, "expect")
		sites[filepath.Base(file)] = withBase(t, fsys)
	}
	for _, name := range []string{"evidence", "languages"} {
		ar, err := txtar.ParseFile("../browsertest/testdata/" + name + "/site.txtar")
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := txtar.FS(ar)
		if err != nil {
			t.Fatal(err)
		}
		sites[name] = fsys
	}
	sites["two-centuries"] = os.DirFS("../browsertest/testdata/two-centuries")
	dir := t.TempDir()
	// 160 events: past what a phone's strip marks, so the overview is dense.
	if err := synth.Write(dir, synth.Defaults(160)); err != nil {
		t.Fatal(err)
	}
	sites["synth"] = os.DirFS(dir)
	dirB := t.TempDir()
	if err := synth.Write(dirB, synth.DefaultsB(80)); err != nil {
		t.Fatal(err)
	}
	sites["synth-b"] = os.DirFS(dirB)

	for name, fsys := range sites {
		t.Run(name, func(t *testing.T) {
			fast := renderAll(t, fsys, false)
			slow := renderAll(t, fsys, true)
			if len(fast) != len(slow) {
				t.Errorf("%d files with the fast paths, %d without", len(fast), len(slow))
			}
			for path, want := range slow {
				if got := fast[path]; !bytes.Equal(got, want) {
					t.Errorf("%s differs with the fast paths:\n%s", path, firstDiff(got, want))
				}
			}
		})
	}
}

// renderAll renders a site into memory, from the templates alone when
// templated is set.
func renderAll(t *testing.T, fsys fs.FS, templated bool) map[string][]byte {
	t.Helper()
	s, problems := Load(fsys)
	if s == nil {
		t.Fatalf("site does not load:\n%v", problems)
	}
	layouts, static := Theme(fsys)
	ls, err := render.ParseLayouts(layouts, s.Config)
	if err != nil {
		t.Fatal(err)
	}
	if templated {
		ls = ls.Templated()
	}
	var mu sync.Mutex
	files := map[string][]byte{}
	err = render.Render(s, ls, static, func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[name] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// firstDiff shows where two outputs part, with some context.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  ..." + string(got[from:min(len(got), i+80)]) + "\nwant: ..." + string(want[from:min(len(want), i+80)])
}
