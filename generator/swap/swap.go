// Package swap replaces a folder that a command writes, such as public/ or
// a bag, with a new version of it, so that a run that fails or is killed
// at any moment leaves the complete old folder or the complete new one,
// never a mix.
//
// # The temporary folder
//
// A new version is written into a temporary folder beside the output,
// named ".NAME.tmp-RANDOM" (".public.tmp-123456"), so that it is on the
// same file system and a rename can move it:
//
//	.public.tmp-123456/
//	  .dossier-tmp   the marker, made first: what the folder is and the pid
//	  new/           the new version, swapped in once complete
//	  old/           only in the two-rename swap, briefly (see below)
//
// The marker stays locked (flock) while the run is alive; the operating
// system drops the lock when the process ends, however it ends. Before a
// run makes its own temporary folder, Clean removes the ".NAME.tmp-*"
// folders of earlier runs that were killed: only folders that hold the
// marker (so they are ours) whose lock it can take (so no run uses them).
// A folder without the marker is never touched, not even the empty one
// that a run killed between making its folder and its marker leaves.
// Where flock is missing (Windows), nothing is ever removed that way.
//
// # The swap
//
// On Linux, renameat2 with RENAME_EXCHANGE exchanges new/ and the output
// in one step, and on macOS renamex_np with RENAME_SWAP; the old version,
// now in new/, is then removed with the temporary folder. When there is no
// output yet, a rename moves new/ in. Elsewhere, or on a file system that
// cannot exchange, two renames: the output to old/, then new/ to the
// output. A run killed between the two leaves no output for a moment but a
// complete old/, which the next run's Clean renames back first.
package swap

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// errNoExchange means the system cannot exchange two folders in one step;
// errNoLock that it has no file locks.
var (
	errNoExchange = errors.New("cannot exchange folders here")
	errNoLock     = errors.New("no file locks here")
)

// Marker is the name of the file that marks a temporary folder as ours.
const Marker = ".dossier-tmp"

// A Temp is a temporary folder beside an output, in which a new version of
// the output is written.
type Temp struct {
	Path string // the temporary folder
	Dir  string // Path/new: write the new version here

	// Step, when set, is called at each step of Swap with its name; tests
	// use it to stop a run there.
	Step func(step string)

	out    string
	lock   *os.File
	closed bool
}

// New cleans up after killed runs for the output out (see Clean), makes
// out's parent folders, and returns a new temporary folder for it.
func New(out string) (*Temp, error) {
	out = filepath.Clean(out)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	if err := Clean(out); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), prefix(out))
	if err != nil {
		return nil, err
	}
	t := &Temp{Path: tmp, Dir: filepath.Join(tmp, "new"), out: out}
	t.lock, err = mark(tmp)
	if err == nil {
		err = os.Mkdir(t.Dir, 0o755)
	}
	if err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// prefix is the start of the names of out's temporary folders.
func prefix(out string) string { return "." + filepath.Base(out) + ".tmp-" }

// mark writes the marker into the new folder tmp and locks it. The marker
// is made with O_EXCL, so it is never a file that was there before.
func mark(tmp string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(tmp, Marker), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	ok, err := tryLock(f)
	switch {
	case errors.Is(err, errNoLock):
		err = nil // unlocked, so Clean leaves the folder alone
	case err == nil && !ok:
		err = fmt.Errorf("cannot lock %s", f.Name()) // a new file: never happens
	}
	if err == nil {
		_, err = fmt.Fprintf(f, "A temporary folder of the dossier generator, in use by process %d or left by it when killed.\n", os.Getpid())
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (t *Temp) step(name string) {
	if t.Step != nil {
		t.Step(name)
	}
}

// Swap puts the new version in place of the output, in one step where the
// system allows, then removes the old version. The Temp is closed after.
func (t *Temp) Swap() error { return t.swap(true) }

// SwapByRenames is Swap where the system cannot exchange two folders: the
// output is renamed to old/ in the temporary folder, then the new version
// to the output. Between the two there is no output; a kill there leaves
// old/ for the next Clean to rename back.
func (t *Temp) SwapByRenames() error { return t.swap(false) }

func (t *Temp) swap(tryExchange bool) error {
	defer t.Close()
	t.step("swap")
	_, err := os.Lstat(t.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(t.Dir, t.out) // a first build: nothing to keep
	case err != nil:
		return err
	}
	if tryExchange {
		err := exchange(t.Dir, t.out)
		if err == nil {
			t.step("exchanged")
			return nil // Close removes the old version, now in t.Dir
		}
		if !errors.Is(err, errNoExchange) {
			return err
		}
	}
	old := filepath.Join(t.Path, "old")
	if err := os.Rename(t.out, old); err != nil {
		return err
	}
	t.step("renamed-old")
	if err := os.Rename(t.Dir, t.out); err != nil {
		if rerr := os.Rename(old, t.out); rerr != nil {
			t.closed = true // keep the folder, for Clean to restore old/
			t.unlock()
			return fmt.Errorf("%v; the previous output is in %s", err, old)
		}
		return err
	}
	t.step("renamed-new")
	return nil
}

// Close removes the temporary folder, with whatever it holds still, and
// then drops the lock. It is a no-op once called.
func (t *Temp) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	t.step("close")
	err := os.RemoveAll(t.Path)
	t.unlock()
	return err
}

func (t *Temp) unlock() {
	if t.lock != nil {
		t.lock.Close()
		t.lock = nil
	}
}

// Clean removes the temporary folders of out that killed runs left: those
// that hold the marker and whose lock it can take. If out is missing and
// one of them holds old/ (a kill between the two renames of
// SwapByRenames), it renames old/ back to out first.
func Clean(out string) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	entries, err := os.ReadDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix(out)) {
			continue // e.IsDir is false for a symbolic link
		}
		errs = append(errs, cleanOne(filepath.Join(parent, e.Name()), out))
	}
	return errors.Join(errs...)
}

// cleanOne removes the temporary folder tmp if it is ours and not in use.
func cleanOne(tmp, out string) error {
	marker := filepath.Join(tmp, Marker)
	if st, err := os.Lstat(marker); err != nil || !st.Mode().IsRegular() {
		return nil // not ours, or not yet marked: leave it
	}
	f, err := os.Open(marker)
	if err != nil {
		return nil
	}
	defer f.Close()
	if ok, err := tryLock(f); !ok || err != nil {
		return nil // in use, or we cannot tell
	}
	old := filepath.Join(tmp, "old")
	if st, err := os.Lstat(old); err == nil && st.IsDir() {
		if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
			if err := os.Rename(old, out); err != nil {
				return fmt.Errorf("restoring %s from %s: %w", out, old, err)
			}
		}
	}
	return os.RemoveAll(tmp)
}
