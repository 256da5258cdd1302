package date

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Known days, each as the Gregorian and the Solar Hijri date.
func TestPersianKnown(t *testing.T) {
	tests := []struct {
		greg    string
		y, m, d int
	}{
		{"0622-03-22", 1, 1, 1},      // the epoch
		{"1797-03-20", 1176, 1, 1},   // 1176 is leap, not 1177 as the 33-year cycle says
		{"1798-03-21", 1177, 1, 1},   //
		{"1800-03-21", 1179, 1, 1},   // Nowruz of 1800, 1900, 2000 and 2100
		{"1900-03-21", 1279, 1, 1},   //
		{"2000-03-20", 1379, 1, 1},   //
		{"2100-03-21", 1479, 1, 1},   //
		{"1978-04-27", 1357, 2, 7},   // 7 Sawr 1357
		{"1979-12-27", 1358, 10, 6},  // 6 Jadi 1358
		{"2021-08-15", 1400, 5, 24},  // 24 Asad 1400
		{"2024-03-20", 1403, 1, 1},   //
		{"2025-03-20", 1403, 12, 30}, // 1403 is leap: its Hoot has 30 days
		{"2025-03-21", 1404, 1, 1},   //
		{"2025-09-22", 1404, 6, 31},  // the first six months have 31 days
		{"2025-09-23", 1404, 7, 1},   //
		{"2025-12-24", 1404, 10, 3},  // 3 Jadi 1404
		{"2026-03-20", 1404, 12, 29}, // 1404 is not: 29 Hoot, then Nowruz
		{"2026-03-21", 1405, 1, 1},   //
		{"2256-03-20", 1635, 1, 1},   // the 33-year cycle says 21 March (1634 leap)
		{"3799-03-19", 3177, 12, 29}, // the last day converted
		{"0622-03-21", 0, 0, 0},      // none before the epoch
		{"3799-03-20", 0, 0, 0},      // nor after 3177
		{"0001-01-01", 0, 0, 0},      //
		{"9999-12-31", 0, 0, 0},      //
		{"2100-03-20", 1478, 12, 30}, // a leap year late in the range
		{"2096-03-19", 1474, 12, 30}, //
		{"1832-03-20", 1210, 12, 30}, // and one early in it
		{"1831-03-21", 1210, 1, 1},   // a break year of Borkowski's table
		{"1831-03-20", 1209, 12, 29}, //
		{"1805-03-20", 1183, 12, 29}, //
		{"1805-03-21", 1184, 1, 1},   //
		{"2058-03-20", 1436, 12, 30}, //
		{"2059-03-21", 1438, 1, 1},   //
		{"1799-03-21", 1178, 1, 1},   //
		{"2101-03-21", 1480, 1, 1},   //
		{"2000-02-29", 1378, 12, 10}, // a Gregorian leap day
		{"1900-02-28", 1278, 12, 9},  // 1900 is not leap
		{"1900-03-01", 1278, 12, 10}, //
		{"1582-10-15", 961, 7, 23},   // the Gregorian calendar is proleptic before this
	}
	for _, tt := range tests {
		g, err := Parse(tt.greg)
		if err != nil {
			t.Fatal(err)
		}
		n := DayNumber(g.Y, g.M, g.D)
		want := Persian{tt.y, tt.m, tt.d}
		got, ok := ToPersian(n)
		if ok != (tt.y != 0) || got != want {
			t.Errorf("ToPersian(%s) = %v, %v; want %v", tt.greg, got, ok, want)
		}
		if !ok {
			continue
		}
		if back := want.Day(); back != n {
			t.Errorf("%v.Day() = %s, want %s", want, FromDay(back), tt.greg)
		}
	}
}

