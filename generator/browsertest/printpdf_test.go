package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A paper size, and the width a page's content has on it: the paper less
// the side margins of site.css's @page rule (15 mm each).
type paper struct {
	name          string
	width, height float64 // inches
}

var papers = []paper{
	{"A4", 210 / 25.4, 297 / 25.4},
	{"Letter", 8.5, 11},
}

const pageMarginsMM = 30

// printable is the width of the content box on the paper, in CSS pixels.
func (p paper) printable() int64 {
	return int64((p.width*25.4 - pageMarginsMM) / 25.4 * 96)
}

// printPDF prints the open page as Chromium's print dialog would, on the
// paper, with the page's own @page margins.
func (b *browser) printPDF(p paper) []byte {
	b.t.Helper()
	res := run(b, "print to PDF on "+p.name, chromedp.Action[page.PrintToPDFResult](
		func(ctx context.Context, t *chromedp.Target) (page.PrintToPDFResult, error) {
			return cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: p.width, PaperHeight: p.height})
		}))
	return res.Data
}

// pdfText returns the text of each page of a PDF, by pdftotext.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	exe, err := exec.LookPath("pdftotext")
	if err != nil {
		need(t, fmt.Errorf("no pdftotext (Debian: apt-get install poppler-utils): %v", err))
	}
	in := filepath.Join(t.TempDir(), "page.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1] // the form feed after the last page
	}
	return pages
}

// keepPDF writes a printed PDF into $DOSSIER_PDF_DIR, when it is set, for
// a person to look at: "print-A4.pdf", "events-x-Letter.pdf".
func keepPDF(t *testing.T, pg string, p paper, pdf []byte) {
	dir := os.Getenv("DOSSIER_PDF_DIR")
	if dir == "" {
		return
	}
	name := strings.NewReplacer("/", "-", ".html", "").Replace(pg) + "-" + p.name + ".pdf"
	if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
		t.Error(err)
	}
}

// words collapses white space and drops hyphens, so that text broken
// across lines in the PDF compares with the page's: pdftotext joins a
// word broken after its hyphen ("cross-" "border") without the hyphen.
func words(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "-", "")), " ")
}

// pageNumber is the line @page writes at the foot of every sheet.
var pageNumber = regexp.MustCompile(`(?m)^\s*\d+\s*/\s*\d+\s*$`)

// eventTitles returns the title of every event, from dossier.json.
func eventTitles(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(siteDir, "dossier.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Entries []struct{ Kind, Title string }
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range d.Entries {
		if e.Kind == "event" {
			titles = append(titles, e.Title)
		}
	}
	if len(titles) == 0 {
		t.Fatal("dossier.json lists no events")
	}
	return titles
}

// Printed to PDF on A4 and on Letter, the print edition holds every
// event's title, and it and an event's page end each sheet with where it
// came from and the edition. No sheet holds nothing but that line and its
// number.
func TestPrintPDF(t *testing.T) {
	titles := eventTitles(t)
	b := newBrowser(t)
	b.open("print.html")
	edition := words(eval[string](b, "read the edition", `document.querySelector(".print-cover time")?.textContent ?? ""`))
	if edition == "" {
		t.Fatal("print.html's cover shows no edition")
	}
	for _, pg := range []string{"print.html", eventPage(t)} {
		b.open(pg)
		line := words("Printed from " + pg + " · Edition of " + edition)
		kept := eval[[]headingNext](b, "read the headings", headingsJS)
		for _, p := range papers {
			pdf := b.printPDF(p)
			keepPDF(t, pg, p, pdf)
			sheets := pdfText(t, pdf)
			for _, msg := range stranded(sheets, kept) {
				t.Errorf("%s on %s: %s", pg, p.name, msg)
			}
			var all []string
			for i, s := range sheets {
				s = words(pageNumber.ReplaceAllString(s, ""))
				all = append(all, s)
				if !strings.Contains(s, line) {
					t.Errorf("%s on %s: sheet %d of %d lacks the line %q", pg, p.name, i+1, len(sheets), line)
				}
				if strings.TrimSpace(strings.ReplaceAll(s, line, "")) == "" {
					t.Errorf("%s on %s: sheet %d of %d holds only %q", pg, p.name, i+1, len(sheets), s)
				}
			}
			if pg != "print.html" {
				continue
			}
			text := strings.Join(all, " ")
			for _, title := range titles {
				if !strings.Contains(text, words(title)) {
					t.Errorf("print.html on %s: the PDF lacks the event %q", p.name, title)
				}
			}
			if !regexp.MustCompile(`(?i)fingerprint sha256:[0-9a-f]{64}`).MatchString(text) {
				t.Errorf("print.html on %s: the PDF's cover has no fingerprint", p.name)
			}
			t.Logf("print.html on %s: %d sheets", p.name, len(sheets))
		}
	}
}

// In print, at the width of A4 and of Letter less the margins, no element
// reaches past the edge of the paper and none clips what it holds (as a
// box that scrolls does on screen).
func TestPrintFits(t *testing.T) {
	b := newBrowser(t)
	ev := eventPage(t)
	pages := []string{"print.html", ev, ev + "#source", "index.html", person}
	b.media("print")
	// Paper has no scroll bar to take its width.
	b.do("hide scroll bars", call(emulation.SetScrollbarsHidden, emulation.SetScrollbarsHiddenParams{Hidden: true}))
	for _, p := range papers {
		b.do("paper width", call(emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: p.printable(), Height: 1000, DeviceScaleFactor: 1,
		}))
		for _, pg := range pages {
			b.open(pg)
			bad := eval[[]string](b, "measure boxes", fitsJS)
			for _, s := range bad {
				t.Errorf("%s, printed on %s (%d px wide): %s", pg, p.name, p.printable(), s)
			}
		}
	}
}

