package serve

import (
	"os"
	"strings"
	"testing"
)

// A site in several languages is rendered whole on every change, in
// every language: an edit of a translation shows on its pages and on
// those that list it, and so does an edit of an untranslated original on
// the pages of the other language.
func TestLanguagesRebuild(t *testing.T) {
	dir := siteDir(t)
	writeFile(t, dir, "site.toml", "title = \"Test dossier\"\n\n[languages.fa-AF]\nname = \"دری\"\ndirection = \"rtl\"\n")
	writeFile(t, dir, "content/people/grace-hopper.fa-AF.md", "+++\nname = \"گریس هاپر\"\n+++\n")
	b := newBuilder(os.DirFS(dir))
	if r := b.build(change{config: true, layouts: true, content: true}); r.files == nil {
		t.Fatalf("build failed: %v %v", r.err, r.problems)
	}
	steps := []struct {
		file, text string
		page, want string
	}{
		{"content/people/grace-hopper.fa-AF.md", "+++\nname = \"گریس هاپرِ نو\"\n+++\n", "fa-af/people/grace-hopper.html", "<h1>گریس هاپرِ نو</h1>"},
		{"content/people/grace-hopper.fa-AF.md", "+++\nname = \"گریس هاپرِ نو\"\n+++\n", "fa-af/people/index.html", ">گریس هاپرِ نو</a>"},
		{"content/sources/src-b.md", "+++\ntitle = \"Source B, retitled\"\n+++\n", "fa-af/sources/src-b.html", `<h1 lang="en" dir="ltr">Source B, retitled</h1>`},
	}
	for _, s := range steps {
		writeFile(t, dir, s.file, s.text)
		r := b.build(change{files: map[string]bool{s.file: true}})
		if r.files == nil {
			t.Fatalf("%s: build failed: %v %v", s.file, r.err, r.problems)
		}
		if !r.full {
			t.Errorf("%s: rendered %d pages, not the whole site", s.file, r.pages)
		}
		if got := string(r.files[s.page]); !strings.Contains(got, s.want) {
			t.Errorf("after editing %s, %s lacks %s", s.file, s.page, s.want)
		}
	}
}
