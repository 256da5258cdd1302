package build

import (
	"errors"
	"io/fs"
	"slices"
)

// overlay is a file system in which the files of top hide those of the
// same name in bottom, and folders list the files of both. It lets a site
// override the default theme one file at a time.
type overlay struct{ top, bottom fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// The site's file is there but cannot be read (a symbolic link
		// out of the site, say): the theme's must not silently replace it.
		return nil, err
	}
	if err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	if f, err := o.bottom.Open(name); err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	// A folder: open either, listing goes through ReadDir.
	if f, err := o.top.Open(name); err == nil {
		return f, nil
	}
	return o.bottom.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	b, errB := fs.ReadDir(o.bottom, name)
	if errA != nil && errB != nil {
		return nil, errors.Join(errA, errB)
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, d := range append(a, b...) {
		if !seen[d.Name()] {
			seen[d.Name()] = true
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(x, y fs.DirEntry) int {
		if x.Name() < y.Name() {
			return -1
		}
		if x.Name() > y.Name() {
			return 1
		}
		return 0
	})
	return out, nil
}
