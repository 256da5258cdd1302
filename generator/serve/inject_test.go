package serve

import (
	"strings"
	"testing"
)

func TestOverlayCausesFirst(t *testing.T) {
	tests := []struct {
		name string
		errs []string
		want []string // in the order shown
	}{
		{
			name: "a bad date before the references it breaks",
			errs: []string{
				"content/events/a.md:3:1: unknown event '2025-x'; did you mean '2025-y'? Events are in content/events/",
				"content/events/b.md:9:5: citation names unknown source 'src-z'. Sources are in content/sources/",
				"content/events/c.md:3:8: bad date \"2025-13-01\"",
				"content/people/p.md:4:1: unknown person 'x'. People are in content/people/",
				"content/people/p.md:2:1: a person has no field 'nam'; did you mean 'name'?",
			},
			want: []string{
				"content/events/c.md:3:8: bad date",
				"content/people/p.md:2:1: a person has no field",
				"content/events/a.md:3:1: unknown event",
				"content/events/b.md:9:5: citation names unknown source",
				"content/people/p.md:4:1: unknown person",
			},
		},
		{
			name: "an unknown folder is a cause",
			errs: []string{
				"content/events/a.md:3:1: unknown event 'x'. Events are in content/events/",
				"content/evnts/a.md:1:1: unknown folder content/evnts/",
			},
			want: []string{"unknown folder", "unknown event"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := overlay(tt.errs)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("%q not found after %q in\n%s", w, got[:at], got)
				}
				at += i + len(w)
			}
		})
	}
}

// The overlay can be folded away without JavaScript, and starts open.
func TestOverlayFolds(t *testing.T) {
	got := overlay([]string{"content/events/a.md:1:1: bad <date>"})
	for _, want := range []string{`<details open><summary`, "The site has 1 error; this is the last good build.</summary>", "bad &lt;date&gt;", "</details>"} {
		if !strings.Contains(got, want) {
			t.Errorf("overlay lacks %q:\n%s", want, got)
		}
	}
}
