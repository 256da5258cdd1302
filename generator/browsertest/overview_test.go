package browsertest

import (
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"dossier/generator/build"
	"dossier/internal/synth"
	"dossier/internal/testsite"
)

// kindsTOML names the test site's kinds of event, as the shipped
// site.toml does.
const kindsTOML = `
[overview]
labels = { "2018-10-18-kandahar-attack" = "Raziq, Kandahar 2018" }

[[kinds]]
tag = "assassination"
label = "Killing"
shape = "star"
key = true

[[kinds]]
tag = "arrest"
label = "Arrest"
shape = "square"
`

// buildDossier builds the test site with kinds of event, into a
// temporary folder, and returns the file URL of its output.
func buildDossier(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	fsys := testsite.FS()
	// A copy: the files share the bytes of testsite's archive.
	fsys["site.toml"].Data = append(append([]byte(nil), fsys["site.toml"].Data...), kindsTOML...)
	for name, f := range fsys {
		p := filepath.Join(dir, "site", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buildTestdata(t, filepath.Join(dir, "site"))
}

// buildTestdata builds a site of testdata into a temporary folder and
// returns the file URL of its output, ending in "/".
func buildTestdata(t testing.TB, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if problems, err := build.Build(dir, out); err != nil {
		t.Fatalf("build %s: %v\n%v", dir, err, problems)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}).String()
}

// viewport sets the tab's size in CSS pixels.
func (b *browser) viewport(w, h int64) {
	b.t.Helper()
	b.do(fmt.Sprintf("viewport %dx%d", w, h), chromedp.EmulateViewport(w, h))
}

// drawing is what a page's shown overview and map drawings hold.
type drawing struct {
	Views    []string // class of each drawing shown
	Overlaps []string // pairs of text labels whose boxes overlap
	Unnamed  []string // marks without an accessible name
	Small    []string // link targets under 24px
	Marks    int      // marks in the shown overview
	Spots    int      // places on the shown map
}

// readDrawings measures, in the browser, the text labels of every shown
// overview and map drawing, their marks' names and their targets.
const readDrawings = `(() => {
	const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).display !== "none";
	const svgs = [...document.querySelectorAll("svg.strip-view, svg.map-view")].filter(shown);
	const r = {Views: svgs.map(s => s.getAttribute("class")), Overlaps: [], Unnamed: [], Small: [], Marks: 0, Spots: 0};
	for (const svg of svgs) {
		const texts = [...svg.querySelectorAll("text")].filter(t => t.textContent.trim() !== "");
		const boxes = texts.map(t => t.getBoundingClientRect());
		for (let i = 0; i < boxes.length; i++) {
			for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i], b = boxes[j];
				if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
					r.Overlaps.push(svg.getAttribute("class") + ": " + JSON.stringify(texts[i].textContent) + " and " + JSON.stringify(texts[j].textContent));
				}
			}
		}
		for (const a of svg.querySelectorAll("a.mark, a.spot")) {
			const name = (a.getAttribute("aria-label") || "").trim();
			if (!name) r.Unnamed.push(a.outerHTML.slice(0, 120));
		}
		for (const hit of svg.querySelectorAll("a.mark .hit")) {
			const b = hit.getBoundingClientRect();
			if (b.width < 23.9 || b.height < 23.9) r.Small.push(hit.closest("a").getAttribute("aria-label") + ": " + b.width.toFixed(1) + "x" + b.height.toFixed(1));
		}
		r.Marks += svg.querySelectorAll("a.mark").length;
		r.Spots += svg.querySelectorAll("a.spot").length;
	}
	return r;
})()`

// The timeline's overview and map stay legible at a phone's width and a
// desktop's, for the shipped dossier and for one of two centuries: no two
// text labels overlap, every mark is named, every mark's target is 24px
// at least, the arrow keys move between marks with one tab stop into the
// strip, and axe finds nothing in light or dark.
func TestOverview(t *testing.T) {
	if _, err := axeSource(); err != nil {
		need(t, err)
	}
	sites := []struct {
		name, url string
		events    int
	}{
		{"dossier", buildDossier(t), countFiles(t, testsite.FS(), "content/events")},
		{"two-centuries", buildTestdata(t, "testdata/two-centuries"), countFiles(t, os.DirFS("testdata/two-centuries"), "content/events")},
	}
	shots := os.Getenv("OVERVIEW_SCREENSHOTS") // a folder to save screenshots in
	for _, site := range sites {
		// The narrowest phone, a common one, a laptop, a desktop.
		for _, width := range []int64{320, 390, 1280, 1440} {
			t.Run(fmt.Sprintf("%s/%d", site.name, width), func(t *testing.T) {
				b := newBrowser(t)
				b.viewport(width, 900)
				b.do("open", chromedp.Navigate(site.url+"index.html"))
				d := eval[drawing](b, "measure the drawings", readDrawings)
				if len(d.Views) != 2 {
					t.Errorf("shown drawings %q, want one overview and one map", d.Views)
				}
				for _, o := range d.Overlaps {
					t.Errorf("labels overlap: %s", o)
				}
				for _, u := range d.Unnamed {
					t.Errorf("mark without a name: %s", u)
				}
				for _, s := range d.Small {
					t.Errorf("target under 24px: %s", s)
				}
				if d.Marks != site.events {
					t.Errorf("%d marks shown, want one per event (%d)", d.Marks, site.events)
				}
				if d.Spots == 0 {
					t.Errorf("no places on the map")
				}
				// The first screen of a desktop shows the story's shape and
				// the first event.
				firstEvent := eval[float64](b, "first event", `document.querySelector(".event-item .event-title").getBoundingClientRect().bottom`)
				if site.name == "dossier" && width == 1280 && firstEvent > 900 {
					t.Errorf("the first event's title ends at %.0fpx, below the first screen (900px)", firstEvent)
				}
				if shots != "" {
					png := run(b, "screenshot", chromedp.CaptureScreenshot())
					if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("timeline-%s-%d.png", site.name, width)), png, 0o644); err != nil {
						t.Error(err)
					}
					b.do("scroll to the map", chromedp.ScrollIntoView(chromedp.CSS("#map")))
					png = run(b, "screenshot", chromedp.CaptureScreenshot())
					if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("map-%s-%d.png", site.name, width)), png, 0o644); err != nil {
						t.Error(err)
					}
					b.do("scroll back", chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0)"))
				}

				// The keyboard: one tab stop, the arrows between marks.
				type focus struct {
					Stops   int
					Active  string
					Caption string
				}
				state := func() focus {
					return eval[focus](b, "read the focus", `(() => {
						const svg = [...document.querySelectorAll("svg.strip-view")].find(s => s.getClientRects().length);
						const a = document.activeElement;
						const cap = document.querySelector(".strip-focus");
						return {
							Stops: [...svg.querySelectorAll("a")].filter(a => a.tabIndex >= 0).length,
							Active: a && a.matches("a.mark") ? a.getAttribute("data-event") : "",
							Caption: cap && !cap.hidden ? cap.textContent : "",
						};
					})()`)
				}
				b.do("focus the skip link", chromedp.Focus(chromedp.CSS("a.skip-strip")))
				b.do("tab into the strip", chromedp.KeyEvent(kb.Tab))
				f := state()
				if f.Stops != 1 {
					t.Errorf("%d tab stops in the overview, want 1", f.Stops)
				}
				first := f.Active
				if first == "" || f.Caption == "" {
					t.Fatalf("after Tab from the skip link: focus on %q, caption %q; want the first mark, captioned", first, f.Caption)
				}
				b.do("arrow right", chromedp.KeyEvent(kb.ArrowRight))
				second := state()
				if second.Active == "" || second.Active == first || second.Caption == f.Caption {
					t.Errorf("ArrowRight from %s: focus on %q, caption %q", first, second.Active, second.Caption)
				}
				b.do("arrow left", chromedp.KeyEvent(kb.ArrowLeft))
				if back := state(); back.Active != first {
					t.Errorf("ArrowLeft: focus on %q, want %q", back.Active, first)
				}
				b.do("end", chromedp.KeyEvent(kb.End))
				if end := state(); end.Active == first || end.Stops != 1 {
					t.Errorf("End: focus on %q with %d tab stops", end.Active, end.Stops)
				}

				// A filter fades marks out: the tab stop moves to one
				// that is left.
				// This listener comes after the page's, so it sees what
				// they did.
				left := eval[[]int](b, "filter by status", `new Promise(done => {
					window.addEventListener("hashchange", () => {
						const svg = [...document.querySelectorAll("svg.strip-view")].find(s => s.getClientRects().length);
						const stops = [...svg.querySelectorAll("a.mark")].filter(a => a.tabIndex >= 0);
						done([stops.length, stops.filter(a => a.classList.contains("off")).length, svg.querySelectorAll("a.mark:not(.off)").length]);
					}, {once: true});
					location.hash = "#status=alleged";
				})`)
				if left[2] > 0 && (left[0] != 1 || left[1] != 0) {
					t.Errorf("filtered: %d tab stops, %d of them faded out; want 1 on a mark left", left[0], left[1])
				}
				b.do("clear the filter", chromedp.Evaluate[chromedp.Void](`history.replaceState(null, "", location.pathname); window.dispatchEvent(new HashChangeEvent("hashchange"))`))

				for _, s := range []string{"light", "dark"} {
					if width != 390 && width != 1280 {
						break // the same drawings as at 390 and 1280
					}
					b.scheme(s)
					for _, v := range b.axe() {
						t.Errorf("%s, %s: %s", site.name, s, v)
					}
				}

				// A pointer on the last mark opens its event.
				type target struct {
					X, Y float64
					Href string
				}
				m := eval[target](b, "find the last mark", `(() => {
					const svg = [...document.querySelectorAll("svg.strip-view")].find(s => s.getClientRects().length);
					const a = [...svg.querySelectorAll("a.mark")].pop();
					a.scrollIntoView({block: "center"});
					const r = a.querySelector(".hit").getBoundingClientRect();
					return {X: r.x + r.width / 2, Y: r.y + r.height / 2, Href: new URL(a.getAttribute("href"), location.href).href};
				})()`)
				b.loadAfter("click the last mark", chromedp.MouseClickXY(m.X, m.Y))
				if got := eval[string](b, "where", "location.href"); got != m.Href {
					t.Errorf("clicking the last mark led to %s, want %s", got, m.Href)
				}
			})
		}
	}
}

