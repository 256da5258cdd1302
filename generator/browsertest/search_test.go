package browsertest

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

const ghulami = "people/maroof-ghulami.html"

// waitResult waits until the search results link to page.
func (b *browser) waitResult(query, page string) {
	b.t.Helper()
	b.do("wait for a result for "+query+" linking to "+page,
		chromedp.WaitVisible(chromedp.CSS(`#search-results a[href$="`+page+`"]`)))
}

// search replaces the query in the search page's box, as a paste or an
// input method does: one edit, so the results are those of the whole query,
// never of a prefix typed on the way to it. Then it waits for a result
// linking to want, which must not have been there before the edit.
func (b *browser) search(query, want string) {
	b.t.Helper()
	sel := `#search-results a[href$="` + want + `"]`
	if b.count(sel) != 0 {
		b.fatalf("a result links to %s before the query %q", want, query)
	}
	b.do("enter "+query,
		chromedp.Focus(chromedp.CSS("#search-input")),
		chromedp.Evaluate[chromedp.Void](`document.activeElement.select()`),
		call(input.InsertText, input.InsertTextParams{Text: query}))
	if v := run(b, "read #search-input", chromedp.Value(chromedp.CSS("#search-input"))); v != query {
		b.fatalf("#search-input holds %q, want %q", v, query)
	}
	b.waitResult(query, want)
}

// Search finds people by any spelling of their name and places by the
// events there, and its results lead to the pages.
func TestSearch(t *testing.T) {
	event := eventPage(t)
	b := newBrowser(t)

	b.open("search.html?q=Saree")
	b.landmarks()
	b.waitResult("Saree", person)

	b.search("Gholami", ghulami)
	b.search("Valiasr", event)

	b.follow(`#search-results a[href$="` + event + `"]`)
	if got := b.at(); got != event {
		t.Fatalf("the result led to %s, want %s", got, event)
	}
	b.landmarks()
}

// The search box in the header of every page submits to search.html, which
// runs the query.
func TestHeaderSearch(t *testing.T) {
	event := eventPage(t)
	b := newBrowser(t)
	b.open(event)

	b.loadAfter("submit the header search",
		chromedp.SendKeys(chromedp.CSS(`form[action$="search.html"] input[name="q"]`), "Sari\n"))
	at := b.at()
	u, err := url.Parse(at)
	if err != nil || u.Path != "search.html" || u.Query().Get("q") != "Sari" {
		t.Fatalf("the header search led to %s, want search.html?q=Sari", at)
	}
	b.waitResult("Sari", person)
	if v := run(b, "read #search-input", chromedp.Value(chromedp.CSS("#search-input"))); v != "Sari" {
		t.Errorf("search.html?q=Sari shows %q in #search-input", v)
	}
}

// A query loads the shards of the index it needs, as scripts from file://,
// not the whole index; the next query loads the shards it needs in turn.
func TestSearchLoadsShards(t *testing.T) {
	all, err := filepath.Glob(filepath.Join(siteDir, "search-index", "*.js"))
	if err != nil || len(all) < 3 {
		t.Fatalf("the test site's index has %d shards (%v)", len(all), err)
	}
	b := newBrowser(t)
	b.open("search.html?q=Saree")
	b.waitResult("Saree", person)
	shards := func() []string {
		return eval[[]string](b, "list the shards loaded", `Array.prototype.map.call(document.querySelectorAll('script[src*="search-index/"]'), function (s) { return s.src; })`)
	}
	first := shards()
	if len(first) == 0 || len(first) >= len(all) {
		t.Errorf("the query loaded %d of the %d shards: %q", len(first), len(all), first)
	}
	for _, u := range first {
		if !strings.HasPrefix(u, siteURL+"search-index/") {
			t.Errorf("a shard loaded from %s, not beside search.html", u)
		}
	}
	b.search("Gholami", ghulami)
	if next := shards(); len(next) <= len(first) {
		t.Errorf("the second query loaded no shard: %q", next)
	}
}
