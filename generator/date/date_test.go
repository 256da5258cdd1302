package date

import (
	"slices"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, human, err string
	}{
		{"2018-10-18", "18 October 2018", ""},
		{"2025-09", "September 2025", ""},
		{"2021", "2021", ""},
		{"2024-02-29", "29 February 2024", ""},
		{"2025-02-29", "", `impossible date "2025-02-29": February 2025 has 28 days`},
		{"2025-13", "", `impossible date "2025-13": there is no month 13`},
		{"2025-04-31", "", `impossible date "2025-04-31": April 2025 has 30 days`},
		{"2025-00-10", "", `impossible date "2025-00-10": there is no month 0`},
		{"18/10/2018", "", `date "18/10/2018" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"2018-1-8", "", `date "2018-1-8" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"", "", `date "" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"0000", "", `impossible date "0000": there is no year 0`},
		{"20x8", "", `date "20x8" is not YYYY, YYYY-MM or YYYY-MM-DD`},
		{"+018-10", "", `date "+018-10" is not YYYY, YYYY-MM or YYYY-MM-DD`},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := d.Human(); got != tt.human {
			t.Errorf("Parse(%q).Human() = %q, want %q", tt.in, got, tt.human)
		}
		if got := d.String(); got != tt.in {
			t.Errorf("Parse(%q).String() = %q, want the input back", tt.in, got)
		}
	}
}

func TestCompare(t *testing.T) {
	in := []string{"2025-12-24", "2025-09-15", "2025", "2025-09", "2018-10-18", "2021-08"}
	want := []string{"2018-10-18", "2021-08", "2025", "2025-09", "2025-09-15", "2025-12-24"}
	var ds []Date
	for _, s := range in {
		d, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	slices.SortFunc(ds, Compare)
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}

func TestFromTime(t *testing.T) {
	d := FromTime(time.Date(2018, 10, 18, 0, 0, 0, 0, time.UTC))
	if d.String() != "2018-10-18" || d.Prec != Day {
		t.Errorf("FromTime = %v (%v)", d, d.Prec)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2018-10-18", "2025-09", "2021", "2025-02-29", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse(s)
		if err != nil {
			return
		}
		// A date that parses prints back as itself.
		if d.String() != s {
			t.Errorf("Parse(%q).String() = %q", s, d.String())
		}
	})
}

func TestSpan(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"2021-08-10", "2021-08-12", "10–12 August 2021"},
		{"2021-08-30", "2021-09-02", "30 August – 2 September 2021"},
		{"2021-12-30", "2022-01-02", "30 December 2021 – 2 January 2022"},
		{"2025-09", "2025-12", "September – December 2025"},
		{"2021", "2023", "2021 – 2023"},
		{"2021-08", "2021-08", "August 2021"},
	}
	for _, tt := range tests {
		a, _ := Parse(tt.a)
		b, _ := Parse(tt.b)
		if got := Span(a, b); got != tt.want {
			t.Errorf("Span(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestQualifiers(t *testing.T) {
	tests := []struct {
		in, edtf, iso, human string
	}{
		{"2021-08~", "2021-08~", "2021-08", "about August 2021"},
		{"2025-09?", "2025-09?", "2025-09", "September 2025 (uncertain)"},
		{"2023%", "2023%", "2023", "about 2023 (uncertain)"},
		{"2025-12-24", "2025-12-24", "2025-12-24", "24 December 2025"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := d.EDTF(); got != tt.edtf {
			t.Errorf("Parse(%q).EDTF() = %q, want %q", tt.in, got, tt.edtf)
		}
		if got := d.String(); got != tt.iso {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.iso)
		}
		if got := d.Human(); got != tt.human {
			t.Errorf("Parse(%q).Human() = %q, want %q", tt.in, got, tt.human)
		}
	}
	for _, bad := range []string{"~", "2021~~", "2021-13~", "~2021", "2021 ~"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", bad)
		}
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		in          string
		first, last string
	}{
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2025-02", "2025-02-01", "2025-02-28"},
		{"1815", "1815-01-01", "1815-12-31"},
		{"2025-12-24", "2025-12-24", "2025-12-24"},
		{"1969-12-31", "1969-12-31", "1969-12-31"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		f, l := d.Days()
		if got := FromDay(f).String(); got != tt.first {
			t.Errorf("%s: first day %s, want %s", tt.in, got, tt.first)
		}
		if got := FromDay(l).String(); got != tt.last {
			t.Errorf("%s: last day %s, want %s", tt.in, got, tt.last)
		}
	}
	if n := DayNumber(1970, 1, 1); n != 0 {
		t.Errorf("DayNumber(1970-01-01) = %d, want 0", n)
	}
}
