package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestOrderOnScreen checks, where a reader sees it, that no event is shown
// above an event it is recorded as after: on the timeline and on the page
// of every person, place and organization. The relations come from the
// built dossier.json, so the test follows the content whatever it holds.
func TestOrderOnScreen(t *testing.T) {
	rels := relations(t)
	if len(rels) == 0 {
		t.Fatal("the dossier records no after/before relation: nothing to check")
	}
	b := newBrowser(t)
	pages := []string{"index.html"}
	for _, dir := range []string{"people", "places", "organizations"} {
		names, _ := filepath.Glob(filepath.Join(siteDir, dir, "*.html"))
		for _, n := range names {
			if filepath.Base(n) != "index.html" {
				pages = append(pages, dir+"/"+filepath.Base(n))
			}
		}
	}
	checked := 0
	for _, p := range pages {
		b.open(p)
		// The top of each event in the page's lists of events, by id
		// (links in the text may name events in any order).
		tops := eval[map[string]float64](b, "event positions", `(() => {
			const out = {};
			for (const a of document.querySelectorAll('main ol.events a[href$=".html"]')) {
				const m = a.getAttribute('href').match(/events\/([a-z0-9-]+)\.html$/);
				if (m && !(m[1] in out)) out[m[1]] = a.getBoundingClientRect().top + window.scrollY;
			}
			return out;
		})()`)
		for _, r := range rels {
			first, ok1 := tops[r.first]
			then, ok2 := tops[r.then]
			if !ok1 || !ok2 {
				continue
			}
			checked++
			if first >= then {
				t.Errorf("%s: %s is shown at y=%.0f, not above %s (y=%.0f), which comes after it", p, r.first, first, r.then, then)
			}
		}
	}
	if checked == 0 {
		t.Error("no page shows both events of any relation")
	}
	t.Logf("%d relation pairs checked on %d pages", checked, len(pages))
}

type pair struct{ first, then string }

// relations reads every after/before relation from the built dossier.json,
// as pairs of the event that comes first and the one that follows.
func relations(t *testing.T) []pair {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(siteDir, "dossier.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Entries []struct {
			ID     string   `json:"id"`
			After  []string `json:"after"`
			Before []string `json:"before"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(fmt.Errorf("dossier.json: %v", err))
	}
	var out []pair
	for _, e := range d.Entries {
		for _, a := range e.After {
			out = append(out, pair{a, e.ID})
		}
		for _, x := range e.Before {
			out = append(out, pair{e.ID, x})
		}
	}
	return out
}
