package browsertest

import (
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/tools/txtar"

	"dossier/generator/build"
)

// evidenceSite builds testdata/evidence/site.txtar and returns its
// output folder and file URL.
func evidenceSite(t *testing.T) (string, string) { return txtarSite(t, "evidence") }

// txtarSite builds testdata/NAME/site.txtar (no layouts/ or static/: the
// default theme) into a folder of the test, and returns the output folder
// and its file URL, ending in "/".
func txtarSite(t *testing.T, name string) (string, string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name, "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, "site", filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "public")
	if problems, err := build.Build(filepath.Join(dir, "site"), out); err != nil {
		t.Fatalf("build testdata/%s: %v\n%v", name, err, problems)
	}
	return out, (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}).String()
}

// scheme emulates prefers-color-scheme, "light" or "dark".
func (b *browser) scheme(s string) {
	b.t.Helper()
	b.do("emulate prefers-color-scheme: "+s, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s}},
	}))
}

// focused makes the tab behave as the focused window: a headless one is
// not, and the page gets no focus events.
func (b *browser) focused() {
	b.t.Helper()
	b.do("emulate a focused page", call(emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}))
}

// A citation number previews its source in place: on focus and on a tap,
// a popover shows the source's card and the place cited; Escape closes it
// and leaves the focus on the number. Nothing on the page moves. Without
// JavaScript, the number is a link to the source list.
func TestCitationPreview(t *testing.T) {
	_, site := evidenceSite(t)
	const event = "events/2025-12-24-shooting.html"
	b := newBrowser(t)
	b.focused()
	b.do("open "+event, chromedp.Navigate(site+event))

	type state struct {
		Open, Focused, Hash string
		Top                 float64 // where the heading after the body is
	}
	read := func() state {
		return eval[state](b, "read the popover", `(() => {
			const pop = document.querySelector(".cite-pop");
			const a = document.activeElement;
			return {
				Open: pop && pop.offsetParent !== null ? pop.textContent.replace(/\s+/g, " ") : "",
				Focused: a && a.matches("a.cite") ? a.textContent : (a ? a.tagName : ""),
				Hash: location.hash,
				Top: document.getElementById("what-is-known").getBoundingClientRect().top + scrollY,
			};
		})()`)
	}
	before := read()
	if before.Open != "" {
		t.Fatalf("a popover is open before any citation is used: %q", before.Open)
	}

	cases := []struct {
		name, sel          string
		title, locator     string
		open               func(sel string)
		label              string // the number's text
		focusAfterEscape   string
		hashAfterOpen      string
		notInPreview       string
		previewHasNoLocate bool
	}{
		{name: "focus", sel: `main .body a.cite[href="#note-1"]`, title: "Full report on the shooting", locator: "para. 3", label: "[1, para. 3]",
			open: func(sel string) { b.do("focus "+sel, chromedp.Focus(chromedp.CSS(sel))) }},
		{name: "tap", sel: `main .body a.cite[href="#note-2"]`, title: "An unsigned post", label: "[2]", notInPreview: "Cited at",
			open: func(sel string) { tap(b, sel) }},
	}
	for _, c := range cases {
		c.open(c.sel)
		s := read()
		if !strings.Contains(s.Open, c.title) {
			t.Errorf("%s on %s: the popover shows %q, want the source's title %q", c.name, c.sel, s.Open, c.title)
		}
		if c.locator != "" && !strings.Contains(s.Open, "Cited at: "+c.locator) {
			t.Errorf("%s on %s: the popover shows %q, want the locator %q", c.name, c.sel, s.Open, c.locator)
		}
		if c.notInPreview != "" && strings.Contains(s.Open, c.notInPreview) {
			t.Errorf("%s on %s: the popover shows %q, which has %q", c.name, c.sel, s.Open, c.notInPreview)
		}
		if s.Hash != "" {
			t.Errorf("%s on %s: the page went to %s instead of showing the popover", c.name, c.sel, s.Hash)
		}
		if s.Top != before.Top {
			t.Errorf("%s on %s: the page moved: a heading went from %v to %v", c.name, c.sel, before.Top, s.Top)
		}
		b.do("press Escape", chromedp.KeyEvent(kb.Escape))
		s = read()
		if s.Open != "" {
			t.Errorf("%s on %s: Escape leaves the popover open: %q", c.name, c.sel, s.Open)
		}
		if s.Focused != c.label {
			t.Errorf("%s on %s: after Escape the focus is on %q, want the citation %q", c.name, c.sel, s.Focused, c.label)
		}
	}

	// Without JavaScript the number leads to the source list.
	b.scripting(false)
	b.do("open "+event, chromedp.Navigate(site+event))
	b.do("click a citation", chromedp.Click(chromedp.CSS(`main .body a.cite[href="#note-1"]`)))
	if s := read(); s.Open != "" || s.Hash != "#note-1" {
		t.Errorf("without JavaScript, a citation leads to %q and shows %q; want #note-1 and no popover", s.Hash, s.Open)
	}
}

