package archive

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A bag whose fetch.txt lists a file it lacks is incomplete (RFC 8493
// §2.2.3, §3), and says so; fetch.txt's own faults are named.
func TestVerifyFetch(t *testing.T) {
	const url = "https://archive.example/x"
	tests := []struct {
		name   string
		tamper func(*testing.T, string)
		want   []string // "path kind: words of the message"
	}{
		{"listed and present", create("fetch.txt", url+" 8 data/100%25.txt\n"), nil},
		{"listed, present, length unknown", create("fetch.txt", url+" - data/index.html\n"), nil},
		{"listed in the manifests, not fetched", then(remove("data/index.html"), create("fetch.txt", url+" - data/index.html\n")),
			[]string{"bag-info.txt oxum: Payload-Oxum", "data/index.html missing: not fetched: fetch.txt line 1 lists it at " + url}},
		{"listed nowhere else, not fetched", create("fetch.txt", url+" 10 data/more.html\n"),
			[]string{"data/more.html missing: not fetched", "fetch.txt invalid: \"data/more.html\" is not listed in manifest-sha256.txt", "fetch.txt invalid: \"data/more.html\" is not listed in manifest-sha512.txt"}},
		{"a path with spaces, not fetched", then(remove("data/sources/rapport annuel é.html"), create("fetch.txt", url+" -   data/sources/rapport annuel é.html\n")),
			[]string{"bag-info.txt oxum: Payload-Oxum", "data/sources/rapport annuel é.html missing: not fetched"}},
		{"wrong length", create("fetch.txt", url+" 9 data/100%25.txt\n"),
			[]string{"data/100%.txt invalid: fetch.txt line 1 gives 9 octets, the file holds 8"}},
		{"malformed line", create("fetch.txt", url+" data/index.html\n"),
			[]string{"fetch.txt invalid: is not a \"<url> <length> <path>\" line"}},
		{"not in data/", create("fetch.txt", url+" 1 bagit.txt\n"),
			[]string{"fetch.txt invalid: \"bagit.txt\" is not a file in data/"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bag := writeBag(t)
			tc.tamper(t, bag)
			r, err := Verify(bag)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Problems) != len(tc.want) {
				t.Fatalf("problems:\n%s\nwant:\n%s", problemList(r), strings.Join(tc.want, "\n"))
			}
			for i, p := range r.Problems {
				head, words, _ := strings.Cut(tc.want[i], ": ")
				if got := fmt.Sprintf("%s %s", p.Path, p.Kind); got != head || !strings.Contains(p.Message, words) {
					t.Errorf("problem %d: %s %s: %s, want %s", i, p.Path, p.Kind, p.Message, tc.want[i])
				}
			}
		})
	}
	bag := writeBag(t)
	create("fetch.txt", url+" 1 data/../../etc/passwd\n")(t, bag)
	if _, err := Verify(bag); !errors.Is(err, ErrUnsafePath) {
		t.Errorf("fetch.txt naming a path outside the bag: err = %v, want ErrUnsafePath", err)
	}
}

func problemList(r *Report) string {
	var s []string
	for _, p := range r.Problems {
		s = append(s, fmt.Sprintf("%s %s: %s", p.Path, p.Kind, p.Message))
	}
	return strings.Join(s, "\n")
}

// A zip of a bag is verified in place; a tar archive or another file is
// refused with what to do.
func TestVerifyPacked(t *testing.T) {
	bag := writeBag(t)
	zipped := bag + ".zip"
	if err := WriteZip(bag, zipped); err != nil {
		t.Fatal(err)
	}
	flipByte("data/index.html")(t, bag)
	tampered := filepath.Join(t.TempDir(), "tampered.zip")
	if err := WriteZip(bag, tampered); err != nil {
		t.Fatal(err)
	}
	tgz := bag + ".tar.gz"
	if err := WriteTarGz(bag, tgz); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("notes"), 0o644)

	if r, err := Verify(zipped); err != nil || !r.OK() {
		t.Errorf("a good zip: %v\n%s", err, problemList(orEmpty(r)))
	}
	r, err := Verify(tampered)
	if err != nil || !slices.ContainsFunc(r.Problems, func(p Problem) bool { return p.Path == "data/index.html" && p.Kind == Changed }) {
		t.Errorf("a tampered zip: %v\n%s", err, problemList(orEmpty(r)))
	}
	for file, want := range map[string]string{tgz: "unpack it first", notes: "is a file, not a bag"} {
		if _, err := Verify(file); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Verify(%s): err = %v, want it to say %q", filepath.Base(file), err, want)
		}
	}
}

func orEmpty(r *Report) *Report {
	if r == nil {
		return &Report{}
	}
	return r
}

// Replace swaps a new bag in only once it is complete: a failure leaves
// the old bag whole, and nothing else behind. It replaces only bags.
func TestReplace(t *testing.T) {
	bag := writeBag(t)
	before := readTree(t, bag)
	bad := writeTree(t, map[string]string{"index.html": "new"})
	if err := os.Symlink("/etc/passwd", filepath.Join(bad, "passwd")); err != nil {
		t.Skip(err)
	}
	if err := Replace(bad, bag, testInfo); err == nil {
		t.Fatal("Replace from a site with a link succeeded")
	}
	if after := readTree(t, bag); !mapsEqual(before, after) {
		t.Error("a failed Replace changed the old bag")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(bag), ".bag.tmp-*")); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}

	if err := Replace(writeTree(t, map[string]string{"index.html": "new"}), bag, testInfo); err != nil {
		t.Fatal(err)
	}
	if r, err := Verify(bag); err != nil || !r.OK() || readTree(t, bag)["data/index.html"] != "new" {
		t.Errorf("the replaced bag: %v %v", err, problemList(orEmpty(r)))
	}

	notBag := writeTree(t, map[string]string{"thesis.pdf": "%PDF"})
	if err := Replace(writeTree(t, testSite), notBag, testInfo); err == nil || !strings.Contains(err.Error(), "not a bag") {
		t.Errorf("Replace of a folder that is not a bag: err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(notBag, "thesis.pdf")); err != nil {
		t.Error("the folder that is not a bag was changed")
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// Write makes the bag's parent folders, as build does.
func TestWriteMakesParents(t *testing.T) {
	bag := filepath.Join(t.TempDir(), "a", "b", "bag")
	if err := Write(writeTree(t, testSite), bag, testInfo); err != nil {
		t.Fatal(err)
	}
	if r, err := Verify(bag); err != nil || !r.OK() {
		t.Errorf("%v %v", err, problemList(orEmpty(r)))
	}
}
