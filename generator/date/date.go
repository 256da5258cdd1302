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

// A Date is a calendar date known to some precision. The zero Date means
// "no date".
type Date struct {
	Y, M, D int
	Prec    Precision
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Prec == 0 }

// Parse reads "YYYY", "YYYY-MM" or "YYYY-MM-DD". Its errors say what is
// wrong in words a contributor can act on.
func Parse(s string) (Date, error) {
	if !shape(s) {
		return Date{}, fmt.Errorf("date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var d Date
	d.Y, _ = strconv.Atoi(s[:4])
	d.Prec = Year
	if d.Y == 0 {
		return Date{}, fmt.Errorf("impossible date %q: there is no year 0", s)
	}
	if len(s) >= 7 {
		d.Prec = Month
		d.M, _ = strconv.Atoi(s[5:7])
		if d.M < 1 || d.M > 12 {
			return Date{}, fmt.Errorf("impossible date %q: there is no month %d", s, d.M)
		}
	}
	if len(s) == 10 {
		d.Prec = Day
		d.D, _ = strconv.Atoi(s[8:10])
		if n := daysIn(d.Y, d.M); d.D < 1 || d.D > n {
			return Date{}, fmt.Errorf("impossible date %q: %s %d has %d days", s, time.Month(d.M), d.Y, n)
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

// String returns the date in the form it was written, which is also the
// value for an HTML <time datetime> attribute.
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

// Human returns the date for a reader, at its own precision:
// "18 October 2018", "September 2025" or "2021".
func (d Date) Human() string {
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
	case a.Prec == Day && b.Prec == Day && a.Y == b.Y && a.M == b.M:
		return fmt.Sprintf("%d–%d %s %d", a.D, b.D, time.Month(a.M), a.Y)
	case a.Prec == Day && b.Prec == Day && a.Y == b.Y:
		return fmt.Sprintf("%d %s – %d %s %d", a.D, time.Month(a.M), b.D, time.Month(b.M), a.Y)
	case a.Prec == Month && b.Prec == Month && a.Y == b.Y:
		return fmt.Sprintf("%s – %s %d", time.Month(a.M), time.Month(b.M), a.Y)
	}
	return a.Human() + " – " + b.Human()
}
