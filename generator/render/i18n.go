package render

import (
	"fmt"
	"io/fs"
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

// A Lang is the translation a site's pages use.
type Lang struct {
	code      string
	table, en map[string]string
}

// lang returns the table of a language of t, falling back to English.
func (t Text) lang(tag string) Lang {
	l := Lang{code: tag, table: t[tag], en: t["en"]}
	if l.table == nil {
		l.code, l.table = "en", l.en
	}
	return l
}

// T returns the string for key; with arguments, the string is a format
// for them (fmt's verbs, %[1]d to reorder). An unknown key shows itself,
// so a missing translation is visible rather than silently blank.
func (l Lang) T(key string, args ...any) string {
	s, ok := l.table[key]
	if !ok {
		s, ok = l.en[key]
	}
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Date returns d for a reader at its own precision. English uses package
// date; another language names its months (month-1 ... month-12) and
// orders the parts with its date-day, date-month and date-year formats.
func (l Lang) Date(d date.Date) string {
	if !l.localDates() {
		return d.Human()
	}
	return l.qualify(d.Qual, l.plain(d))
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
		add = append(add, l.T("when-after", l.dayIn(k.First, e.Date.Y)))
	}
	if k.NarrowedLast {
		add = append(add, l.T("when-before", l.dayIn(k.Last, e.Date.Y)))
	}
	if len(add) > 0 {
		w += l.T("when-sep") + strings.Join(add, l.T("when-and"))
	}
	return w
}

// dayIn words a day number, leaving out the year when it is y.
func (l Lang) dayIn(n, y int) string {
	d := date.FromDay(n)
	if d.Y != y {
		return l.Date(d)
	}
	if !l.localDates() {
		return fmt.Sprintf("%d %s", d.D, time.Month(d.M))
	}
	return l.T("date-day-month", d.D, l.T("month-"+strconv.Itoa(d.M)))
}

// Span returns the period from a to b (b may be zero).
func (l Lang) Span(a, b date.Date) string {
	if !l.localDates() {
		return date.Span(a, b)
	}
	if b.IsZero() || a == b {
		return l.Date(a)
	}
	return l.Date(a) + " – " + l.Date(b)
}

// localDates reports whether the language names its own months; English
// leaves dates to package date.
func (l Lang) localDates() bool {
	_, ok := l.table["month-1"]
	return ok && l.code != "en"
}
