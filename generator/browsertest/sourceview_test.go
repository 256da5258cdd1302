package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// An entry's page holds the view of its file, hidden until asked for: by
// the "See how this page is written" link (#source) or a link to one of
// its lines (#L3), as an error message's line number leads to. "Back to
// the page" hides it again. All of it works with JavaScript off.
func TestSourceView(t *testing.T) {
	event := eventPage(t)
	b := newBrowser(t)
	b.scripting(false)
	shown := func() bool {
		return eval[bool](b, "is the view shown", `document.getElementById("source").offsetParent !== null`)
	}
	b.open(event)
	if shown() {
		t.Fatalf("%s shows its file before it is asked for", event)
	}
	b.do("follow the view link", chromedp.Click(chromedp.CSS(`.page-tools a[href="#source"]`)))
	if !shown() {
		t.Fatalf("%s#source does not show the file", event)
	}
	if n := b.count(`#source code > span[id^="L"]`); n < 5 {
		t.Errorf("%s#source shows %d lines", event, n)
	}
	b.do("go back to the page", chromedp.Click(chromedp.CSS(`#source a[href="#main"]`)))
	if shown() {
		t.Errorf("%s still shows its file after Back to the page", event)
	}
	b.open(event + "#L3")
	if !shown() {
		t.Errorf("%s#L3 does not show the file", event)
	}
}
