// Package date handles the dates of a dossier, which are known to a day,
// a month or only a year.
//
// A date keeps its precision from input to output: "2025-09" is shown as
// "September 2025" and sorted before any day of that month, never silently
// turned into 1 September 2025.
package date

import (
	"cmp"
	"fmt"
	"strconv"
	"time"
)

// Precision is how much of a date is known.
type Precision int

const (
	Year Precision = iota + 1
	Month
	Day
)

// Qualifier says how sure the sources are of a date, as EDTF (ISO 8601-2
// level 1) writes it at the end of a date.
type Qualifier byte

const (
	Exact       Qualifier = 0
	Approximate Qualifier = '~' // "about August 2021"
	Uncertain   Qualifier = '?' // the source is unsure
	Both        Qualifier = '%' // approximate and uncertain
)

// A Date is a calendar date known to some precision. The zero Date means
// "no date".
type Date struct {
	Y, M, D int
	Prec    Precision
	Qual    Qualifier
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Prec == 0 }

// Parse reads "YYYY", "YYYY-MM" or "YYYY-MM-DD", optionally followed by
// one of EDTF's qualifiers: "~" (approximate), "?" (uncertain) or "%"
// (both). Its errors say what is wrong in words a contributor can act on.
func Parse(s string) (Date, error) {
	in := s
	var q Qualifier
	if n := len(s); n > 0 {
		switch Qualifier(s[n-1]) {
		case Approximate, Uncertain, Both:
			q, s = Qualifier(s[n-1]), s[:n-1]
		}
	}
	if !shape(s) {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", in)
	}
	d, err := parse(s)
	if err != nil {
		return Date{}, fmt.Errorf("impossible date %q: %v", in, err)
	}
	d.Qual = q
	return d, nil
}

func parse(s string) (Date, error) {
	var d Date
	d.Y, _ = strconv.Atoi(s[:4])
	d.Prec = Year
	if d.Y == 0 {
		return Date{}, fmt.Errorf("there is no year 0")
	}
	if len(s) >= 7 {
		d.Prec = Month
		d.M, _ = strconv.Atoi(s[5:7])
		if d.M < 1 || d.M > 12 {
			return Date{}, fmt.Errorf("there is no month %d", d.M)
		}
	}
	if len(s) == 10 {
		d.Prec = Day
		d.D, _ = strconv.Atoi(s[8:10])
		if n := daysIn(d.Y, d.M); d.D < 1 || d.D > n {
			return Date{}, fmt.Errorf("%s %d has %d days", time.Month(d.M), d.Y, n)
		}
	}
	return d, nil
}

// shape reports whether s is digits and dashes as in YYYY, YYYY-MM or
// YYYY-MM-DD.
func shape(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FromTime turns a TOML date literal into a Date known to the day.
func FromTime(t time.Time) Date {
	return Date{Y: t.Year(), M: int(t.Month()), D: t.Day(), Prec: Day}
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String returns the date without its qualifier: the value for an HTML
// <time datetime> attribute, which has no way to say "about".
func (d Date) String() string {
	switch d.Prec {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// EDTF returns the date in the form it was written, qualifier included:
// "2021-08~". Machine-readable copies (JSON, CSV) carry this form.
func (d Date) EDTF() string {
	if d.Qual == Exact || d.IsZero() {
		return d.String()
	}
	return d.String() + string(d.Qual)
}

// Human returns the date for a reader, at its own precision and with its
// qualifier in words: "18 October 2018", "about August 2021",
// "September 2025 (uncertain)".
func (d Date) Human() string {
	return Qualify(d.Qual, d.human())
}

// Qualify words a qualifier around a date already written for a reader.
func Qualify(q Qualifier, s string) string {
	switch q {
	case Approximate:
		return "about " + s
	case Uncertain:
		return s + " (uncertain)"
	case Both:
		return "about " + s + " (uncertain)"
	}
	return s
}

func (d Date) human() string {
	switch d.Prec {
	case Year:
		return strconv.Itoa(d.Y)
	case Month:
		return fmt.Sprintf("%s %d", time.Month(d.M), d.Y)
	case Day:
		return fmt.Sprintf("%d %s %d", d.D, time.Month(d.M), d.Y)
	}
	return ""
}

// Compare orders dates by time; a less precise date sorts before the more
// precise dates it contains ("2025-09" before "2025-09-15").
func Compare(a, b Date) int {
	return cmp.Or(cmp.Compare(a.Y, b.Y), cmp.Compare(a.M, b.M), cmp.Compare(a.D, b.D))
}

// Contains reports whether b falls within a (a day within a month, ...).
func Contains(a, b Date) bool {
	switch a.Prec {
	case Year:
		return a.Y == b.Y
	case Month:
		return a.Y == b.Y && a.M == b.M && b.Prec >= Month
	}
	return a == b
}

// Span returns a period for a reader, sharing what the two ends share:
// "10–12 August 2021", "30 August – 2 September 2021".
func Span(a, b Date) string {
	switch {
	case b.IsZero() || a == b:
		return a.Human()
	case a.Qual != Exact || b.Qual != Exact:
		// "about May – June 2021" would leave unclear what is about.
	case a.Prec == Day && b.Prec == Day && a.Y == b.Y && a.M == b.M:
		return fmt.Sprintf("%d–%d %s %d", a.D, b.D, time.Month(a.M), a.Y)
	case a.Prec == Day && b.Prec == Day && a.Y == b.Y:
		return fmt.Sprintf("%d %s – %d %s %d", a.D, time.Month(a.M), b.D, time.Month(b.M), a.Y)
	case a.Prec == Month && b.Prec == Month && a.Y == b.Y:
		return fmt.Sprintf("%s – %s %d", time.Month(a.M), time.Month(b.M), a.Y)
	}
	return a.Human() + " – " + b.Human()
}

// Days returns the first and last day that d can mean, as day numbers
// (days since 1 January 1970): a day is itself, a month runs from its
// first to its last day, a year from 1 January to 31 December. A
// qualifier does not widen the range: "about August 2021" is still drawn
// and ordered as August.
func (d Date) Days() (first, last int) {
	switch d.Prec {
	case Year:
		return DayNumber(d.Y, 1, 1), DayNumber(d.Y, 12, 31)
	case Month:
		return DayNumber(d.Y, d.M, 1), DayNumber(d.Y, d.M, daysIn(d.Y, d.M))
	case Day:
		n := DayNumber(d.Y, d.M, d.D)
		return n, n
	}
	return 0, 0
}

// DayNumber returns the number of the day y-m-d, counted from 1 January
// 1970 (earlier days are negative).
func DayNumber(y, m, d int) int {
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// FromDay returns the day-precise date of a day number.
func FromDay(n int) Date {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return Date{Y: t.Year(), M: int(t.Month()), D: t.Day(), Prec: Day}
}
