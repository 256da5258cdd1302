package render_test

import (
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
