package build

// Rebuilding into an earlier build.
//
// The stamp that a build writes last (see Stamp) also records what the
// build read and what it wrote: a digest of its inputs, the warnings it
// gave, and each output file with its size and a digest of its bytes. The
// next build into the same folder compares:
//
//   - When the inputs have the same digest and the folder holds exactly
//     the recorded files and folders, each with the recorded bytes,
//     nothing changed: the build writes nothing, not even the stamp, and
//     gives the recorded warnings again.
//   - Otherwise it renders the whole site into a new folder and swaps it
//     in, as a first build does; but a file whose bytes equal those of the
//     previous output's file of the same name is hard-linked from there
//     instead of written, so it keeps its inode and modification time and
//     only the files that changed are new.
//
// Outputs are compared by their bytes, not by their modification times:
// a file edited by hand within the clock tick of the stamp, or put back
// with an older time (cp -p, rsync -t), is still told; and the stamp holds
// no times or inode numbers, so that builds of the same input stay
// byte-identical. Reading the output costs a small part of a build. Linking
// adds a name to a file of the previous output and changes nothing in it,
// and files are created with O_EXCL, never written through such a link:
// a failed or killed build still leaves the previous output as it was.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"dossier/generator/diag"
)

// Result says what a build did to its output folder.
type Result struct {
	Earlier  bool // the folder held an earlier build
	UpToDate bool // nothing had changed: the folder was left as it was
	Written  int  // files written new, the stamp not counted
	Kept     int  // files kept from the previous output, bytes, inode and all
}

// manifest is what a stamp records of its build.
type manifest struct {
	inputs   string         // see inputs
	warnings diag.List      // what Load said, warnings only
	files    map[string]sum // each output file but the stamp
}

// A sum identifies the bytes of an output file: its size, and the first
// 128 bits of their SHA-256 in hexadecimal.
type sum struct {
	size int64
	hash string
}

func sumOf(data []byte) sum {
	h := sha256.Sum256(data)
	return sum{int64(len(data)), hex.EncodeToString(h[:16])}
}

// manifestHeader starts what the stamp records after stampText.
const manifestHeader = "\nWhat the build read and wrote, for the next build to compare:\n"

// stamp returns the stamp's text: stampText, then the manifest, one item a
// line, names quoted and sorted.
func (m *manifest) stamp() []byte {
	var b bytes.Buffer
	b.WriteString(stampText)
	b.WriteString(manifestHeader)
	fmt.Fprintf(&b, "inputs %s\n", m.inputs)
	for _, p := range m.warnings {
		j, _ := json.Marshal(p)
		fmt.Fprintf(&b, "warning %s\n", j)
	}
	for _, name := range slices.Sorted(maps.Keys(m.files)) {
		fmt.Fprintf(&b, "file %d %s %s\n", m.files[name].size, m.files[name].hash, strconv.Quote(name))
	}
	return b.Bytes()
}

// parseManifest reads a stamp's manifest; it returns nil for a stamp
// without one (an older generator's) or with a line it cannot read.
func parseManifest(b []byte) *manifest {
	_, rest, ok := bytes.Cut(b, []byte(manifestHeader))
	if !ok {
		return nil
	}
	m := &manifest{files: map[string]sum{}}
	for line := range strings.Lines(string(rest)) {
		key, val, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		switch key {
		case "inputs":
			m.inputs = val
		case "warning":
			var p diag.Problem
			if json.Unmarshal([]byte(val), &p) != nil {
				return nil
			}
			m.warnings = append(m.warnings, p)
		case "file":
			size, rest, _ := strings.Cut(val, " ")
			hash, quoted, _ := strings.Cut(rest, " ")
			n, err := strconv.ParseInt(size, 10, 64)
			name, qerr := strconv.Unquote(quoted)
			if err != nil || qerr != nil || !fs.ValidPath(name) || name == Stamp || len(hash) != 32 {
				return nil
			}
			m.files[name] = sum{n, hash}
		default:
			return nil
		}
	}
	if m.inputs == "" {
		return nil
	}
	return m
}

// generatorID identifies the running generator by a digest of its
// executable: a new version, or one built with another default theme
// (which is embedded in it), renders differently, so it must not take an
// earlier build for up to date. Tests replace it.
var generatorID = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

// inputRoots are what a build reads of a site (see Load and Theme).
var inputRoots = []string{"site.toml", "content", "layouts", "static"}

