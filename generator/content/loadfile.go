package content

import (
	"io/fs"

	"dossier/generator/diag"
)

// LoadFile reads and checks the one file at p, a slash-separated path
// under content/ in fsys. It is what Load does for each file, for a
// server that reloads only the file that changed.
func LoadFile(fsys fs.FS, p string) (*Entry, diag.List) {
	return loadFile(fsys, p)
}
