package build

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/linkcheck"
	"dossier/internal/testsite"
)

// TestBuild builds each testdata/build/*.txtar site (over the base site)
// and checks the "expect" section, one assertion a line:
//
//	FILE contains TEXT
//	FILE !contains TEXT
//	FILE order TEXT | TEXT | ...   (each found after the one before)
//	FILE count N TEXT              (found exactly N times)
//	FILE exists / FILE !exists
func TestBuild(t *testing.T) {
	files, _ := filepath.Glob("testdata/build/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			fsys, want, _ := readArchive(t, file, "expect")
			fsys = withBase(t, fsys)
			dir := t.TempDir()
			writeDir(t, fsys, dir)
			out := filepath.Join(dir, "public")
			problems, err := Build(dir, out)
			if err != nil {
				t.Fatalf("build: %v\n%v", err, problems)
			}
			for n, line := range strings.Split(want["expect"], "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if msg := expect(out, line); msg != "" {
					t.Errorf("%s:%d: %s\n\t%s", file, n+1, line, msg)
				}
			}
		})
	}
}

// expect checks one assertion, returning what is wrong or "".
func expect(out, line string) string {
	name, rest, _ := strings.Cut(line, " ")
	verb, arg, _ := strings.Cut(rest, " ")
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	switch verb {
	case "exists":
		if err != nil {
			return "missing"
		}
		return ""
	case "!exists":
		if err == nil {
			return "exists"
		}
		return ""
	}
	if err != nil {
		return err.Error()
	}
	body := string(data)
	switch verb {
	case "contains":
		if !strings.Contains(body, arg) {
			return "not found in:\n" + excerpt(body)
		}
	case "!contains":
		if i := strings.Index(body, arg); i >= 0 {
			return "found: ..." + body[max(0, i-80):min(len(body), i+len(arg)+80)] + "..."
		}
	case "order":
		at := 0
		for _, part := range strings.Split(arg, " | ") {
			i := strings.Index(body[at:], part)
			if i < 0 {
				return fmt.Sprintf("%q not found after offset %d", part, at)
			}
			at += i + len(part)
		}
	case "count":
		n, text, _ := strings.Cut(arg, " ")
		if got := strings.Count(body, text); fmt.Sprint(got) != n {
			return fmt.Sprintf("found %d times, want %s", got, n)
		}
	default:
		return "unknown verb " + verb
	}
	return ""
}

func excerpt(s string) string {
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 3000 {
		s = s[:3000] + "..."
	}
	return s
}

// tree returns a digest of every file under dir, by path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		sums[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

func sameTree(t *testing.T, a, b map[string]string) {
	t.Helper()
	for p, sum := range a {
		if b[p] != sum {
			t.Errorf("%s differs", p)
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Errorf("%s only in the second tree", p)
		}
	}
}

func baseSite(t *testing.T) string {
	t.Helper()
	fsys, _, _ := readArchive(t, "testdata/base.txtar")
	dir := t.TempDir()
	writeDir(t, fsys, dir)
	return dir
}

// A build that fails must leave the previous output exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir := baseSite(t)
	out := filepath.Join(dir, "public")
	if problems, err := Build(dir, out); err != nil {
		t.Fatalf("first build: %v %v", err, problems)
	}
	before := tree(t, out)
	bad := filepath.Join(dir, "content/events/2025-12-25-bad.md")
	os.WriteFile(bad, []byte("+++\ntitle = \"Bad\"\ndate = \"2025-12-25\"\nstatus = \"reported\"\nsources = [\"nope\"]\n+++\n"), 0o644)
	problems, err := Build(dir, out)
	if err != ErrContent {
		t.Fatalf("second build: err = %v, want ErrContent", err)
	}
	if !strings.Contains(fmt.Sprint(problems), "content/events/2025-12-25-bad.md:5:12: unknown source 'nope'") {
		t.Errorf("problems = %v", problems)
	}
	sameTree(t, before, tree(t, out))
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

// testSite writes the test dossier of internal/testsite to a folder.
func testSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := testsite.Write(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The same input gives byte-identical output.
func TestDeterministic(t *testing.T) {
	dir := testSite(t)
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if problems, err := Build(dir, filepath.Join(out, "public")); err != nil {
			t.Fatalf("build: %v %v", err, problems)
		}
	}
	ta, tb := tree(t, filepath.Join(a, "public")), tree(t, filepath.Join(b, "public"))
	if len(ta) < 20 {
		t.Fatalf("only %d files built", len(ta))
	}
	sameTree(t, ta, tb)
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "site.toml")); err != nil {
		t.Skip("no site.toml at the repository root")
	}
	return root
}

// A crawl of the test dossier from index.html reaches every page, and
// every link and fragment resolves, as a reader from file:// needs.
func TestCrawlSite(t *testing.T) {
	dir := testSite(t)
	out := filepath.Join(t.TempDir(), "public")
	if problems, err := Build(dir, out); err != nil {
		t.Fatalf("build: %v %v", err, problems)
	}
	r, err := linkcheck.Crawl(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Error(p)
	}
	reached := map[string]bool{}
	for _, p := range r.Pages {
		reached[p] = true
	}
	var all []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			all = append(all, filepath.ToSlash(rel))
		}
		return err
	})
	for _, p := range all {
		if !reached[p] {
			t.Errorf("%s is not reachable from index.html", p)
		}
	}
	if len(all) < 30 {
		t.Errorf("only %d pages", len(all))
	}
	t.Logf("%d pages, %d other files reached", len(r.Pages), len(r.Files))
}

// The output folder is replaced whole, so it must never be the site or
// another project.
func TestRefuseUnsafeOut(t *testing.T) {
	dir := baseSite(t)
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "go.mod"), []byte("module x\n"), 0o644)
	for _, out := range []string{dir, filepath.Dir(dir), other} {
		if _, err := Build(dir, out); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("Build into %s: err = %v, want a refusal", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err != nil {
		t.Fatal("the site was damaged")
	}
}

// The header is rendered once per depth and shared, except on pages it
// marks as current; that must hold for whatever a site's own base.html
// asks Current about, not only for the default menu.
func TestSharedHeaderHonoursCurrent(t *testing.T) {
	dir := baseSite(t)
	base, err := fs.ReadFile(dossier.Theme, "layouts/base.html")
	if err != nil {
		t.Fatal(err)
	}
	marked := strings.Replace(string(base), `<header class="site-header">`,
		`<header class="site-header">{{if $.Current "years/2025.html"}}<b id="this-year"></b>{{end}}`, 1)
	if marked == string(base) {
		t.Fatal("base.html has no site header to mark")
	}
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.WriteFile(filepath.Join(dir, "layouts", "base.html"), []byte(marked), 0o644)
	out := filepath.Join(dir, "public")
	if problems, err := Build(dir, out); err != nil {
		t.Fatalf("build: %v %v", err, problems)
	}
	for page, want := range map[string]string{
		"years/2025.html":                 "contains",
		"events/2025-12-24-shooting.html": "!contains",
		"people/grace-hopper.html":        "!contains",
	} {
		if msg := expect(out, page+" "+want+` <b id="this-year">`); msg != "" {
			t.Errorf("%s %s the mark: %s", page, want, msg)
		}
	}
}
