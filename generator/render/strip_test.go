package render

import (
	"math"
	"testing"

	"dossier/generator/content"
	"dossier/generator/date"
)

// A date known to a day sits at that day's middle; one known to a month
// or a year at the middle of that month or year.
func TestYearFraction(t *testing.T) {
	for _, c := range []struct {
		d    string
		want float64
	}{
		{"2025", 2025.5},
		{"2025-01-01", 2025 + 0.5/365},
		{"2024-12", 2024 + (335+15.5)/366},
		{"2025-07", 2025 + (181+15.5)/365},
	} {
		d, err := date.Parse(c.d)
		if err != nil {
			t.Fatal(err)
		}
		if got := yearFraction(d); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("yearFraction(%s) = %v, want %v", c.d, got, c.want)
		}
	}
}

// Marks are placed by time, so years without events leave a gap, and
// marks closer than a target stack instead of overlapping.
func TestStrip(t *testing.T) {
	ev := func(id, d string) *content.Entry {
		dd, _ := date.Parse(d)
		return &content.Entry{Kind: content.Event, ID: id, Date: dd}
	}
	s := NewStrip([]*content.Entry{ev("a", "2018-10-18"), ev("b", "2025-12"), ev("c", "2025-12-24")})
	if len(s.Years) != 8 || s.Years[0].Year != 2018 || s.Years[7].Year != 2025 || s.Years[3].Events != 0 {
		t.Fatalf("years = %+v", s.Years)
	}
	a, b, c := s.Marks[0], s.Marks[1], s.Marks[2]
	if !(a.X < s.Years[1].X && b.X > s.Years[7].X && c.X > b.X) {
		t.Errorf("marks at %v, %v, %v; years %+v", a.X, b.X, c.X, s.Years)
	}
	if b.Y == c.Y || a.Y != b.Y {
		t.Errorf("rows: a %v, b %v, c %v: want b and c stacked, a in the first row", a.Y, b.Y, c.Y)
	}
	for _, m := range s.Marks {
		if m.X < 0 || m.X > float64(s.Width) || m.Y < 0 || m.Y > float64(s.AxisY) {
			t.Errorf("mark %s at %v,%v outside %dx%d", m.Event.ID, m.X, m.Y, s.Width, s.AxisY)
		}
	}
}
