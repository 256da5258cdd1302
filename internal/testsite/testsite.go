// Package testsite holds a small dossier for the Go tests that build a
// whole site (render, feed, browsertest), so that they test the generator
// and not the shipped content/: a content pull request that renames an id
// cannot break them. The shipped dossier is held to its bar by
// `go run ./generator check` in .ci/run and by generator/build's
// TestDossier.
//
// The site is site.txtar, beside this file: read it to see what the tests
// can rely on.
package testsite

import (
	_ "embed"
	"os"
	"path/filepath"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

//go:embed site.txtar
var archive []byte

// FS returns the site's files, a fresh copy each time: a test may add or
// replace files.
func FS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse(archive).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Write writes the site's files under dir, for code that reads a folder.
func Write(dir string) error {
	for name, f := range FS() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
