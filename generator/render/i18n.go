package render

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/site"
)

// Text is every interface string of the layouts, by language and key,
// read from layouts/i18n.toml: one table per language, [en] holding every
// key. A site's language picks its table; a key it lacks falls back to
// English, so a partial translation still builds.
type Text map[string]map[string]string

func parseText(fsys fs.FS) (Text, error) {
	b, err := fs.ReadFile(fsys, "i18n.toml")
	if err != nil {
		return nil, fmt.Errorf("layouts/i18n.toml: %w", err)
	}
	var t Text
	if _, err := toml.Decode(string(b), &t); err != nil {
		return nil, fmt.Errorf("layouts/i18n.toml: %v", err)
	}
	if len(t["en"]) == 0 {
		return nil, fmt.Errorf("layouts/i18n.toml: no [en] table, which every other language falls back to")
	}
	return t, nil
}

// A Lang is the translation a site's pages use, with the calendar and
// digits the site asks for.
type Lang struct {
	code            string
	table, base, en map[string]string
	style
}

// A style is how a language writes dates and numbers, from site.toml's
// calendar and digits; the zero style is Gregorian dates, ASCII digits.
type style struct {
	calendar string // "persian": the Solar Hijri date, then the Gregorian
	digits   string // "persian": ۰۱۲۳۴۵۶۷۸۹
}

// styleOf is the style a site's settings ask for.
func styleOf(cfg content.Config) style {
	var s style
	if cfg.Calendar == "persian" {
		s.calendar = "persian"
	}
	if cfg.Digits == "persian" {
		s.digits = "persian"
	}
	return s
}

// key names the style in the keys of Layouts: "" for the zero style.
func (s style) key() string {
	if s == (style{}) {
		return ""
	}
	return "@" + s.calendar + "+" + s.digits
}

// lang returns the table of a language tag of t, or of its base
// language ("fa" for "fa-IR"), or English. A key the table lacks comes
// from the base language's ("fa-AF" takes from "fa"), then from English.
func (t Text) lang(tag string) Lang {
	base, _, _ := strings.Cut(tag, "-")
	switch {
	case t[tag] != nil && base != tag:
		return Lang{code: tag, table: t[tag], base: t[base], en: t["en"]}
	case t[tag] != nil:
		return Lang{code: tag, table: t[tag], en: t["en"]}
	case t[base] != nil:
		return Lang{code: base, table: t[base], en: t["en"]}
	}
	return Lang{code: "en", table: t["en"], en: t["en"]}
}

// lookup returns the language's string for key, without English.
func (l Lang) lookup(key string) (string, bool) {
	if s, ok := l.table[key]; ok {
		return s, true
	}
	s, ok := l.base[key]
	return s, ok
}

// T returns the string for key; with arguments, the string is a format
// for them (fmt's verbs, %[1]d to reorder). An unknown key shows itself,
// so a missing translation is visible rather than silently blank. With
// persian digits, the integer arguments are written in them.
func (l Lang) T(key string, args ...any) string {
	s, ok := l.lookup(key)
	if !ok {
		s, ok = l.en[key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		if l.digits == "persian" {
			args = slices.Clone(args)
			for i, a := range args {
				if n, ok := a.(int); ok {
					args[i] = persianInt(n)
				}
			}
		}
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Num writes n in the language's digits.
func (l Lang) Num(n int) string {
	if l.digits == "persian" {
		return persianDigits(strconv.Itoa(n))
	}
	return strconv.Itoa(n)
}

// persianInt is an int that fmt writes in Persian digits.
type persianInt int

func (n persianInt) Format(f fmt.State, verb rune) {
	io.WriteString(f, persianDigits(fmt.Sprintf(fmt.FormatString(f, verb), int(n))))
}

// persianDigits replaces the ASCII digits of s with Persian ones.
func persianDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return '۰' + r - '0'
		}
		return r
	}, s)
}

// Date returns d for a reader at its own precision. English uses package
// date; another language names its months (month-1 ... month-12) and
// orders the parts with its date-day, date-month and date-year formats.
//
// In the persian calendar, the Solar Hijri date comes first, at the same
// precision, and the Gregorian date follows in brackets (date-both):
// "3 Jadi 1404 (24 December 2025)". A Gregorian month spans parts of two
// Solar Hijri months, and a year parts of two years, so those read as
// ranges (hmonth-pair, hyear-pair): "Qaws–Jadi 1404 (December 2025)",
// "1403–1404 (2025)"; March, whose months are in two years, reads
// "Hut 1403 – Hamal 1404 (March 2025)". The months are hmonth-1 ...
// hmonth-12. A date the conversion does not cover (before 622) is
// Gregorian only.
func (l Lang) Date(d date.Date) string {
	if l.calendar == "persian" {
		s := l.plain(d)
		if h := l.hijri(d); h != "" {
			s = l.T("date-both", h, s)
		}
		return l.qualify(d.Qual, s)
	}
	if !l.localDates() {
		return l.digitsOf(d.Human())
	}
	return l.qualify(d.Qual, l.plain(d))
}

// digitsOf writes the ASCII digits of s, which English wrote, in the
// language's digits.
func (l Lang) digitsOf(s string) string {
	if l.digits == "persian" {
		return persianDigits(s)
	}
	return s
}

