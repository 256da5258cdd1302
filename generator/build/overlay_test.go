package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"dossier/generator/content"
)

// TestOverlayRefusesLinkOut: a layout that is a symbolic link out of the
// site is an error, not silently replaced by the theme's file.
func TestOverlayRefusesLinkOut(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(site, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.html"), []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../../secret.html", filepath.Join(site, "layouts", "base.html")); err != nil {
		t.Skip("symbolic links unsupported here:", err)
	}
	top, err := fs.Sub(content.SiteFS(site), "layouts")
	if err != nil {
		t.Fatal(err)
	}
	o := overlay{top, fstest.MapFS{"base.html": {Data: []byte("theme")}, "list.html": {Data: []byte("theme")}}}
	if b, err := fs.ReadFile(o, "base.html"); err == nil {
		t.Errorf("read %q, want an error", b)
	}
	if b, err := fs.ReadFile(o, "list.html"); err != nil || string(b) != "theme" {
		t.Errorf("a file the site does not have: %q, %v; want the theme's", b, err)
	}
	if _, err := o.Open("missing.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want not exist", err)
	}
}
