package archive

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A fetchItem is a line of fetch.txt (RFC 8493 §2.2.3): a payload file
// the bag does not hold yet, and where to get it.
type fetchItem struct {
	url    string
	length string // octets, or "-" when unknown
	line   int
}

var fetchLength = regexp.MustCompile(`^([0-9]+|-)$`)

// readFetch parses fetch.txt, if the bag has one, into v.fetch. Lines are
// "<url> <length> <path>", the path percent-encoded as in manifests. A
// path outside the bag is an error, as in a manifest.
func (v *verifier) readFetch() error {
	data, ok, err := v.read("fetch.txt")
	if err != nil || !ok {
		return err
	}
	for i, line := range splitLines(data) {
		n := i + 1
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 || !fetchLength.MatchString(f[1]) {
			v.add(Problem{Path: "fetch.txt", Line: n, Kind: Invalid, Message: fmt.Sprintf("%q is not a \"<url> <length> <path>\" line", line)})
			continue
		}
		// The path is the rest of the line, spaces and all.
		rest := strings.TrimLeft(line, " \t")
		for range 2 {
			rest = strings.TrimLeft(rest[strings.IndexAny(rest, " \t"):], " \t")
		}
		p := decodePath(rest)
		if !filepath.IsLocal(filepath.FromSlash(p)) || strings.ContainsRune(p, 0) {
			return fmt.Errorf("archive: fetch.txt:%d: %w: %q", n, ErrUnsafePath, p)
		}
		p = path.Clean(p)
		if !strings.HasPrefix(p, "data/") {
			v.add(Problem{Path: "fetch.txt", Line: n, Kind: Invalid, Message: fmt.Sprintf("%q is not a file in data/", p)})
			continue
		}
		v.fetch[p] = fetchItem{url: f[0], length: f[1], line: n}
	}
	return nil
}

// notFetched is the problem of a file that fetch.txt lists and the bag
// lacks: the bag is incomplete (RFC 8493 §3), which is not the same as a
// file lost.
func notFetched(p string, it fetchItem) Problem {
	return Problem{Path: p, Kind: Missing, Message: fmt.Sprintf(
		"not fetched: fetch.txt line %d lists it at %s, so the bag is incomplete until it is fetched", it.line, it.url)}
}

// checkFetch checks that every file fetch.txt lists is in every payload
// manifest, and, once fetched, has the length given. Files it lists that
// are absent and in no manifest are reported here; checkPayload reports
// the others.
func (v *verifier) checkFetch(manifests []*manifest, files map[string]int64) {
	paths := make([]string, 0, len(v.fetch))
	for p := range v.fetch {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		it := v.fetch[p]
		listed := false
		for _, m := range manifests {
			if _, ok := m.sums[p]; ok {
				listed = true
			} else {
				v.add(Problem{Path: "fetch.txt", Line: it.line, Kind: Invalid, Message: fmt.Sprintf("%q is not listed in %s", p, m.name)})
			}
		}
		size, present := files[p]
		switch {
		case !present && !listed && !v.irregular[p]:
			v.add(notFetched(p, it))
		case present && it.length != "-" && it.length != fmt.Sprint(size):
			v.add(Problem{Path: p, Kind: Invalid, Message: fmt.Sprintf("fetch.txt line %d gives %s octets, the file holds %d", it.line, it.length, size)})
		}
	}
}
