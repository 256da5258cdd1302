package search_test

import (
	"path/filepath"
	"testing"

	"dossier/generator/build"
	"dossier/generator/search"
	"dossier/internal/testsite"
)

// The shipped dossier and the test site, in every language, give the
// same results from the shards as from the single index they replace.
func TestNodeBuiltSitesAnswerAsTheSingleIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two sites and runs thousands of queries")
	}
	testSite := filepath.Join(t.TempDir(), "testsite")
	if err := testsite.Write(testSite); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, src string
		langs     []string
	}{
		{"shipped", filepath.Join("..", ".."), []string{"", "fa-af"}},
		{"testsite", testSite, []string{""}},
	} {
		src := c.src
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if problems, err := build.Build(src, out); err != nil {
				t.Fatalf("build: %v\n%v", err, problems)
			}
			for _, lang := range c.langs {
				t.Run("lang="+lang, func(t *testing.T) {
					search.CompareBuilt(t, filepath.Join(out, lang), []string{"ساری", "ساري", "اکرام", "مشهد", "طالبان", "Sari Tehran"})
				})
			}
		})
	}
}
