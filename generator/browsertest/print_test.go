package browsertest

import (
	"testing"
)

// Printed, an event page drops the site's navigation and search, and keeps
// its citations and notes.
func TestPrint(t *testing.T) {
	event := eventPage(t)
	b := newBrowser(t)
	b.open(event)
	b.media("print")

	// Not displayed: display is none on the element or an ancestor.
	type report struct {
		Chrome, ShownChrome []string
		Cites, HiddenCites  []string
		Notes, HiddenNotes  []string
		Heading             string
	}
	r := eval[report](b, "read the printed page", `(() => {
		const hidden = el => {
			for (; el; el = el.parentElement) {
				if (getComputedStyle(el).display === "none") return true;
			}
			return false;
		};
		const name = el => el.outerHTML.slice(0, el.outerHTML.indexOf(">") + 1);
		const main = document.querySelector("main");
		const chrome = [...document.querySelectorAll("nav, form")].filter(el =>
			!main.contains(el) || el.matches('[role="search"], form[action$="search.html"]'));
		const cites = [...main.querySelectorAll('a[href^="#"]')].filter(a => {
			const id = decodeURIComponent(a.getAttribute("href").slice(1));
			return id && document.getElementById(id)?.closest("ol");
		});
		const notes = [...new Set(cites.map(a =>
			document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)))))];
		const h1 = document.querySelector("h1");
		return {
			Chrome: chrome.map(name), ShownChrome: chrome.filter(el => !hidden(el)).map(name),
			Cites: cites.map(name), HiddenCites: cites.filter(hidden).map(name),
			Notes: notes.map(name), HiddenNotes: notes.filter(hidden).map(name),
			Heading: h1 && !hidden(h1) ? h1.textContent : "",
		};
	})()`)

	if len(r.Chrome) == 0 {
		t.Errorf("%s has no navigation or search form outside main", event)
	}
	for _, el := range r.ShownChrome {
		t.Errorf("printed, %s still shows %s", event, el)
	}
	if len(r.Cites) == 0 || len(r.Notes) == 0 {
		t.Errorf("%s has %d citations of %d notes, want some", event, len(r.Cites), len(r.Notes))
	}
	for _, el := range r.HiddenCites {
		t.Errorf("printed, %s hides the citation %s", event, el)
	}
	for _, el := range r.HiddenNotes {
		t.Errorf("printed, %s hides the note %s", event, el)
	}
	if r.Heading == "" {
		t.Errorf("printed, %s shows no h1", event)
	}
}

// Printed, the timeline's overview keeps its legend, which says what the
// shapes, fills, bars and breaks mean, and drops the folded help, which
// is for the screen.
func TestPrintOverviewLegend(t *testing.T) {
	b := newBrowser(t)
	b.open("index.html")
	b.media("print")
	type report struct{ Legend, Help bool }
	r := eval[report](b, "read the printed overview", `(() => {
		const shown = el => !!el && el.getClientRects().length > 0;
		return {Legend: shown(document.querySelector(".strip-legend")), Help: shown(document.querySelector(".strip-legend .strip-help"))};
	})()`)
	if !r.Legend {
		t.Error("printed, the overview has no legend")
	}
	if r.Help {
		t.Error("printed, the overview shows the folded help")
	}
}
