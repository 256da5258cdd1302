package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/site"
)

func TestDodge(t *testing.T) {
	for _, c := range []struct {
		name  string
		ideal []float64
		gap   float64
		want  []float64
	}{
		{"apart", []float64{10, 50, 90}, 24, []float64{10, 50, 90}},
		{"pair spread around its mean", []float64{50, 50}, 24, []float64{38, 62}},
		{"held inside", []float64{0, 0}, 24, []float64{10, 34}},
		{"run pushes its neighbour", []float64{50, 50, 70}, 24, []float64{32.666666666666664, 56.666666666666664, 80.66666666666666}},
	} {
		got := dodge(c.ideal, c.gap, 10, 200)
		for i := range got {
			if d := got[i] - c.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s: dodge(%v) = %v, want %v", c.name, c.ideal, got, c.want)
				break
			}
		}
	}
}

// testSite builds a site of events, each written "DATE" or "DATE/END",
// with tag "killing" for those whose date ends in "!".
func testSite(t *testing.T, dates ...string) *site.Site {
	t.Helper()
	cfg := content.Config{Title: "t", Kinds: []content.EventKind{{Tag: "killing", Label: "Killing", Shape: "star", Key: true}}}
	var entries []*content.Entry
	for i, d := range dates {
		e := &content.Entry{Kind: content.Event, ID: fmt.Sprintf("e%03d", i), Title: "Event " + strconv.Itoa(i), Status: "reported"}
		if n := len(d); d[n-1] == '!' {
			d, e.Tags = d[:n-1], []string{"killing"}
		}
		start, end, _ := strings.Cut(d, "/")
		var err error
		if e.Date, err = date.Parse(start); err != nil {
			t.Fatal(err)
		}
		if end != "" {
			if e.End, err = date.Parse(end); err != nil {
				t.Fatal(err)
			}
		}
		entries = append(entries, e)
	}
	s, errs := site.New(cfg, entries)
	if errs.Errors() > 0 {
		t.Fatal(errs)
	}
	return s
}

// The axis names the finest unit whose labels fit, from days to decades;
// long empty stretches are cut out; labels never overlap and marks' 24
// unit targets never touch, at every width.
func TestStripLayout(t *testing.T) {
	var twoCenturies []string
	for y := 1815; y <= 2000; y += 7 {
		twoCenturies = append(twoCenturies, strconv.Itoa(y))
	}
	twoCenturies = append(twoCenturies, "1832/1869", "1901-05-04!", "1950-03~", "1861/1865")
	for _, c := range []struct {
		name   string
		dates  []string
		unit   string // what the labels of the narrow view name: "d", "m", "y" or "y10" and up
		breaks int    // empty stretches cut out
		years  []int  // years named in the narrow view, if given
	}{
		{"a few days", []string{"2025-12-20", "2025-12-22!", "2025-12-24", "2025-12-24", "2025-12-27"}, "d", 0, nil},
		{"a few months", []string{"2025-06-02", "2025-07", "2025-08", "2025-09-15!", "2025-10", "2025-12"}, "m", 0, nil},
		{"years with gaps", []string{"2018-10-18!", "2023", "2025-09!", "2025-12", "2025-12-24!", "2025-12"}, "", 2, []int{2018, 2023, 2025}},
		{"two centuries", twoCenturies, "y50", 0, nil},
		{"two centuries with a gap", []string{"1815", "1820/1848", "1830-03", "1990", "1995-05-06!", "2000"}, "y10", 1, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := testSite(t, c.dates...)
			st := NewStrip(s, s.Events)
			for _, v := range st.Views {
				if len(v.Marks) != len(c.dates) {
					t.Errorf("%s: %d marks, want %d", v.Class, len(v.Marks), len(c.dates))
				}
				if len(v.Breaks) != c.breaks {
					t.Errorf("%s: %d breaks, want %d", v.Class, len(v.Breaks), c.breaks)
				}
				checkApart(t, v)
			}
			narrow := st.Views[len(st.Views)-1]
			for _, y := range c.years {
				if !slices.ContainsFunc(narrow.Labels, func(l TickLabel) bool { return l.Text == strconv.Itoa(y) }) {
					t.Errorf("narrow view does not name %d: %+v", y, narrow.Labels)
				}
			}
			if got := unitOf(narrow.Labels); c.unit != "" && got != c.unit {
				t.Errorf("narrow view names %s (%+v), want %s", got, narrow.Labels, c.unit)
			}
		})
	}
}

