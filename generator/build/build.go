// Package build runs the steps from a site folder to its output: load and
// check the content, build the site model, render the pages, and swap the
// result into place only when every step succeeded.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"dossier"
	"dossier/generator/content"
	"dossier/generator/diag"
	"dossier/generator/render"
	"dossier/generator/site"
	"dossier/generator/swap"
)

// ErrContent means the content has errors; they are in the returned list.
var ErrContent = errors.New("content has errors")

// Load reads and checks a site. The list holds every problem, warnings
// included; the site is nil when there are errors.
func Load(fsys fs.FS) (*site.Site, diag.List) {
	cfg, errs := content.LoadConfig(fsys)
	entries, more := content.Load(fsys)
	errs = append(errs, more...)
	s, more := site.New(cfg, entries)
	errs = append(errs, more...)
	if errs.Errors() > 0 {
		return nil, errs.Sort()
	}
	// Warnings of unfinished content only once there are no errors,
	// which can hide references (see site.Warnings).
	errs = append(errs, s.Warnings()...)
	return s, errs.Sort()
}

// Theme returns a site's layouts and static files, each over the default
// theme's.
func Theme(fsys fs.FS) (layouts, static fs.FS) {
	sub := func(f fs.FS, dir string) fs.FS {
		s, err := fs.Sub(f, dir)
		if err != nil {
			panic(err) // fs.Sub fails only on invalid names
		}
		return s
	}
	return overlay{sub(fsys, "layouts"), sub(dossier.Theme, "layouts")},
		overlay{sub(fsys, "static"), sub(dossier.Theme, "static")}
}

// Render renders a loaded site through write, once: it drops what it
// has rendered from s as it goes (see render.Final), so s cannot be
// rendered again.
func Render(fsys fs.FS, s *site.Site, write render.WriteFunc) error {
	layouts, static := Theme(fsys)
	ls, err := render.ParseLayouts(layouts, s.Config)
	if err != nil {
		return err
	}
	return render.Final(s, ls, static, write)
}

// ErrUnsafeOut is wrapped by Build's error when it refuses the output
// folder, before anything was written: the command's usage is at fault.
var ErrUnsafeOut = errors.New("unsafe output folder")

// Stamp is the file a build writes last into its output. It marks the
// folder as a build of this generator, which the next build may replace
// whole; a folder that holds anything else and no stamp is never replaced.
const Stamp = ".dossier-build"

const stampText = `This folder is a build of the dossier generator (go run ./generator build).
The next build replaces it whole, so keep nothing else here.
Without this file, the generator refuses to replace the folder.
`

// Build builds the site in dir into out. The new output is written to a
// temporary folder beside out and swapped in only when complete (see
// package swap), so a failed or killed build leaves the previous output
// exactly as it was. Build refuses an out that is neither missing, nor an
// empty folder, nor an earlier build (see Stamp). Over an earlier build it
// writes nothing if nothing changed, and otherwise only the files whose
// bytes changed (see Rebuild).
func Build(dir, out string) (diag.List, error) {
	_, problems, err := Rebuild(dir, out)
	return problems, err
}

