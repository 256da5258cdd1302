package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// A watcher reports changes to a site's sources: site.toml and the files
// under content/, layouts/ and static/. The operating system watches one
// folder at a time, so every folder is added, and each new one as it
// appears.
type watcher struct {
	*fsnotify.Watcher
	root string          // the site folder
	dirs map[string]bool // watched folders, slash paths from root
}

// watchedTrees are the folders whose changes rebuild the site.
var watchedTrees = []string{"content", "layouts", "static"}

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{Watcher: fw, root: root, dirs: map[string]bool{}}
	// The root, for site.toml and for content/, layouts/ or static/
	// appearing later.
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, dir := range watchedTrees {
		if err := w.addTree(dir); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches the folder rel and every folder under it. A folder that
// does not exist is not an error: it may be made later.
func (w *watcher) addTree(rel string) error {
	err := filepath.WalkDir(filepath.Join(w.root, filepath.FromSlash(rel)), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		r, _ := filepath.Rel(w.root, p)
		r = filepath.ToSlash(r)
		if hidden(r) {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			return err
		}
		w.dirs[r] = true
		return nil
	})
	return err
}

// note records in c what an event changed. It reports whether the event
// matters.
func (w *watcher) note(ev fsnotify.Event, c *change) bool {
	if ev.Op == fsnotify.Chmod {
		return false // editors and indexers touch files without changing them
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if hidden(rel) {
		return false // editors' swap files, .git, .DS_Store
	}
	if rel == "site.toml" {
		c.config = true
		return true
	}
	top, rest, _ := strings.Cut(rel, "/")
	switch top {
	case "content", "layouts", "static":
	default:
		return false // public/ and the like: other things the site folder holds
	}

	// A folder made, moved in or out, or removed: watch what is new, and
	// take the whole tree again, since a folder moved in or out brings or
	// takes files without an event for each.
	st, err := os.Stat(ev.Name)
	isDir := err == nil && st.IsDir()
	if isDir {
		if err := w.addTree(rel); err != nil {
			return false
		}
	}
	wasDir := w.dirs[rel]
	if wasDir && !isDir {
		for d := range w.dirs {
			if d == rel || strings.HasPrefix(d, rel+"/") {
				delete(w.dirs, d)
			}
		}
	}
	// content/ itself, moved away, is a tree even once forgotten: read as
	// a file, it would be an entry gone, and the timeline empty.
	tree := isDir || wasDir || rest == ""

	switch top {
	case "layouts":
		c.layouts = true
	case "static":
		if tree {
			c.theme = true
		} else {
			c.staticFile(rest)
		}
	case "content":
		if tree {
			c.content = true
		} else {
			c.file(rel)
		}
	}
	return true
}

// hidden reports whether a slash path has a part starting with a dot,
// which the build skips too.
func hidden(rel string) bool {
	for part := range strings.SplitSeq(rel, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	return false
}