// fitsJS lists the rendered elements that reach past the page's width or
// clip their content. Parts of an SVG are left to the SVG, and what is
// hidden for all but screen readers (clipped to nothing) is left out.
const fitsJS = `(() => {
	const W = document.documentElement.clientWidth;
	const name = el => el.outerHTML.slice(0, el.outerHTML.indexOf(">") + 1).slice(0, 120) +
		' ("' + el.textContent.trim().slice(0, 40) + '")';
	const unseen = el => {
		for (; el; el = el.parentElement) {
			if (getComputedStyle(el).clipPath !== "none") return true;
		}
		return false;
	};
	const out = [];
	if (document.documentElement.scrollWidth > W + 1) {
		out.push("the page is " + document.documentElement.scrollWidth + " px wide, more than " + W);
	}
	for (const el of document.body.querySelectorAll("*")) {
		if (el.closest("svg") && el.localName !== "svg") continue;
		if (el.getClientRects().length === 0 || unseen(el)) continue;
		const r = el.getBoundingClientRect();
		if (r.width === 0 && r.height === 0) continue;
		if (r.right > W + 1 || r.left < -1) {
			out.push(name(el) + " spans " + Math.round(r.left) + " to " + Math.round(r.right) + " px, outside 0 to " + W);
		}
		const cs = getComputedStyle(el);
		if (cs.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) {
			out.push(name(el) + " clips " + (el.scrollWidth - el.clientWidth) + " px of its content");
		}
	}
	return out;
})()`

// The print edition meets WCAG 2.2 AA, as far as axe-core can tell.
func TestPrintAccessible(t *testing.T) {
	if _, err := axeSource(); err != nil {
		need(t, err)
	}
	b := newBrowser(t)
	b.open("print.html")
	b.landmarks()
	for _, v := range b.axe() {
		t.Errorf("print.html: %s", v)
	}
}

// A headingNext is a heading and the start of what it introduces.
type headingNext struct{ Heading, Next string }

// headingsJS lists the headings of main that print, each with the first
// words of what comes after it: the next element, or, when that is a
// paragraph introducing a list or cards, the list.
const headingsJS = `(() => {
	const shown = el => getComputedStyle(el).display !== "none" && el.getClientRects().length > 0;
	const firstWords = el => el.textContent.trim().split(/\s+/).slice(0, 4).join(" ");
	const out = [];
	for (const h of document.querySelectorAll("main h2, main h3, main h4")) {
		if (!shown(h) || h.closest(".vh")) continue;
		let next = h.nextElementSibling;
		while (next && !shown(next)) next = next.nextElementSibling;
		if (!next) continue;
		const after = next.nextElementSibling;
		if (next.localName === "p" && after && shown(after) && after.matches("ul, ol, div")) next = after;
		const words = firstWords(next);
		if (words) out.push({Heading: h.textContent.trim(), Next: words});
	}
	return out;
})()`