// Rebuild is Build, and says what it did to out. How it tells what
// changed is in rebuild.go.
func Rebuild(dir, out string) (Result, diag.List, error) {
	out = filepath.Clean(out)
	if err := checkOut(dir, out); err != nil {
		return Result{}, nil, err
	}
	fsys := content.OpenSite(dir)
	defer fsys.Close()
	// Before loading: an input changed while the site loads then differs
	// from what the stamp records, and the next build renders again.
	// An input that cannot be read leaves the digest empty: Load says
	// what is wrong, or this build and the next render everything.
	// With no earlier build to compare with, the digest is only written
	// into the new stamp, and is made while the site loads.
	var digest string
	digested := make(chan struct{})
	if earlier(out) {
		digest, _ = inputs(fsys)
		close(digested)
		if digest != "" {
			if m := upToDate(out, digest); m != nil {
				return Result{Earlier: true, UpToDate: true, Kept: len(m.files)}, m.warnings, swap.Clean(out)
			}
		}
	} else {
		go func() {
			digest, _ = inputs(fsys)
			close(digested)
		}()
	}
	s, errs := Load(fsys)
	<-digested
	if s == nil {
		return Result{}, errs, ErrContent
	}
	t, err := swap.New(out)
	if err != nil {
		return Result{}, errs, err
	}
	defer t.Close() // removes the new output unless swapped in
	t.Step = testHook
	// Only an earlier build has files to keep: into a new or empty
	// folder, looking for each file there would be a wasted call.
	old := ""
	if earlier(out) {
		old = out
	}
	w := newWriter(t.Dir, old)
	if err := Render(fsys, s, w.write); err != nil {
		return Result{}, errs, err
	}
	r := Result{Earlier: earlier(out), Written: int(w.written.Load()), Kept: int(w.kept.Load())}
	step("stamp")
	m := manifest{inputs: digest, warnings: errs, files: w.sums}
	if err := writeNew(filepath.Join(t.Dir, Stamp), m.stamp()); err != nil {
		return r, errs, err
	}
	// Again: the folder may have changed while the site was rendered.
	if err := checkOut(dir, out); err != nil {
		return r, errs, err
	}
	if testRenames {
		return r, errs, t.SwapByRenames()
	}
	return r, errs, t.Swap()
}

// testHook, when a test sets it, is called at each step of writing and
// swapping the output, and testRenames makes the swap use two renames;
// the kill test stops a build at every step with them.
var (
	testHook    func(step string)
	testRenames bool
)

func step(name string) {
	if testHook != nil {
		testHook(name)
	}
}

// refusal is an error of checkOut.
type refusal string

func (r refusal) Error() string { return string(r) }
func (r refusal) Unwrap() error { return ErrUnsafeOut }

func refuse(format string, args ...any) error { return refusal(fmt.Sprintf(format, args...)) }

// checkOut refuses an output folder that replacing would lose work in:
// the site itself, a folder holding it or inside what it reads, a file,
// a symbolic link, another site or repository, and any folder that holds
// something and is not an earlier build.
func checkOut(dir, out string) error {
	absDir, err := resolve(dir)
	if err != nil {
		return err
	}
	absOut, err := resolve(out)
	if err != nil {
		return err
	}
	if absOut == absDir || strings.HasPrefix(absDir+string(filepath.Separator), absOut+string(filepath.Separator)) {
		return refuse("refusing to build into %s: it holds the site itself; choose another -out", out)
	}
	for _, sub := range []string{"content", "layouts", "static"} {
		in := filepath.Join(absDir, sub) + string(filepath.Separator)
		if strings.HasPrefix(absOut+string(filepath.Separator), in) {
			return refuse("refusing to build into %s: it is inside the site's %s/ folder, which the build reads; choose another -out", out, sub)
		}
	}
	return replaceable(out)
}

// resolve returns p as an absolute path with its symbolic links followed
// as far as it exists, so that a link cannot hide that an output is in
// the site.
func resolve(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest), nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// replaceable refuses an existing out that is not a folder, holds
// another site or repository, or holds anything and is not stamped.
func replaceable(out string) error {
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.Mode()&fs.ModeSymlink != 0:
		return refuse("refusing to build into %s: it is a symbolic link; pass the folder it leads to, or another -out", out)
	case !st.IsDir():
		return refuse("refusing to build into %s: it is a file, not a folder; choose another -out", out)
	}
	for _, name := range []string{"site.toml", "content", ".git", "go.mod"} {
		if _, err := os.Lstat(filepath.Join(out, name)); err == nil {
			return refuse("refusing to replace %s: it holds %s, so it is not an earlier build; choose another -out", out, name)
		}
	}
	if st, err := os.Lstat(filepath.Join(out, Stamp)); err == nil && st.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(out)
	if err != nil {
		return err
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if len(names) == 0 && err != nil && err != io.EOF {
		return err
	}
	if len(names) > 0 {
		return refuse("refusing to replace %s: it is not empty and not an earlier build of this generator (it has no %s file); "+
			"choose a new or empty folder with -out, or empty this one yourself", out, Stamp)
	}
	return nil
}