func TestPersianValid(t *testing.T) {
	tests := []struct {
		p    Persian
		want bool
	}{
		{Persian{1403, 12, 30}, true},
		{Persian{1404, 12, 30}, false},
		{Persian{1404, 12, 29}, true},
		{Persian{1404, 6, 31}, true},
		{Persian{1404, 7, 31}, false},
		{Persian{1404, 13, 1}, false},
		{Persian{1404, 1, 0}, false},
		{Persian{0, 1, 1}, false},
		{Persian{3177, 12, 29}, true},
		{Persian{3177, 12, 30}, false},
		{Persian{3178, 1, 1}, false},
	}
	for _, tt := range tests {
		if got := tt.p.Valid(); got != tt.want {
			t.Errorf("%v.Valid() = %v, want %v", tt.p, got, tt.want)
		}
	}
}

// Every day from 1800 to 2100 against ICU's Persian calendar, which is
// written differently (testdata/persian/nowruz.txt holds the year starts
// it gives): the test counts the days of each month itself from there.
func TestPersianEveryDay(t *testing.T) {
	starts := readNowruz(t)
	first, last := DayNumber(1800, 1, 1), DayNumber(2100, 12, 31)
	// Start from the Nowruz before 1800 and count day by day.
	y := 1178
	n, ok := starts[y]
	if !ok || n > first {
		t.Fatalf("testdata has no year %d starting before 1800", y)
	}
	p := Persian{y, 1, 1}
	compared := 0
	for ; n <= last; n++ {
		if n >= first {
			got, ok := ToPersian(n)
			if !ok || got != p {
				t.Fatalf("ToPersian(%s) = %v, %v; ICU says %v", FromDay(n), got, ok, p)
			}
			if back := p.Day(); back != n {
				t.Fatalf("%v.Day() = %s, ICU says %s", p, FromDay(back), FromDay(n))
			}
			compared++
		}
		// The next day: months of 31, 30, and a last one that ends
		// where ICU's next year starts.
		p.D++
		next, ok := starts[p.Y+1]
		if !ok {
			t.Fatalf("testdata has no year %d", p.Y+1)
		}
		switch {
		case n+1 == next:
			p = Persian{p.Y + 1, 1, 1}
		case p.M <= 6 && p.D > 31, p.M > 6 && p.M < 12 && p.D > 30:
			p.M, p.D = p.M+1, 1
		case p.M == 12 && p.D > 30:
			t.Fatalf("ICU's year %d has more than 366 days", p.Y)
		}
	}
	if want := last - first + 1; compared != want {
		t.Errorf("compared %d days, want %d", compared, want)
	}
}

// readNowruz reads the day number of 1 Hamal of each year in
// testdata/persian/nowruz.txt.
func readNowruz(t *testing.T) map[int]int {
	t.Helper()
	f, err := os.Open("testdata/persian/nowruz.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	starts := map[int]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		ys, gs, _ := strings.Cut(line, " ")
		y, err := strconv.Atoi(ys)
		g, err2 := Parse(gs)
		if err != nil || err2 != nil {
			t.Fatalf("nowruz.txt: bad line %q", line)
		}
		starts[y] = DayNumber(g.Y, g.M, g.D)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return starts
}

// Any day the calendar covers converts and comes back.
func FuzzPersian(f *testing.F) {
	f.Add(DayNumber(2025, 12, 24))
	f.Add(DayNumber(622, 3, 22))
	f.Add(DayNumber(3799, 3, 19))
	f.Add(DayNumber(1, 1, 1))
	lo, hi := DayNumber(622, 3, 22), DayNumber(3799, 3, 19)
	f.Fuzz(func(t *testing.T, n int) {
		if n < DayNumber(1, 1, 1) || n > DayNumber(9999, 12, 31) {
			return
		}
		p, ok := ToPersian(n)
		if ok != (n >= lo && n <= hi) {
			t.Fatalf("ToPersian(%s) ok = %v", FromDay(n), ok)
		}
		if !ok {
			return
		}
		if !p.Valid() || p.Day() != n {
			t.Fatalf("ToPersian(%s) = %v, which is not valid or comes back as %s", FromDay(n), p, FromDay(p.Day()))
		}
	})
}
