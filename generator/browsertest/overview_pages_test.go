package browsertest

import (
	"fmt"
	"testing"
)

// An event page with its strip of neighbours and a place page with its
// locator map meet WCAG 2.2 AA in light and dark, at a phone's width and
// a desktop's.
func TestOverviewPages(t *testing.T) {
	if _, err := axeSource(); err != nil {
		need(t, err)
	}
	for _, p := range []string{eventPage(t), "places/tehran.html"} { // both in internal/testsite
		for _, width := range []int64{390, 1280} {
			t.Run(fmt.Sprintf("%s/%d", p, width), func(t *testing.T) {
				b := newBrowser(t)
				b.viewport(width, 900)
				b.open(p)
				if n := b.count(".strip.near a.mark, .locator svg"); n == 0 {
					t.Errorf("%s: no strip of neighbours and no locator map", p)
				}
				for _, s := range []string{"light", "dark"} {
					b.scheme(s)
					for _, v := range b.axe() {
						t.Errorf("%s, %s: %s", p, s, v)
					}
				}
			})
		}
	}
}
