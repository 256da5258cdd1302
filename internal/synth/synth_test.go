package synth

import (
	"bytes"
	"cmp"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

var small = Options{Events: 60, People: 15, Organizations: 3, Places: 4, Sources: 5, Seed: 7}

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = os.ReadFile(filepath.Join(dir, p))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func write(t *testing.T, w func(string, Options) error, o Options) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	if err := w(dir, o); err != nil {
		t.Fatal(err)
	}
	return readTree(t, dir)
}

var smallB = Options{Events: 60, People: 20, Organizations: 4, Places: 6, Sources: 8, Seed: 7, Style: "b"}

func TestDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(string, Options) error
		o     Options
	}{
		{"dossier", Write, small},
		{"hugo", WriteHugo, small},
		{"dossier b", Write, smallB},
		{"hugo b", WriteHugo, smallB},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := write(t, tc.write, tc.o), write(t, tc.write, tc.o)
			if len(a) != len(b) {
				t.Fatalf("%d files, then %d", len(a), len(b))
			}
			for p, data := range a {
				if !bytes.Equal(data, b[p]) {
					t.Errorf("%s differs between two writes", p)
				}
			}
			other := tc.o
			other.Seed++
			c := write(t, tc.write, other)
			if bytes.Equal(a["content/pages/methodology.md"], c["content/pages/methodology.md"]) &&
				len(a) == len(c) && bytes.Equal(a[firstEvent(a)], c[firstEvent(c)]) {
				t.Errorf("seeds %d and %d gave the same corpus", tc.o.Seed, other.Seed)
			}
		})
	}
}

func firstEvent(files map[string][]byte) string {
	var events []string
	for p := range files {
		if strings.HasPrefix(p, "content/events/2") {
			events = append(events, p)
		}
	}
	slices.Sort(events)
	return events[0]
}

func TestCounts(t *testing.T) {
	for _, o := range []Options{
		small,
		Defaults(100),
		{Events: 3, People: 10, Organizations: 0, Places: 1, Sources: 1, Seed: 1},
		{Events: 0, People: 2, Organizations: 1, Places: 1, Sources: 1},
	} {
		files := write(t, Write, o)
		want := map[string]int{
			"events": o.Events, "people": o.People, "organizations": o.Organizations,
			"places": o.Places, "sources": o.Sources, "pages": 2,
		}
		got := map[string]int{}
		for p := range files {
			if dir, _, ok := strings.Cut(strings.TrimPrefix(p, "content/"), "/"); ok {
				got[dir]++
			}
		}
		for kind, n := range want {
			if got[kind] != n {
				t.Errorf("%+v: %d %s files, want %d", o, got[kind], kind, n)
			}
		}
	}
}

func TestDefaults(t *testing.T) {
	o := Defaults(5000)
	if total := o.Events + o.People + o.Organizations + o.Places + o.Sources; total != 6125 {
		t.Errorf("Defaults(5000) has %d entries, want 6125: %+v", total, o)
	}
}

var (
	idRE       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	eventIDRE  = regexp.MustCompile(`^(\d{4}(-\d\d(-\d\d)?)?)-`)
	citationRE = regexp.MustCompile(`\[@([^\],]+)(, [^\]]+)?\]`)
	mdLinkRE   = regexp.MustCompile(`\]\(([^)]+\.md)\)`)
)

// TestReferences checks what the generator's check command will: every id
// an entry names, in its front matter or its body, exists.
func TestReferences(t *testing.T) {
	for _, o := range []Options{Defaults(300), DefaultsB(300)} {
		t.Run("style "+cmp.Or(o.Style, "a"), func(t *testing.T) { testReferences(t, o) })
	}
}

