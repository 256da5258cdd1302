package archive

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// testSite is a small built site: nested folders, a name with a space and
// a non-ASCII letter, an empty file, and names with "%" and a newline, which
// a manifest must percent-encode. 159 octets in 8 files.
var testSite = map[string]string{
	"index.html":                             "<!doctype html>\n<title>Dossier</title>\n",
	"events/2025-12-24-tehran-shooting.html": "<h1>Shooting in Tehran</h1>\n",
	"people/ikramuddin-sari.html":            "<h1>Ikramuddin Sari</h1>\n",
	"sources/rapport annuel é.html":          "<h1>Rapport annuel</h1>\n",
	"static/css/site.css":                    "body { margin: 0 }\n",
	"static/empty.txt":                       "",
	"100%.txt":                               "percent\n",
	"line\nbreak.txt":                        "newline in name\n",
}

var testInfo = Info{
	Title:              "Dossier",
	Description:        "A documented timeline\nof events.",
	SourceOrganization: "Dossier Project",
	Date:               time.Date(2026, 1, 1, 1, 0, 0, 0, time.FixedZone("IRST", 3*3600+1800)),
}

// writeTree writes files (slash path -> content) under a new temporary
// directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readTree returns every regular file under dir by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// writeBag writes testSite as a bag and returns the bag's directory.
func writeBag(t *testing.T) string {
	t.Helper()
	bag := filepath.Join(t.TempDir(), "bag")
	if err := Write(writeTree(t, testSite), bag, testInfo); err != nil {
		t.Fatal(err)
	}
	return bag
}

func TestWrite(t *testing.T) {
	bag := writeBag(t)
	files := readTree(t, bag)

	if got, want := files["bagit.txt"], "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"; got != want {
		t.Errorf("bagit.txt = %q, want %q", got, want)
	}
	wantInfo := "Source-Organization: Dossier Project\n" +
		"Title: Dossier\n" +
		"External-Description: A documented timeline of events.\n" +
		"Bagging-Date: 2025-12-31\n" +
		"Bag-Software-Agent: dossier generator\n" +
		"Payload-Oxum: 159.8\n" +
		"Bag-Size: 159 B\n"
	if got := files["bag-info.txt"]; got != wantInfo {
		t.Errorf("bag-info.txt =\n%s\nwant\n%s", got, wantInfo)
	}

	for name, content := range testSite {
		if got, ok := files["data/"+name]; !ok || got != content {
			t.Errorf("data/%s = %q (present: %v), want %q", name, got, ok, content)
		}
	}
	var tagFiles []string
	for name := range files {
		if !strings.HasPrefix(name, "data/") {
			tagFiles = append(tagFiles, name)
		}
	}
	slices.Sort(tagFiles)
	wantTagFiles := []string{"bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"}
	if !slices.Equal(tagFiles, wantTagFiles) {
		t.Errorf("tag files = %q, want %q", tagFiles, wantTagFiles)
	}

	// Manifests: one line per file, sorted by path, CR, LF and % encoded.
	wantPayload := []string{
		"data/100%25.txt",
		"data/events/2025-12-24-tehran-shooting.html",
		"data/index.html",
		"data/line%0Abreak.txt",
		"data/people/ikramuddin-sari.html",
		"data/sources/rapport annuel é.html",
		"data/static/css/site.css",
		"data/static/empty.txt",
	}
	wantTagged := []string{"bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"}
	for _, tc := range []struct {
		file      string
		sumLength int
		paths     []string
	}{
		{"manifest-sha256.txt", 64, wantPayload},
		{"manifest-sha512.txt", 128, wantPayload},
		{"tagmanifest-sha256.txt", 64, wantTagged},
		{"tagmanifest-sha512.txt", 128, wantTagged},
	} {
		text := files[tc.file]
		if !strings.HasSuffix(text, "\n") || strings.Contains(text, "\r") {
			t.Errorf("%s: want LF-terminated lines, got %q", tc.file, text)
		}
		var paths []string
		for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
			sum, p, _ := strings.Cut(line, " ")
			if len(sum) != tc.sumLength || strings.Trim(sum, "0123456789abcdef") != "" {
				t.Errorf("%s: bad checksum in %q", tc.file, line)
			}
			paths = append(paths, p)
		}
		if !slices.Equal(paths, tc.paths) {
			t.Errorf("%s lists %q, want %q", tc.file, paths, tc.paths)
		}
	}
	emptySHA256 := "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 data/static/empty.txt\n"
	if !strings.Contains(files["manifest-sha256.txt"], emptySHA256) {
		t.Errorf("manifest-sha256.txt lacks %q", emptySHA256)
	}

	if errs := validateBag(bag); len(errs) > 0 {
		t.Errorf("independent validator:\n%s", strings.Join(errs, "\n"))
	}
	r, err := Verify(bag)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Errorf("Verify: %v", r.Problems)
	}
}

