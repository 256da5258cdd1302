package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"dossier/generator/build"
	"dossier/generator/content"
	"dossier/generator/render"
	"dossier/generator/site"
	"dossier/internal/testsite"
)

// renderTestSite renders the test dossier of internal/testsite into
// memory.
func renderTestSite(t *testing.T) (*site.Site, map[string][]byte) {
	t.Helper()
	fsys := testsite.FS()
	s, problems := build.Load(fsys)
	if s == nil {
		t.Fatalf("load: %v", problems)
	}
	write, out := memory()
	if err := build.Render(fsys, s, write); err != nil {
		t.Fatal(err)
	}
	return s, out
}

// memory returns a WriteFunc that keeps what it is given in the map.
func memory() (render.WriteFunc, map[string][]byte) {
	out := map[string][]byte{}
	var mu sync.Mutex
	return func(p string, b []byte) error {
		mu.Lock()
		out[p] = bytes.Clone(b)
		mu.Unlock()
		return nil
	}, out
}

func parse(t *testing.T, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// find returns the elements for which ok is true, in document order.
func find(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && ok(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, find(c, ok)...)
	}
	return out
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	c, _ := attr(n, "class")
	return strings.Contains(" "+c+" ", " "+class+" ")
}

// Each of the timeline's overview drawings (for wide, medium and narrow
// screens) has one link per event, to its page, named by its title and
// date; and every timeline item carries the data the filters read.
func TestTimeline(t *testing.T) {
	s, out := renderTestSite(t)
	doc := parse(t, out["index.html"])
	svgs := find(doc, func(n *html.Node) bool { return n.Data == "svg" && hasClass(n, "strip-view") })
	if len(svgs) != 3 {
		t.Fatalf("%d overview drawings, want 3", len(svgs))
	}
	for _, svg := range svgs {
		marks := find(svg, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "mark") })
		if len(marks) != len(s.Events) {
			t.Fatalf("%d marks, want one per event (%d)", len(marks), len(s.Events))
		}
		for i, e := range s.Events {
			href, _ := attr(marks[i], "href")
			label, _ := attr(marks[i], "aria-label")
			if href != render.URL(e) || !strings.Contains(label, e.Title+", ") || !strings.Contains(label, e.Date.Human()[len(e.Date.Human())-4:]) {
				t.Errorf("mark %d: href %q label %q, want %s", i, href, label, e.ID)
			}
		}
	}
	items := find(doc, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "event-item") })
	if len(items) != len(s.Events) {
		t.Fatalf("%d items, want %d", len(items), len(s.Events))
	}
	for i, e := range s.Events {
		for _, key := range []string{"data-event", "data-status", "data-tags", "data-people", "data-place"} {
			if _, ok := attr(items[i], key); !ok {
				t.Errorf("%s: no %s", e.ID, key)
			}
		}
		if v, _ := attr(items[i], "data-status"); v != e.Status {
			t.Errorf("%s: data-status %q", e.ID, v)
		}
		if v, _ := attr(items[i], "data-people"); v != strings.Join(site.EventPeople(e), " ") {
			t.Errorf("%s: data-people %q", e.ID, v)
		}
	}
	for _, name := range []string{"status", "tag", "person", "place"} {
		if len(find(doc, func(n *html.Node) bool { v, _ := attr(n, "name"); return n.Data == "select" && v == name })) != 1 {
			t.Errorf("no filter for %s", name)
		}
	}
}

// Every page has one h1, the landmarks and a skip link; every JSON-LD
// block parses and names its @context and @type.
func TestPages(t *testing.T) {
	s, out := renderTestSite(t)
	n := 0
	for p, b := range out {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		n++
		doc := parse(t, b)
		count := func(tag string) int {
			return len(find(doc, func(n *html.Node) bool { return n.Data == tag }))
		}
		if count("h1") != 1 || count("main") != 1 || count("header") < 1 || count("nav") < 1 || count("footer") != 1 {
			t.Errorf("%s: h1 %d main %d header %d nav %d footer %d", p, count("h1"), count("main"), count("header"), count("nav"), count("footer"))
		}
		if skip := find(doc, func(n *html.Node) bool { return hasClass(n, "skip") }); len(skip) != 1 {
			t.Errorf("%s: no skip link", p)
		}
		for _, s := range find(doc, func(n *html.Node) bool {
			v, _ := attr(n, "type")
			return n.Data == "script" && v == "application/ld+json"
		}) {
			var v map[string]any
			if err := json.Unmarshal([]byte(s.FirstChild.Data), &v); err != nil {
				t.Errorf("%s: JSON-LD: %v", p, err)
				continue
			}
			if v["@context"] != "https://schema.org" || v["@type"] == nil || v["name"] == nil {
				t.Errorf("%s: JSON-LD lacks @context, @type or name: %v", p, v)
			}
		}
	}
	// A page for every entry, and lists, tags and years besides.
	if n <= len(s.Entries) {
		t.Errorf("only %d pages for %d entries", n, len(s.Entries))
	}
}

// Final, which drops each entry's refs, text and body as it goes, writes
// what Render writes: no page, no search entry and no print edition,
// whole or not, loses a body.
func TestFinal(t *testing.T) {
	for _, max := range []int{1000, 0} {
		t.Run(fmt.Sprintf("print edition up to %d events", max), func(t *testing.T) {
			defer render.SetPrintMaxEvents(max)()
			testFinal(t)
		})
	}
}

func testFinal(t *testing.T) {
	fsys := testsite.FS()
	layouts, static := build.Theme(fsys)
	cfg, _ := content.LoadConfig(fsys)
	ls, err := render.ParseLayouts(layouts, cfg)
	if err != nil {
		t.Fatal(err)
	}
	outs := map[string]map[string][]byte{}
	for name, run := range map[string]func(*site.Site, render.Layouts, fs.FS, render.WriteFunc) error{
		"Render": render.Render, "Final": render.Final,
	} {
		s, problems := build.Load(fsys)
		if s == nil {
			t.Fatalf("load: %v", problems)
		}
		write, out := memory()
		if err := run(s, ls, static, write); err != nil {
			t.Fatal(err)
		}
		outs[name] = out
	}
	if len(outs["Final"]) != len(outs["Render"]) {
		t.Errorf("Final wrote %d files, Render %d", len(outs["Final"]), len(outs["Render"]))
	}
	for p, want := range outs["Render"] {
		if got := outs["Final"][p]; !bytes.Equal(got, want) {
			t.Errorf("%s differs between Final and Render", p)
		}
	}
}

// A person's page lists each event that names them once, however many
// times the event names them (people, roles, links in its text).
func TestPersonEventsOnce(t *testing.T) {
	s, out := renderTestSite(t)
	n := 0
	for _, p := range s.People {
		page := string(out[render.URL(p)])
		for _, e := range s.ReferredBy(p, "event") {
			n++
			href := `href="../` + render.URL(e) + `"`
			if c := strings.Count(page, href); c != 1 {
				t.Errorf("%s links to %s %d times, want once", render.URL(p), render.URL(e), c)
			}
		}
	}
	if n == 0 {
		t.Fatal("no person has events")
	}
}
