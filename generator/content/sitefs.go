package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
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

// OpenSite is SiteFS for one pass over the site, such as a build, made
// cheaper: it keeps each folder it reads a file in open, and reads the
// file from there, where SiteFS opens every folder on the file's path
// again for each of the three reads an entry takes. A folder is the one
// its path named when first read, so a folder renamed during the pass is
// still read where it was: a long-lived reader such as serve uses SiteFS.
// What a folder's handle cannot read, a link leading out of the folder
// among others, is read from the site's, so the same links are followed
// and refused as by SiteFS. Close closes the folders.
func OpenSite(dir string) *Site {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return &Site{full: errFS{err}}
	}
	return &Site{root: root, full: root.FS()}
}

// A Site is a site folder opened by OpenSite.
type Site struct {
	root *os.Root // nil if the folder could not be opened
	full fs.FS    // the whole site, as SiteFS reads it
	mu   sync.Mutex
	dirs map[string]*os.Root // opened folders; nil for one that failed
}

// Close closes the folders the site kept open.
func (s *Site) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.dirs {
		if r != nil {
			r.Close()
		}
	}
	s.dirs = nil
	if s.root != nil {
		return s.root.Close()
	}
	return nil
}

// folder returns the open folder of name and name's base in it, or nil
// for a name at the top of the site, one not valid, or a folder that
// cannot be opened.
func (s *Site) folder(name string) (*os.Root, string) {
	if s.root == nil || !fs.ValidPath(name) {
		return nil, ""
	}
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return nil, ""
	}
	dir := name[:i]
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.dirs[dir]
	if !ok {
		r, _ = s.root.OpenRoot(dir)
		if s.dirs == nil {
			s.dirs = map[string]*os.Root{}
		}
		s.dirs[dir] = r
	}
	if r == nil {
		return nil, ""
	}
	return r, name[i+1:]
}

// Open, ReadFile and Stat follow a link at name, which its folder refuses
// when it leads out of the folder: the site then says whether it may.

func (s *Site) Open(name string) (fs.File, error) {
	if r, base := s.folder(name); r != nil {
		if f, err := r.Open(base); err == nil {
			return f, nil
		}
	}
	return s.full.Open(name)
}

func (s *Site) ReadFile(name string) ([]byte, error) {
	if r, base := s.folder(name); r != nil {
		if b, err := fs.ReadFile(r.FS(), base); err == nil {
			return b, nil
		}
	}
	return fs.ReadFile(s.full, name)
}

func (s *Site) Stat(name string) (fs.FileInfo, error) {
	if r, base := s.folder(name); r != nil {
		if info, err := r.Stat(base); err == nil {
			return info, nil
		}
	}
	return fs.Stat(s.full, name)
}

// ReadLink and Lstat do not follow a link at name, so its folder's answer,
// an error included, is the site's: only the path in an error is the
// site's rather than the folder's.

func (s *Site) ReadLink(name string) (string, error) {
	if r, base := s.folder(name); r != nil {
		target, err := r.Readlink(base)
		return target, sitePath(err, name)
	}
	return fs.ReadLink(s.full, name)
}

func (s *Site) Lstat(name string) (fs.FileInfo, error) {
	if r, base := s.folder(name); r != nil {
		info, err := r.Lstat(base)
		return info, sitePath(err, name)
	}
	return fs.Lstat(s.full, name)
}

func (s *Site) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.full, name) }

// sitePath gives a folder's error the path of name in the site.
func sitePath(err error, name string) error {
	if pe, ok := err.(*fs.PathError); ok {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	return err
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
