package browsertest

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// The WCAG 2.2 AA rules of axe-core: levels A and AA of WCAG 2.0, 2.1 and
// 2.2.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

var axeSource = sync.OnceValues(func() (string, error) {
	p, err := axePath(repoRoot)
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(p)
	return string(data), err
})

type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []string `json:"target"`
		HTML    string   `json:"html"`
		Summary string   `json:"summary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&s, "\n\t- %s\n\t  %s", strings.Join(n.Target, " "), n.HTML)
		for _, line := range strings.Split(n.Summary, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				fmt.Fprintf(&s, "\n\t  %s", line)
			}
		}
	}
	return s.String()
}

// axe runs axe-core on the current page and returns its violations of
// WCAG 2.2 AA.
func (b *browser) axe() []axeViolation {
	b.t.Helper()
	src, err := axeSource()
	if err != nil {
		need(b.t, err)
	}
	b.do("inject axe-core", chromedp.Evaluate[chromedp.Void](src))
	// preload: false, because axe-core would fetch the stylesheets again
	// with XMLHttpRequest, which file:// forbids; that only leaves out
	// css-orientation-lock, which needs their rules.
	js := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"], preload: false})
	.then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html, summary: n.failureSummary || ""})),
	})))`, jsStrings(axeTags))
	return eval[[]axeViolation](b, "run axe-core", js)
}

func jsStrings(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// Each kind of page meets WCAG 2.2 AA, as far as axe-core can tell.
func TestAccessibility(t *testing.T) {
	if _, err := axeSource(); err != nil {
		need(t, err)
	}
	pages := []struct {
		name, path string
		ready      string // a selector to wait for before the check
	}{
		{"timeline", "index.html", ""},
		{"event", eventPage(t), ""},
		{"event's file", eventPage(t) + "#source", ""},
		{"person", person, ""},
		{"source", "", ""}, // the first source the person page cites
		{"search", "search.html?q=Sari", `#search-results a[href$="` + person + `"]`},
		{"tag", "tags/iran.html", ""},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			b := newBrowser(t)
			if p.path == "" {
				b.open(person)
				b.follow(`main a[href*="sources/"]:not([href$="sources/index.html"])`)
			} else {
				b.open(p.path)
			}
			if p.ready != "" {
				b.do("wait for "+p.ready, chromedp.WaitVisible(chromedp.CSS(p.ready)))
			}
			at := b.at()
			vs := b.axe()
			for _, v := range vs {
				t.Errorf("%s: %s", at, v)
			}
			if len(vs) == 0 {
				t.Logf("%s: no violations", at)
			}
		})
	}
}