// unitOf says what the first line of labels names.
func unitOf(labels []TickLabel) string {
	var years []int
	for _, l := range labels {
		switch {
		case l.Anchor != "middle" && l.D == 0 && l.M == 0 || l.Anchor == "start":
			continue // the second line
		case l.D != 0:
			return "d"
		case l.M != 0:
			return "m"
		}
		years = append(years, l.Year)
	}
	if len(years) < 2 || years[1]-years[0] == 1 {
		return "y"
	}
	step := years[1] - years[0]
	for i := 2; i < len(years); i++ {
		step = min(step, years[i]-years[i-1])
	}
	return "y" + strconv.Itoa(step)
}

// checkApart fails when two labels of a line overlap, when two marks'
// targets overlap, or when anything is outside the view.
func checkApart(t *testing.T, v *StripView) {
	t.Helper()
	f := func(s string) float64 { x, _ := strconv.ParseFloat(s, 64); return x }
	type box struct{ x1, y1, x2, y2 float64 }
	var labels []box
	for _, l := range v.Labels {
		labels = append(labels, box{l.box[0], f(l.Y) - labelSize, l.box[1], f(l.Y)})
	}
	for _, m := range v.Marks {
		if m.Label != "" {
			labels = append(labels, box{m.box[1], f(m.LabelAt.Y) - labelSize, m.box[3], f(m.LabelAt.Y)})
		}
	}
	for i, a := range labels {
		if a.x1 < 0 || a.x2 > float64(v.Width) {
			t.Errorf("%s: label %d at %v outside 0..%d", v.Class, i, a, v.Width)
		}
		for j, b := range labels[i+1:] {
			if a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2 {
				t.Errorf("%s: labels %d and %d overlap: %v %v", v.Class, i, i+1+j, a, b)
			}
		}
	}
	for i, a := range v.Marks {
		ha := box{f(a.Hit.X), f(a.Hit.Y), f(a.Hit.X) + f(a.Hit.W), f(a.Hit.Y) + f(a.Hit.H)}
		if f(a.Hit.W) < target || f(a.Hit.H) < target {
			t.Errorf("%s: mark %d's target is %sx%s", v.Class, i, a.Hit.W, a.Hit.H)
		}
		if ha.x1 < 0 || ha.x2 > float64(v.Width) {
			t.Errorf("%s: mark %d at %v outside 0..%d", v.Class, i, ha, v.Width)
		}
		for j, b := range v.Marks[i+1:] {
			hb := box{f(b.Hit.X), f(b.Hit.Y), f(b.Hit.X) + f(b.Hit.W), f(b.Hit.Y) + f(b.Hit.H)}
			if ha.x1 < hb.x2-0.1 && hb.x1 < ha.x2-0.1 && ha.y1 < hb.y2-0.1 && hb.y1 < ha.y2-0.1 {
				t.Errorf("%s: targets of marks %d and %d overlap: %v %v", v.Class, i, i+1+j, ha, hb)
			}
		}
	}
}

// A span and a date known to the month are drawn over all their days; a
// day is a sliver.
func TestStripRanges(t *testing.T) {
	s := testSite(t, "2021-01-01", "2021-03/2021-05", "2021-08", "2021-12-31")
	v := NewStrip(s, s.Events).Views[0]
	w := func(m Mark) float64 { x, _ := strconv.ParseFloat(m.Bar.W, 64); return x }
	day, span, month := w(v.Marks[0]), w(v.Marks[1]), w(v.Marks[2])
	if day > month/20 || !(span > 2.5*month) || month < 20 {
		t.Errorf("bar widths: day %v, span of three months %v, month %v", day, span, month)
	}
	if !v.Marks[1].Span || v.Marks[2].Span {
		t.Errorf("Span: %v for the span, %v for the month; want true, false", v.Marks[1].Span, v.Marks[2].Span)
	}
}