// tap touches the middle of the element sel, as a finger does.
func tap(b *browser, sel string) {
	b.t.Helper()
	type point struct{ X, Y float64 }
	p := eval[point](b, "find "+sel, `(() => {
		const r = document.querySelector(`+"`"+sel+"`"+`).getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
	})()`)
	b.do("tap "+sel,
		call(emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 1}),
		call(input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: p.X, Y: p.Y}}}),
		call(input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}}),
	)
	// The click that follows a tap comes after the touch events; a
	// command after it sees its effects.
	b.do("wait for the tap's click", chromedp.WaitVisible(chromedp.CSS(".cite-pop")))
}

// The header links to the search page without JavaScript and is a search
// box with it; the search page has one search box.
func TestSearchBoxes(t *testing.T) {
	_, site := evidenceSite(t)
	b := newBrowser(t)
	for _, js := range []bool{false, true} {
		b.scripting(js)
		for _, c := range []struct {
			page        string
			boxes       int
			headerLinks int
		}{
			{"events/2025-12-24-shooting.html", map[bool]int{false: 0, true: 1}[js], map[bool]int{false: 1, true: 0}[js]},
			{"search.html", 1, 1},
		} {
			b.do("open "+c.page, chromedp.Navigate(site+c.page))
			if n := b.count(`input[type="search"]`); n != c.boxes {
				t.Errorf("JavaScript %v: %s has %d search boxes, want %d", js, c.page, n, c.boxes)
			}
			if n := b.count(`.site-header a[href$="search.html"]`); n != c.headerLinks {
				t.Errorf("JavaScript %v: %s has %d links to the search page in its header, want %d", js, c.page, n, c.headerLinks)
			}
		}
	}
}

// Every page of the test site meets WCAG 2.2 AA as far as axe-core can
// tell, in the light and in the dark colour scheme: the dark palette
// keeps its contrast, in search results and in the view of an entry's
// file too.
func TestAccessibilitySchemes(t *testing.T) {
	if _, err := axeSource(); err != nil {
		need(t, err)
	}
	out, site := evidenceSite(t)
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The views that only a fragment or a query shows.
	pages = append(pages, "events/2025-12-24-shooting.html#source", "events/2025-12-24-shooting.html#L3", "pages/about.html#source", "search.html?q=shot")
	for _, s := range []string{"light", "dark"} {
		t.Run(s, func(t *testing.T) {
			b := newBrowser(t)
			b.focused()
			b.scheme(s)
			for _, p := range pages {
				b.do("open "+p, chromedp.Navigate(site+p))
				if strings.HasPrefix(p, "search.html?") {
					b.do("wait for results", chromedp.WaitVisible(chromedp.CSS(`#search-results mark`)))
				}
				if strings.HasPrefix(p, "events/") && !strings.Contains(p, "#") {
					// With a citation's popover open.
					b.do("focus a citation", chromedp.Focus(chromedp.CSS(`main .body a.cite`)))
				}
				for _, v := range b.axe() {
					t.Errorf("%s (%s): %s", p, s, v)
				}
			}
			t.Logf("%d pages checked", len(pages))
		})
	}
}
