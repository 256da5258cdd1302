package render

import (
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier"
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

// Dates in the Solar Hijri calendar, at each precision, with the
// Gregorian date beside; Afghan month names in fa-AF, Iranian ones in fa,
// CLDR's in English.
func TestLangPersian(t *testing.T) {
	text, err := parseText(os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	lang := func(tag string, st style) Lang {
		l := text.lang(tag)
		l.style = st
		return l
	}
	af := lang("fa-AF", style{"persian", "persian"})
	afLatin := lang("fa-AF", style{"persian", ""})
	fa := lang("fa", style{"persian", "persian"})
	en := lang("en", style{"persian", ""})
	enDigits := lang("en", style{"", "persian"})
	d := func(s string) date.Date {
		d, err := date.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	day := func(s string) int { first, _ := d(s).Days(); return first }
	for _, c := range []struct{ got, want string }{
		{af.Date(d("2025-12-24")), "۳ جدی ۱۴۰۴ (۲۴ دسمبر ۲۰۲۵)"},
		{afLatin.Date(d("2025-12-24")), "3 جدی 1404 (24 دسمبر 2025)"},
		{fa.Date(d("2025-12-24")), "۳ دی ۱۴۰۴ (۲۴ دسامبر ۲۰۲۵)"},
		{en.Date(d("2025-12-24")), "3 Dey 1404 (24 December 2025)"},
		{en.Date(d("2025-12")), "Azar–Dey 1404 (December 2025)"},
		{en.Date(d("2025-03")), "Esfand 1403 – Farvardin 1404 (March 2025)"},
		{en.Date(d("2025-04")), "Farvardin–Ordibehesht 1404 (April 2025)"},
		{en.Date(d("2025")), "1403–1404 (2025)"},
		{en.Date(d("2024-03-20")), "1 Farvardin 1403 (20 March 2024)"},
		{en.Date(d("2025-03-20")), "30 Esfand 1403 (20 March 2025)"},
		{en.Date(d("2021-08%")), "about Mordad–Shahrivar 1400 (August 2021) (uncertain)"},
		{en.Date(d("1900-03-21")), "1 Farvardin 1279 (21 March 1900)"},
		{en.Date(d("0600")), "600"}, // before the calendar's epoch: Gregorian only
		{en.Date(d("0622")), "622"}, // its first days are before 1 Farvardin 1
		{en.Span(d("2025-12-22"), d("2025-12-24")), "1 Dey 1404 – 3 Dey 1404 (22 December 2025 – 24 December 2025)"},
		{en.Span(d("2025-12-22~"), d("2025-12-24")), "about 1 Dey 1404 (22 December 2025) – 3 Dey 1404 (24 December 2025)"},
		// A day within an event's period: the years it shares are left out.
		{af.dayIn(day("2025-12-24"), d("2025-12")), "۳ جدی (۲۴ دسمبر)"},
		{af.dayIn(day("2025-12-24"), d("2025")), "۳ جدی ۱۴۰۴ (۲۴ دسمبر)"},
		{af.dayIn(day("2025-12-24"), d("2026")), "۳ جدی ۱۴۰۴ (۲۴ دسمبر ۲۰۲۵)"},
		{en.dayIn(day("2025-03-25"), d("2025-03")), "5 Farvardin 1404 (25 March)"},
		// Persian digits alone, in English words and in counts.
		{enDigits.Date(d("2025-12-24")), "۲۴ December ۲۰۲۵"},
		{enDigits.T("n-events", 12), "۱۲ events"},
		{enDigits.T("tag-count-other", 3, 12), "۳ events, ۱۲ other"},
		{enDigits.T("source-intro", "x.md"), "This is the file x.md as a contributor writes it: settings between the +++ lines (TOML), then the text (Markdown). Line numbers match the ones in error messages."},
		{af.Num(1404), "۱۴۰۴"},
		{en.Num(1404), "1404"},
		// Without a calendar, nothing changes.
		{lang("fa-AF", style{}).Date(d("2025-12-24")), "24 دسمبر 2025"},
		{lang("en", style{}).Date(d("2025-12-24")), "24 December 2025"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// A regional table takes what it lacks from its base language, then from
// English; a tag without a table of its own uses its base language's.
func TestLangFallback(t *testing.T) {
	text := Text{
		"en":    {"hi": "Hello", "bye": "Goodbye", "month-1": "January"},
		"fa":    {"hi": "سلام", "month-1": "ژانویه"},
		"fa-AF": {"month-1": "جنوری"},
	}
	for _, c := range []struct{ tag, key, want string }{
		{"fa-AF", "month-1", "جنوری"},
		{"fa-AF", "hi", "سلام"},
		{"fa-AF", "bye", "Goodbye"},
		{"fa-IR", "month-1", "ژانویه"},
		{"fa", "month-1", "ژانویه"},
		{"ps-AF", "hi", "Hello"},
	} {
		if got := text.lang(c.tag).T(c.key); got != c.want {
			t.Errorf("%s: T(%q) = %q, want %q", c.tag, c.key, got, c.want)
		}
	}
}

// Every key the default layouts and the Go that writes their pages name
// literally is in the English table, which [en] must hold whole: a key
// nobody has shows itself to readers ("strip-caption" did, under "How to
// read it", after its English line was deleted). A key built at run time
// ("status-" + a status) is not seen here.
func TestKeysInEnglish(t *testing.T) {
	text, err := parseText(themeLayouts(t))
	if err != nil {
		t.Fatal(err)
	}
	used := regexp.MustCompile(`\bT\(?\s*"([a-z0-9-]+)"`)
	check := func(name string, src []byte) {
		for _, m := range used.FindAllSubmatch(src, -1) {
			key := string(m[1])
			if strings.HasSuffix(key, "-") || key == "key" {
				continue // a prefix, or a doc comment's example
			}
			if text["en"][key] == "" {
				t.Errorf("%s names %q, which layouts/i18n.toml's [en] lacks", name, key)
			}
		}
	}
	layouts := themeLayouts(t)
	names, _ := fs.Glob(layouts, "*.html")
	gos, _ := filepath.Glob("*.go")
	if len(names) == 0 || len(gos) == 0 {
		t.Fatal("no layouts or no Go files found")
	}
	for _, name := range names {
		b, _ := fs.ReadFile(layouts, name)
		check("layouts/"+name, b)
	}
	for _, name := range gos {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(name)
		check("generator/render/"+name, b)
	}
}

func themeLayouts(t *testing.T) fs.FS {
	t.Helper()
	sub, err := fs.Sub(dossier.Theme, "layouts")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}
