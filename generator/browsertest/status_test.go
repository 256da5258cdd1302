package browsertest

import "testing"

// Every status, in lists, on an event page and in the status pages'
// legend, shows its mark: a glyph per status that the stylesheet draws in
// a span hidden from screen readers, which read "Status: Reported".
func TestStatusMarks(t *testing.T) {
	want := map[string]string{"confirmed": `"●"`, "reported": `"◐"`, "alleged": `"○"`, "disputed": `"◇"`}
	type mark struct{ Status, Mark, Hidden string }
	b := newBrowser(t)
	for _, page := range []string{"index.html", eventPage(t), "status/reported.html"} {
		b.open(page)
		marks := eval[[]mark](b, "read the status marks", `[...document.querySelectorAll(".status")].map(s => {
			const m = s.querySelector(":scope > [aria-hidden]");
			return {Status: (s.className.match(/\bstatus-(\w+)/) || ["", ""])[1],
				Mark: m ? getComputedStyle(m, "::before").content : "",
				Hidden: m ? m.getAttribute("aria-hidden") : ""};
		})`)
		seen := map[string]bool{}
		for _, m := range marks {
			if m.Mark != want[m.Status] || m.Hidden != "true" {
				t.Errorf("%s: status %q shows %s (aria-hidden %q), want %s, hidden", page, m.Status, m.Mark, m.Hidden, want[m.Status])
			}
			seen[m.Status] = true
		}
		if len(marks) == 0 {
			t.Errorf("%s: no status shown", page)
		}
		if page == "status/reported.html" && len(seen) != len(want) {
			t.Errorf("%s: the legend shows the statuses %v, want all of %v", page, seen, want)
		}
	}
}
