package swap

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dossier/internal/testfs"
)

// write makes files under dir: see testfs.Write.
func write(t *testing.T, dir string, m map[string]string) { testfs.Write(t, dir, m) }

// list names every file and folder under dir, by slash path, folders
// ending in "/", with each file's text after "=".
func list(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			rel += "/"
		case d.Type().IsRegular():
			b, _ := os.ReadFile(p)
			if d.Name() == Marker {
				b = []byte("marker")
			}
			rel += "=" + string(b)
		default:
			target, _ := os.Readlink(p)
			rel += " -> " + target
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// Clean removes what killed runs left for an output, and nothing else.
func TestClean(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		busy  string   // a temporary folder whose marker this process holds locked
		want  []string // what remains beside the output
	}{
		{name: "stale and marked",
			files: map[string]string{".public.tmp-1/" + Marker: "x", ".public.tmp-1/new/index.html": "half"},
			want:  nil},
		{name: "in use",
			files: map[string]string{".public.tmp-1/" + Marker: "x", ".public.tmp-1/new/index.html": "half"},
			busy:  ".public.tmp-1",
			want:  []string{".public.tmp-1/", ".public.tmp-1/.dossier-tmp=marker", ".public.tmp-1/new/", ".public.tmp-1/new/index.html=half"}},
		{name: "no marker",
			files: map[string]string{".public.tmp-1/notes.txt": "mine"},
			want:  []string{".public.tmp-1/", ".public.tmp-1/notes.txt=mine"}},
		{name: "marker is a folder",
			files: map[string]string{".public.tmp-1/" + Marker + "/": "", ".public.tmp-1/a": "mine"},
			want:  []string{".public.tmp-1/", ".public.tmp-1/.dossier-tmp/", ".public.tmp-1/a=mine"}},
		{name: "marker is a link",
			files: map[string]string{"elsewhere/m": "x", ".public.tmp-1/" + Marker: "-> ../elsewhere/m", ".public.tmp-1/a": "mine"},
			want:  []string{".public.tmp-1/", ".public.tmp-1/.dossier-tmp -> ../elsewhere/m", ".public.tmp-1/a=mine", "elsewhere/", "elsewhere/m=x"}},
		{name: "temporary folder is a link",
			files: map[string]string{"work/" + Marker: "x", "work/a": "mine", ".public.tmp-1": "-> work"},
			want:  []string{".public.tmp-1 -> work", "work/", "work/.dossier-tmp=marker", "work/a=mine"}},
		{name: "another output's",
			files: map[string]string{".bag.tmp-1/" + Marker: "x", ".publicity.tmp-1/" + Marker: "x"},
			want:  []string{".bag.tmp-1/", ".bag.tmp-1/.dossier-tmp=marker", ".publicity.tmp-1/", ".publicity.tmp-1/.dossier-tmp=marker"}},
		{name: "killed between renames: old restored",
			files: map[string]string{".public.tmp-1/" + Marker: "x", ".public.tmp-1/old/index.html": "old", ".public.tmp-1/new/index.html": "new"},
			want:  []string{"public/", "public/index.html=old"}},
		{name: "old left but the output is back",
			files: map[string]string{".public.tmp-1/" + Marker: "x", ".public.tmp-1/old/index.html": "old", "public/index.html": "new"},
			want:  []string{"public/", "public/index.html=new"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tc.files)
			if tc.busy != "" {
				f, err := os.Open(filepath.Join(dir, tc.busy, Marker))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if ok, err := tryLock(f); !ok || err != nil {
					t.Fatalf("lock: %v %v", ok, err)
				}
			}
			if err := Clean(filepath.Join(dir, "public")); err != nil {
				t.Fatal(err)
			}
			if got := list(t, dir); !slices.Equal(got, tc.want) {
				t.Errorf("left\n\t%q\nwant\n\t%q", got, tc.want)
			}
		})
	}
}

// A swap puts the new version in and leaves nothing else behind, by
// exchange or by two renames, over an output or where there was none.
func TestSwap(t *testing.T) {
	for _, renames := range []bool{false, true} {
		for _, first := range []bool{false, true} {
			dir := t.TempDir()
			out := filepath.Join(dir, "site", "public")
			if !first {
				write(t, dir, map[string]string{"site/public/old.html": "old", "site/public/index.html": "old"})
			}
			tmp, err := New(out)
			if err != nil {
				t.Fatal(err)
			}
			write(t, tmp.Dir, map[string]string{"index.html": "new"})
			if renames {
				err = tmp.SwapByRenames()
			} else {
				err = tmp.Swap()
			}
			if err != nil {
				t.Fatalf("renames %v, first %v: %v", renames, first, err)
			}
			want := []string{"site/", "site/public/", "site/public/index.html=new"}
			if got := list(t, dir); !slices.Equal(got, want) {
				t.Errorf("renames %v, first %v: left %q, want %q", renames, first, got, want)
			}
		}
	}
}

// A Temp closed without a swap leaves the output and removes itself.
func TestCloseWithoutSwap(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"public/index.html": "old"})
	tmp, err := New(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, tmp.Dir, map[string]string{"index.html": "new"})
	tmp.Close()
	want := []string{"public/", "public/index.html=old"}
	if got := list(t, dir); !slices.Equal(got, want) {
		t.Errorf("left %q, want %q", got, want)
	}
}
