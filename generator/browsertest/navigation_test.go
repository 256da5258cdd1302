package browsertest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const person = "people/ikramuddin-sari.html"

// A reader goes from the timeline to the Tehran shooting, on to Ikramuddin
// Sari and one of the sources, then back twice to the event. Every page on
// the way has one h1 and a main landmark.
func TestNavigation(t *testing.T) {
	event := eventPage(t)
	b := newBrowser(t)

	b.open("index.html")
	b.landmarks()

	b.follow(`main .events a[href$="` + event + `"]`) // the overview draws a mark per width, most of them hidden
	if got := b.at(); got != event {
		t.Fatalf("the timeline's link led to %s, want %s", got, event)
	}
	b.landmarks()

	b.follow(`main a[href$="` + person + `"]`)
	if got := b.at(); got != person {
		t.Fatalf("the event's link led to %s, want %s", got, person)
	}
	b.landmarks()

	b.follow(`main a[href*="sources/"]:not([href$="sources/index.html"])`)
	source := b.at()
	if !strings.HasPrefix(source, "sources/") {
		t.Fatalf("the person's source link led to %s, want a page under sources/", source)
	}
	b.landmarks()

	b.back()
	if got := b.at(); got != person {
		t.Errorf("back from %s: at %s, want %s", source, got, person)
	}
	b.back()
	if got := b.at(); got != event {
		t.Fatalf("back twice from %s: at %s, want %s", source, got, event)
	}
	b.landmarks()
}

// With JavaScript off the timeline lists and links every event, and the
// links lead to readable pages.
func TestWithoutJavaScript(t *testing.T) {
	event := eventPage(t)
	b := newBrowser(t)
	b.scripting(false)

	b.open("index.html")
	b.landmarks()
	var linked []string
	for _, a := range b.attrs(`main a[href^="events/"]`) {
		linked = append(linked, a["href"])
	}
	pages, err := filepath.Glob(filepath.Join(siteDir, "events", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		rel := "events/" + filepath.Base(p)
		if rel != "events/index.html" && !slices.Contains(linked, rel) {
			t.Errorf("the timeline has no link to %s", rel)
		}
	}
	if n := b.count(`main time[datetime]`); n < len(pages)-1 {
		t.Errorf("the timeline has %d dates for %d events", n, len(pages))
	}

	b.follow(`main .events a[href$="` + event + `"]`)
	if got := b.at(); got != event {
		t.Fatalf("the timeline's link led to %s, want %s", got, event)
	}
	b.landmarks()
	if n := b.count(`main a[href^="../sources/"]`); n == 0 {
		t.Errorf("%s links to no source", event)
	}

	b.follow(`main a[href$="` + person + `"]`)
	if got := b.at(); got != person {
		t.Fatalf("the event's link led to %s, want %s", got, person)
	}
	b.landmarks()
	if n := b.count(`main a[href*="` + filepath.Base(event) + `"]`); n == 0 {
		t.Errorf("%s does not link back to %s", person, event)
	}

	// Scripts really are off: the search page runs no query. It says why,
	// and the site's links still lead on.
	b.open("search.html?q=Saree")
	b.landmarks()
	if n := b.count(`main a[href$="` + person + `"]`); n != 0 {
		t.Errorf("search.html ran a query with JavaScript off")
	}
	if text := eval[string](b, "read main", `document.querySelector("main").innerText`); !strings.Contains(text, "JavaScript") {
		t.Errorf("without JavaScript, search.html does not say that search needs it; it shows:\n%s", text)
	}
	for _, href := range []string{"index.html", "people/index.html"} {
		if b.count(`a[href="`+href+`"]`) == 0 {
			t.Errorf("search.html has no link to %s", href)
		}
	}
}
