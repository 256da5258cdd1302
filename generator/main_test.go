package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// site writes the shared test site of generator/build, plus extra files.
func site(t *testing.T, extra map[string]string) string {
	t.Helper()
	ar, err := txtar.ParseFile("build/testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	for name, data := range extra {
		files[name] = data
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExitStatus(t *testing.T) {
	good := site(t, nil)
	bad := site(t, map[string]string{
		"content/events/2025-12-25-bad.md": "+++\ntitle = \"Bad\"\ndate = \"2025-12-25\"\nstatus = \"rumoured\"\nsources = [\"src-a\"]\n+++\n",
	})
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, 2, "usage:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"build", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"check", "-site", good, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"check", "-site", good, "-format", "xml"}, 2, `unknown -format "xml"`},
		{[]string{"check", "-site", good}, 0, ""},
		{[]string{"check", "-site", bad}, 1, "content/events/2025-12-25-bad.md:4:10: status 'rumoured' is not one of confirmed, reported, alleged, disputed"},
		{[]string{"build", "-site", bad, "-out", filepath.Join(t.TempDir(), "out")}, 1, "1 error;"},
		{[]string{"build", "-site", good, "-out", filepath.Join(t.TempDir(), "out")}, 0, ""},
		{[]string{"build", "-site", good, "-out", filepath.Join(good, "site.toml")}, 2, "it is a file, not a folder"},
		{[]string{"build", "-site", good, "-out", filepath.Join(good, "content")}, 2, "inside the site's content/ folder"},
		{[]string{"build", "-site", good, "-out", filepath.Dir(filepath.Join(good, "content/events/x"))}, 2, "inside the site's content/ folder"},
		{[]string{"build", "-site", bad, "-out", filepath.Join(bad, "content")}, 2, "refusing"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code {
			t.Errorf("run %q = %d, want %d\nstderr: %s", tt.args, code, tt.code, stderr.String())
		}
		if !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("run %q stderr = %q, want it to contain %q", tt.args, stderr.String(), tt.stderr)
		}
	}
}

// check -format github annotates each problem, and with
// GITHUB_STEP_SUMMARY set also lists every one, linked to its line, in the
// job summary, and says in the log how many GitHub will not annotate.
func TestCheckGitHubFormat(t *testing.T) {
	one := site(t, map[string]string{
		"content/people/ada.md": "+++\nname = \"Ada\"\naffiliations = [\"navvy\"]\n+++\n",
	})
	manyFiles := map[string]string{}
	for i := range 12 {
		manyFiles[fmt.Sprintf("content/people/p%02d.md", i)] = "+++\nname = \"P|<b>\"\nborn = \"soon\"\n+++\n"
	}
	many := site(t, manyFiles)
	const annotation = "::error file=content/people/ada.md,line=3,col=17::unknown organization 'navvy'; did you mean 'navy'? Organizations are in content/organizations/\n"
	tests := []struct {
		name    string
		site    string
		env     map[string]string // the runner's variables
		stdout  []string          // lines the log contains
		summary []string          // lines the job summary contains; nil: none written
	}{
		{"annotations only", one, nil, []string{annotation}, nil},
		{"summary", one, map[string]string{
			"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc123",
		}, []string{annotation}, []string{
			"### `check`: 1 error\n",
			"| content/people/ada.md | 3 | unknown organization 'navvy'; did you mean 'navy'? Organizations are in content/organizations/ | [line 3](https://github.com/o/r/blob/abc123/content/people/ada.md#L3) |\n",
		}},
		{"past GitHub's limit", many, map[string]string{}, []string{
			"::error file=content/people/p11.md,line=3,col=8::",
			"\nGitHub annotates at most 10 errors and 10 warnings of a step: 2 errors of the 12 errors above are not annotated on the pull request; the job summary lists every problem\n",
		}, []string{
			"### `check`: 12 errors\n",
			"| content/people/p00.md | 3 |",
			"| content/people/p11.md | 3 |",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, v := range []string{"GITHUB_STEP_SUMMARY", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"} {
				t.Setenv(v, tt.env[v])
			}
			summary := filepath.Join(t.TempDir(), "summary.md")
			if tt.summary != nil {
				// The runner's file holds earlier steps' summaries: check appends.
				os.WriteFile(summary, []byte("earlier\n"), 0o644)
				t.Setenv("GITHUB_STEP_SUMMARY", summary)
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"check", "-site", tt.site, "-format", "github"}, &stdout, &stderr); code != 1 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("log lacks %q:\n%s", want, stdout.String())
				}
			}
			if tt.summary == nil {
				if strings.Contains(stdout.String(), "job summary") {
					t.Errorf("log mentions cut annotations under the limit:\n%s", stdout.String())
				}
				return
			}
			b, err := os.ReadFile(summary)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), "earlier\n") {
				t.Errorf("the summary file was overwritten, not appended to:\n%s", b)
			}
			for _, want := range tt.summary {
				if !strings.Contains(string(b), want) {
					t.Errorf("summary lacks %q:\n%s", want, b)
				}
			}
		})
	}
}

