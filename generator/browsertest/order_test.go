package browsertest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"dossier/generator/build"
)

// TestOrderOnScreen checks, where a reader sees it, that no event is shown
// above an event it is recorded as after: on the timeline and on the page
// of every person, place and organization. The relations come from the
// built dossier.json, so the test follows the content whatever it holds.
func TestOrderOnScreen(t *testing.T) {
	orderOnScreen(t, siteDir, siteURL)
}

// The same holds on the shipped dossier: the Tehran shooting above every
// reaction to it. The check reads only relations and positions, so a
// content change that renames or adds entries cannot break it; only an
// order a reader would see as false can.
func TestOrderOnScreenShipped(t *testing.T) {
	root := filepath.Join(repoRoot, "site.toml")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no site at the repository root")
	}
	out := filepath.Join(t.TempDir(), "public")
	if problems, err := build.Build(repoRoot, out); err != nil {
		t.Fatalf("build: %v\n%v", err, problems)
	}
	orderOnScreen(t, out, (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}).String())
}

func orderOnScreen(t *testing.T, dir, base string) {
	rels := relations(t, dir)
	if len(rels) == 0 {
		t.Fatal("the dossier records no after/before relation: nothing to check")
	}
	b := newBrowser(t)
	pages := []string{"index.html"}
	for _, kind := range []string{"people", "places", "organizations"} {
		names, _ := filepath.Glob(filepath.Join(dir, kind, "*.html"))
		for _, n := range names {
			if filepath.Base(n) != "index.html" {
				pages = append(pages, kind+"/"+filepath.Base(n))
			}
		}
	}
	checked := 0
	for _, p := range pages {
		b.do("open "+p, chromedp.Navigate(base+p))
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
func relations(t *testing.T, dir string) []pair {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "dossier.json"))
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
