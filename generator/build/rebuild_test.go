//go:build unix

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
	"syscall"
	"testing"
	"time"
)

// A rebuild into an earlier build writes nothing when nothing changed, and
// otherwise exactly the files whose bytes changed: every other file keeps
// its inode and modification time. Whatever changed, the output is then
// the one a first build gives.
func TestRebuild(t *testing.T) {
	event := "content/events/2025-12-24-shooting.md"
	for _, tc := range []struct {
		name     string
		change   func(t *testing.T, dir, out string)
		upToDate bool
		written  []string // among the files written new
		kept     []string // among the files kept
	}{
		{
			name:     "nothing changed",
			change:   func(*testing.T, string, string) {},
			upToDate: true,
			kept:     []string{"index.html", "events/2025-12-24-shooting.html", "css/site.css"},
		},
		{
			name: "an event's title",
			change: func(t *testing.T, dir, _ string) {
				replace(t, filepath.Join(dir, event), `title = "A shooting"`, `title = "A shooting in Tehran"`)
			},
			written: []string{
				"events/2025-12-24-shooting.html", "index.html", "years/2025.html", "status/reported.html",
				"people/grace-hopper.html", "places/tehran.html", "sources/src-a.html",
				"feed.xml", "dossier.json", "events.csv", "search-index/d0.js", "print.html",
			},
			kept: []string{"organizations/navy.html", "sources/src-b.html", "status/alleged.html", "people/index.html", "css/site.css", "js/search.js"},
		},
		{
			// Not the latest: every page names the edition, the latest date.
			name: "an event added",
			change: func(t *testing.T, dir, _ string) {
				files(t, dir, map[string]string{"content/events/2025-12-20-march.md": "+++\ntitle = \"A march\"\ndate = \"2025-12-20\"\nstatus = \"confirmed\"\nsources = [\"src-b\"]\n+++\n"})
			},
			written: []string{"events/2025-12-20-march.html", "index.html", "sources/src-b.html", "status/confirmed.html", "feed.xml"},
			kept:    []string{"people/grace-hopper.html", "places/tehran.html", "status/alleged.html", "css/site.css"},
		},
		{
			name: "a layout",
			change: func(t *testing.T, dir, _ string) {
				b, err := fs.ReadFile(os.DirFS("../.."), "layouts/base.html")
				if err != nil {
					t.Fatal(err)
				}
				files(t, dir, map[string]string{"layouts/base.html": strings.Replace(string(b), "</body>", "<p>Changed.</p></body>", 1)})
			},
			written: []string{"index.html", "events/2025-12-24-shooting.html", "people/grace-hopper.html", "organizations/navy.html", "search.html"},
			kept:    []string{"feed.xml", "dossier.json", "search-index.js", "css/site.css"},
		},
		{
			name: "a static file",
			change: func(t *testing.T, dir, _ string) {
				files(t, dir, map[string]string{"static/css/site.css": "body { color: black }\n"})
			},
			written: []string{"css/site.css"},
			kept:    []string{"index.html", "css/search.css", "feed.xml"},
		},
		{
			name: "a file deleted in the output",
			change: func(t *testing.T, _, out string) {
				if err := os.Remove(filepath.Join(out, "people/grace-hopper.html")); err != nil {
					t.Fatal(err)
				}
			},
			written: []string{"people/grace-hopper.html"},
			kept:    []string{"index.html", "people/index.html"},
		},
		{
			name: "a file edited in place in the output, its time kept",
			change: func(t *testing.T, _, out string) {
				p := filepath.Join(out, "index.html")
				st, _ := os.Stat(p)
				b, _ := os.ReadFile(p)
				b[len(b)-2] = 'X' // same size, same inode, same time
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
				os.Chtimes(p, st.ModTime(), st.ModTime())
			},
			written: []string{"index.html"},
			kept:    []string{"events/2025-12-24-shooting.html"},
		},
		{
			name: "a file added to the output",
			change: func(t *testing.T, _, out string) {
				files(t, out, map[string]string{"notes.txt": "mine"})
			},
			kept: []string{"index.html"}, // and notes.txt is gone, as the stamp says
		},
		{
			name: "a folder added to the output",
			change: func(t *testing.T, _, out string) {
				files(t, out, map[string]string{"drafts/": ""})
			},
			kept: []string{"index.html"},
		},
		{
			name: "the stamp of an older generator",
			change: func(t *testing.T, _, out string) {
				files(t, out, map[string]string{Stamp: stampText})
			},
			kept: []string{"index.html", "css/site.css"},
		},
		{
			name: "another generator",
			change: func(t *testing.T, _, _ string) {
				setGenerator(t, "another")
			},
			kept: []string{"index.html", "css/site.css"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setGenerator(t, "this")
			dir := baseSite(t)
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Build(dir, out); err != nil {
				t.Fatal(err)
			}
			tc.change(t, dir, out)
			before, beforeSums := inodes(t, out), tree(t, out)

			r, problems, err := Rebuild(dir, out)
			if err != nil {
				t.Fatalf("rebuild: %v %v", err, problems)
			}
			if !strings.Contains(fmt.Sprint(problems), "nothing refers to this organization") {
				t.Errorf("the rebuild lost the warnings: %v", problems)
			}
			after, afterSums := inodes(t, out), tree(t, out)
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.tmp-*")); len(left) > 0 {
				t.Errorf("left behind: %q", left)
			}
			fresh := filepath.Join(t.TempDir(), "public")
			if _, err := Build(dir, fresh); err != nil {
				t.Fatal(err)
			}
			sameTree(t, tree(t, fresh), afterSums)

			// Written new: the files whose bytes changed, or were missing.
			var changed, written []string
			for name, sum := range afterSums {
				if name != Stamp && beforeSums[name] != sum {
					changed = append(changed, name)
				}
			}
			for name, id := range after {
				if name != Stamp && before[name] != id {
					written = append(written, name)
				}
			}
			slices.Sort(changed)
			slices.Sort(written)
			if !slices.Equal(written, changed) {
				t.Errorf("written new:\n%q\nwant the files whose bytes changed:\n%q", written, changed)
			}
			for _, name := range tc.written {
				if !slices.Contains(written, name) {
					t.Errorf("%s was kept, want it written", name)
				}
			}
			for _, name := range tc.kept {
				if _, ok := after[name]; !ok || slices.Contains(written, name) {
					t.Errorf("%s was written or is missing, want it kept", name)
				}
			}
			if !r.Earlier {
				t.Errorf("result %+v, want Earlier", r)
			}
			stampKept := before[Stamp] == after[Stamp]
			if r.UpToDate != tc.upToDate || stampKept != tc.upToDate {
				t.Errorf("up to date: %v, stamp kept: %v; want %v", r.UpToDate, stampKept, tc.upToDate)
			}
			if r.Written != len(written) || r.Kept != len(after)-1-len(written) {
				t.Errorf("result %+v, want %d written and %d kept", r, len(written), len(after)-1-len(written))
			}
		})
	}
}

