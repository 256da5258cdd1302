// Package archive keeps a built site as a BagIt bag (RFC 8493): a folder
// that carries its own checksums, so an archivist can prove years later that
// the copy is complete and unaltered.
//
// # Writing a bag
//
// Write(srcDir, bagDir, info) copies every regular file of srcDir, byte for
// byte, into bagDir/data and adds the tag files:
//
//	bagDir/
//	  bagit.txt               "BagIt-Version: 1.0" and "Tag-File-Character-Encoding: UTF-8"
//	  bag-info.txt            what the bag holds and when it was made (see Info)
//	  manifest-sha256.txt     "<checksum> data/<path>", one line per payload file
//	  manifest-sha512.txt     the same with SHA-512
//	  tagmanifest-sha256.txt  checksums of the four files above
//	  tagmanifest-sha512.txt  the same with SHA-512
//	  data/                   the site
//
// Manifest lines are sorted by path. Paths are relative to the bag, use
// forward slashes, and percent-encode CR, LF and "%" as RFC 8493 §2.1.3
// asks ("100%.txt" is listed as "data/100%25.txt"). All tag files are UTF-8
// with LF line endings. bag-info.txt carries, in this order and only when
// set: Source-Organization, Title, External-Description, Bagging-Date
// (YYYY-MM-DD), Bag-Software-Agent ("dossier generator"), Payload-Oxum
// ("<octets>.<files>") and Bag-Size. Values are folded onto continuation
// lines at 79 characters; runs of white space, newlines included, become
// one space.
//
// Write refuses a bagDir that already exists (the error wraps
// fs.ErrExist), and refuses symbolic links and other non-regular files in
// srcDir: a bag must hold its content, not point at it. Empty directories
// are not kept, since a manifest lists files only. The bag is assembled in a
// hidden sibling directory and renamed into place at the end, so a failed
// Write leaves nothing behind. Replace does the same over an existing bag,
// which it swaps out in one step (package swap) only once the new one is
// complete.
//
// # Reproducibility
//
// The same srcDir and Info give byte-identical bags; only Bagging-Date
// depends on the clock. BaggingDate(time.Now()) honours SOURCE_DATE_EPOCH,
// and a zero Info.Date means exactly that.
//
// WriteZip and WriteTarGz pack a bag into one file whose single top folder
// is named after bagDir. Entries come in lexical order, each directory before
// its contents, with mode 0755 for directories and 0644 for files, no owner
// names or ids, and the Bagging-Date (midnight UTC) as every modification
// time; the gzip header carries no name and no time. The same bag therefore
// always packs to the same bytes.
//
// # Verifying a bag
//
// Verify(bagDir) checks a bag the way RFC 8493 §3 defines validity:
// bagit.txt is well formed; every file under data/ is listed in every
// payload manifest and every listed file exists; every checksum matches;
// Payload-Oxum matches the payload; every file in a tag manifest exists and
// matches. A file that fetch.txt lists (RFC 8493 §2.2.3) and the bag lacks
// makes the bag incomplete, which is reported as "not fetched" rather than
// as a file lost; fetch.txt's lines must name files of data/ that every
// payload manifest lists. Verify reads a .zip of a bag in place (at its top
// or in its single top folder, as WriteZip packs it); a tar archive must be
// unpacked first, and Verify says so. It understands manifests in md5, sha1, sha224, sha256, sha384 and
// sha512. It returns a Report whose Problems each name the file concerned
// (relative to the bag, as in "data/index.html") and say what is wrong with
// it; an empty Report means the bag is valid.
//
// Verify returns an error only when it cannot check the bag at all: bagDir
// is not a readable directory, a file cannot be read, or a manifest names a
// path outside the bag ("../x", "/etc/passwd"). That last error wraps
// ErrUnsafePath, and Verify reads nothing outside bagDir.
package archive

import (
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"dossier/generator/swap"
)

// Info is what bag-info.txt says about the bag. Empty fields are left out.
type Info struct {
	Title              string    // the site's title, as the non-reserved label "Title"
	Description        string    // the site's description, as "External-Description"
	SourceOrganization string    // who made the bag, as "Source-Organization"
	Date               time.Time // "Bagging-Date", as its UTC calendar day; zero means BaggingDate(time.Now())
}

// SoftwareAgent is the Bag-Software-Agent that Write records.
const SoftwareAgent = "dossier generator"

// writeAlgorithms are the checksums Write records. SHA-512 is the one RFC
// 8493 recommends; SHA-256 is what most tools check fastest.
var writeAlgorithms = []string{"sha256", "sha512"}

// BaggingDate returns the time to record as Bagging-Date: the time in
// SOURCE_DATE_EPOCH (seconds since 1970, https://reproducible-builds.org/specs/source-date-epoch/)
// when that is set to a non-negative integer, otherwise now; either way in
// UTC.
func BaggingDate(now time.Time) time.Time {
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 {
			return time.Unix(n, 0).UTC()
		}
	}
	return now.UTC()
}

// Write copies the site in srcDir into a new BagIt bag at bagDir, making
// bagDir's parent folders as needed.
func Write(srcDir, bagDir string, info Info) error {
	bagDir = filepath.Clean(bagDir) // "out/bag/" names the folder "bag" in "out"
	if err := checkTarget(bagDir); err != nil {
		return err
	}
	return write(srcDir, bagDir, info)
}