// hijri is d in the Solar Hijri calendar at d's precision, or "" where
// the conversion does not reach.
func (l Lang) hijri(d date.Date) string {
	first, last := d.Days()
	a, ok1 := date.ToPersian(first)
	b, ok2 := date.ToPersian(last)
	if !ok1 || !ok2 {
		return ""
	}
	month := func(m int) string { return l.T("hmonth-" + strconv.Itoa(m)) }
	switch {
	case d.Prec == date.Day:
		return l.T("date-day", a.D, month(a.M), a.Y)
	case d.Prec == date.Month && a.Y == b.Y:
		return l.T("date-month", l.T("hmonth-pair", month(a.M), month(b.M)), a.Y)
	case d.Prec == date.Month:
		return l.T("date-month", month(a.M), a.Y) + " – " + l.T("date-month", month(b.M), b.Y)
	}
	return l.T("hyear-pair", a.Y, b.Y)
}

// plain is d without its qualifier, in the language's words.
func (l Lang) plain(d date.Date) string {
	month := func() string { return l.T("month-" + strconv.Itoa(d.M)) }
	switch d.Prec {
	case date.Year:
		return l.T("date-year", d.Y)
	case date.Month:
		return l.T("date-month", month(), d.Y)
	case date.Day:
		return l.T("date-day", d.D, month(), d.Y)
	}
	return ""
}

// qualify words an EDTF qualifier around a date: "about August 2021".
func (l Lang) qualify(q date.Qualifier, s string) string {
	switch q {
	case date.Approximate:
		return l.T("date-about", s)
	case date.Uncertain:
		return l.T("date-uncertain", s)
	case date.Both:
		return l.T("date-uncertain", l.T("date-about", s))
	}
	return s
}

// When returns when an event happened as far as the sources say: its
// date or span, then what its relations add to a date known only to the
// month or year ("December 2025, after 24 December").
func (l Lang) When(s *site.Site, e *content.Entry) string {
	w := l.Span(e.Date, e.End)
	k := s.Known(e)
	var add []string
	if k.NarrowedFirst {
		add = append(add, l.T("when-after", l.dayIn(k.First, e.Date)))
	}
	if k.NarrowedLast {
		add = append(add, l.T("when-before", l.dayIn(k.Last, e.Date)))
	}
	if len(add) > 0 {
		w += l.T("when-sep") + strings.Join(add, l.T("when-and"))
	}
	return w
}

// dayIn words a day number within the period of date of, leaving out
// the year where of says it: "24 December" within December 2025. In the
// persian calendar the Solar Hijri year is left out only when of lies
// within one Solar Hijri year.
func (l Lang) dayIn(n int, of date.Date) string {
	d := date.FromDay(n)
	if d.Y != of.Y {
		return l.Date(d)
	}
	if !l.localDates() && l.calendar != "persian" {
		return l.digitsOf(fmt.Sprintf("%d %s", d.D, time.Month(d.M)))
	}
	g := l.T("date-day-month", d.D, l.T("month-"+strconv.Itoa(d.M)))
	if l.calendar != "persian" {
		return g
	}
	p, ok := date.ToPersian(n)
	if !ok {
		return g
	}
	first, last := of.Days()
	a, _ := date.ToPersian(first)
	b, _ := date.ToPersian(last)
	h := l.T("date-day", p.D, l.T("hmonth-"+strconv.Itoa(p.M)), p.Y)
	if a.Y == p.Y && b.Y == p.Y {
		h = l.T("date-day-month", p.D, l.T("hmonth-"+strconv.Itoa(p.M)))
	}
	return l.T("date-both", h, g)
}

// Span returns the period from a to b (b may be zero). In the persian
// calendar, a span of exact dates reads as the Solar Hijri span, then the
// Gregorian one: "1 Jadi 1404 – 3 Jadi 1404 (22 December 2025 – 24
// December 2025)".
func (l Lang) Span(a, b date.Date) string {
	if b.IsZero() || a == b {
		return l.Date(a)
	}
	if l.calendar == "persian" && a.Qual == date.Exact && b.Qual == date.Exact {
		ha, hb := l.hijri(a), l.hijri(b)
		if ha != "" && hb != "" {
			return l.T("date-both", ha+" – "+hb, l.plain(a)+" – "+l.plain(b))
		}
	}
	if !l.localDates() && l.calendar != "persian" {
		return l.digitsOf(date.Span(a, b))
	}
	return l.Date(a) + " – " + l.Date(b)
}

// localDates reports whether the language names its own months; English
// leaves dates to package date.
func (l Lang) localDates() bool {
	_, ok := l.lookup("month-1")
	return ok && l.code != "en"
}

// pageTitle is the title of a page that shows no entry, in the language:
// what its heading says, for <title> and og:title.
func (l Lang) pageTitle(p *Page) string {
	switch p.Layout {
	case "timeline":
		return l.T("timeline")
	case "list":
		return l.T("plural-" + string(p.Kind))
	case "tags":
		return l.T("tags")
	case "status":
		return l.T("status-title", l.T("status-"+p.Status))
	case "year":
		if len(p.Years) == 1 {
			return l.T("year-title", p.Years[0].Year)
		}
	case "search":
		return l.T("search")
	case "print":
		return l.T("print-title")
	case "tag":
		if p.Tag != nil && len(p.Site.Editions) > 0 && p.Site != p.Site.Editions[0] {
			return "\u2068" + p.Tag.Name + "\u2069" // in the default language
		}
	}
	return p.Title
}