// countFiles counts the entries in a folder of a site: its Markdown
// files that are not translations (ID.md, not ID.TAG.md).
func countFiles(t *testing.T, fsys fs.FS, dir string) int {
	t.Helper()
	names, err := fs.Glob(fsys, dir+"/*.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		if strings.Count(path.Base(name), ".") == 1 {
			n++
		}
	}
	return n
}

// Past what a phone's strip can mark one by one, the overview shades how
// many events fall in each stretch of time instead, on a phone and a
// desktop: the area is drawn within the drawing and above the axis, the
// legend says what it is and how many events it counts, no labels
// overlap, a desktop's years still link to their events, and axe finds nothing
// in light or dark. The page stays small: at 5,000 events the marks of
// three views were 9 MB of the timeline's 12.6.
func TestOverviewDense(t *testing.T) {
	if _, err := axeSource(); err != nil {
		need(t, err)
	}
	dir := filepath.Join(t.TempDir(), "site")
	const events = 300
	if err := synth.Write(dir, synth.Defaults(events)); err != nil {
		t.Fatal(err)
	}
	site := buildTestdata(t, dir)
	for _, width := range []int64{390, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			b := newBrowser(t)
			b.viewport(width, 900)
			b.do("open", chromedp.Navigate(site+"index.html"))
			d := eval[drawing](b, "measure the drawings", readDrawings)
			for _, o := range d.Overlaps {
				t.Errorf("labels overlap: %s", o)
			}
			if d.Marks != 0 {
				t.Errorf("%d marks, want none: the corpus has no key events", d.Marks)
			}
			type area struct {
				Shown                 bool
				Left, Right, Top, Bot float64
				SvgLeft, SvgRight     float64
				AxisY                 float64
				Years                 int
				Legend                string
			}
			a := eval[area](b, "measure the shaded area", `(() => {
				const svg = [...document.querySelectorAll("svg.strip-view")].find(s => s.getClientRects().length);
				const p = svg.querySelector("path.density");
				const r = p ? p.getBoundingClientRect() : {};
				const s = svg.getBoundingClientRect();
				const axis = svg.querySelector(".axis line").getBoundingClientRect();
				const legend = [...document.querySelectorAll(".strip-legend li")].map(li => li.textContent).find(t => t.includes("Shaded")) || "";
				return {Shown: !!p && r.height > 10 && getComputedStyle(p).opacity > 0, Left: r.left, Right: r.right, Top: r.top, Bot: r.bottom,
					SvgLeft: s.left, SvgRight: s.right, AxisY: axis.top, Years: svg.querySelectorAll("a.year-link").length, Legend: legend};
			})()`)
			if !a.Shown {
				t.Fatalf("no shaded area shown: %+v", a)
			}
			if a.Left < a.SvgLeft || a.Right > a.SvgRight || a.Bot > a.AxisY+1 {
				t.Errorf("shaded area %.0f..%.0f, bottom %.0f: outside the drawing %.0f..%.0f or below the axis at %.0f", a.Left, a.Right, a.Bot, a.SvgLeft, a.SvgRight, a.AxisY)
			}
			if a.Years == 0 && width >= 1280 {
				// A phone's axis may name every other year, unlinked.
				t.Errorf("no year links on the axis")
			}
			if !strings.Contains(a.Legend, fmt.Sprint(events, " events")) {
				t.Errorf("legend %q does not say it counts %d events", a.Legend, events)
			}
			for _, s := range []string{"light", "dark"} {
				b.scheme(s)
				for _, v := range b.axe() {
					t.Errorf("%s: %s", s, v)
				}
			}
		})
	}
}
