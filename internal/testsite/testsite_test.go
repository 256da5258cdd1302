package testsite

import (
	"os"
	"testing"

	"dossier/generator/build"
)

// The site checks without a problem, warnings included, and builds.
func TestSiteIsClean(t *testing.T) {
	s, problems := build.Load(FS())
	if s == nil || len(problems) > 0 {
		t.Fatalf("problems:\n%v", problems)
	}
	dir := t.TempDir()
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir + "/content/events/2025-12-24-tehran-shooting.md"); err != nil {
		t.Fatal(err)
	}
}