// A key event is labelled by site.toml's label, or by its killed
// people's last names and its place.
func TestKeyLabel(t *testing.T) {
	lat, lon := 35.7, 51.4
	cfg := content.Config{Title: "t", Overview: content.Overview{Killed: []string{"killed"}, Accused: []string{"accused"}, Labels: map[string]string{"2018-10-18-a": "Raziq, Kandahar 2018"}}}
	entries := []*content.Entry{
		{Kind: content.Event, ID: "2018-10-18-a", Title: "A", Status: "reported", Date: date.Date{Y: 2018, M: 10, D: 18, Prec: date.Day}},
		{Kind: content.Event, ID: "2025-12-24-b", Title: "B", Status: "reported", Date: date.Date{Y: 2025, M: 12, D: 24, Prec: date.Day}, Place: "tehran",
			People: []string{"ikramuddin-sari", "mohammad-amin-almas", "yunus-qanuni"},
			Roles:  map[string]string{"ikramuddin-sari": "killed", "mohammad-amin-almas": "Killed", "yunus-qanuni": "accused Taliban intelligence"}},
		{Kind: content.Event, ID: "2025-12-c", Title: "Nobody killed", Status: "reported", Date: date.Date{Y: 2025, M: 12, Prec: date.Month}},
		{Kind: content.Person, ID: "ikramuddin-sari", Title: "Ikramuddin Sari"},
		{Kind: content.Person, ID: "mohammad-amin-almas", Title: "Mohammad Amin Almas"},
		{Kind: content.Person, ID: "yunus-qanuni", Title: "Yunus Qanuni"},
		{Kind: content.Place, ID: "tehran", Title: "Tehran", Lat: &lat, Lon: &lon},
	}
	s, errs := site.New(cfg, entries)
	if errs.Errors() > 0 {
		t.Fatal(errs)
	}
	for id, want := range map[string]string{"2018-10-18-a": "Raziq, Kandahar 2018", "2025-12-24-b": "Sari and Almas, Tehran", "2025-12-c": "Nobody killed"} {
		if got, _ := keyLabel(s, s.Get(content.Event, id)); got != want {
			t.Errorf("keyLabel(%s) = %q, want %q", id, got, want)
		}
	}
	f := NewFacts(s)
	if len(f.Killed) != 2 || len(f.Places) != 1 || f.Places[0].N != 2 || f.Unplaced != 0 {
		t.Fatalf("facts: %d killed, places %+v, %d unplaced", len(f.Killed), f.Places, f.Unplaced)
	}
	if a := f.Killed[0].Accused; len(a) != 1 || a[0].By.ID != "yunus-qanuni" || a[0].Says != "accused Taliban intelligence" {
		t.Errorf("accusations: %+v", a)
	}
	if f.First.String() != "2018-10-18" || f.Last.String() != "2025-12-24" || f.Latest.String() != "2025-12-24" {
		t.Errorf("span %s – %s, latest %s", f.First, f.Last, f.Latest)
	}
}

// More key events than the strip holds at 24 units crowd inside it, in
// at most twelve rows, rather than run off its edge.
func TestStripCrowded(t *testing.T) {
	var dates []string
	for i := range 400 {
		dates = append(dates, fmt.Sprintf("2025-%02d-%02d!", 1+i%12, 1+i%28))
	}
	s := testSite(t, dates...)
	for _, v := range NewStrip(s, s.Events).Views {
		if len(v.Marks) != 400 {
			t.Fatalf("%s: %d marks, want every key event's 400", v.Class, len(v.Marks))
		}
		ys := map[string]bool{}
		for _, m := range v.Marks {
			if m.X < 0 || m.X > float64(v.Width) {
				t.Errorf("%s: mark at %v outside 0..%d", v.Class, m.X, v.Width)
				break
			}
			ys[m.At.Y] = true
		}
		if len(ys) > 12 {
			t.Errorf("%s: %d rows, want at most 12", v.Class, len(ys))
		}
	}
}

