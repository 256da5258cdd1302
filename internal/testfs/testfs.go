// Package testfs lays out folders for tests of code that reads and
// replaces real folders (build's output checks, the swap package).
package testfs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Write makes files under dir by slash path: a name ending in "/" is a
// folder, and text "-> target" a symbolic link to target.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasSuffix(name, "/"):
			err = os.MkdirAll(p, 0o755)
		case strings.HasPrefix(text, "-> "):
			err = os.Symlink(strings.TrimPrefix(text, "-> "), p)
		default:
			err = os.WriteFile(p, []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
