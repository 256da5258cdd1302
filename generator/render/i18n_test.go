package render

import (
	"testing"

	"dossier/generator/date"
)

// A language's table wins; a key it lacks falls back to English, and a
// key nobody has shows itself.
func TestLang(t *testing.T) {
	text := Text{
		"en": {"hi": "Hello", "n": "%d events", "month-9": "September"},
		"fa": {"hi": "سلام", "month-1": "ژانویه", "month-9": "سپتامبر", "date-month": "%s %d"},
	}
	fa, en := text.lang("fa"), text.lang("xx")
	for _, c := range []struct{ got, want string }{
		{fa.T("hi"), "سلام"},
		{fa.T("n", 3), "3 events"},
		{fa.T("nope"), "nope"},
		{en.T("hi"), "Hello"},
		{fa.Date(date.Date{Y: 2025, M: 9, Prec: date.Month}), "سپتامبر 2025"},
		{en.Date(date.Date{Y: 2025, M: 9, Prec: date.Month}), "September 2025"},
		{en.Span(date.Date{Y: 2021, M: 8, D: 10, Prec: date.Day}, date.Date{Y: 2021, M: 8, D: 12, Prec: date.Day}), "10–12 August 2021"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
