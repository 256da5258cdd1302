//go:build unix

package build

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"dossier/generator/swap"
)

// The kill test runs builds in a child process (this test binary again)
// that kills itself with SIGKILL at one step of writing or swapping the
// output: no deferred cleanup runs, the lock is dropped by the system, as
// when a user or the machine kills a build.
const (
	killAt      = "DOSSIER_TEST_KILL_AT"
	killSite    = "DOSSIER_TEST_KILL_SITE"
	killOut     = "DOSSIER_TEST_KILL_OUT"
	killRenames = "DOSSIER_TEST_KILL_RENAMES"
)

// A build killed at any step leaves the complete old output or the
// complete new one; with the two-rename swap, once the next build's
// cleanup has run (it restores the old one killed between the renames).
// The next build then cleans up and succeeds.
func TestKill(t *testing.T) {
	if os.Getenv(killAt) != "" {
		killedBuild()
		return
	}
	if testing.Short() {
		t.Skip("dozens of builds in child processes")
	}
	dir := baseSite(t)
	refs := t.TempDir()
	oldOut, newOut := filepath.Join(refs, "old"), filepath.Join(refs, "new")
	if _, err := Build(dir, oldOut); err != nil {
		t.Fatal(err)
	}
	edit := filepath.Join(dir, "content/events/2025-12-24-shooting.md")
	b, _ := os.ReadFile(edit)
	os.WriteFile(edit, []byte(strings.Replace(string(b), "+++\n\n", "+++\n\nA line added.\n", 1)), 0o644)
	files(t, dir, map[string]string{"content/pages/added.md": "+++\ntitle = \"Added\"\n+++\nNew.\n"})
	if _, err := Build(dir, newOut); err != nil {
		t.Fatal(err)
	}
	oldTree, newTree := tree(t, oldOut), tree(t, newOut)
	if len(oldTree) == len(newTree) {
		t.Fatal("the old and new outputs must differ in files")
	}

	for _, mode := range []string{"exchange", "renames", "first"} {
		steps := countSteps(t, dir, oldOut, mode)
		for n, name := range steps {
			if fileStep(name) && n > 0 && fileStep(steps[n-1]) && n+1 < len(steps) && fileStep(steps[n+1]) && n%7 != 0 {
				continue // one file is like the next: every seventh, the first and the last
			}
			t.Run(fmt.Sprintf("%s/%d-%s", mode, n+1, name), func(t *testing.T) {
				parent := t.TempDir()
				out := filepath.Join(parent, "public")
				if mode != "first" {
					copyTree(t, oldOut, out)
				}
				runKilled(t, dir, out, n+1, mode == "renames")

				got, present := treeIfAny(t, out)
				if mode == "exchange" || mode == "first" || name != "renamed-old" {
					// No step but the one between two renames may lose the output.
					checkWhole(t, "after the kill", got, present, oldTree, newTree, mode == "first")
				}
				if err := swap.Clean(out); err != nil {
					t.Fatal(err)
				}
				got, present = treeIfAny(t, out)
				checkWhole(t, "after cleaning", got, present, oldTree, newTree, mode == "first")
				if left, _ := filepath.Glob(filepath.Join(parent, ".public.tmp-*")); len(left) > 0 {
					t.Errorf("left behind after cleaning: %q", left)
				}
				if _, err := Build(dir, out); err != nil {
					t.Fatalf("the next build: %v", err)
				}
				sameTree(t, newTree, tree(t, out))
			})
		}
	}
}

// countSteps builds the site as mode does, over a copy of old, with a
// hook that records each step.
func countSteps(t *testing.T, dir, old, mode string) []string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if mode != "first" {
		copyTree(t, old, out)
	}
	testRenames = mode == "renames"
	var mu sync.Mutex
	var steps []string
	testHook = func(s string) {
		mu.Lock()
		steps = append(steps, s)
		mu.Unlock()
	}
	defer func() { testHook, testRenames = nil, false }()
	if _, err := Build(dir, out); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"exchange": "stamp swap exchanged close", "renames": "stamp swap renamed-old renamed-new close", "first": "stamp swap close"}[mode]
	files := slices.IndexFunc(steps, func(s string) bool { return !fileStep(s) })
	if files < 10 || strings.Join(steps[files:], " ") != want {
		t.Fatalf("steps: %q", steps)
	}
	// Over the old output, most files are linked from it, some written.
	if links := slices.Index(steps, "link") >= 0; links != (mode != "first") || !slices.Contains(steps, "write") {
		t.Fatalf("steps: %q", steps)
	}
	return steps
}

// fileStep reports whether a step writes or links one output file.
func fileStep(s string) bool { return s == "write" || s == "link" }

// runKilled runs a build of dir into out in a child process that kills
// itself at step n.
func runKilled(t *testing.T, dir, out string, n int, renames bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill$", "-test.count=1")
	cmd.Env = append(os.Environ(), killAt+"="+strconv.Itoa(n), killSite+"="+dir, killOut+"="+out)
	if renames {
		cmd.Env = append(cmd.Env, killRenames+"=1")
	}
	outb, err := cmd.CombinedOutput()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the build was not killed at step %d: %v\n%s", n, err, outb)
	}
}

// killedBuild is the child process: it builds, killing itself at step n.
func killedBuild() {
	n, _ := strconv.Atoi(os.Getenv(killAt))
	var mu sync.Mutex
	count := 0
	testHook = func(string) {
		mu.Lock()
		count++
		if count == n {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way
		}
		mu.Unlock()
	}
	testRenames = os.Getenv(killRenames) != ""
	Build(os.Getenv(killSite), os.Getenv(killOut))
}

// checkWhole fails unless got is the whole old tree or the whole new one,
// or nothing at all when there was no output before.
func checkWhole(t *testing.T, when string, got map[string]string, present bool, old, new map[string]string, first bool) {
	t.Helper()
	switch {
	case !present && first:
	case !present:
		t.Errorf("%s: no output at all", when)
	case equal(got, old) && !first, equal(got, new):
	default:
		t.Errorf("%s: the output is neither the old nor the new one (%d files)", when, len(got))
	}
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func treeIfAny(t *testing.T, dir string) (map[string]string, bool) {
	t.Helper()
	if _, err := os.Lstat(dir); os.IsNotExist(err) {
		return nil, false
	}
	return tree(t, dir), true
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}
