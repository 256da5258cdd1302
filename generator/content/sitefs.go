package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
)

// SiteFS returns the site folder dir as a file system that reads nothing
// outside it: a symbolic link that leads out of the folder fails to
// open, wherever it is (content, layouts, static, site.toml). Contributor
// files are untrusted, and a link to ~/.ssh/id_rsa in content/ would
// otherwise land in the page, the JSON and the search index. Links that
// stay inside the site are followed.
//
// The folder stays open for the life of the process. If it cannot be
// opened, every read fails with that error, as os.DirFS would.
func SiteFS(dir string) fs.FS {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return errFS{err}
	}
	return root.FS()
}

type errFS struct{ err error }

func (e errFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: e.err}
}

// maxLinks bounds the symbolic links followed from one file, as the
// kernel does (40 on Linux), so that a loop of links ends.
const maxLinks = 40

// errOutside and errLinkLoop say why a link is refused.
var (
	errOutside  = errors.New("this is a symbolic link to a file or folder outside the site; the generator reads nothing outside the site folder: copy it into the site instead")
	errLinkLoop = errors.New("this is a symbolic link in a loop of links: replace it with the file itself")
	errLinkDir  = errors.New("this is a symbolic link to a folder, which is not followed: move the folder here instead")
)

// checkLink follows the symbolic link at p, a slash-separated path in
// fsys, to what it finally names, and says why it may not be read, or
// returns nil. A link is followed by its text alone, so an absolute
// target counts as outside: it would also break in a clone of the site.
func checkLink(fsys fs.FS, p string) error {
	for range maxLinks {
		target, err := fs.ReadLink(fsys, p)
		if err != nil {
			return nil // not a link (any more): reading it will tell
		}
		if path.IsAbs(target) {
			return errOutside
		}
		p = path.Join(path.Dir(p), target)
		if p == ".." || strings.HasPrefix(p, "../") {
			return errOutside
		}
		info, err := fs.Lstat(fsys, p)
		if err != nil {
			return nil
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			if info.IsDir() {
				return errLinkDir
			}
			return nil
		}
	}
	return errLinkLoop
}
