package archive

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"time"
)

// WriteZip packs the bag at bagDir into a new .zip file at zipPath.
func WriteZip(bagDir, zipPath string) error {
	return pack(bagDir, zipPath, func(w io.Writer, entries []packEntry, mtime time.Time) error {
		// MS-DOS times start in 1980; an earlier SOURCE_DATE_EPOCH would not fit.
		if min := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC); mtime.Before(min) {
			mtime = min
		}
		zw := zip.NewWriter(w)
		for _, e := range entries {
			h := &zip.FileHeader{Name: e.name, Modified: mtime}
			if e.dir {
				h.Name += "/"
				h.Method = zip.Store
				h.SetMode(fs.ModeDir | 0o755)
				if _, err := zw.CreateHeader(h); err != nil {
					return err
				}
				continue
			}
			h.Method = zip.Deflate
			h.SetMode(0o644)
			fw, err := zw.CreateHeader(h)
			if err != nil {
				return err
			}
			if err := copyFrom(fw, e.src); err != nil {
				return err
			}
		}
		return zw.Close()
	})
}

// WriteTarGz packs the bag at bagDir into a new .tar.gz file at tgzPath.
func WriteTarGz(bagDir, tgzPath string) error {
	return pack(bagDir, tgzPath, func(w io.Writer, entries []packEntry, mtime time.Time) error {
		gz := gzip.NewWriter(w) // the zero gzip.Header: no name, no time
		tw := tar.NewWriter(gz)
		for _, e := range entries {
			h := &tar.Header{Name: e.name, ModTime: mtime, Mode: 0o644, Size: e.size, Typeflag: tar.TypeReg}
			if e.dir {
				h.Name += "/"
				h.Mode, h.Size, h.Typeflag = 0o755, 0, tar.TypeDir
			}
			if err := tw.WriteHeader(h); err != nil {
				return err
			}
			if !e.dir {
				if err := copyFrom(tw, e.src); err != nil {
					return err
				}
			}
		}
		if err := tw.Close(); err != nil {
			return err
		}
		return gz.Close()
	})
}

// packEntry is a file or directory of the bag, as it goes into an archive.
type packEntry struct {
	name string // slash path in the archive, starting with the bag's name
	src  string // path on disk
	dir  bool
	size int64
}

// pack lists the bag, then lets write fill a temporary file beside target
// and renames it into place once complete.
func pack(bagDir, target string, write func(io.Writer, []packEntry, time.Time) error) error {
	target = filepath.Clean(target)
	if err := checkTarget(target); err != nil {
		return err
	}
	if inside(target, bagDir) {
		return fmt.Errorf("archive: %s must not be inside the bag %s", target, bagDir)
	}
	abs, err := filepath.Abs(bagDir)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if _, err := os.Stat(filepath.Join(abs, "bagit.txt")); err != nil {
		return fmt.Errorf("archive: %s is not a bag: %w", bagDir, err)
	}
	top := filepath.Base(abs)
	var entries []packEntry
	// WalkDir visits names in lexical order, each directory before its contents.
	err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(abs, p)
		if err != nil {
			return err
		}
		e := packEntry{name: path.Join(top, filepath.ToSlash(rel)), src: p, dir: d.IsDir()}
		if !d.IsDir() {
			if !d.Type().IsRegular() {
				return fmt.Errorf("%s: not a regular file", p)
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			e.size = info.Size()
		}
		entries = append(entries, e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}

	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f, entries, packTime(abs)); err != nil {
		return fmt.Errorf("archive: writing %s: %w", target, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if err := os.Rename(f.Name(), target); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	done = true
	return nil
}

// packTime is the modification time of every entry: the bag's Bagging-Date
// at midnight UTC, so the archive depends on the bag alone, or the start of
// 1980 (the earliest zip time) when bag-info.txt gives none.
func packTime(bagDir string) time.Time {
	data, err := os.ReadFile(filepath.Join(bagDir, "bag-info.txt"))
	if err == nil {
		for _, el := range parseElements(string(data), func(int, string) {}) {
			if el.label != "Bagging-Date" {
				continue
			}
			if t, err := time.Parse(time.DateOnly, el.value); err == nil {
				return t
			}
		}
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

func copyFrom(w io.Writer, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