// An event page's strip defines only the shapes its marks use, and the
// half fills only for reported events, as marks or key marks.
func TestMarkDefs(t *testing.T) {
	ev := func(status string) *content.Entry { return &content.Entry{Status: status} }
	for _, c := range []struct {
		marks []Mark
		want  MarkDefs
	}{
		{nil, MarkDefs{}},
		{[]Mark{{Event: ev("confirmed"), Shape: "circle"}}, MarkDefs{Circle: true}},
		{[]Mark{{Event: ev("reported"), Shape: "circle"}, {Event: ev("alleged"), Shape: "square"}}, MarkDefs{HalfFg: true, Circle: true, Square: true}},
		{[]Mark{{Event: ev("reported"), Shape: "star", Key: true}, {Event: ev("disputed"), Shape: "triangle"}}, MarkDefs{HalfKey: true, Star: true, Triangle: true}},
		{[]Mark{{Event: ev("reported"), Shape: "diamond"}, {Event: ev("reported"), Shape: "diamond", Key: true}}, MarkDefs{HalfFg: true, HalfKey: true, Diamond: true}},
	} {
		if got := markDefs(c.marks); got != c.want {
			t.Errorf("markDefs(%v) = %+v, want %+v", c.marks, got, c.want)
		}
	}
}

// Coordinates are written to a tenth of a unit, without a ".0" that
// adds nothing and without a minus before zero.
func TestNum(t *testing.T) {
	for _, c := range []struct {
		f    float64
		want string
	}{
		{58, "58"}, {58.04, "58"}, {10, "10"}, {100, "100"}, {0, "0"},
		{17.6, "17.6"}, {0.25, "0.2"}, {-3.5, "-3.5"}, {-7, "-7"},
		{-0.04, "0"}, {-10.04, "-10"}, {1234.5, "1234.5"},
	} {
		if got := num(c.f); got != c.want {
			t.Errorf("num(%v) = %q, want %q", c.f, got, c.want)
		}
		if got := string(appendNum([]byte("M-"), c.f)); got != "M-"+c.want {
			t.Errorf("appendNum(\"M-\", %v) = %q, want %q", c.f, got, "M-"+c.want)
		}
	}
}

// A view's ticks are one path, each tick a move and a V, its numbers
// written as num writes them.
func TestTickPath(t *testing.T) {
	for _, c := range []struct {
		ticks []Tick
		want  string
	}{
		{nil, ""},
		{[]Tick{{17.6, 64, 67}}, "M17.6 64V67"},
		{[]Tick{{1, 2, 5}, {3.25, 2, 8}, {-0.04, 0, 3}}, "M1 2V5m2.2-3v6m-3.2-8v3"},
		{[]Tick{{60.4, 64, 70}, {110.8, 64, 70}, {161.2, 64, 76}}, "M60.4 64V70m50.4-6v6m50.4-6v12"},
		{[]Tick{{1, 2, 5}, {2, 7, 9}, {1.95, 9.96, 9.94}}, "M1 2V5m1 2v2m-0.1 1v-0.1"},
	} {
		v := &StripView{Ticks: c.ticks}
		got := v.TickPath()
		if got != c.want {
			t.Errorf("ticks %v: got %q, want %q", c.ticks, got, c.want)
		}
		if at, want := tickPoints(t, got), absPoints(c.ticks); !slices.Equal(at, want) {
			t.Errorf("ticks %v: path %q draws %v, want %v", c.ticks, got, at, want)
		}
	}
	// Relative steps land where num puts each end, however many.
	r := rand.New(rand.NewPCG(1, 2))
	for range 100 {
		ticks := make([]Tick, 1+r.IntN(80))
		for i := range ticks {
			y := r.Float64() * 300
			ticks[i] = Tick{r.Float64()*700 - 20, y, y + r.Float64()*12 - 2}
		}
		v := &StripView{Ticks: ticks}
		if at, want := tickPoints(t, v.TickPath()), absPoints(ticks); !slices.Equal(at, want) {
			t.Fatalf("ticks %v: path %q draws %v, want %v", ticks, v.TickPath(), at, want)
		}
	}
}