func testReferences(t *testing.T, o Options) {
	files := write(t, Write, o)
	type entry struct {
		kind, id string
		front    map[string]any
		body     string
	}
	var entries []entry
	exists := map[string]bool{} // "kind/id"
	for p, data := range files {
		if !strings.HasPrefix(p, "content/") {
			continue
		}
		kind, id := path.Base(path.Dir(p)), strings.TrimSuffix(path.Base(p), ".md")
		front, body, ok := strings.Cut(strings.TrimPrefix(string(data), "+++\n"), "+++\n")
		if !ok || !strings.HasPrefix(string(data), "+++\n") {
			t.Fatalf("%s: no front matter", p)
		}
		var m map[string]any
		if _, err := toml.Decode(front, &m); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !idRE.MatchString(id) {
			t.Errorf("%s: bad id", p)
		}
		if kind == "events" {
			d := eventIDRE.FindStringSubmatch(id)
			if d == nil || dateOf(m["date"]) != d[1] {
				t.Errorf("%s: id does not start with its date %v", p, m["date"])
			}
		}
		entries = append(entries, entry{kind, id, m, body})
		exists[kind+"/"+id] = true
	}
	for _, e := range entries {
		refs := map[string][]string{
			"places":        list(e.front["place"]),
			"people":        list(e.front["people"]),
			"organizations": append(list(e.front["organizations"]), list(e.front["affiliations"])...),
			"sources":       list(e.front["sources"]),
		}
		if roles, ok := e.front["roles"].(map[string]any); ok {
			for id := range roles {
				refs["people"] = append(refs["people"], id)
			}
		}
		if accounts, ok := e.front["accounts"].([]map[string]any); ok {
			for _, a := range accounts {
				refs["sources"] = append(refs["sources"], list(a["source"])...)
			}
		}
		cited := map[string]bool{}
		for _, m := range citationRE.FindAllStringSubmatch(e.body, -1) {
			refs["sources"] = append(refs["sources"], m[1])
			if m[2] != "" && cited[m[0]] {
				t.Errorf("%s/%s cites %s twice", e.kind, e.id, m[0])
			}
			cited[m[0]] = true
		}
		for _, m := range mdLinkRE.FindAllStringSubmatch(e.body, -1) {
			target := path.Join("content", e.kind, m[1])
			if _, ok := files[target]; !ok {
				t.Errorf("%s/%s: link to missing %s", e.kind, e.id, m[1])
			}
		}
		for kind, ids := range refs {
			for _, id := range ids {
				if !exists[kind+"/"+id] {
					t.Errorf("%s/%s names missing %s/%s", e.kind, e.id, kind, id)
				}
			}
		}
		if e.kind == "events" && (len(refs["people"]) == 0 || len(list(e.front["sources"])) == 0) {
			t.Errorf("events/%s: no people or no sources", e.id)
		}
	}
}

func list(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, s := range v {
			out = append(out, s.(string))
		}
		return out
	}
	return nil
}

// dateOf returns a date field as written: a string, or a TOML date literal.
func dateOf(v any) string {
	if d, ok := v.(time.Time); ok {
		return d.Format(time.DateOnly)
	}
	s, _ := v.(string)
	return s
}

func TestHugoFiles(t *testing.T) {
	files := write(t, WriteHugo, small)
	for _, p := range []string{
		"hugo.toml",
		"layouts/_default/baseof.html",
		"layouts/_default/single.html",
		"layouts/_default/list.html",
		"layouts/_default/terms.html",
		"layouts/_default/term.html",
		"content/events/_index.md",
		"content/pages/about.md",
		"content/people/person-0001/_index.md",
		"content/places/place-0004/_index.md",
		"content/organizations/org-0003/_index.md",
		"content/sources/src-0005/_index.md",
	} {
		if _, ok := files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	counts := map[string]int{}
	for p := range files {
		switch {
		case strings.HasPrefix(p, "content/events/") && !strings.HasSuffix(p, "_index.md"):
			counts["events"]++
		case strings.Count(p, "/") == 3 && strings.HasSuffix(p, "/_index.md"):
			counts[strings.Split(p, "/")[1]]++
		}
	}
	want := map[string]int{"events": 60, "people": 15, "organizations": 3, "places": 4, "sources": 5}
	for k, n := range want {
		if counts[k] != n {
			t.Errorf("%d %s, want %d", counts[k], k, n)
		}
	}
	// Hugo needs full dates; the precision moves to "when".
	for p, data := range files {
		if strings.HasPrefix(p, "content/events/2") && !regexp.MustCompile(`(?m)^date = \d{4}-\d\d-\d\d$`).Match(data) {
			t.Errorf("%s: no full date:\n%s", p, data)
		}
	}
}

func TestWriteRefuses(t *testing.T) {
	full := t.TempDir()
	os.WriteFile(filepath.Join(full, "x"), nil, 0o644)
	for _, tc := range []struct {
		name string
		dir  string
		o    Options
	}{
		{"non-empty dir", full, small},
		{"negative count", t.TempDir(), Options{Events: -1}},
		{"events without people", t.TempDir(), Options{Events: 1, Places: 1, Sources: 1}},
		{"unknown style", t.TempDir(), Options{Events: 1, People: 1, Places: 1, Sources: 1, Style: "c"}},
	} {
		if err := Write(tc.dir, tc.o); err == nil {
			t.Errorf("%s: Write succeeded", tc.name)
		}
	}
}