// Replace is Write over an existing bag: the new bag is assembled aside
// and swapped in only once complete, so that a failure (a full disk, an
// unreadable file) leaves the old bag as it was. It refuses a bagDir that
// is not a bag (no bagit.txt file), or is a symbolic link.
func Replace(srcDir, bagDir string, info Info) error {
	bagDir = filepath.Clean(bagDir)
	st, err := os.Lstat(bagDir)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("archive: %s is not a folder; not replacing it", bagDir)
	}
	if st, err := os.Lstat(filepath.Join(bagDir, "bagit.txt")); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("archive: %s is not a bag (it has no bagit.txt); not replacing it", bagDir)
	}
	return write(srcDir, bagDir, info)
}

// write assembles the bag in a temporary folder beside bagDir and swaps
// it in (see package swap).
func write(srcDir, bagDir string, info Info) error {
	if inside(bagDir, srcDir) {
		return fmt.Errorf("archive: bag %s must not be inside the site %s", bagDir, srcDir)
	}
	files, err := payloadFiles(srcDir)
	if err != nil {
		return err
	}
	if info.Date.IsZero() {
		info.Date = BaggingDate(time.Now())
	}
	tmp, err := swap.New(bagDir)
	if err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	defer tmp.Close()
	if err := assemble(srcDir, tmp.Dir, files, info); err != nil {
		return err
	}
	if err := tmp.Swap(); err != nil {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}

// assemble writes the bag of files, from srcDir, into the empty folder dir.
func assemble(srcDir, dir string, files []string, info Info) error {
	sums := make(map[string][]string, len(files)) // "data/<path>" -> checksum per writeAlgorithms
	var octets int64
	for _, name := range files {
		n, s, err := copyAndHash(filepath.Join(srcDir, filepath.FromSlash(name)), filepath.Join(dir, "data", filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		sums["data/"+name] = s
		octets += n
	}
	if len(files) == 0 {
		if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
			return fmt.Errorf("archive: %w", err)
		}
	}

	// The tag manifests cover every tag file but themselves (RFC 8493 §2.2.1).
	tags := []tagFile{
		{"bagit.txt", []byte(bagitTxt)},
		{"bag-info.txt", info.bagInfo(octets, int64(len(files)))},
	}
	for i, alg := range writeAlgorithms {
		lines := make(map[string]string, len(sums))
		for p, s := range sums {
			lines[p] = s[i]
		}
		tags = append(tags, tagFile{"manifest-" + alg + ".txt", formatManifest(lines)})
	}
	covered := tags
	for _, alg := range writeAlgorithms {
		lines := make(map[string]string, len(covered))
		for _, t := range covered {
			h := hashes[alg]()
			h.Write(t.data)
			lines[t.name] = hex.EncodeToString(h.Sum(nil))
		}
		tags = append(tags, tagFile{"tagmanifest-" + alg + ".txt", formatManifest(lines)})
	}
	for _, t := range tags {
		if err := os.WriteFile(filepath.Join(dir, t.name), t.data, 0o644); err != nil {
			return fmt.Errorf("archive: %w", err)
		}
	}
	return nil
}

// checkTarget refuses to overwrite path, so that a mistyped argument never
// replaces an archive.
func checkTarget(path string) error {
	_, err := os.Lstat(path)
	if err == nil {
		return fmt.Errorf("archive: %s: %w", path, fs.ErrExist)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("archive: %w", err)
	}
	return nil
}

// inside reports whether path is dir or lies beneath it.
func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && filepath.IsLocal(rel)
}

// payloadFiles lists the regular files under dir as sorted slash-separated
// paths relative to dir.
func payloadFiles(dir string) ([]string, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("archive: %s is not a directory", dir)
	}
	var files []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file; a bag can only hold regular files", path)
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		// Tag files are UTF-8 (bagit.txt says so), so every path must be too.
		if !utf8.ValidString(rel) {
			return fmt.Errorf("%s: file name is not valid UTF-8", path)
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	slices.Sort(files)
	return files, nil
}

// copyAndHash copies src to a new file dst, creating dst's directory, and
// returns its size and its checksums in the order of writeAlgorithms. The
// file is read once, streaming through every hash.
func copyAndHash(src, dst string) (int64, []string, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, nil, fmt.Errorf("archive: %w", err)
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return 0, nil, fmt.Errorf("archive: %w", err)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return 0, nil, fmt.Errorf("archive: %w", err)
	}
	ws := []io.Writer{out}
	hs := make([]hash.Hash, len(writeAlgorithms))
	for i, alg := range writeAlgorithms {
		hs[i] = hashes[alg]()
		ws = append(ws, hs[i])
	}
	n, err := io.Copy(io.MultiWriter(ws...), in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, nil, fmt.Errorf("archive: copying %s: %w", src, err)
	}
	sums := make([]string, len(hs))
	for i, h := range hs {
		sums[i] = hex.EncodeToString(h.Sum(nil))
	}
	return n, sums, nil
}

// tagFile is a file in the bag's base directory.
type tagFile struct {
	name string
	data []byte
}