// An archive verifies, a changed byte is caught and named, and the same
// site archived twice gives the same bytes.
func TestArchive(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	dir := site(t, nil)
	// The bag's name is the archives' top folder, so both are called "bag".
	bag1, bag2 := filepath.Join(t.TempDir(), "bag"), filepath.Join(t.TempDir(), "bag")
	for _, bag := range []string{bag1, bag2} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"archive", "-site", dir, "-out", bag, "-zip", "-tgz"}, &stdout, &stderr); code != 0 {
			t.Fatalf("archive: exit %d: %s", code, stderr.String())
		}
	}
	for _, ext := range []string{".zip", ".tar.gz"} {
		a, _ := os.ReadFile(bag1 + ext)
		b, _ := os.ReadFile(bag2 + ext)
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s archives differ or are empty (%d, %d bytes)", ext, len(a), len(b))
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"archive", "-verify", bag1}, &stdout, &stderr); code != 0 {
		t.Fatalf("verify of a fresh bag: exit %d: %s", code, stderr.String())
	}
	page := filepath.Join(bag1, "data", "people", "grace-hopper.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	os.WriteFile(page, b, 0o644)
	stderr.Reset()
	if code := run([]string{"archive", "-verify", bag1}, &stdout, &stderr); code != 1 {
		t.Fatalf("verify of a tampered bag: exit %d", code)
	}
	if !strings.Contains(stderr.String(), "data/people/grace-hopper.html: sha256 checksum differs") {
		t.Errorf("verify did not name the changed file:\n%s", stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"archive", "-site", dir, "-out", bag1}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "already exists") {
		t.Errorf("archive over an existing bag: exit %d, %s", code, stderr.String())
	}
}

// archive -out makes missing parents, the build's stamp stays out of the
// bag, -verify reads a zip in place and says to unpack a tar, and -force
// replaces a bag but never a folder that is not one. (A failure under
// -force: TestArchiveForceFullDisk, and archive.TestReplace.)
func TestArchiveSafety(t *testing.T) {
	dir := site(t, nil)
	bag := filepath.Join(t.TempDir(), "new", "dir", "bag")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"archive", "-site", dir, "-out", bag, "-zip", "-tgz"}, &stdout, &stderr); code != 0 {
		t.Fatalf("archive into missing folders: exit %d: %s", code, stderr.String())
	}
	if _, err := os.Lstat(filepath.Join(bag, "data", ".dossier-build")); err == nil {
		t.Error("the build's stamp is in the bag")
	}
	for _, tc := range []struct {
		target string
		code   int
		out    string
	}{
		{bag + ".zip", 0, "is valid"},
		{bag + ".tar.gz", 1, "unpack it first"},
	} {
		stdout.Reset()
		stderr.Reset()
		code := run([]string{"archive", "-verify", tc.target}, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stdout.String()+stderr.String(), tc.out) {
			t.Errorf("verify %s: exit %d, %s%s; want %d saying %q", filepath.Base(tc.target), code, stdout.String(), stderr.String(), tc.code, tc.out)
		}
	}

	stderr.Reset()
	if code := run([]string{"archive", "-site", dir, "-out", bag, "-force"}, &stdout, &stderr); code != 0 {
		t.Fatalf("archive -force over a bag: exit %d: %s", code, stderr.String())
	}
	if code := run([]string{"archive", "-verify", bag}, &stdout, &stderr); code != 0 {
		t.Errorf("the replaced bag does not verify: %s", stderr.String())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(bag), ".bag.tmp-*")); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}

	notBag := t.TempDir()
	os.WriteFile(filepath.Join(notBag, "thesis.pdf"), []byte("%PDF"), 0o644)
	stderr.Reset()
	if code := run([]string{"archive", "-site", dir, "-out", notBag, "-force"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "is not a bag") {
		t.Errorf("archive -force over a folder that is not a bag: exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(notBag, "thesis.pdf")); err != nil {
		t.Error("archive -force touched a folder that is not a bag")
	}
}

// A first build prints nothing but its warnings; a rebuild says what it
// changed, and that nothing did when nothing did.
func TestBuildAgain(t *testing.T) {
	dir := site(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	event := filepath.Join(dir, "content/events/2025-12-24-shooting.md")
	// n is the number of files a build of the site writes, its stamp
	// aside, once it has built.
	n := 0
	for _, step := range []struct {
		change func()
		stdout func() string
	}{
		{func() {}, func() string { return "" }},
		{func() {}, func() string { return out + " is up to date: nothing changed\n" }},
		{func() { os.WriteFile(event+".tmp", nil, 0o644) }, func() string { return fmt.Sprintf("%s: 0 files written, %d unchanged\n", out, n) }},
		{func() { os.Remove(event + ".tmp"); os.Remove(filepath.Join(out, "index.html")) }, func() string { return fmt.Sprintf("%s: 1 file written, %d unchanged\n", out, n-1) }},
	} {
		step.change()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-site", dir, "-out", out}, &stdout, &stderr); code != 0 {
			t.Fatalf("build = %d: %s", code, stderr.String())
		}
		if n == 0 {
			n = countFiles(t, out) - 1
		}
		if want := step.stdout(); stdout.String() != want {
			t.Errorf("stdout = %q, want %q", stdout.String(), want)
		}
		if !strings.Contains(stderr.String(), "warning: nothing cites this source") {
			t.Errorf("stderr = %q, want the warnings", stderr.String())
		}
	}
}

// countFiles counts the files under dir.
func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
