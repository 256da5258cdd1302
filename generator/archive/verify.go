package archive

import (
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"dossier/generator/diag"
)

// ErrUnsafePath is wrapped by Verify's error when a manifest names a path
// outside the bag.
var ErrUnsafePath = errors.New("path outside the bag")

// Kind says what is wrong in a Problem.
type Kind string

const (
	Missing      Kind = "missing" // listed in a manifest, absent from the bag
	Extra        Kind = "extra"   // in data/ but not listed in a payload manifest
	Changed      Kind = "changed" // a checksum does not match its manifest
	OxumMismatch Kind = "oxum"    // Payload-Oxum does not match the payload
	Invalid      Kind = "invalid" // a tag file or a bag entry is malformed
)

// Problem is one way in which a bag is not valid.
type Problem struct {
	Path      string // relative to the bag, slash-separated: "data/index.html", "bag-info.txt"
	Line      int    // the line of Path at fault, or 0
	Kind      Kind
	Algorithm string // for Changed and Extra: the manifest's algorithm, such as "sha256"
	Message   string // what is wrong, in words
}

// String formats p as "path:line: message", or "path: message" without a line.
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Message)
	}
	return p.Path + ": " + p.Message
}

// Report is the result of Verify: every problem found, sorted by path.
type Report struct {
	Problems []Problem
}

// OK reports whether the bag is valid.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// manifestName matches payload manifests and, with the "tag" prefix, tag
// manifests; the algorithm is the second group.
var manifestName = regexp.MustCompile(`^(tag)?manifest-([a-z0-9]+)\.txt$`)

var oxumValue = regexp.MustCompile(`^([0-9]+)\.([0-9]+)$`)

// Verify checks that the bag at bagDir is complete and every file in it is
// unaltered.
func Verify(bagDir string) (*Report, error) {
	if st, err := os.Stat(bagDir); err == nil && !st.IsDir() {
		return verifyFile(bagDir)
	}
	root, err := os.OpenRoot(bagDir)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	defer root.Close()
	// Every read goes through root, so not even a symbolic link inside the
	// bag can make Verify read outside it.
	return verify(root.FS())
}

// verify checks the bag in fsys.
func verify(fsys fs.FS) (*Report, error) {
	v := &verifier{fsys: fsys, irregular: map[string]bool{}, fetch: map[string]fetchItem{}}
	if err := v.checkDeclaration(); err != nil {
		return nil, err
	}
	payload, tags, err := v.readManifests()
	if err != nil {
		return nil, err
	}
	if err := v.readFetch(); err != nil {
		return nil, err
	}
	files, err := v.payloadOnDisk()
	if err != nil {
		return nil, err
	}
	if err := v.checkPayload(payload, files); err != nil {
		return nil, err
	}
	v.checkFetch(payload, files)
	if err := v.checkOxum(files); err != nil {
		return nil, err
	}
	if err := v.checkTagFiles(tags); err != nil {
		return nil, err
	}

	slices.SortFunc(v.problems, func(a, b Problem) int {
		return cmp.Or(
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			strings.Compare(string(a.Kind), string(b.Kind)),
			strings.Compare(a.Algorithm, b.Algorithm),
			strings.Compare(a.Message, b.Message),
		)
	})
	return &Report{Problems: v.problems}, nil
}

type verifier struct {
	fsys      fs.FS
	problems  []Problem
	irregular map[string]bool      // payload entries already reported as not regular files
	fetch     map[string]fetchItem // payload files fetch.txt lists, by path
}

func (v *verifier) add(p Problem) { v.problems = append(v.problems, p) }

// read returns the content of the tag file name, and false if it is absent.
func (v *verifier) read(name string) (string, bool, error) {
	data, err := fs.ReadFile(v.fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("archive: %w", err)
	}
	return string(data), true, nil
}

// checkDeclaration checks bagit.txt (RFC 8493 §2.1.1).
func (v *verifier) checkDeclaration() error {
	data, ok, err := v.read("bagit.txt")
	if err != nil {
		return err
	}
	if !ok {
		v.add(Problem{Path: "bagit.txt", Kind: Missing, Message: "no bag declaration: this is not a bag"})
		return nil
	}
	bad := func(line int, msg string) {
		v.add(Problem{Path: "bagit.txt", Line: line, Kind: Invalid, Message: msg})
	}
	if strings.HasPrefix(data, "\uFEFF") {
		bad(1, "starts with a byte-order mark, which RFC 8493 forbids")
		data = strings.TrimPrefix(data, "\uFEFF")
	}
	els := parseElements(data, bad)
	want := []struct{ label, value string }{
		{"BagIt-Version", "1.0"},
		{"Tag-File-Character-Encoding", "UTF-8"},
	}
	for i, w := range want {
		if i >= len(els) {
			bad(0, fmt.Sprintf("no %s line", w.label))
			continue
		}
		if els[i].label != w.label || !strings.EqualFold(els[i].value, w.value) {
			bad(els[i].line, fmt.Sprintf("want %q, found %q", w.label+": "+w.value, els[i].label+": "+els[i].value))
		}
	}
	if len(els) > len(want) {
		bad(els[len(want)].line, "bagit.txt must hold exactly two lines")
	}
	return nil
}

