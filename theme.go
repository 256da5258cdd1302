// Package dossier holds the default theme of the dossier generator: the
// layouts/ and static/ folders of this repository, embedded so that the
// generator can build any site, including one that has no layouts of its
// own. A site's own layouts/ and static/ files take precedence, file by
// file. The generator itself is in generator/.
package dossier

import "embed"

// Theme holds layouts/ and static/.
//
//go:embed layouts static
var Theme embed.FS
