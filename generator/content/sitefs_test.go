package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSymlinks reads a real folder with links leaving the site in the
// ways a contributor could write them, and links staying inside it. The
// outside file's text must reach no entry, and each link that leaves is
// an error at its path; through SiteFS and through OpenSite alike.
func TestSymlinks(t *testing.T) {
	t.Run("SiteFS", func(t *testing.T) { testSymlinks(t, SiteFS) })
	t.Run("OpenSite", func(t *testing.T) {
		testSymlinks(t, func(dir string) fs.FS {
			s := OpenSite(dir)
			t.Cleanup(func() { s.Close() })
			return s
		})
	})
}

func testSymlinks(t *testing.T, SiteFS func(string) fs.FS) {
	tmp := t.TempDir()
	secret := filepath.Join(tmp, "secret.md")
	site := filepath.Join(tmp, "site")
	write := func(name, data string) {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skip("symbolic links unsupported here:", err)
		}
	}
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(secret, []byte("+++\nname = \"SECRET\"\n+++\nSECRET TEXT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	write("content/people/ada.md", "+++\nname = \"Ada\"\n+++\n")
	write("shared/grace.md", "+++\nname = \"Grace\"\n+++\n")
	write("shared/places/tehran.md", "+++\nname = \"Tehran\"\n+++\n")
	link(secret, "content/people/absolute.md")
	link("../../../secret.md", "content/people/relative.md")
	link("../../shared/grace.md", "content/people/grace.md")   // inside: read
	link("ada.md", "content/people/ada-again.md")              // inside: read
	link("../people/relative.md", "content/people/chained.md") // inside, then out
	link("loop-b.md", "content/people/loop-a.md")
	link("loop-a.md", "content/people/loop-b.md")
	link("../shared/places", "content/places") // a folder: not followed
	link("../secret.md", "site.toml")

	entries, errs := Load(SiteFS(site))
	var got strings.Builder
	for _, p := range errs {
		got.WriteString(p.String() + "\n")
	}
	want := "content/people/absolute.md:1:1: this is a symbolic link to a file or folder outside the site; the generator reads nothing outside the site folder: copy it into the site instead\n" +
		"content/people/chained.md:1:1: this is a symbolic link to a file or folder outside the site; the generator reads nothing outside the site folder: copy it into the site instead\n" +
		"content/people/loop-a.md:1:1: this is a symbolic link in a loop of links: replace it with the file itself\n" +
		"content/people/loop-b.md:1:1: this is a symbolic link in a loop of links: replace it with the file itself\n" +
		"content/people/relative.md:1:1: this is a symbolic link to a file or folder outside the site; the generator reads nothing outside the site folder: copy it into the site instead\n" +
		"content/places:1:1: this is a symbolic link to a folder, which is not followed: move the folder here instead\n"
	if got.String() != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got.String(), want)
	}
	var ids []string
	for _, e := range entries {
		ids = append(ids, e.ID)
		if bytes.Contains(e.Raw, []byte("SECRET")) {
			t.Errorf("%s holds the text of a file outside the site", e.Path)
		}
	}
	if strings.Join(ids, " ") != "ada-again ada grace" {
		t.Errorf("entries %v, want ada-again ada grace", ids)
	}
	if _, errs := LoadConfig(SiteFS(site)); len(errs) != 1 || errs[0].String() != "site.toml:1:1: this is a symbolic link to a file or folder outside the site; the generator reads nothing outside the site folder: copy it into the site instead" {
		t.Errorf("LoadConfig: %v", errs)
	}
	// serve reloads one file at a time, and is told the same.
	if _, errs := LoadFile(SiteFS(site), "content/people/absolute.md"); len(errs) != 1 || !strings.Contains(errs[0].Msg, "outside the site") {
		t.Errorf("LoadFile: %v", errs)
	}
	// Even read directly, past Load's check, the file system refuses.
	fsys := SiteFS(site)
	for _, name := range []string{"content/people/absolute.md", "content/people/relative.md", "content/people/chained.md", "site.toml"} {
		if _, err := fsys.Open(name); err == nil {
			t.Errorf("opened %s, a link to a file outside the site", name)
		}
		if _, err := fs.ReadFile(fsys, name); err == nil {
			t.Errorf("read %s, a link to a file outside the site", name)
		}
		if _, err := fs.Stat(fsys, name); err == nil {
			t.Errorf("stat %s, a link to a file outside the site", name)
		}
	}
	// Links inside the site read as what they lead to.
	for _, name := range []string{"content/people/grace.md", "content/people/ada-again.md"} {
		if _, err := fs.ReadFile(fsys, name); err != nil {
			t.Errorf("read %s: %v", name, err)
		}
	}
	if target, err := fs.ReadLink(fsys, "content/people/grace.md"); err != nil || target != "../../shared/grace.md" {
		t.Errorf("ReadLink = %q, %v", target, err)
	}
	if _, err := fs.ReadLink(fsys, "content/people/ada.md"); err == nil || !strings.Contains(err.Error(), "content/people/ada.md") {
		t.Errorf("ReadLink of a file: %v, want an error naming its path in the site", err)
	}
}