// manifest is a parsed payload or tag manifest.
type manifest struct {
	name  string            // "manifest-sha256.txt"
	alg   string            // "sha256"
	sums  map[string]string // decoded path -> lowercase hex checksum
	lines map[string]int    // decoded path -> its line
}

// readManifests parses every manifest and tag manifest in the base directory.
func (v *verifier) readManifests() (payload, tags []*manifest, err error) {
	entries, err := fs.ReadDir(v.fsys, ".")
	if err != nil {
		return nil, nil, fmt.Errorf("archive: %w", err)
	}
	for _, e := range entries {
		m := manifestName.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		isTag, alg := m[1] != "", m[2]
		if hashes[alg] == nil {
			v.add(Problem{Path: e.Name(), Kind: Invalid, Message: fmt.Sprintf("unsupported checksum algorithm %q; its checksums were not checked", alg)})
			continue
		}
		data, _, err := v.read(e.Name())
		if err != nil {
			return nil, nil, err
		}
		mf, err := v.parseManifest(e.Name(), alg, data, !isTag)
		if err != nil {
			return nil, nil, err
		}
		if isTag {
			tags = append(tags, mf)
		} else {
			payload = append(payload, mf)
		}
	}
	if len(payload) == 0 {
		v.add(Problem{Path: "manifest-sha512.txt", Kind: Missing, Message: "the bag has no payload manifest"})
	}
	return payload, tags, nil
}

// parseManifest reads "<checksum> <path>" lines (RFC 8493 §2.1.3). A path
// that leaves the bag is an error; other faults are problems.
func (v *verifier) parseManifest(name, alg, data string, isPayload bool) (*manifest, error) {
	m := &manifest{name: name, alg: alg, sums: map[string]string{}, lines: map[string]int{}}
	size := hashes[alg]().Size() * 2
	for i, line := range splitLines(data) {
		n := i + 1
		bad := func(msg string) { v.add(Problem{Path: name, Line: n, Kind: Invalid, Message: msg}) }
		if line == "" {
			continue
		}
		j := strings.IndexAny(line, " \t")
		if j <= 0 || strings.TrimLeft(line[j:], " \t") == "" {
			bad(fmt.Sprintf("%q is not a \"<checksum> <path>\" line", line))
			continue
		}
		sum := strings.ToLower(line[:j])
		p := decodePath(strings.TrimLeft(line[j:], " \t"))
		if !filepath.IsLocal(filepath.FromSlash(p)) || strings.ContainsRune(p, 0) {
			return nil, fmt.Errorf("archive: %s:%d: %w: %q", name, n, ErrUnsafePath, p)
		}
		p = path.Clean(p)
		if _, err := hex.DecodeString(sum); err != nil || len(sum) != size {
			bad(fmt.Sprintf("%q is not a %s checksum", line[:j], alg))
			continue
		}
		if p == "." || isPayload && !strings.HasPrefix(p, "data/") {
			bad(fmt.Sprintf("%q is not a file in data/", p))
			continue
		}
		if prev, dup := m.lines[p]; dup {
			bad(fmt.Sprintf("%q is already listed on line %d", p, prev))
			continue
		}
		m.sums[p], m.lines[p] = sum, n
	}
	return m, nil
}

