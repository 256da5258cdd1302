package archive

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// validateBag is a second, independent BagIt validator, written from the
// text of RFC 8493 and sharing no code with the package, so that a bug in
// Write cannot hide behind the same bug in Verify. It returns every rule the
// bag at dir breaks; none means the bag is valid.
func validateBag(dir string) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	lineBreak := regexp.MustCompile("\r\n|\r|\n")
	lines := func(name string) []string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			fail("%s: %v", name, err)
			return nil
		}
		ls := lineBreak.Split(string(b), -1)
		if ls[len(ls)-1] == "" {
			ls = ls[:len(ls)-1]
		}
		return ls
	}
	sum := func(alg string, data []byte) string {
		h := map[string]func() hash.Hash{"md5": md5.New, "sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New}[alg]()
		h.Write(data)
		return fmt.Sprintf("%x", h.Sum(nil))
	}

	// §2.1.1: bagit.txt is exactly two lines, version then encoding.
	decl := lines("bagit.txt")
	if len(decl) != 2 ||
		!regexp.MustCompile(`^BagIt-Version: [0-9]+\.[0-9]+$`).MatchString(decl[0]) ||
		!regexp.MustCompile(`^Tag-File-Character-Encoding: \S+$`).MatchString(decl[1]) {
		fail("bagit.txt: not a bag declaration: %q", decl)
	}

	// The payload: every file under data/ (§2.1.2).
	payload := map[string][]byte{}
	filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fail("data: %v", err)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			fail("%s: %v", p, err)
		}
		rel, _ := filepath.Rel(dir, p)
		payload[filepath.ToSlash(rel)] = b
		return nil
	})

	// §2.1.3, §2.2.1: "checksum filepath" lines; filepaths relative to the
	// bag, with CR, LF and % percent-encoded.
	entry := regexp.MustCompile(`^([0-9a-fA-F]+)[ \t]+(.+)$`)
	unescape := strings.NewReplacer("%0A", "\n", "%0a", "\n", "%0D", "\r", "%0d", "\r", "%25", "%")
	readManifest := func(name string) map[string]string {
		m := map[string]string{}
		for i, l := range lines(name) {
			e := entry.FindStringSubmatch(l)
			if e == nil {
				fail("%s:%d: malformed line %q", name, i+1, l)
				continue
			}
			p := unescape.Replace(e[2])
			if path.IsAbs(p) || p != path.Clean(p) || p == ".." || strings.HasPrefix(p, "../") {
				fail("%s:%d: bad path %q", name, i+1, p)
				continue
			}
			m[p] = strings.ToLower(e[1])
		}
		return m
	}
	algOf := func(name, prefix string) string {
		return strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".txt")
	}

	// §3: every payload file is in every payload manifest, every manifest
	// entry exists, every checksum matches.
	manifests, _ := filepath.Glob(filepath.Join(dir, "manifest-*.txt"))
	if len(manifests) == 0 {
		fail("no payload manifest")
	}
	for _, mp := range manifests {
		name := filepath.Base(mp)
		alg := algOf(name, "manifest-")
		m := readManifest(name)
		for p, want := range m {
			data, ok := payload[p]
			if !ok {
				fail("%s lists %q, which is not in the payload", name, p)
			} else if got := sum(alg, data); got != want {
				fail("%s: %s is %s, manifest says %s", p, alg, got, want)
			}
		}
		for p := range payload {
			if _, ok := m[p]; !ok {
				fail("%s: not in %s", p, name)
			}
		}
	}

	// §2.2.2: Payload-Oxum is "octetcount.streamcount" of the payload.
	if _, err := os.Stat(filepath.Join(dir, "bag-info.txt")); err == nil {
		for _, l := range lines("bag-info.txt") {
			v, ok := strings.CutPrefix(l, "Payload-Oxum: ")
			if !ok {
				continue
			}
			octets := 0
			for _, b := range payload {
				octets += len(b)
			}
			if want := strconv.Itoa(octets) + "." + strconv.Itoa(len(payload)); v != want {
				fail("bag-info.txt: Payload-Oxum %s, payload is %s", v, want)
			}
		}
	}

	// §2.2.1: a tag manifest lists tag files, never a tag manifest, and
	// every checksum matches.
	tagManifests, _ := filepath.Glob(filepath.Join(dir, "tagmanifest-*.txt"))
	for _, mp := range tagManifests {
		name := filepath.Base(mp)
		alg := algOf(name, "tagmanifest-")
		for p, want := range readManifest(name) {
			if strings.HasPrefix(p, "tagmanifest-") {
				fail("%s lists the tag manifest %s", name, p)
			}
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				fail("%s lists %q: %v", name, p, err)
			} else if got := sum(alg, data); got != want {
				fail("%s: %s is %s, %s says %s", p, alg, got, name, want)
			}
		}
	}
	return errs
}