// stranded finds the headings printed on another sheet than the start of
// what they introduce. It reads the sheets in order, as the headings come,
// and finds a heading only as whole lines, not within a sentence.
func stranded(sheets []string, headings []headingNext) []string {
	var bad []string
	lower := make([]string, len(sheets))
	for i, s := range sheets {
		lower[i] = strings.ToLower(strings.ReplaceAll(s, "-", "")) // the PDF has the text as CSS transforms it
	}
	sheet, at := 0, 0
	find := func(s string, lines bool) (int, int, bool) {
		var pattern []string
		for _, w := range strings.Fields(strings.ToLower(words(s))) {
			pattern = append(pattern, regexp.QuoteMeta(w))
		}
		re := strings.Join(pattern, `\s+`)
		if lines {
			re = `(?m)^\s*` + re + `\s*$`
		}
		r := regexp.MustCompile(re)
		for i, off := sheet, at; i < len(lower); i, off = i+1, 0 {
			if m := r.FindStringIndex(lower[i][off:]); m != nil {
				return i, off + m[1], true
			}
		}
		return 0, 0, false
	}
	for _, h := range headings {
		hs, hat, ok := find(h.Heading, true)
		if !ok {
			bad = append(bad, fmt.Sprintf("heading %q not found in the PDF after sheet %d", h.Heading, sheet+1))
			continue
		}
		sheet, at = hs, hat
		// What follows is on the heading's sheet or, stranded, the next.
		ns, _, ok := find(h.Next, false)
		if ok && ns == hs+1 {
			bad = append(bad, fmt.Sprintf("heading %q ends sheet %d; %q begins sheet %d", h.Heading, hs+1, h.Next, ns+1))
		}
	}
	return bad
}

// At 1280 px the header is two lines, the site's name with the search
// and the menu below on one line, and an event's title in a list reads
// as text but keeps its underline, the cue that it is a link besides its
// colour (WCAG 1.4.1).
func TestReadingDesign(t *testing.T) {
	b := newBrowser(t)
	b.do("window of 1280 px", call(emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: 1280, Height: 900, DeviceScaleFactor: 1,
	}))
	b.open("years/2025.html")
	type report struct {
		MenuLines, HeaderLines int
		TitleDecoration        string
		TitleWeight            int
	}
	r := eval[report](b, "measure the header and a title", `(() => {
		// Lines of boxes: a box that starts below the line so far begins the next.
		const tops = els => {
			let lines = 0, bottom = -Infinity;
			for (const r of [...els].map(el => el.getBoundingClientRect()).sort((a, b) => a.top - b.top)) {
				if (r.top >= bottom - 1) lines++;
				bottom = Math.max(r.top >= bottom - 1 ? r.bottom : bottom, r.bottom);
			}
			return lines;
		};
		const header = document.querySelector(".site-header");
		const rows = [...header.children].filter(el => el.getClientRects().length > 0 && getComputedStyle(el).position !== "absolute");
		const title = getComputedStyle(document.querySelector(".event-title a"));
		return {
			MenuLines: tops(header.querySelectorAll("nav li")),
			HeaderLines: tops(rows),
			TitleDecoration: title.textDecorationLine,
			TitleWeight: parseInt(title.fontWeight, 10),
		};
	})()`)
	if r.MenuLines != 1 || r.HeaderLines > 2 {
		t.Errorf("at 1280 px the menu takes %d lines and the header %d, want 1 and at most 2", r.MenuLines, r.HeaderLines)
	}
	if !strings.Contains(r.TitleDecoration, "underline") {
		t.Errorf("an event's title in a list is not underlined (%q): nothing but colour would say it is a link", r.TitleDecoration)
	}
	if r.TitleWeight >= 600 {
		t.Errorf("an event's title in a list has weight %d, want a lighter one", r.TitleWeight)
	}
}
