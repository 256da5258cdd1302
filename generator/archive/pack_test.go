package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// epoch is the SOURCE_DATE_EPOCH of the reproducibility test; the archives
// must carry its calendar day, 2023-11-14, at midnight UTC.
const epoch = "1700000000"

var epochDay = time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)

// TestReproducible writes the same site twice, from two copies whose files
// differ in modification time and permissions, and expects the same bytes.
func TestReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	build := func(mtime time.Time, mode fs.FileMode) (bag, zipPath, tgzPath string) {
		site := writeTree(t, testSite)
		for name := range testSite {
			p := filepath.Join(site, filepath.FromSlash(name))
			os.Chmod(p, mode)
			os.Chtimes(p, mtime, mtime)
		}
		out := t.TempDir()
		bag = filepath.Join(out, "dossier-bag")
		info := Info{Title: "Dossier", Description: "A timeline.", Date: BaggingDate(time.Now())}
		if err := Write(site, bag, info); err != nil {
			t.Fatal(err)
		}
		zipPath, tgzPath = filepath.Join(out, "dossier.zip"), filepath.Join(out, "dossier.tar.gz")
		if err := WriteZip(bag, zipPath); err != nil {
			t.Fatal(err)
		}
		if err := WriteTarGz(bag, tgzPath); err != nil {
			t.Fatal(err)
		}
		return bag, zipPath, tgzPath
	}
	bag1, zip1, tgz1 := build(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), 0o600)
	bag2, zip2, tgz2 := build(time.Date(2025, 6, 7, 8, 9, 10, 0, time.UTC), 0o664)

	tree := readTree(t, bag1)
	if !maps.Equal(tree, readTree(t, bag2)) {
		t.Error("two bags of the same site differ")
	}
	if !strings.Contains(tree["bag-info.txt"], "Bagging-Date: 2023-11-14\n") {
		t.Errorf("bag-info.txt ignores SOURCE_DATE_EPOCH:\n%s", tree["bag-info.txt"])
	}
	for _, pair := range [][2]string{{zip1, zip2}, {tgz1, tgz2}} {
		a, _ := os.ReadFile(pair[0])
		b, _ := os.ReadFile(pair[1])
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s and %s differ (%d and %d bytes)", pair[0], pair[1], len(a), len(b))
		}
	}

	for name, extract := range map[string]func(*testing.T, string, string){"zip": extractZip, "tar.gz": extractTarGz} {
		t.Run(name, func(t *testing.T) {
			src := map[string]string{"zip": zip1, "tar.gz": tgz1}[name]
			dir := t.TempDir()
			extract(t, src, dir)
			top, err := os.ReadDir(dir)
			if err != nil || len(top) != 1 || top[0].Name() != "dossier-bag" {
				t.Fatalf("archive holds %v, want one folder dossier-bag", top)
			}
			got := filepath.Join(dir, "dossier-bag")
			if !maps.Equal(readTree(t, got), tree) {
				t.Error("extracted tree differs from the bag")
			}
			if errs := validateBag(got); len(errs) > 0 {
				t.Errorf("independent validator:\n%s", strings.Join(errs, "\n"))
			}
			if r, err := Verify(got); err != nil || !r.OK() {
				t.Errorf("Verify = %v, %v", r, err)
			}
		})
	}
}

// extractZip unpacks zipPath into dir and checks every entry's metadata.
func extractZip(t *testing.T, zipPath, dir string) {
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		wantMode := fs.FileMode(0o644)
		if strings.HasSuffix(f.Name, "/") {
			wantMode = fs.ModeDir | 0o755
		}
		if f.Mode() != wantMode || !f.Modified.Equal(epochDay) {
			t.Errorf("%s: mode %v, modified %v; want %v, %v", f.Name, f.Mode(), f.Modified, wantMode, epochDay)
		}
		if !safeEntry(f.Name) {
			t.Fatalf("unsafe entry %q", f.Name)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			os.MkdirAll(p, 0o755)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		writeFrom(t, p, rc)
		rc.Close()
	}
	checkOrder(t, names)
}

