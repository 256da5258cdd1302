// Package build runs the steps from a site folder to its output: load and
// check the content, build the site model, render the pages, and swap the
// result into place only when every step succeeded.
package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"dossier"
	"dossier/generator/content"
	"dossier/generator/diag"
	"dossier/generator/render"
	"dossier/generator/site"
)

// ErrContent means the content has errors; they are in the returned list.
var ErrContent = errors.New("content has errors")

// Load reads and checks a site. The list holds every problem, warnings
// included; the site is nil when there are errors.
func Load(fsys fs.FS) (*site.Site, diag.List) {
	cfg, errs := content.LoadConfig(fsys)
	entries, more := content.Load(fsys)
	errs = append(errs, more...)
	s, more := site.New(cfg, entries)
	errs = append(errs, more...)
	if errs.Errors() > 0 {
		return nil, errs.Sort()
	}
	// Warnings of unfinished content only once there are no errors,
	// which can hide references (see site.Warnings).
	errs = append(errs, s.Warnings()...)
	return s, errs.Sort()
}

// Theme returns a site's layouts and static files, each over the default
// theme's.
func Theme(fsys fs.FS) (layouts, static fs.FS) {
	sub := func(f fs.FS, dir string) fs.FS {
		s, err := fs.Sub(f, dir)
		if err != nil {
			panic(err) // fs.Sub fails only on invalid names
		}
		return s
	}
	return overlay{sub(fsys, "layouts"), sub(dossier.Theme, "layouts")},
		overlay{sub(fsys, "static"), sub(dossier.Theme, "static")}
}

// Render renders a loaded site through write, once: it drops what it
// has rendered from s as it goes (see render.Final), so s cannot be
// rendered again.
func Render(fsys fs.FS, s *site.Site, write render.WriteFunc) error {
	layouts, static := Theme(fsys)
	ls, err := render.ParseLayouts(layouts)
	if err != nil {
		return err
	}
	return render.Final(s, ls, static, write)
}

// Build builds the site in dir into out. The new output is written to a
// temporary folder beside out and swapped in only when complete, so a
// failed build leaves the previous output exactly as it was.
func Build(dir, out string) (diag.List, error) {
	fsys := content.SiteFS(dir)
	s, errs := Load(fsys)
	if s == nil {
		return errs, ErrContent
	}
	if err := safeOut(dir, out); err != nil {
		return errs, err
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(out)), 0o755); err != nil {
		return errs, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(out)), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return errs, err
	}
	defer os.RemoveAll(tmp) // a no-op after a successful swap
	if err := Render(fsys, s, DirWriter(tmp)); err != nil {
		return errs, err
	}
	return errs, swap(tmp, out)
}

// safeOut refuses an output folder that the swap would destroy work in:
// the site itself, a folder holding it, or another site or repository.
func safeOut(dir, out string) error {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if absOut == absDir || strings.HasPrefix(absDir+string(filepath.Separator), absOut+string(filepath.Separator)) {
		return fmt.Errorf("refusing to build into %s: it holds the site itself", out)
	}
	for _, name := range []string{"site.toml", "content", ".git", "go.mod"} {
		if _, err := os.Stat(filepath.Join(absOut, name)); err == nil {
			return fmt.Errorf("refusing to replace %s: it holds %s, so it is not a previous build", out, name)
		}
	}
	return nil
}

// DirWriter returns a WriteFunc that writes files under dir.
func DirWriter(dir string) render.WriteFunc {
	var mu sync.Mutex
	made := map[string]bool{}
	return func(name string, data []byte) error {
		if !fs.ValidPath(name) {
			return fmt.Errorf("invalid output path %q", name)
		}
		d := path.Dir(name)
		mu.Lock()
		ok := made[d]
		mu.Unlock()
		if !ok {
			if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
			mu.Lock()
			made[d] = true
			mu.Unlock()
		}
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644)
	}
}

// swap replaces out with tmp. The old output is moved aside first and
// removed only once the new one is in place.
func swap(tmp, out string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