func TestWriteEmptySite(t *testing.T) {
	bag := filepath.Join(t.TempDir(), "bag")
	if err := Write(t.TempDir(), bag, Info{Title: "Empty", Date: testInfo.Date}); err != nil {
		t.Fatal(err)
	}
	info, err := os.ReadFile(filepath.Join(bag, "bag-info.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "Payload-Oxum: 0.0\n") {
		t.Errorf("bag-info.txt = %q, want Payload-Oxum: 0.0", info)
	}
	if fi, err := os.Stat(filepath.Join(bag, "data")); err != nil || !fi.IsDir() {
		t.Errorf("data/ missing: %v", err)
	}
	if errs := validateBag(bag); len(errs) > 0 {
		t.Errorf("independent validator:\n%s", strings.Join(errs, "\n"))
	}
	if r, err := Verify(bag); err != nil || !r.OK() {
		t.Errorf("Verify = %v, %v", r, err)
	}
}

func TestBagInfo(t *testing.T) {
	day := time.Date(2024, 2, 29, 12, 0, 0, 0, time.UTC)
	long := strings.Repeat("word ", 30)
	tests := []struct {
		name string
		info Info
		want string
	}{
		{"only a date", Info{Date: day},
			"Bagging-Date: 2024-02-29\nBag-Software-Agent: dossier generator\nPayload-Oxum: 2048.3\nBag-Size: 2.0 kB\n"},
		{"white space collapses", Info{Title: "  A\ttitle\r\n with  gaps ", Date: day},
			"Title: A title with gaps\nBagging-Date: 2024-02-29\nBag-Software-Agent: dossier generator\nPayload-Oxum: 2048.3\nBag-Size: 2.0 kB\n"},
		{"long values fold at 79", Info{Description: long, Date: day},
			"External-Description: word word word word word word word word word word word\n" +
				"  word word word word word word word word word word word word word word word\n" +
				"  word word word word\n" +
				"Bagging-Date: 2024-02-29\nBag-Software-Agent: dossier generator\nPayload-Oxum: 2048.3\nBag-Size: 2.0 kB\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(tc.info.bagInfo(2048, 3)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1000: "1.0 kB", 1_499_999: "1.5 MB", 999_999: "1.0 MB", 260e9: "260.0 GB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestBaggingDate(t *testing.T) {
	now := time.Date(2026, 3, 4, 5, 6, 7, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		env  string // "unset" leaves SOURCE_DATE_EPOCH unset
		want time.Time
	}{
		{"unset", now.UTC()},
		{"1700000000", time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		{"0", time.Unix(0, 0).UTC()},
		{"", now.UTC()},
		{"yesterday", now.UTC()},
		{"1.5", now.UTC()},
		{"-1", now.UTC()},
	}
	for _, tc := range tests {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv("SOURCE_DATE_EPOCH", tc.env)
			if tc.env == "unset" {
				os.Unsetenv("SOURCE_DATE_EPOCH")
			}
			got := BaggingDate(now)
			if !got.Equal(tc.want) || got.Location() != time.UTC {
				t.Errorf("BaggingDate = %v, want %v in UTC", got, tc.want)
			}
		})
	}
}

func TestWriteRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, site, bag string) (string, string) // returns srcDir, bagDir
		want  string                                                // in the error
	}{
		{"existing bag", func(t *testing.T, site, bag string) (string, string) {
			os.Mkdir(bag, 0o755)
			return site, bag
		}, "file already exists"},
		{"bag inside the site", func(t *testing.T, site, bag string) (string, string) {
			return site, filepath.Join(site, "bag")
		}, "must not be inside"},
		{"missing site", func(t *testing.T, site, bag string) (string, string) {
			return filepath.Join(site, "nope"), bag
		}, "no such file"},
		{"symbolic link in the site", func(t *testing.T, site, bag string) (string, string) {
			if err := os.Symlink("index.html", filepath.Join(site, "link.html")); err != nil {
				t.Skip(err)
			}
			return site, bag
		}, "not a regular file"},
		{"failure halfway through the copy", func(t *testing.T, site, bag string) (string, string) {
			// A path that fits in the site but is too long for the
			// operating system once it sits deep inside the bag.
			seg := strings.Repeat("x", 200)
			deep := strings.Repeat(seg+"/", 10)
			os.MkdirAll(filepath.Join(filepath.Dir(bag), deep), 0o755)
			os.MkdirAll(filepath.Join(site, "zz", deep), 0o755)
			os.WriteFile(filepath.Join(site, "zz", deep, "last.html"), nil, 0o644)
			return site, filepath.Join(filepath.Dir(bag), deep, "bag")
		}, "file name too long"},
		{"unreadable file", func(t *testing.T, site, bag string) (string, string) {
			if os.Getuid() == 0 {
				t.Skip("root reads everything")
			}
			os.Chmod(filepath.Join(site, "static/css/site.css"), 0)
			return site, bag
		}, "permission denied"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			src, bag := tc.setup(t, writeTree(t, testSite), filepath.Join(parent, "bag"))
			before := readTree(t, parent)
			err := Write(src, bag, testInfo)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Write = %v, want error containing %q", err, tc.want)
			}
			if after := readTree(t, parent); len(after) != len(before) {
				t.Errorf("failed Write left files behind: %q", after)
			}
			entries, _ := os.ReadDir(filepath.Dir(bag))
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("failed Write left %s behind", e.Name())
				}
			}
		})
	}

	t.Run("trailing slash", func(t *testing.T) {
		bag := filepath.Join(t.TempDir(), "bag")
		if err := Write(writeTree(t, testSite), bag+string(filepath.Separator), testInfo); err != nil {
			t.Fatal(err)
		}
		if r, err := Verify(bag); err != nil || !r.OK() {
			t.Errorf("Verify = %v, %v", r, err)
		}
	})

	t.Run("existing bag wraps fs.ErrExist", func(t *testing.T) {
		if err := Write(writeTree(t, testSite), t.TempDir(), testInfo); !errors.Is(err, fs.ErrExist) {
			t.Errorf("Write = %v, want fs.ErrExist", err)
		}
	})
}
