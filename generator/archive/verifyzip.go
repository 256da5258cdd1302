package archive

import (
	"archive/zip"
	"fmt"
	"io/fs"
	"strings"
)

// verifyFile verifies a bag packed in a file. A zip is read in place,
// through archive/zip's file system, so nothing is unpacked to disk; a
// tar archive must be unpacked first, since tar has no index to read a
// file from without reading all before it.
func verifyFile(name string) (*Report, error) {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".zip"):
		return verifyZip(name)
	case strings.HasSuffix(lower, ".tar.gz"), strings.HasSuffix(lower, ".tgz"), strings.HasSuffix(lower, ".tar"):
		return nil, fmt.Errorf("archive: %s is a tar archive: unpack it first (tar -xzf %s) and verify the bag folder it holds", name, name)
	}
	return nil, fmt.Errorf("archive: %s is a file, not a bag: give the bag's folder, or a .zip of it", name)
}

// verifyZip verifies the bag in a zip file: at its top, or in its single
// top folder, as WriteZip packs it.
func verifyZip(name string) (*Report, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, fmt.Errorf("archive: %s: %w", name, err)
	}
	defer zr.Close()
	var fsys fs.FS = zr
	if _, err := fs.Stat(zr, "bagit.txt"); err != nil {
		top, err := fs.ReadDir(zr, ".")
		if err != nil {
			return nil, fmt.Errorf("archive: %s: %w", name, err)
		}
		if len(top) != 1 || !top[0].IsDir() {
			return nil, fmt.Errorf("archive: %s holds no bag: no bagit.txt at its top or in a single top folder", name)
		}
		if fsys, err = fs.Sub(zr, top[0].Name()); err != nil {
			return nil, fmt.Errorf("archive: %s: %w", name, err)
		}
	}
	return verify(fsys)
}