// payloadOnDisk returns the size of every regular file under data/.
func (v *verifier) payloadOnDisk() (map[string]int64, error) {
	sizes := map[string]int64{}
	fi, err := fs.Stat(v.fsys, "data")
	if errors.Is(err, fs.ErrNotExist) {
		v.add(Problem{Path: "data", Kind: Missing, Message: "the bag has no payload directory"})
		return sizes, nil
	}
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if !fi.IsDir() {
		v.add(Problem{Path: "data", Kind: Invalid, Message: "the payload directory is not a directory"})
		return sizes, nil
	}
	err = fs.WalkDir(v.fsys, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			v.irregular[p] = true
			v.add(Problem{Path: p, Kind: Invalid, Message: "not a regular file"})
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sizes[p] = info.Size()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	return sizes, nil
}

// checkPayload checks that each payload manifest lists exactly the files in
// data/, with the right checksums.
func (v *verifier) checkPayload(manifests []*manifest, files map[string]int64) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	for _, m := range manifests {
		for p := range m.sums {
			if _, ok := files[p]; !ok {
				paths = append(paths, p)
			}
		}
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)

	for _, p := range paths {
		var listed []*manifest
		for _, m := range manifests {
			if _, ok := m.sums[p]; ok {
				listed = append(listed, m)
			} else if _, ok := files[p]; ok {
				v.add(Problem{Path: p, Kind: Extra, Algorithm: m.alg, Message: "not listed in " + m.name})
			}
		}
		if _, ok := files[p]; !ok {
			if it, ok := v.fetch[p]; ok && !v.irregular[p] {
				v.add(notFetched(p, it))
			} else if !v.irregular[p] {
				v.add(missing(p, listed))
			}
			continue
		}
		if len(listed) > 0 {
			if err := v.checkSums(p, listed); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkTagFiles checks every file listed in a tag manifest.
func (v *verifier) checkTagFiles(manifests []*manifest) error {
	var paths []string
	for _, m := range manifests {
		for p := range m.sums {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range slices.Compact(paths) {
		var listed []*manifest
		for _, m := range manifests {
			if _, ok := m.sums[p]; ok {
				listed = append(listed, m)
			}
		}
		if err := v.checkSums(p, listed); err != nil {
			return err
		}
	}
	return nil
}

func missing(p string, listed []*manifest) Problem {
	var names []string
	for _, m := range listed {
		names = append(names, m.name)
	}
	return Problem{Path: p, Kind: Missing, Message: "listed in " + strings.Join(names, ", ") + " but absent"}
}

// checkSums reads the file p once, through the hash of each manifest that
// lists it, and reports each checksum that differs.
func (v *verifier) checkSums(p string, listed []*manifest) error {
	f, err := v.fsys.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		v.add(missing(p, listed))
		return nil
	}
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if !fi.Mode().IsRegular() {
		v.add(Problem{Path: p, Kind: Invalid, Message: "not a regular file"})
		return nil
	}
	hs := make([]hash.Hash, len(listed))
	ws := make([]io.Writer, len(listed))
	for i, m := range listed {
		hs[i] = hashes[m.alg]()
		ws[i] = hs[i]
	}
	if _, err := io.Copy(io.MultiWriter(ws...), f); err != nil {
		return fmt.Errorf("archive: reading %s: %w", p, err)
	}
	for i, m := range listed {
		if hex.EncodeToString(hs[i].Sum(nil)) != m.sums[p] {
			v.add(Problem{Path: p, Kind: Changed, Algorithm: m.alg,
				Message: fmt.Sprintf("%s checksum differs from %s line %d", m.alg, m.name, m.lines[p])})
		}
	}
	return nil
}

// checkOxum compares the Payload-Oxum of bag-info.txt, if any, with the
// payload on disk (RFC 8493 §2.2.2).
func (v *verifier) checkOxum(files map[string]int64) error {
	data, ok, err := v.read("bag-info.txt")
	if err != nil || !ok {
		return err // bag-info.txt is optional
	}
	bad := func(line int, msg string) {
		v.add(Problem{Path: "bag-info.txt", Line: line, Kind: Invalid, Message: msg})
	}
	var oxum []element
	for _, el := range parseElements(data, bad) {
		if el.label == "Payload-Oxum" {
			oxum = append(oxum, el)
		}
	}
	if len(oxum) == 0 {
		return nil
	}
	if len(oxum) > 1 {
		bad(oxum[1].line, "Payload-Oxum appears more than once")
		return nil
	}
	m := oxumValue.FindStringSubmatch(oxum[0].value)
	if m == nil {
		bad(oxum[0].line, fmt.Sprintf("Payload-Oxum %q is not \"<octets>.<files>\"", oxum[0].value))
		return nil
	}
	var octets int64
	for _, n := range files {
		octets += n
	}
	wantOctets, err1 := strconv.ParseInt(m[1], 10, 64)
	wantFiles, err2 := strconv.ParseInt(m[2], 10, 64)
	if err1 != nil || err2 != nil || wantOctets != octets || wantFiles != int64(len(files)) {
		v.add(Problem{Path: "bag-info.txt", Line: oxum[0].line, Kind: OxumMismatch,
			Message: fmt.Sprintf("Payload-Oxum is %s, but the payload holds %d octets in %s", oxum[0].value, octets, diag.Plural(len(files), "file", "files"))})
	}
	return nil
}