// inputs returns a digest of everything a build of fsys reads: the
// generator, and the names and bytes of site.toml and of every file under
// content/, layouts/ and static/. Build has no option that changes the
// output; one that did would go in here too.
func inputs(fsys fs.FS) (string, error) {
	id, err := generatorID()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "generator %s\n", id)
	buf := make([]byte, 64<<10) // one buffer for every file, not one each
	for _, root := range inputRoots {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			switch {
			case p == root && errors.Is(err, fs.ErrNotExist):
				fmt.Fprintf(h, "missing %q\n", p)
				return nil
			case err != nil:
				return err
			case d.IsDir():
				fmt.Fprintf(h, "folder %q\n", p)
				return nil
			}
			// Through fsys, a link reads as the file it leads to, as
			// the build reads it; one that cannot be read is an error.
			f, err := fsys.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			fmt.Fprintf(h, "file %q\n", p)
			n, err := io.CopyBuffer(h, struct{ io.Reader }{f}, buf)
			fmt.Fprintf(h, "\n%d\n", n)
			return err
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// earlier reports whether out holds an earlier build.
func earlier(out string) bool {
	st, err := os.Lstat(filepath.Join(out, Stamp))
	return err == nil && st.Mode().IsRegular()
}

// errChanged stops upToDate's walk at the first difference.
var errChanged = errors.New("changed")

// upToDate returns the manifest of the build in out if that build read
// the same inputs as digest says and out still holds what it wrote:
// exactly the recorded files and their folders, each a regular file with
// the recorded bytes.
func upToDate(out, digest string) *manifest {
	if !earlier(out) {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(out, Stamp))
	if err != nil {
		return nil
	}
	m := parseManifest(b)
	if m == nil || m.inputs != digest {
		return nil
	}
	folders := map[string]bool{".": true}
	for name := range m.files {
		for d := path.Dir(name); !folders[d]; d = path.Dir(d) {
			folders[d] = true
		}
	}
	// Names, kinds and sizes first, which cost no reading.
	var names []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			if !folders[rel] {
				return errChanged
			}
			return nil
		case rel == Stamp:
			return nil
		}
		want, ok := m.files[rel]
		if !ok || !d.Type().IsRegular() {
			return errChanged
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() != want.size {
			return errChanged
		}
		names = append(names, rel)
		return nil
	})
	if err != nil || len(names) != len(m.files) {
		return nil
	}
	if !sameSums(out, names, m.files) {
		return nil
	}
	return m
}

// sameSums reports whether each named file under dir has the bytes that
// sums records for it. It reads them on every processor, and stops at the
// first that differs.
func sameSums(dir string, names []string, sums map[string]sum) bool {
	var next atomic.Int64
	var differ atomic.Bool
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for !differ.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				if s, err := fileSum(filepath.Join(dir, filepath.FromSlash(names[i]))); err != nil || s != sums[names[i]] {
					differ.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return !differ.Load()
}

// fileSum returns the sum of the bytes of the file p.
func fileSum(p string) (sum, error) {
	f, err := os.Open(p)
	if err != nil {
		return sum{}, err
	}
	defer f.Close()
	h := sha256.New()
	bp := bufs.Get().(*[]byte)
	defer bufs.Put(bp)
	var size int64
	for {
		n, err := f.Read(*bp)
		h.Write((*bp)[:n])
		size += int64(n)
		if err == io.EOF {
			return sum{size, hex.EncodeToString(h.Sum(nil)[:16])}, nil
		}
		if err != nil {
			return sum{}, err
		}
	}
}

// A writer writes the output files under dir. A file whose bytes equal
// those of the file of the same name under old, the previous output, is
// hard-linked from there instead; if linking fails (a file system without
// hard links, say), it is written. With old "", every file is written.
type writer struct {
	dir, old string

	mu   sync.Mutex
	made map[string]bool // folders made under dir
	sums map[string]sum  // every file written or linked

	written, kept atomic.Int64
}

func newWriter(dir, old string) *writer {
	return &writer{dir: dir, old: old, made: map[string]bool{".": true}, sums: map[string]sum{}}
}

// write is a render.WriteFunc.
func (w *writer) write(name string, data []byte) error {
	if !fs.ValidPath(name) || name == Stamp {
		return fmt.Errorf("invalid output path %q", name)
	}
	d := path.Dir(name)
	digest := sumOf(data)
	w.mu.Lock()
	made := w.made[d]
	w.sums[name] = digest
	w.mu.Unlock()
	if !made {
		if err := os.MkdirAll(filepath.Join(w.dir, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
		w.mu.Lock()
		w.made[d] = true
		w.mu.Unlock()
	}
	dst := filepath.Join(w.dir, filepath.FromSlash(name))
	if w.old != "" {
		src := filepath.Join(w.old, filepath.FromSlash(name))
		if sameBytes(src, data) {
			step("link")
			if os.Link(src, dst) == nil {
				w.kept.Add(1)
				return nil
			}
		}
	}
	step("write")
	w.written.Add(1)
	return writeNew(dst, data)
}

// writeNew writes a file that must be new. Should a name come twice, the
// earlier file is removed rather than written over, since it may be a
// link to a file of the previous output, which must stay as it is.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(name); err != nil {
			return err
		}
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// bufs holds the buffers sameBytes reads into.
var bufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// sameBytes reports whether the regular file p holds exactly data.
func sameBytes(p string, data []byte) bool {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	bp := bufs.Get().(*[]byte)
	defer bufs.Put(bp)
	buf := *bp
	for {
		n, err := io.ReadFull(f, buf)
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return len(data) == 0
		}
		if err != nil {
			return false
		}
	}
}
