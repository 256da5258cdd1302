package browsertest

import (
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
)

// languagesSite builds testdata/languages/site.txtar, a dossier with a
// Dari edition, and returns its file URL, ending in "/".
func languagesSite(t *testing.T) string {
	_, u := txtarSite(t, "languages")
	return u
}

// The Dari timeline reads right to left, while an English title not yet
// translated keeps its own direction, its full stop at its end; the
// language switcher leads to the same page in English and back.
func TestDariTimeline(t *testing.T) {
	site := languagesSite(t)
	b := newBrowser(t)
	b.do("open fa-af/index.html", chromedp.Navigate(site+"fa-af/index.html"))

	type dirs struct {
		Page, Main, Translated, Untranslated string
		StopAtEnd                            bool // the full stop is the English title's rightmost character
	}
	got := eval[dirs](b, "read directions", `(() => {
		const dir = el => el ? getComputedStyle(el).direction : "";
		const title = id => document.querySelector('.event-item[data-event="' + id + '"] .event-title a');
		const en = title("2025-12-26-officials-speak");
		let stopAtEnd = false;
		if (en) {
			const text = en.firstChild, r = document.createRange();
			r.setStart(text, text.length - 1);
			r.setEnd(text, text.length);
			const stop = r.getBoundingClientRect(), all = en.getBoundingClientRect();
			stopAtEnd = Math.abs(stop.right - all.right) < 1;
		}
		return {
			page: document.documentElement.dir + "/" + dir(document.body),
			main: dir(document.querySelector("main")),
			translated: dir(title("2025-12-24-tehran-shooting")),
			untranslated: dir(en),
			stopAtEnd: stopAtEnd,
		};
	})()`)
	want := dirs{Page: "rtl/rtl", Main: "rtl", Translated: "rtl", Untranslated: "ltr", StopAtEnd: true}
	if got != want {
		t.Errorf("Dari timeline: %+v, want %+v", got, want)
	}

	// The switcher: the same page in English, and back.
	b.loadAfter("follow the English link", chromedp.Click(chromedp.CSS(`nav.languages a[hreflang="en"]`)))
	if dir := eval[string](b, "read dir", `document.documentElement.lang + "/" + getComputedStyle(document.body).direction`); dir != "en/ltr" {
		t.Errorf("the English link leads to a page in %s, want en/ltr", dir)
	}
	b.loadAfter("follow the Dari link", chromedp.Click(chromedp.CSS(`nav.languages a[hreflang="fa-AF"]`)))
	if u := eval[string](b, "read location", `location.href`); u != site+"fa-af/index.html" {
		t.Errorf("the Dari link leads to %s, want %sfa-af/index.html", u, site)
	}
}

// Search in Dari finds Ikramuddin Sari by his name in Dari, and by its
// Latin spelling, and says so in Dari, with Persian digits.
func TestDariSearch(t *testing.T) {
	site := languagesSite(t)
	b := newBrowser(t)
	const sari = "people/ikramuddin-sari.html"
	for _, q := range []string{"ساری", "Saree"} {
		b.do("open fa-af/search.html?q="+q, chromedp.Navigate(site+"fa-af/search.html?q="+url.QueryEscape(q)))
		b.waitResult(q, sari)
		if n := b.count(`#search-results a[href="` + sari + `"]`); n != 1 {
			t.Errorf("%s: %d results link to %s (relative to fa-af/), want 1", q, n, sari)
		}
	}
	count := eval[string](b, "read the count", `document.getElementById("search-count").textContent`)
	if want := "۲ نتیجه برای «Saree»."; count != want { // him, and the event that names him
		t.Errorf("the count says %q, want %q", count, want)
	}
}

// The Dari pages meet WCAG 2.2 AA, as far as axe-core can tell: translated
// and untranslated, and the search page with its results.
func TestDariAccessibility(t *testing.T) {
	if _, err := axeSource(); err != nil {
		need(t, err)
	}
	site := languagesSite(t)
	for _, p := range []struct{ path, ready string }{
		{"fa-af/index.html", ""},
		{"fa-af/events/2025-12-24-tehran-shooting.html", ""},
		{"fa-af/events/2025-12-26-officials-speak.html", ""},
		{"fa-af/people/ikramuddin-sari.html", ""},
		{"fa-af/sources/src-report.html", ""},
		{"fa-af/search.html?q=" + url.QueryEscape("ساری"), `#search-results a[href$="people/ikramuddin-sari.html"]`},
	} {
		t.Run(p.path, func(t *testing.T) {
			b := newBrowser(t)
			b.do("open "+p.path, chromedp.Navigate(site+p.path))
			if p.ready != "" {
				b.do("wait for "+p.ready, chromedp.WaitVisible(chromedp.CSS(p.ready)))
			}
			for _, v := range b.axe() {
				t.Errorf("%s: %s", p.path, v)
			}
		})
	}
}
