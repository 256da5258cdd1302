package build

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
)

// TuneGC sets the collector for a build, check or archive of the site
// in the folder site. `generator` calls it before any of them, and
// bench/profile too, so that a profile shows the build as it runs.
//
// It lets the heap grow to 3 times what is live before a collection,
// rather than Go's 2, unless GOGC says otherwise. A build runs for
// seconds at most, and its heap shrinks as pages are written (see
// render.Final); at 5,000 events this cuts about a tenth of its CPU time
// for a third more memory, which stays well under Hugo's on the same
// dossier (BENCHMARKS.md).
//
// A large site's heap is gigabytes, and three times what is live is
// more memory than the collections it saves are worth (on a virtual
// machine, memory touched for the first time costs system time too), so
// unless GOMEMLIMIT says otherwise the collector also keeps the heap
// under a soft limit: memLimitPerFile for each entry file, and at least
// minMemLimit, which a site of up to about 30,000 entry files never
// reaches. At 50,000 events (61,000 files) the build peaks at 1.7 GB
// rather than 4 GB.
func TuneGC(site string) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(minMemLimit, memLimitPerFile*int64(entryFiles(site))))
	}
}

// The soft memory limit of TuneGC. A build holds about 17 KiB for each
// entry file at its peak, so the limit leaves the collector room above
// that; were it below what is live, the collector would run without
// pause.
const (
	minMemLimit     = 1600 << 20
	memLimitPerFile = 28 << 10
)

// entryFiles counts the .md files in the folders of site's content
// folder: a guess at the size of the heap before the files are read.
func entryFiles(site string) int {
	n := 0
	kinds, _ := os.ReadDir(filepath.Join(site, "content"))
	for _, k := range kinds {
		if !k.IsDir() {
			continue
		}
		files, _ := os.ReadDir(filepath.Join(site, "content", k.Name()))
		for _, f := range files {
			if strings.HasSuffix(f.Name(), ".md") {
				n++
			}
		}
	}
	return n
}