// A build writes the stamp last, with what the next build compares; one
// that cannot read an input renders every time.
func TestManifest(t *testing.T) {
	setGenerator(t, "this")
	dir := baseSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(dir, out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, Stamp))
	if err != nil {
		t.Fatal(err)
	}
	m := parseManifest(b)
	if m == nil || !strings.HasPrefix(string(b), stampText) {
		t.Fatalf("stamp:\n%s", b)
	}
	if string(m.stamp()) != string(b) {
		t.Errorf("the stamp does not read back as it was written:\n%s", b)
	}
	if len(m.files) != len(tree(t, out))-1 || len(m.warnings) != 2 {
		t.Errorf("manifest of %d files and %d warnings", len(m.files), len(m.warnings))
	}
	st, _ := os.Stat(filepath.Join(out, Stamp))
	for name := range m.files {
		if fst, _ := os.Stat(filepath.Join(out, name)); fst.ModTime().After(st.ModTime()) {
			t.Errorf("%s written after the stamp", name)
		}
	}
	for _, bad := range []string{stampText, strings.Replace(string(b), "\nfile ", "\nfil ", 1), strings.Replace(string(b), `"index.html"`, `"../index.html"`, 1)} {
		if parseManifest([]byte(bad)) != nil {
			t.Errorf("a bad manifest read as good:\n%s", bad)
		}
	}

	// A generator that cannot tell what it is renders every time.
	old := generatorID
	generatorID = func() (string, error) { return "", errors.New("no executable") }
	defer func() { generatorID = old }()
	for range 2 {
		if r, _, err := Rebuild(dir, out); err != nil || r.UpToDate || r.Kept != len(m.files) {
			t.Errorf("rebuild without inputs' digest: %+v %v, want a render", r, err)
		}
	}
}

// setGenerator makes the generator's identity id for the rest of the test.
func setGenerator(t *testing.T, id string) {
	old := generatorID
	generatorID = func() (string, error) { return id, nil }
	t.Cleanup(func() { generatorID = old })
}

// fileID is what tells a file written new from one kept.
type fileID struct {
	ino   uint64
	mtime time.Time
}

// inodes returns the inode and modification time of each file under dir.
func inodes(t *testing.T, dir string) map[string]fileID {
	t.Helper()
	ids := map[string]fileID{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		ids[filepath.ToSlash(rel)] = fileID{info.Sys().(*syscall.Stat_t).Ino, info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func replace(t *testing.T, p, old, new string) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s: %v, or no %q in it", p, err, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A file is linked from the previous output only when its bytes are the
// same, and a name written twice never writes through such a link.
func TestWriterKeepsOld(t *testing.T) {
	old, dir := t.TempDir(), t.TempDir()
	files(t, old, map[string]string{"a/same.txt": "same bytes", "a/other.txt": "old", "link.txt": "-> a/same.txt"})
	w := newWriter(dir, old)
	for _, f := range []struct{ name, data string }{
		{"a/same.txt", "same bytes"},
		{"a/other.txt", "new"},
		{"link.txt", "same bytes"}, // a link, as long as these bytes, is not a file to keep
		{"a/same.txt", "changed"},  // again, with other bytes
	} {
		if err := w.write(f.name, []byte(f.data)); err != nil {
			t.Fatal(err)
		}
	}
	if got := listing(t, old); !slices.Equal(got, []string{"./", "a/", "a/other.txt " + sha("old"), "a/same.txt " + sha("same bytes"), "link.txt -> a/same.txt"}) {
		t.Errorf("the old output changed: %q", got)
	}
	want := []string{"./", "a/", "a/other.txt " + sha("new"), "a/same.txt " + sha("changed"), "link.txt " + sha("same bytes")}
	if got := listing(t, dir); !slices.Equal(got, want) {
		t.Errorf("new output %q, want %q", got, want)
	}
	if w.kept.Load() != 1 || w.written.Load() != 3 {
		t.Errorf("kept %d, written %d; want 1 and 3", w.kept.Load(), w.written.Load())
	}
}

func sha(s string) string { return fmt.Sprintf("%x", sha256.Sum256([]byte(s))) }
