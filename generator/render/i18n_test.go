package render

import (
	"html/template"
	"strings"
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

// A layout's {{T "key"}} becomes a constant, which html/template escapes
// where it stands just as it escaped T's result.
func TestFold(t *testing.T) {
	l := Text{"en": {"q": `Say "<hi>" & go`, "n": "%d left"}}.lang("en")
	layout := `<p title="{{T "q"}}">{{T "q"}}</p><a href="/x?q={{T "q"}}">{{T "n" 2}}</a><script>var s = {{T "q"}};</script>{{T "missing"}}`
	folded := l.fold(layout)
	if strings.Contains(folded, `{{T "q"}}`) || !strings.Contains(folded, `{{T "n" 2}}`) {
		t.Fatalf("folded the wrong calls:\n%s", folded)
	}
	run := func(src string) string {
		tmpl := template.Must(template.New("").Funcs(l.funcs()).Parse(src))
		var b strings.Builder
		if err := tmpl.Execute(&b, nil); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if got, want := run(folded), run(layout); got != want {
		t.Errorf("folded layout gives\n%s\nwant\n%s", got, want)
	}
}