// absPoints returns the ends of ticks as num writes them.
func absPoints(ticks []Tick) []string {
	var out []string
	for _, t := range ticks {
		out = append(out, num(t.X)+","+num(t.Y1), num(t.X)+","+num(t.Y2))
	}
	return out
}

// tickPoints resolves a path of M, V, m and v commands into the ends of
// its lines, counting in tenths as a reader of the path would.
func tickPoints(t *testing.T, d string) []string {
	t.Helper()
	var out []string
	var x, y int64
	fields := strings.FieldsFunc(strings.NewReplacer("M", " M ", "V", " V ", "m", " m ", "v", " v ", "-", " -").Replace(d), func(r rune) bool { return r == ' ' })
	tenthsOf := func(s string) int64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("path %q: %v", d, err)
		}
		return tenths(f)
	}
	pt := func() string { return num(float64(x)/10) + "," + num(float64(y)/10) }
	for i := 0; i < len(fields); i++ {
		switch fields[i] {
		case "M":
			x, y = tenthsOf(fields[i+1]), tenthsOf(fields[i+2])
			out = append(out, pt())
			i += 2
		case "m":
			x, y = x+tenthsOf(fields[i+1]), y+tenthsOf(fields[i+2])
			out = append(out, pt())
			i += 2
		case "V":
			y = tenthsOf(fields[i+1])
			out = append(out, pt())
			i++
		case "v":
			y += tenthsOf(fields[i+1])
			out = append(out, pt())
			i++
		default:
			t.Fatalf("path %q: unexpected %q", d, fields[i])
		}
	}
	return out
}

// Past what a phone's view holds as marks, every view marks only the key
// events and counts the others in a shaded area, whatever the width; up
// to it, every event is a mark.
func TestStripDense(t *testing.T) {
	dates := func(n int) []string {
		var ds []string
		for i := range n {
			d := fmt.Sprintf("20%02d-%02d-%02d", 10+i%8, 1+i%12, 1+i%28)
			switch {
			case i%50 == 0:
				d += "!" // a key event
			case i%7 == 0:
				d = d[:7] // a month
			case i%11 == 0:
				d = d[:4] // a year
			}
			ds = append(ds, d)
		}
		return ds
	}
	limit := capacity(narrowWidth)
	for _, c := range []struct {
		events, keys int
	}{
		{limit, 0},
		{limit + 1, 0},
		{5000, 100},
	} {
		ds := dates(c.events)
		keys := 0
		for _, d := range ds {
			if strings.HasSuffix(d, "!") {
				keys++
			}
		}
		s := testSite(t, ds...)
		st := NewStrip(s, s.Events)
		dense := c.events > limit
		if want := 0; dense {
			want = c.events - keys
			if st.Counted != want {
				t.Errorf("%d events: Counted = %d, want %d", c.events, st.Counted, want)
			}
		} else if st.Counted != 0 {
			t.Errorf("%d events: Counted = %d, want 0", c.events, st.Counted)
		}
		for _, v := range st.Views {
			marks := c.events
			if dense {
				marks = keys
			}
			if len(v.Marks) != marks {
				t.Errorf("%d events, %s: %d marks, want %d", c.events, v.Class, len(v.Marks), marks)
			}
			for _, m := range v.Marks {
				if dense && !m.Key {
					t.Errorf("%d events, %s: %s is a mark, not key", c.events, v.Class, m.Event.ID)
				}
			}
			if (v.Density != "") != dense {
				t.Errorf("%d events, %s: Density %q, want one: %v", c.events, v.Class, v.Density, dense)
			}
			if dense {
				// The area stands on the axis and is at most its
				// height above it.
				top := fmt.Sprintf("V%s", num(mustFloat(t, v.AxisY)-densityHeight))
				if !strings.HasPrefix(v.Density, "M10 "+v.AxisY) || !strings.HasSuffix(v.Density, "V"+v.AxisY+"Z") || !strings.Contains(v.Density, top) {
					t.Errorf("%d events, %s: Density %.80q… does not stand on the axis at %s and reach %s", c.events, v.Class, v.Density, v.AxisY, top)
				}
			}
		}
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// count keeps every event whole: the bins of a view add up to the
// events counted, an event over a range spread over its bins.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		name   string
		x1, x2 float64
		want   map[int]float64
	}{
		{"a day", 11, 12, map[int]float64{0: 1}},
		{"a sliver across a bin's edge", 13.5, 14.5, map[int]float64{1: 1}},
		{"a range over three bins", 12, 20, map[int]float64{0: 0.25, 1: 0.5, 2: 0.25}},
		{"past the end", 40, 60, map[int]float64{7: 1}},
		{"before the start", 0, 2, map[int]float64{0: 1}},
	} {
		counts := make([]float64, 8)
		count(counts, c.x1, c.x2)
		for i, got := range counts {
			if d := got - c.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s: counts = %v, want %v", c.name, counts, c.want)
				break
			}
		}
	}
}

