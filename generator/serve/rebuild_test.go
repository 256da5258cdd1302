package serve

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"
)

// siteDir writes testdata/site.txtar into a temporary folder.
func siteDir(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		writeFile(t, dir, f.Name, string(f.Data))
	}
	return dir
}

// writeFile writes a file of the site in dir; empty text removes it.
func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if text == "" {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fullBuild builds the site in dir from nothing.
func fullBuild(t *testing.T, dir string) result {
	t.Helper()
	r := newBuilder(os.DirFS(dir)).build(change{config: true, layouts: true, content: true})
	if r.files == nil {
		t.Fatalf("full build failed: %v %v", r.err, r.problems)
	}
	return r
}

const (
	shooting = "content/events/2025-12-24-shooting.md"
	meeting  = "content/events/2024-03-01-meeting.md"
	arrest   = "content/events/2025-06-01-arrest.md"
	protest  = "content/events/2026-01-02-protest.md"
)

// incrementalSteps are edits made one after the other, each a set of
// files written (or removed, when empty) at once.
var incrementalSteps = []struct {
	name   string
	files  map[string]string
	broken bool // the build must fail
	// The edit moves the dossier's edition (its latest event's date),
	// which every page prints, so every page renders again.
	edition bool
}{
	{name: "event title", files: map[string]string{shooting: `+++
title = "A shooting in Tehran"
date = "2025-12-24"
place = "tehran"
people = ["grace-hopper"]
tags = ["assassination"]
status = "reported"
sources = ["src-a"]
summary = "One sentence."
+++
Body [@src-a, para. 2], after [the arrest](2025-06-01-arrest.md).
`}},
	{name: "event moves to another year", files: map[string]string{meeting: `+++
title = "A meeting"
date = "2025-07-01"
place = "kabul"
people = ["ada-lovelace"]
tags = ["politics"]
status = "confirmed"
sources = ["src-b"]
summary = "They met."
+++
`}},
	{name: "status", files: map[string]string{arrest: `+++
title = "An arrest"
date = "2025-06"
place = "kabul"
people = ["grace-hopper"]
organizations = ["navy"]
tags = ["politics", "arrests"]
status = "disputed"
sources = ["src-a"]
summary = "Someone was arrested."
+++
Reported by [@src-a].
`}},
	{name: "tags added and emptied", files: map[string]string{meeting: `+++
title = "A meeting"
date = "2025-07-01"
place = "kabul"
people = ["ada-lovelace"]
tags = ["elections"]
status = "confirmed"
sources = ["src-b"]
summary = "They met."
+++
`, shooting: `+++
title = "A shooting in Tehran"
date = "2025-12-24"
place = "tehran"
people = ["grace-hopper"]
status = "reported"
sources = ["src-a"]
summary = "One sentence."
+++
Body [@src-a, para. 2], after [the arrest](2025-06-01-arrest.md).
`}},
	{name: "person renamed", files: map[string]string{"content/people/ada-lovelace.md": `+++
name = "Augusta Ada King"
aliases = ["Ada Lovelace"]
+++
`}},
	{name: "people of an event", files: map[string]string{shooting: `+++
title = "A shooting in Tehran"
date = "2025-12-24"
place = "tehran"
people = ["ada-lovelace"]
status = "reported"
sources = ["src-a", "src-b"]
summary = "One sentence."
+++
Body [@src-a, para. 2], after [the arrest](2025-06-01-arrest.md).
`}},
	{name: "new event", edition: true, files: map[string]string{protest: `+++
title = "A protest"
date = "2026-01-02"
place = "tehran"
people = ["grace-hopper"]
tags = ["protests", "politics"]
status = "reported"
sources = ["src-b"]
+++
`}},
	{name: "source renamed", files: map[string]string{"content/sources/src-a.md": `+++
title = "Source A, revised"
publisher = "Publisher A"
+++
`}},
	{name: "place moved", files: map[string]string{"content/places/tehran.md": `+++
name = "Tehran"
lat = 35.69
lon = 51.39
+++
`}},
	{name: "date of an event that others follow through a chain", files: map[string]string{shooting: `+++
title = "A shooting in Tehran"
date = "2025-12-20"
place = "tehran"
people = ["ada-lovelace"]
status = "reported"
sources = ["src-a", "src-b"]
summary = "One sentence."
+++
Body [@src-a, para. 2], after [the arrest](2025-06-01-arrest.md).
`}},
	{name: "bad TOML", broken: true, files: map[string]string{arrest: `+++
title = "An arrest
+++
`}},
	{name: "fixed, with an edit elsewhere in between", files: map[string]string{arrest: `+++
title = "An arrest, confirmed"
date = "2025-06"
place = "tehran"
people = ["grace-hopper"]
tags = ["arrests"]
status = "confirmed"
sources = ["src-a"]
+++
`}},
	{name: "event removed with the link to it", files: map[string]string{arrest: "", shooting: `+++
title = "A shooting in Tehran"
date = "2025-12-24"
place = "tehran"
people = ["ada-lovelace"]
status = "reported"
sources = ["src-a"]
summary = "One sentence."
+++
Body [@src-a, para. 2].
`}},
	{name: "renamed file", edition: true, files: map[string]string{protest: "", "content/events/2026-01-03-protest.md": `+++
title = "A protest"
date = "2026-01-03"
place = "tehran"
people = ["grace-hopper"]
tags = ["protests"]
status = "reported"
sources = ["src-b"]
+++
`}},
	{name: "page in the menu", files: map[string]string{"content/pages/about.md": `+++
title = "About us"
+++
About this dossier.
`}},
}

// An edit renders only some pages, and the output is then exactly what
// a build from nothing gives. In "carried", the pages a build leaves to
// render are not asked for, except the edited ones, before the next
// build takes over.
func TestIncrementalMatchesFull(t *testing.T) {
	t.Run("each", func(t *testing.T) { testIncremental(t, false) })
	t.Run("carried", func(t *testing.T) { testIncremental(t, true) })
}

func testIncremental(t *testing.T, carry bool) {
	dir := siteDir(t)
	b := newBuilder(os.DirFS(dir))
	if r := b.build(change{config: true, layouts: true, content: true}); r.files == nil {
		t.Fatalf("first build failed: %v %v", r.err, r.problems)
	}
	for i, step := range incrementalSteps {
		var c change
		for name, text := range step.files {
			writeFile(t, dir, name, text)
			c.file(name)
		}
		r := b.build(c)
		if step.broken {
			if r.files != nil || r.problems.Errors() == 0 {
				t.Fatalf("%s: the build did not fail", step.name)
			}
			continue
		}
		if r.files == nil {
			t.Fatalf("%s: build failed: %v %v", step.name, r.err, r.problems)
		}
		if r.full && !step.edition {
			t.Errorf("%s: rendered every page", step.name)
		}
		// The last step renders every page, so "carried" also checks the
		// one before.
		if carry && i < len(incrementalSteps)-2 {
			for name := range step.files {
				if l := r.lazy["events/"+strings.TrimSuffix(filepath.Base(name), ".md")+".html"]; l != nil {
					l.get()
				}
			}
			continue
		}
		want := fullBuild(t, dir)
		if step.name != "page in the menu" && !step.edition && r.pages >= want.pages {
			t.Errorf("%s: rendered %d pages of %d", step.name, r.pages, want.pages)
		}
		same(t, step.name, output(t, r), want.files)
	}
}

// output renders what a build left to render, all at once as requests
// and the background can, and returns its files.
func output(t *testing.T, r result) map[string][]byte {
	t.Helper()
	var wg sync.WaitGroup
	for _, l := range r.lazy {
		wg.Go(func() { l.get() })
	}
	wg.Wait()
	files := maps.Clone(r.files)
	for p, l := range r.lazy {
		m, ok, err := l.get()
		if err != nil || !ok {
			t.Fatalf("lazy: rendered %v, %v", ok, err)
		}
		maps.Copy(files, m)
		// The server answers p with what its lazy made: a shard of the
		// search index that is no more is not found.
		if _, made := m[p]; !made {
			delete(files, p)
		}
	}
	return files
}

func same(t *testing.T, step string, got, want map[string][]byte) {
	t.Helper()
	var diff []string
	for p, data := range want {
		g, ok := got[p]
		switch {
		case !ok:
			diff = append(diff, p+" missing")
		case string(g) != string(data):
			diff = append(diff, p+" differs"+firstDiff(string(g), string(data)))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diff = append(diff, p+" should be gone")
		}
	}
	slices.Sort(diff)
	for _, d := range diff {
		t.Errorf("%s: %s", step, d)
	}
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	at := func(s string) string { return strings.TrimSpace(s[max(0, i-60):min(len(s), i+60)]) }
	return "\n\tgot:  ..." + at(a) + "...\n\twant: ..." + at(b) + "..."
}

// A change of layouts, static files or settings renders everything; a
// static file alone is copied without rendering.
func TestFullRebuilds(t *testing.T) {
	dir := siteDir(t)
	b := newBuilder(os.DirFS(dir))
	b.build(change{config: true, layouts: true, content: true})

	writeFile(t, dir, "site.toml", "title = \"Renamed dossier\"\n")
	r := b.build(change{config: true})
	if !r.full || !strings.Contains(string(r.files["events/2025-12-24-shooting.html"]), "Renamed dossier") {
		t.Errorf("site.toml: full = %v", r.full)
	}
	// The layouts speak the settings' calendar.
	writeFile(t, dir, "site.toml", "title = \"Renamed dossier\"\ncalendar = \"persian\"\n")
	r = b.build(change{config: true})
	if page := string(r.files["events/2025-12-24-shooting.html"]); !strings.Contains(page, "3 Dey 1404 (24 December 2025)") {
		t.Errorf("calendar = \"persian\": %v, the event page has no Solar Hijri date", r.err)
	}

	writeFile(t, dir, "static/css/extra.css", "body{}")
	var c change
	c.staticFile("css/extra.css")
	r = b.build(c)
	if r.full || r.pages != 0 || string(r.files["css/extra.css"]) != "body{}" {
		t.Errorf("static file: full = %v, pages = %d, css = %q", r.full, r.pages, r.files["css/extra.css"])
	}
	same(t, "static file", output(t, r), fullBuild(t, dir).files)
}
