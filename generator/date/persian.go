package date

// The Solar Hijri calendar, official in Afghanistan and Iran. Its year
// begins on Nowruz, the day of the March equinox (the next day when the
// equinox falls after noon at the 52.5°E meridian); its first six months
// have 31 days, the next five 30, and the last 29, or 30 in a leap year.
// Afghanistan names the months after the zodiac (حمل ... حوت), Iran
// otherwise (فروردین ... اسفند); the days are the same.
//
// Which years are leap follows the equinox, not a fixed rule: the common
// 33-year arithmetic cycle misses some years. Nowruz below is the
// algorithm of Kazimierz M. Borkowski ("The Persian calendar for 3000
// years", Earth, Moon, and Planets 74, 1996), the one the jalaali
// libraries use: leap years follow runs of 33-year cycles between the
// "break" years of its table, fitted to computed equinoxes, which gives
// the astronomical calendar for years -61 to 3177 AP. The tests check it
// on every day from 1800 to 2100 against ICU, whose Persian calendar
// is written differently. (Python's convertdate, which computes each
// equinox from an ephemeris, starts six years between 1864 and 1897 a day
// later than both; the calendar was made official in 1925, and from 1898
// on all three agree.)

// persianBreaks are the years (AP) at which Borkowski's run of 33-year
// cycles restarts; the calendar is defined from the first to before the
// last.
var persianBreaks = [...]int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// Persian years that Nowruz can convert.
const (
	persianFirst = 1 // there is no year 0; earlier years are not used
	persianLast  = 3177
)

// A Persian date is a day of the Solar Hijri calendar: year (AP), month
// 1-12 (1 is Hamal/Farvardin), day 1-31.
type Persian struct{ Y, M, D int }

// nowruz returns the day number (as DayNumber counts) of 1 Hamal of
// Persian year py, and whether py is a leap year (its last month has 30
// days). py must be within persianFirst..persianLast.
func nowruz(py int) (day int, leap bool) {
	gy := py + 621
	// Count the leap years (AP) before py, from Borkowski's cycles.
	leaps := -14
	start := persianBreaks[0]
	jump := 0
	for _, b := range persianBreaks[1:] {
		jump = b - start
		if py < b {
			break
		}
		leaps += jump/33*8 + jump%33/4
		start = b
	}
	n := py - start
	leaps += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leaps++
	}
	// Gregorian leap days up to gy, offset so that the difference gives
	// the day of March on which the year begins.
	gleaps := gy/4 - (gy/100+1)*3/4 - 150
	march := 20 + leaps - gleaps
	// Where py lies in its 33-year cycle says whether it is leap; the last
	// years before a break belong to the cycle after it. (Only a zero
	// remainder matters, so the sign Go's % keeps does not.)
	if jump-n < 6 {
		n = n - jump + (jump+4)/33*33
	}
	return DayNumber(gy, 3, march), ((n+1)%33-1)%4 == 0
}

// ToPersian returns the Persian date of day number n (as DayNumber
// counts). ok is false before 1 Hamal 1 AP (22 March 622) or after the
// last year the algorithm covers (3177 AP, 3799 AD).
func ToPersian(n int) (p Persian, ok bool) {
	py := FromDay(n).Y - 621
	if py >= persianFirst && py <= persianLast {
		if start, _ := nowruz(py); n >= start {
			return persianDay(py, n-start), true
		}
	}
	// Before Nowruz: the year that began in the previous Gregorian year.
	py--
	if py < persianFirst || py > persianLast {
		return Persian{}, false
	}
	start, leap := nowruz(py)
	if days := 365; n-start >= days && !(leap && n-start == days) {
		return Persian{}, false // after 3177 AP
	}
	return persianDay(py, n-start), true
}

// persianDay returns the date k days after 1 Hamal of year py.
func persianDay(py, k int) Persian {
	if k < 6*31 {
		return Persian{Y: py, M: 1 + k/31, D: 1 + k%31}
	}
	k -= 6 * 31
	return Persian{Y: py, M: 7 + k/30, D: 1 + k%30}
}

// Day returns the day number of p (as DayNumber counts). p must be a
// valid date: see Valid.
func (p Persian) Day() int {
	start, _ := nowruz(p.Y)
	if p.M <= 6 {
		return start + (p.M-1)*31 + p.D - 1
	}
	return start + 6*31 + (p.M-7)*30 + p.D - 1
}

// Valid reports whether p is a day of the calendar that this package
// converts.
func (p Persian) Valid() bool {
	if p.Y < persianFirst || p.Y > persianLast || p.M < 1 || p.M > 12 || p.D < 1 {
		return false
	}
	return p.D <= PersianMonthDays(p.Y, p.M)
}

// PersianMonthDays returns the number of days of month m of Persian year
// py, which must be within the years ToPersian converts.
func PersianMonthDays(py, m int) int {
	switch {
	case m <= 6:
		return 31
	case m <= 11:
		return 30
	}
	if _, leap := nowruz(py); leap {
		return 30
	}
	return 29
}

// PersianLeap reports whether Persian year py has 366 days.
func PersianLeap(py int) bool {
	_, leap := nowruz(py)
	return leap
}