// Key events' labels never touch one another, and no leader, which runs
// down from a label to its mark, crosses a label below it: the shipped
// timeline had "Ghulami, Mashhad"'s leader through "Sari and Almas,
// Tehran". Each label covers its own mark. Checked on the shipped case
// and on random ones.
func TestPlaceLabels(t *testing.T) {
	check := func(name string, xs, ws []float64, width float64) (placed int) {
		t.Helper()
		lines, lxs := placeLabels(xs, ws, width)
		for i := range xs {
			if lines[i] < 0 {
				continue
			}
			placed++
			lo, hi := lxs[i], lxs[i]+ws[i]
			if lo < 2 || hi > width-2 || lo > xs[i] || hi < xs[i] || lines[i] >= maxBand {
				t.Errorf("%s: label %d at %.1f..%.1f, line %d: outside the strip or off its mark at %.1f", name, i, lo, hi, lines[i], xs[i])
			}
			for j := range xs {
				if j == i || lines[j] < 0 {
					continue
				}
				jlo, jhi := lxs[j], lxs[j]+ws[j]
				if lines[j] == lines[i] && lo < jhi && jlo < hi {
					t.Errorf("%s: labels %d and %d overlap in line %d", name, i, j, lines[i])
				}
				if lines[j] > lines[i] && jlo <= xs[i] && xs[i] <= jhi {
					t.Errorf("%s: the leader of label %d (line %d, x %.1f) crosses label %d (line %d, %.1f..%.1f)", name, i, lines[i], xs[i], j, lines[j], jlo, jhi)
				}
			}
		}
		return placed
	}
	// The shipped dossier's wide view: Raziq at the left, Ghulami and
	// Sari and Almas 48 units apart near the right end.
	if n := check("shipped", []float64{36, 510, 558}, []float64{80, 122, 157}, wideWidth); n != 3 {
		t.Errorf("shipped: %d labels placed, want all 3", n)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for k := range 300 {
		n := 1 + r.IntN(8)
		xs, ws := make([]float64, n), make([]float64, n)
		width := float64([]int{wideWidth, narrowWidth}[k%2])
		for i := range xs {
			xs[i] = 22 + r.Float64()*(width-44)
			ws[i] = 40 + r.Float64()*260 // some wider than a phone's strip
		}
		slices.Sort(xs)
		check(fmt.Sprint("random ", k), xs, ws, width)
	}
}
