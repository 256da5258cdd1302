package highlight

import (
	"slices"
	"testing"
	"testing/fstest"

	"dossier/generator/content"
)

// TestFile: an entry's view shows its front matter as TOML and its body
// with what its parse marks up, each on the line of the file it is on.
func TestFile(t *testing.T) {
	const file = "+++\ntitle = \"T\"\n+++\n## Heading\n\nA *word*, a [link](../people/x.md) [@src-a].\n"
	p := "content/pages/x.md"
	entries, errs := content.Load(fstest.MapFS{p: {Data: []byte(file)}})
	if len(entries) != 1 {
		t.Fatalf("loaded %d entries: %v", len(entries), errs)
	}
	got := shown(t, string(File(entries[0])))
	want := []string{
		"id=L1 n=1 |cp|+++\n",
		"id=L2 n=2 ||title = |s2|\"T\"||\n",
		"id=L3 n=3 |cp|+++\n",
		"id=L4 n=4 |gu|## Heading||\n",
		"id=L5 n=5 ||\n",
		// The link's destination is a plain class (see plain).
		"id=L6 n=6 ||A |ge|*word*||, a |nt|[link||](../people/x.md) |ni|[@src-a]||.\n",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
