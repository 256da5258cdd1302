package render_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"dossier/generator/build"
	"dossier/generator/render"
)

// The fingerprint on the print edition is what a reader gets from the
// files with the command printed beside it, whatever the order in which
// the site lists its entries:
//
//	find content -name '*.md' | LC_ALL=C sort | xargs sha256sum | sha256sum
func TestFingerprint(t *testing.T) {
	s, problems := build.Load(fstest.MapFS{
		"site.toml":            {Data: []byte("title = \"T\"\n")},
		"content/people/a.md":  {Data: []byte("+++\nname = \"A\"\n+++\n")},
		"content/sources/b.md": {Data: []byte("+++\ntitle = \"B\"\n+++\nB.\n")},
	})
	if s == nil {
		t.Fatal(problems)
	}
	// From the command above, run on these two files.
	const want = "bfd811cdbf7cf3faecf142f5684648438680c75c18a944c1967e2f7360f66af8"
	if got := render.Fingerprint(s); got != want {
		t.Errorf("Fingerprint = %s, want %s", got, want)
	}
}

// Up to printMaxEvents events the print edition holds the whole dossier;
// past it, its cover and a note that leads to each year's page, and
// nothing of the entries.
func TestPrintEditionCap(t *testing.T) {
	for _, c := range []struct {
		max           int
		contains, not []string
	}{
		{6, []string{`id="part-events"`, `id="part-people"`, `class="strip overview"`, "sha256:", "Print edition: the whole dossier on one page"}, []string{`id="part-years"`}},
		{5, []string{`id="part-years"`, "This dossier has 6 events", `<a href="years/2018.html">2018</a> (1)`, "sha256:"},
			[]string{`id="part-events"`, `id="part-people"`, `class="strip`, "whole dossier on one page"}},
	} {
		restore := render.SetPrintMaxEvents(c.max)
		_, out := renderTestSite(t)
		restore()
		page := string(out["print.html"])
		for _, s := range c.contains {
			if !strings.Contains(page, s) {
				t.Errorf("at most %d events: print.html lacks %s", c.max, s)
			}
		}
		for _, s := range c.not {
			if strings.Contains(page, s) {
				t.Errorf("at most %d events: print.html holds %s", c.max, s)
			}
		}
	}
}
