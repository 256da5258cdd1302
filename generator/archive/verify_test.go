package archive

import (
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Tampering with a bag, one file at a time.

func flipByte(name string) func(*testing.T, string) {
	return func(t *testing.T, bag string) {
		p := filepath.Join(bag, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b[len(b)/2] ^= 1
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(name string) func(*testing.T, string) {
	return func(t *testing.T, bag string) {
		if err := os.Remove(filepath.Join(bag, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
}

func create(name, content string) func(*testing.T, string) {
	return func(t *testing.T, bag string) {
		p := filepath.Join(bag, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func edit(name, old, new string) func(*testing.T, string) {
	return func(t *testing.T, bag string) {
		p := filepath.Join(bag, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s does not contain %q", name, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func rename(old, new string) func(*testing.T, string) {
	return func(t *testing.T, bag string) {
		if err := os.Rename(filepath.Join(bag, filepath.FromSlash(old)), filepath.Join(bag, filepath.FromSlash(new))); err != nil {
			t.Fatal(err)
		}
	}
}

// resealTags rewrites the tag manifests to match the tag files, as a forger
// who knows the format would.
func resealTags(t *testing.T, bag string) {
	for _, alg := range []string{"sha256", "sha512"} {
		var b strings.Builder
		for _, name := range []string{"bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"} {
			data, err := os.ReadFile(filepath.Join(bag, name))
			if err != nil {
				t.Fatal(err)
			}
			if alg == "sha256" {
				fmt.Fprintf(&b, "%x %s\n", sha256.Sum256(data), name)
			} else {
				fmt.Fprintf(&b, "%x %s\n", sha512.Sum512(data), name)
			}
		}
		if err := os.WriteFile(filepath.Join(bag, "tagmanifest-"+alg+".txt"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(target, name string) func(*testing.T, string) {
	return func(t *testing.T, bag string) {
		if err := os.Symlink(target, filepath.Join(bag, filepath.FromSlash(name))); err != nil {
			t.Skip(err)
		}
	}
}

func then(steps ...func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, bag string) {
		for _, s := range steps {
			s(t, bag)
		}
	}
}

func TestVerifyFindsTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func(*testing.T, string)
		want   []string // "path kind algorithm", sorted as Verify sorts
	}{
		{"untouched", func(*testing.T, string) {}, nil},
		{"one byte changed in data/index.html", flipByte("data/index.html"),
			[]string{"data/index.html changed sha256", "data/index.html changed sha512"}},
		{"one byte changed in a file with an encoded name", flipByte("data/line\nbreak.txt"),
			[]string{"data/line\nbreak.txt changed sha256", "data/line\nbreak.txt changed sha512"}},
		{"payload file deleted", remove("data/static/css/site.css"),
			[]string{"bag-info.txt oxum", "data/static/css/site.css missing"}},
		{"empty payload file deleted", remove("data/static/empty.txt"),
			[]string{"bag-info.txt oxum", "data/static/empty.txt missing"}},
		{"payload file added", create("data/people/new.html", "<h1>New</h1>\n"),
			[]string{"bag-info.txt oxum", "data/people/new.html extra sha256", "data/people/new.html extra sha512"}},
		{"payload file renamed", rename("data/index.html", "data/home.html"),
			[]string{"data/home.html extra sha256", "data/home.html extra sha512", "data/index.html missing"}},
		{"bag-info.txt edited", edit("bag-info.txt", "Title: Dossier", "Title: Forged"),
			[]string{"bag-info.txt changed sha256", "bag-info.txt changed sha512"}},
		{"Payload-Oxum wrong", edit("bag-info.txt", "Payload-Oxum: 159.8", "Payload-Oxum: 160.8"),
			[]string{"bag-info.txt changed sha256", "bag-info.txt changed sha512", "bag-info.txt oxum"}},
		{"Payload-Oxum wrong, tag manifests resealed", then(edit("bag-info.txt", "Payload-Oxum: 159.8", "Payload-Oxum: 159.9"), resealTags),
			[]string{"bag-info.txt oxum"}},
		{"Payload-Oxum malformed, tag manifests resealed", then(edit("bag-info.txt", "Payload-Oxum: 159.8", "Payload-Oxum: 159"), resealTags),
			[]string{"bag-info.txt invalid"}},
		{"line dropped from manifest-sha512.txt", then(func(t *testing.T, bag string) {
			p := filepath.Join(bag, "manifest-sha512.txt")
			b, _ := os.ReadFile(p)
			var kept []string
			for _, l := range strings.SplitAfter(string(b), "\n") {
				if !strings.HasSuffix(l, " data/index.html\n") {
					kept = append(kept, l)
				}
			}
			os.WriteFile(p, []byte(strings.Join(kept, "")), 0o644)
		}, resealTags),
			[]string{"data/index.html extra sha512"}},
		{"file and its sha256 line changed together", func(t *testing.T, bag string) {
			b, _ := os.ReadFile(filepath.Join(bag, "data/index.html"))
			old := fmt.Sprintf("%x", sha256.Sum256(b))
			flipByte("data/index.html")(t, bag)
			b, _ = os.ReadFile(filepath.Join(bag, "data/index.html"))
			edit("manifest-sha256.txt", old, fmt.Sprintf("%x", sha256.Sum256(b)))(t, bag)
		},
			[]string{"data/index.html changed sha512", "manifest-sha256.txt changed sha256", "manifest-sha256.txt changed sha512"}},
		{"duplicate manifest line", func(t *testing.T, bag string) {
			b, _ := os.ReadFile(filepath.Join(bag, "manifest-sha256.txt"))
			first, _, _ := strings.Cut(string(b), "\n")
			edit("manifest-sha256.txt", "", first+"\n")(t, bag)
		},
			[]string{"manifest-sha256.txt changed sha256", "manifest-sha256.txt changed sha512", "manifest-sha256.txt invalid"}},
		{"bagit.txt deleted", remove("bagit.txt"),
			[]string{"bagit.txt missing", "bagit.txt missing"}},
		{"bagit.txt version changed, tag manifests resealed", then(edit("bagit.txt", "1.0", "0.9"), resealTags),
			[]string{"bagit.txt invalid"}},
		{"bagit.txt with a third line, tag manifests resealed", then(create("bagit.txt", bagitTxt+"Extra: line\n"), resealTags),
			[]string{"bagit.txt invalid"}},
		{"tag manifest names a missing file", create("tagmanifest-sha256.txt",
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 gone.txt\n"),
			[]string{"gone.txt missing"}},
		{"malformed manifest line", edit("manifest-sha256.txt", "", "not-a-checksum data/index.html\n"),
			[]string{"manifest-sha256.txt changed sha256", "manifest-sha256.txt changed sha512", "manifest-sha256.txt invalid"}},
		{"payload file replaced by a link inside the bag", then(remove("data/index.html"), symlink("../bagit.txt", "data/index.html")),
			[]string{"bag-info.txt oxum", "data/index.html invalid"}},
		{"payload file replaced by a link out of the bag", then(remove("data/index.html"), symlink("/etc/passwd", "data/index.html")),
			[]string{"bag-info.txt oxum", "data/index.html invalid"}},
		{"payload directory deleted", func(t *testing.T, bag string) { os.RemoveAll(filepath.Join(bag, "data")) },
			[]string{"bag-info.txt oxum", "data missing",
				"data/100%.txt missing", "data/events/2025-12-24-tehran-shooting.html missing", "data/index.html missing",
				"data/line\nbreak.txt missing", "data/people/ikramuddin-sari.html missing", "data/sources/rapport annuel é.html missing",
				"data/static/css/site.css missing", "data/static/empty.txt missing"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bag := writeBag(t)
			tc.tamper(t, bag)
			r, err := Verify(bag)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range r.Problems {
				got = append(got, strings.TrimSpace(fmt.Sprintf("%s %s %s", p.Path, p.Kind, p.Algorithm)))
				if !strings.HasPrefix(p.String(), p.Path+":") {
					t.Errorf("%q does not start with its path", p.String())
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if r.OK() != (len(tc.want) == 0) {
				t.Errorf("OK() = %v with %d problems", r.OK(), len(r.Problems))
			}
			// The independent validator must agree on valid and invalid.
			// (It accepts any BagIt version, so it is not asked about that.)
			if errs := validateBag(bag); len(errs) == 0 != (len(tc.want) == 0) && !strings.Contains(tc.name, "version") {
				t.Errorf("independent validator disagrees: %q", errs)
			}
		})
	}
}

func TestVerifyMessages(t *testing.T) {
	bag := writeBag(t)
	flipByte("data/index.html")(t, bag)
	remove("data/static/empty.txt")(t, bag)
	r, err := Verify(bag)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"bag-info.txt:6: Payload-Oxum is 159.8, but the payload holds 159 octets in 7 files",
		"data/index.html: sha256 checksum differs from manifest-sha256.txt line 3",
		"data/index.html: sha512 checksum differs from manifest-sha512.txt line 3",
		"data/static/empty.txt: listed in manifest-sha256.txt, manifest-sha512.txt but absent",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestVerifyRejectsPathsOutsideTheBag(t *testing.T) {
	sum := "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	tests := []struct{ manifest, path string }{
		{"manifest-sha256.txt", "../x"},
		{"manifest-sha256.txt", "data/../../x"},
		{"manifest-sha256.txt", "/etc/passwd"},
		{"manifest-sha256.txt", "data/%0A/../../../x"},
		{"tagmanifest-sha256.txt", "../bag/bagit.txt"},
		{"tagmanifest-sha256.txt", "/etc/passwd"},
		{"tagmanifest-sha256.txt", ".."},
	}
	for _, tc := range tests {
		t.Run(tc.manifest+" "+tc.path, func(t *testing.T) {
			bag := writeBag(t)
			edit(tc.manifest, "", sum+" "+tc.path+"\n")(t, bag)
			r, err := Verify(bag)
			if !errors.Is(err, ErrUnsafePath) {
				t.Fatalf("Verify = %v, %v; want ErrUnsafePath", r, err)
			}
			if want := tc.manifest + ":1:"; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not name %s", err, want)
			}
		})
	}
}

func TestVerifyNotABag(t *testing.T) {
	if _, err := Verify(filepath.Join(t.TempDir(), "nothing")); err == nil {
		t.Error("Verify of a missing directory succeeded")
	}
	r, err := Verify(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.String())
	}
	want := []string{
		"bagit.txt: no bag declaration: this is not a bag",
		"data: the bag has no payload directory",
		"manifest-sha512.txt: the bag has no payload manifest",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Verify reads manifests written by other tools: CRLF line ends, tabs,
// upper-case checksums, lower-case percent escapes.
func TestVerifyAcceptsOtherWriters(t *testing.T) {
	bag := writeBag(t)
	p := filepath.Join(bag, "manifest-sha256.txt")
	b, _ := os.ReadFile(p)
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		sum, path, _ := strings.Cut(l, " ")
		lines = append(lines, strings.ToUpper(sum)+" \t"+strings.ReplaceAll(path, "%0A", "%0a"))
	}
	os.WriteFile(p, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o644)
	resealTags(t, bag)
	r, err := Verify(bag)
	if err != nil || !r.OK() {
		t.Errorf("Verify = %v, %v", r, err)
	}
}

func TestPathEncoding(t *testing.T) {
	tests := []struct {
		encoded, decoded string
		canonical        bool // what Write itself writes
	}{
		{"data/a b", "data/a b", true},
		{"data/100%25", "data/100%", true},
		{"data/a%0Ab", "data/a\nb", true},
		{"data/a%0D%0A", "data/a\r\n", true},
		{"data/a%0d%0a", "data/a\r\n", false},
		{"data/%250A", "data/%0A", true},
		{"data/é%25é.md", "data/é%é.md", true},
		{"data/%20", "data/%20", false},
		{"data/trail%", "data/trail%", false},
		{"data/trail%2", "data/trail%2", false},
	}
	for _, tc := range tests {
		if got := decodePath(tc.encoded); got != tc.decoded {
			t.Errorf("decodePath(%q) = %q, want %q", tc.encoded, got, tc.decoded)
		}
		if got := pathEncoder.Replace(tc.decoded); tc.canonical && got != tc.encoded {
			t.Errorf("encoding %q = %q, want %q", tc.decoded, got, tc.encoded)
		}
	}
}