// extractTarGz unpacks tgzPath into dir and checks every entry's metadata.
func extractTarGz(t *testing.T, tgzPath, dir string) {
	f, err := os.Open(tgzPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() || gz.Comment != "" {
		t.Errorf("gzip header has name %q, time %v, comment %q; want none", gz.Name, gz.ModTime, gz.Comment)
	}
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
		wantMode, wantType := int64(0o644), byte(tar.TypeReg)
		if strings.HasSuffix(h.Name, "/") {
			wantMode, wantType = 0o755, tar.TypeDir
		}
		if h.Mode != wantMode || h.Typeflag != wantType || !h.ModTime.Equal(epochDay) ||
			h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: header %+v; want mode %o, type %c, time %v, no owner", h.Name, h, wantMode, wantType, epochDay)
		}
		if !safeEntry(h.Name) {
			t.Fatalf("unsafe entry %q", h.Name)
		}
		p := filepath.Join(dir, filepath.FromSlash(h.Name))
		if h.Typeflag == tar.TypeDir {
			os.MkdirAll(p, 0o755)
			continue
		}
		writeFrom(t, p, tr)
	}
	checkOrder(t, names)
}

func safeEntry(name string) bool {
	return filepath.IsLocal(filepath.FromSlash(name)) && strings.HasPrefix(name, "dossier-bag/")
}

func writeFrom(t *testing.T, p string, r io.Reader) {
	t.Helper()
	os.MkdirAll(filepath.Dir(p), 0o755)
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkOrder checks that entries come in lexical order within each
// directory, each directory before its contents.
func checkOrder(t *testing.T, names []string) {
	t.Helper()
	seen := map[string]bool{}
	last := map[string]string{} // directory -> last name seen in it
	for _, n := range names {
		clean := strings.TrimSuffix(n, "/")
		dir, base := path.Split(clean)
		if dir != "" && !seen[dir] {
			t.Errorf("%q comes before its directory %q", n, dir)
		}
		if base <= last[dir] {
			t.Errorf("%q comes after %q in %q", base, last[dir], dir)
		}
		last[dir] = base
		if strings.HasSuffix(n, "/") {
			seen[n] = true
		}
	}
}

func TestPackRefuses(t *testing.T) {
	bag := writeBag(t)
	out := t.TempDir()
	existing := filepath.Join(out, "existing.zip")
	os.WriteFile(existing, []byte("keep me"), 0o644)
	for _, tc := range []struct {
		name      string
		bag, dest string
		want      string
	}{
		{"existing target", bag, existing, "file already exists"},
		{"target inside the bag", bag, filepath.Join(bag, "bag.zip"), "must not be inside"},
		{"not a bag", t.TempDir(), filepath.Join(out, "x.zip"), "not a bag"},
	} {
		for _, w := range []struct {
			name  string
			write func(string, string) error
		}{{"WriteZip", WriteZip}, {"WriteTarGz", WriteTarGz}} {
			t.Run(tc.name+" "+w.name, func(t *testing.T) {
				err := w.write(tc.bag, tc.dest)
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("err = %v, want %q", err, tc.want)
				}
				if tc.dest == existing && !errors.Is(err, fs.ErrExist) {
					t.Errorf("err = %v, want fs.ErrExist", err)
				}
			})
		}
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Errorf("existing file overwritten: %q", b)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("refused writes left files behind: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(bag, "bag.zip")); err == nil {
		t.Error("archive written inside the bag")
	}
}

// Packing a bag made before 1980 must still give valid zip times.
func TestZipBeforeMSDOSEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	bag := filepath.Join(t.TempDir(), "old")
	if err := Write(writeTree(t, testSite), bag, Info{}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(bag, "bag-info.txt")); !strings.Contains(string(b), "Bagging-Date: 1970-01-01\n") {
		t.Errorf("bag-info.txt = %q", b)
	}
	zipPath := filepath.Join(t.TempDir(), "old.zip")
	if err := WriteZip(bag, zipPath); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	want := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range zr.File {
		if !f.Modified.Equal(want) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, want)
		}
	}
}
