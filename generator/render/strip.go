package render

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/geo"
	"dossier/generator/site"
)

// A Strip is the overview of the timeline: every event on an axis of
// time, drawn as plain SVG links laid out here, so it needs no script.
// It is laid out once per width it is shown at (Views): an SVG scales
// its text with it, so a phone gets a narrow drawing whose text is as
// large as a wide screen's. The stylesheet shows the narrow view below
// 36rem, the medium one to 50rem and the wide one from there, each at
// least at its own width in pixels.
//
// The axis adapts to the span: its labels name days, weeks, months,
// quarters, years or decades, the finest that leave room for them; a
// long stretch of empty time is cut out and marked with a break. Each
// event has a bar over its possible days on a band above the axis (a
// sliver for a single day), and a mark whose shape is its kind
// (site.toml's [[kinds]]) and whose fill is its status; key events are
// larger and labelled. The marks keep the site's order along a line,
// each moved aside just enough that its 24-unit link touches no other,
// in staggered rows when the line would push marks far from their time,
// with a thin line from each mark to its bar. So a target is never
// smaller than WCAG 2.5.8's 24px.
//
// A dossier of more events than a phone's view holds as marks (see
// capacity) is drawn dense at every width: its key events are marks as
// before, and the others a shaded area as high as their number in each
// few units of time, which the legend counts. Marks past that number
// would cover one another, and each cost the timeline three links; the
// list below the strip has every event.
type Strip struct {
	Views []*StripView
	Kinds []content.EventKind // the kinds drawn, for the legend
	Other bool                // some event is of no kind
	Range bool                // some event is drawn over a range
	Cut   bool                // some view cuts out empty time
	// Counted is how many events the views count in their Density
	// rather than mark one by one: all but the key events, when there
	// are more events than a phone's view holds as marks; else 0.
	Counted int
	Marked  bool // some event is a mark
}

// A StripView is the strip laid out for one width.
type StripView struct {
	Class         string // "strip-wide", "strip-medium", "strip-narrow" or "strip-near"
	Width, Height int
	AxisY         string
	Axis          []SVGLine // the stretches of the axis
	Breaks        []string  // path data of the marks where time is cut out
	Ticks         []Tick
	Labels        []TickLabel
	Marks         []Mark
	// Paired is whether each mark and its bar name their event
	// (data-event, data-for): the timeline's scripts (js/filter.js,
	// js/overview.js) fade them out together. No script reads them on
	// an event page's strip, where they were a tenth of the drawing.
	Paired bool
	// Labelled is whether some mark has a key event's label, and so the
	// view a group of labels.
	Labelled bool
	// Defs are the shared definitions its marks use.
	Defs MarkDefs
	// Density is the data of a path over the events the view counts
	// rather than marks (see Strip.Counted): how many fall in each few
	// units of the axis, an imprecise date or a span spread over its
	// possible days, as the height of a shaded area above the axis.
	Density string
}

// TickPath is the view's ticks as the data of one path: a view on every
// event's page has dozens, and a line element for each was a tenth of
// the page. The first tick is a move and a V; each after it is a
// relative move from where the last ended and a v, shorter by a third.
// The numbers are whole tenths of a unit, as num writes them, so the
// relative steps add up to the same points.
func (v *StripView) TickPath() string {
	// Written number by number into one buffer: a view's ticks made as
	// strings were a twentieth of what a build allocates.
	b := make([]byte, 0, 12*len(v.Ticks))
	var x0, y0 int64 // where the last tick ended, in tenths
	for i, t := range v.Ticks {
		x, y1, y2 := tenths(t.X), tenths(t.Y1), tenths(t.Y2)
		if i == 0 {
			b = append(b, 'M')
			b = appendTenths(b, x)
			b = append(b, ' ')
			b = appendTenths(b, y1)
			b = append(b, 'V')
			b = appendTenths(b, y2)
		} else {
			b = append(b, 'm')
			b = appendTenths(b, x-x0)
			if y1-y0 >= 0 {
				b = append(b, ' ')
			}
			b = appendTenths(b, y1-y0)
			b = append(b, 'v')
			b = appendTenths(b, y2-y1)
		}
		x0, y0 = x, y2
	}
	return string(b)
}

// tenths returns f in whole tenths, rounded as num rounds it.
func tenths(f float64) int64 {
	var a [32]byte
	var n int64
	digits := strconv.AppendFloat(a[:0], f, 'f', 1, 64)
	for _, c := range digits {
		if '0' <= c && c <= '9' {
			n = n*10 + int64(c-'0')
		}
	}
	if digits[0] == '-' {
		n = -n
	}
	return n
}

// appendTenths appends n tenths as num writes them: "58" for 580, "-0.5"
// for -5.
func appendTenths(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/10, 10)
	if d := n % 10; d != 0 {
		b = append(b, '.', byte('0'+d))
	}
	return b
}

// A Tick is a mark on the axis, from X,Y1 down to X,Y2.
type Tick struct{ X, Y1, Y2 float64 }

// MarkDefs says which shared definitions (the partial "mark-defs") a
// view's marks use: an event page's strip writes only those, where the
// timeline writes them all for its legend too.
type MarkDefs struct {
	HalfFg, HalfKey                         bool // the fills of reported events: of marks, of key marks
	Circle, Square, Triangle, Diamond, Star bool // the shapes
}

// markDefs returns the definitions that marks use.
func markDefs(marks []Mark) MarkDefs {
	var d MarkDefs
	for _, m := range marks {
		if m.Event.Status == "reported" {
			d.HalfFg = d.HalfFg || !m.Key
			d.HalfKey = d.HalfKey || m.Key
		}
		switch m.Shape {
		case "circle":
			d.Circle = true
		case "square":
			d.Square = true
		case "triangle":
			d.Triangle = true
		case "diamond":
			d.Diamond = true
		case "star":
			d.Star = true
		}
	}
	return d
}

// A TickLabel names a stretch of the axis: a year (Y), a month of a year
// (M), a day (D), or a decade or century (Y, with Step). Href is the
// year's page, when the label is one year that has events.
type TickLabel struct {
	X, Y   string
	Anchor string
	Year   int
	M, D   int
	Text   string // a year or day number; months are named by the layout
	Href   string
	Events int // the year's events, for a label that links to them
	box    [2]float64
}

// A Mark is one event on a view. At is the centre of its mark, Hit the
// link's target, Bar the range of its possible days on the band above
// the axis (a sliver for a single day), and Link the line from the mark
// to it: marks are moved aside to stay apart, bars never are.
type Mark struct {
	Event   *content.Entry
	X, Y    float64
	At      SVGPoint
	Hit     SVGRect
	Bar     *SVGRect
	Span    bool   // the bar is a span from date to end, not an imprecise date
	Shape   string // circle, square, triangle, diamond, star
	Kind    string // the kind's label, or ""
	Key     bool
	Scale   string // of the mark's shape: "1" or larger for key events
	Current bool   // the page's own event, on an event page's strip

	Label   string   // a key event's label
	named   []string // the names a derived label joins, then its place, for Lang.labels
	LabelAt SVGPoint
	Leader  SVGLine // from the label to the mark
	Link    SVGLine // from the mark to its bar
	box     [4]float64
}

// An SVGPoint is a point's coordinates as SVG attributes take them.
type SVGPoint struct{ X, Y string }

// An SVGRect is a rectangle as SVG attributes take it.
type SVGRect struct{ X, Y, W, H string }

// An SVGLine is a line from X1,Y1 to X2,Y2.
type SVGLine struct{ X1, Y1, X2, Y2 string }

func svgPoint(x, y float64) SVGPoint { return SVGPoint{num(x), num(y)} }

func svgRect(x, y, w, h float64) SVGRect { return SVGRect{num(x), num(y), num(w), num(h)} }

func svgLine(x1, y1, x2, y2 float64) SVGLine { return SVGLine{num(x1), num(y1), num(x2), num(y2)} }

// num writes a coordinate to a tenth of a unit, without a ".0" that
// adds nothing: "58" for 58.0. The marks, bars and ticks of every event
// page's strip hold dozens of coordinates.
func num(f float64) string {
	var a [24]byte
	return string(appendNum(a[:0], f))
}

// appendNum appends f as num writes it.
func appendNum(b []byte, f float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', 1, 64)
	if n := len(b); b[n-2] == '.' && b[n-1] == '0' {
		b = b[:n-2]
	}
	if string(b[start:]) == "-0" { // -0.04
		b = append(b[:start], '0')
	}
	return b
}

// Strip geometry, in SVG units. A view is never shown smaller than its
// width in CSS pixels (the stylesheet switches views at 36rem and 50rem,
// and the narrow one fits a 320px window's content), so a unit is at
// least a pixel.
const (
	wideWidth   = 640 // the page's widest content, from 50rem
	mediumWidth = 544 // 36rem less the page's padding
	narrowWidth = 272 // a 320px screen less the page's padding and a scrollbar
	stripPad    = 10
	target      = 24 // a row, and the least width of a link
	breakWidth  = 14
	labelSize   = 12 // font-size of the axis's and key events' labels
	labelRow    = 16
	maxBand     = 3  // lines of key events' labels
	maxRows     = 12 // of marks, before they crowd

	densityBin    = 4  // the width of a dense view's counts
	densityHeight = 40 // of the most events in one bin
)

// eventDays returns an event's first and last possible day, as the
// site model knows them: from its date and end, narrowed by its
// relations. The strip asks nothing else about time.
func eventDays(s *site.Site, e *content.Entry) (first, last int) {
	return s.Days(e)
}

// NewStrip lays out the timeline's overview of events, which are in the
// site's order, at the widths of a wide screen and a phone.
func NewStrip(s *site.Site, events []*content.Entry) *Strip {
	if len(events) == 0 {
		return nil
	}
	st := &Strip{}
	years := YearCounts(s)
	// Every view draws the same: a phone's view holds the fewest marks,
	// and past that, marks crowd into one another and the page grows
	// with each event (at 5,000 events the three views were 9 MB).
	dense := len(events) > capacity(narrowWidth)
	for _, w := range []struct {
		class string
		width int
	}{{"strip-wide", wideWidth}, {"strip-medium", mediumWidth}, {"strip-narrow", narrowWidth}} {
		v := layoutStrip(s, events, w.width, true, dense, nil, years)
		v.Class, v.Paired = w.class, true
		st.Views = append(st.Views, v)
		st.Cut = st.Cut || len(v.Breaks) > 0
	}
	// The legend names what the views mark, and counts what they shade.
	marks := st.Views[0].Marks
	st.Marked = len(marks) > 0
	if dense {
		st.Counted = len(events) - len(marks)
	}
	for _, m := range marks {
		st.Range = st.Range || m.Bar != nil
		if k := s.Config.KindOf(m.Event); k == nil {
			st.Other = true
		} else if !slices.ContainsFunc(st.Kinds, func(x content.EventKind) bool { return x.Tag == k.Tag }) {
			st.Kinds = append(st.Kinds, *k)
		}
	}
	// The legend lists kinds in site.toml's order.
	slices.SortStableFunc(st.Kinds, func(a, b content.EventKind) int {
		return slices.IndexFunc(s.Config.Kinds, func(k content.EventKind) bool { return k.Tag == a.Tag }) -
			slices.IndexFunc(s.Config.Kinds, func(k content.EventKind) bool { return k.Tag == b.Tag })
	})
	return st
}

// YearCounts counts the site's events of each year, for the links of a
// strip's axis to the years' pages.
func YearCounts(s *site.Site) map[int]int {
	years := map[int]int{}
	for _, e := range s.Events {
		years[e.Date.Y]++
	}
	return years
}

// NeighbourStrip lays out the strip of an event page: the event among
// the few before and after it, at one small width. years are the
// YearCounts of s.
func NeighbourStrip(s *site.Site, e *content.Entry, years map[int]int) *StripView {
	near := []*content.Entry{e}
	for p, n, i := s.Prev(e), s.Next(e), 0; i < 3; i++ {
		if p != nil {
			near = append([]*content.Entry{p}, near...)
			p = s.Prev(p)
		}
		if n != nil {
			near = append(near, n)
			n = s.Next(n)
		}
	}
	if len(near) < 2 {
		return nil
	}
	v := layoutStrip(s, near, narrowWidth, false, false, e, years)
	v.Class = "strip-near"
	v.Defs = markDefs(v.Marks)
	return v
}

// A segment is a stretch of days [d0, d1) drawn from x0 to x1.
type segment struct {
	d0, d1 int
	x0, x1 float64
}

// capacity is how many marks a view of width holds, each a 24-unit
// link in one of maxRows rows, before they would crowd.
func capacity(width int) int {
	return maxRows * (int(float64(width-2*stripPad-target)/target) + 1)
}

// isKey reports whether e is of a key kind (site.toml's [[kinds]]).
func isKey(s *site.Site, e *content.Entry) bool {
	k := s.Config.KindOf(e)
	return k != nil && k.Key
}

// layoutStrip lays out events at width. With dense, only key events
// are marks; the others are counted in the view's Density.
func layoutStrip(s *site.Site, events []*content.Entry, width int, labels, dense bool, current *content.Entry, years map[int]int) *StripView {
	type span struct{ first, end int } // end is exclusive
	spans := make([]span, len(events))
	for i, e := range events {
		f, l := eventDays(s, e)
		spans[i] = span{f, l + 1}
	}
	pairs := make([][2]int, len(spans))
	for i, sp := range spans {
		pairs[i] = [2]int{sp.first, sp.end}
	}
	segs := segments(pairs, float64(width))
	x := func(d float64) float64 {
		for i, sg := range segs {
			if d <= float64(sg.d1) || i == len(segs)-1 {
				return sg.x0 + (d-float64(sg.d0))/float64(sg.d1-sg.d0)*(sg.x1-sg.x0)
			}
		}
		return 0
	}
	var counts []float64
	if dense {
		counts = make([]float64, int(math.Ceil(float64(width-2*stripPad)/densityBin)))
		var keys []*content.Entry
		var keySpans []span
		for i, e := range events {
			if isKey(s, e) {
				keys, keySpans = append(keys, e), append(keySpans, spans[i])
				continue
			}
			count(counts, x(float64(spans[i].first)), x(float64(spans[i].end)))
		}
		events, spans = keys, keySpans
	}
	v := &StripView{Width: width, Marks: make([]Mark, 0, len(events))}

	// Each event's possible days, as a bar in the band above the axis;
	// bars that would overlap take the next of a few lanes.
	const lanes, laneH = 4, 6
	var laneEnd [lanes]float64
	for i := range laneEnd {
		laneEnd[i] = math.Inf(-1)
	}
	ideal := make([]float64, len(events))
	lane := make([]int, len(events))
	for i, e := range events {
		x1, x2 := x(float64(spans[i].first)), x(float64(spans[i].end))
		ideal[i] = (x1 + x2) / 2
		m := Mark{Event: e, Shape: "circle", Scale: "1", Current: e == current}
		if k := s.Config.KindOf(e); k != nil {
			m.Shape, m.Kind, m.Key = k.Shape, k.Label, k.Key
		}
		if m.Key {
			m.Scale = "1.5"
		}
		if x2-x1 < 2 {
			x1, x2 = ideal[i]-1, ideal[i]+1
		} else {
			m.Span = !e.End.IsZero()
		}
		m.Bar = &SVGRect{X: num(x1), W: num(x2 - x1)}
		l := 0
		for l < lanes-1 && x1 < laneEnd[l]+1 {
			l++
		}
		if x1 < laneEnd[l]+1 {
			// Every lane is taken here: the least full one is shared.
			for j := range laneEnd {
				if laneEnd[j] < laneEnd[l] {
					l = j
				}
			}
		}
		laneEnd[l] = max(laneEnd[l], x2)
		lane[i] = l
		v.Marks = append(v.Marks, m)
	}
	nLanes := 1
	if len(events) == 0 {
		nLanes = 0 // a dense view with no key event
	}
	for _, l := range lane {
		nLanes = max(nLanes, l+1)
	}

	// The marks: in time order along a line, each moved as little as
	// needed to keep its link clear of the others', in as few staggered
	// rows as keep every mark near its time.
	lo, hi := float64(stripPad)+target/2, float64(width-stripPad)-target/2
	var pos []float64
	rows, fits := 1, true
	for ; ; rows++ {
		gap := target / float64(rows)
		fits = float64(len(ideal)-1)*gap <= hi-lo
		if rows == maxRows && !fits {
			// More marks than the strip holds at 24 units: they
			// crowd, each still a link, and the list below the strip
			// has every event at full size (WCAG 2.5.8's equivalent).
			gap = (hi - lo) / float64(len(ideal)-1)
		}
		pos = dodge(ideal, gap, lo, hi)
		worst := 0.0
		for i := range pos {
			worst = max(worst, math.Abs(pos[i]-ideal[i]))
		}
		if rows == maxRows || fits && worst <= 0.2*float64(width) {
			break
		}
	}
	row := make([]int, len(pos))
	var rowEnd []float64
	for i, p := range pos {
		r := 0
		for r < len(rowEnd) && p-rowEnd[r] < target-0.01 && (fits || r < maxRows-1) {
			r++
		}
		if r == len(rowEnd) {
			rowEnd = append(rowEnd, 0)
		}
		rowEnd[r] = p
		row[i] = r
	}

	// Key events' labels, in a band of at most a few lines above the
	// marks, so that a phone still sees the marks (see placeLabels).
	nBand := 0
	bandOf := map[int]int{}
	if labels {
		var idx []int
		var xs, ws []float64
		for i := range v.Marks {
			m := &v.Marks[i]
			if !m.Key {
				continue
			}
			m.Label, m.named = keyLabel(s, m.Event)
			idx = append(idx, i)
			xs = append(xs, pos[i])
			ws = append(ws, geo.TextWidth(m.Label, labelSize)*1.12) // bold
		}
		lines, lxs := placeLabels(xs, ws, float64(width))
		for j, i := range idx {
			m := &v.Marks[i]
			if lines[j] < 0 {
				// No room left: the mark stays larger, named in full
				// by its link, but unlabelled.
				m.Label = ""
				continue
			}
			bandOf[i] = lines[j]
			nBand = max(nBand, lines[j]+1)
			m.box = [4]float64{0, lxs[j], 0, lxs[j] + ws[j]}
		}
	}
	v.Labelled = nBand > 0
	top := 2.0 + float64(nBand)*labelRow
	if nBand > 0 {
		top += 4
	}
	leaderH := 12.0
	if len(events) == 0 {
		leaderH = 0
	}
	marksBottom := top + float64(len(rowEnd))*target
	laneTop := marksBottom + leaderH
	axisY := laneTop + float64(nLanes)*laneH + 2
	if dense {
		axisY += densityHeight
		v.Density = densityPath(counts, axisY)
	}
	v.AxisY = num(axisY)
	for i := range v.Marks {
		m := &v.Marks[i]
		m.X = pos[i]
		m.Y = marksBottom - target/2 - float64(row[i])*target
		m.At = svgPoint(m.X, m.Y)
		m.Hit = svgRect(m.X-target/2, m.Y-target/2, target, target)
		by := laneTop + float64(lane[i])*laneH
		m.Bar.Y, m.Bar.H = num(by), num(laneH-1.5)
		r := 6.0
		if m.Key {
			r = 9
		}
		m.Link = svgLine(m.X, m.Y+r+1, ideal[i], by)
		if line, ok := bandOf[i]; ok {
			ly := 2 + float64(line)*labelRow
			m.LabelAt = svgPoint((m.box[1]+m.box[3])/2, ly+labelSize)
			m.Leader = svgLine(m.X, ly+labelRow-1, m.X, m.Y-r-1)
		}
	}

	// The axis: a line per segment, a break between them, ticks and
	// labels below.
	for i, sg := range segs {
		v.Axis = append(v.Axis, svgLine(sg.x0, axisY, sg.x1, axisY))
		if i > 0 {
			bx := (segs[i-1].x1 + sg.x0) / 2
			v.Breaks = append(v.Breaks, "M"+num(bx-5)+" "+num(axisY+6)+"L"+num(bx-1)+" "+num(axisY-6)+"M"+num(bx+1)+" "+num(axisY+6)+"L"+num(bx+5)+" "+num(axisY-6))
		}
	}
	v.Ticks, v.Labels = axis(segs, axisY, years)
	lines := 1.0
	for _, l := range v.Labels {
		if l.Anchor == "start" {
			lines = 2 // the second line, naming years or months
		}
	}
	v.Height = int(math.Ceil(axisY + 6 + lines*labelRow + 2))
	return v
}

// placeLabels places the labels of marks at xs, of widths ws, each in
// a line of the band above the marks: line 0 at the top, at most maxBand
// lines. A label overlaps no other in its line, covers no leader that
// comes down from a label above it, and its own leader crosses no label
// below it. It is centred on its mark if it can be, or else ends or
// starts at it; one wider than the strip is left out. The labels
// nearest the strip's ends are placed first, as they can only reach
// inwards. It returns each label's line, -1 for a label left out, and
// its left edge.
func placeLabels(xs, ws []float64, width float64) (lines []int, lxs []float64) {
	type box struct{ lo, hi, x float64 }
	var placed [maxBand][]box
	lines, lxs = make([]int, len(xs)), make([]float64, len(xs))
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	edge := func(x float64) float64 { return min(x, width-x) }
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(edge(xs[a]), edge(xs[b]))
	})
	fits := func(line int, lo, hi, x float64) bool {
		for l := range placed {
			for _, p := range placed[l] {
				switch {
				case l == line && lo < p.hi+6 && p.lo < hi+6,
					l < line && lo-3 < p.x && p.x < hi+3,
					l > line && p.lo-3 < x && x < p.hi+3:
					return false
				}
			}
		}
		return true
	}
	for _, i := range order {
		x, w := xs[i], ws[i]
		lines[i] = -1
		if w > width-4 {
			continue // wider than the strip: its mark is named by its link
		}
	search:
		for line := range maxBand {
			for _, lx := range []float64{x - w/2, x + 6 - w, x - 6} {
				lx = math.Min(math.Max(lx, 2), width-2-w)
				if lx > x-2 || lx+w < x+2 || !fits(line, lx, lx+w, x) {
					continue
				}
				placed[line] = append(placed[line], box{lx, lx + w, x})
				lines[i], lxs[i] = line, lx
				break search
			}
		}
	}
	return lines, lxs
}

// count adds an event drawn from x1 to x2 to the counts of a dense view,
// each of which covers densityBin units from stripPad: a whole event to
// the bin it falls in, or one spread over the bins of its possible days,
// so that a year of imprecise dates reads as a low, wide stretch.
func count(counts []float64, x1, x2 float64) {
	bin := func(x float64) int {
		return min(max(int((x-stripPad)/densityBin), 0), len(counts)-1)
	}
	end := stripPad + float64(len(counts))*densityBin
	x1, x2 = min(max(x1, stripPad), end), min(max(x2, stripPad), end)
	if x2-x1 < densityBin {
		counts[bin((x1+x2)/2)]++
		return
	}
	for b := bin(x1); b <= bin(x2); b++ {
		lo := max(x1, stripPad+float64(b)*densityBin)
		hi := min(x2, stripPad+float64(b+1)*densityBin)
		if hi > lo {
			counts[b] += (hi - lo) / (x2 - x1)
		}
	}
}

// densityPath draws counts as one shaded area standing on the axis at
// y, as high as densityHeight where the most events fall; a bin with any
// event is at least a unit high, so that no event disappears.
func densityPath(counts []float64, y float64) string {
	most := slices.Max(counts)
	if most == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("M" + num(stripPad) + " " + num(y))
	last := "0.0"
	for i, c := range counts {
		h := 0.0
		if c > 0 {
			h = max(c/most*densityHeight, 1)
		}
		if num(h) != last {
			b.WriteString("H" + num(stripPad+float64(i)*densityBin) + "V" + num(y-h))
			last = num(h)
		}
	}
	b.WriteString("H" + num(stripPad+float64(len(counts))*densityBin) + "V" + num(y) + "Z")
	return b.String()
}

// dodge places points, in order, at least gap apart and within lo..hi,
// each as near its ideal place as it can be: runs of points that would
// be too close are spread evenly around the mean of their ideals.
func dodge(ideal []float64, gap, lo, hi float64) []float64 {
	type run struct {
		start, n int
		sum      float64 // of ideal minus the offset within the run
		x0       float64
	}
	place := func(r *run) {
		r.x0 = r.sum / float64(r.n)
		r.x0 = math.Max(lo, math.Min(r.x0, hi-float64(r.n-1)*gap))
	}
	var runs []run
	for i, x := range ideal {
		r := run{start: i, n: 1, sum: x}
		place(&r)
		runs = append(runs, r)
		for len(runs) > 1 {
			a, b := &runs[len(runs)-2], runs[len(runs)-1]
			if a.x0+float64(a.n)*gap <= b.x0 {
				break
			}
			a.sum += b.sum - float64(b.n*a.n)*gap
			a.n += b.n
			place(a)
			runs = runs[:len(runs)-1]
		}
	}
	out := make([]float64, len(ideal))
	for _, r := range runs {
		for j := 0; j < r.n; j++ {
			out[r.start+j] = r.x0 + float64(j)*gap
		}
	}
	return out
}

// segments divides the time of spans ([first, end) day numbers) into
// stretches drawn side by side: a gap of empty time longer than a sixth
// of the whole (and than two months) is cut out. Each stretch is as wide
// as its share of the time, but never narrower than a mark.
func segments(spans [][2]int, width float64) []segment {
	sorted := slices.Clone(spans)
	slices.SortFunc(sorted, func(a, b [2]int) int { return a[0] - b[0] })
	var union [][2]int
	for _, sp := range sorted {
		if n := len(union); n > 0 && sp[0] <= union[n-1][1] {
			union[n-1][1] = max(union[n-1][1], sp[1])
		} else {
			union = append(union, sp)
		}
	}
	total := union[len(union)-1][1] - union[0][0]
	var segs []segment
	for i, u := range union {
		if i > 0 && u[0]-segs[len(segs)-1].d1 > max(total/6, 60) {
			segs = append(segs, segment{d0: u[0], d1: u[1]})
			continue
		}
		if i == 0 {
			segs = append(segs, segment{d0: u[0], d1: u[1]})
			continue
		}
		segs[len(segs)-1].d1 = u[1]
	}
	kept := 0
	for _, sg := range segs {
		kept += sg.d1 - sg.d0
	}
	// A margin of time around each stretch, so a mark at its end is not
	// on the break.
	pad := max(1, kept/40)
	for i := range segs {
		segs[i].d0 -= pad
		segs[i].d1 += pad
		kept += 2 * pad
	}
	avail := width - 2*stripPad - float64(len(segs)-1)*breakWidth
	// Widths proportional to days, with a floor: segments below it are
	// set to it and the rest share what is left.
	const floor = 2 * target
	fixed := make([]bool, len(segs))
	var k float64
	for {
		days, room := 0, avail
		for i, sg := range segs {
			if fixed[i] {
				room -= floor
			} else {
				days += sg.d1 - sg.d0
			}
		}
		k = room / float64(max(days, 1))
		changed := false
		for i, sg := range segs {
			if !fixed[i] && float64(sg.d1-sg.d0)*k < floor {
				fixed[i], changed = true, true
			}
		}
		if !changed {
			break
		}
	}
	x := float64(stripPad)
	for i := range segs {
		w := float64(segs[i].d1-segs[i].d0) * k
		if fixed[i] {
			w = floor
		}
		segs[i].x0, segs[i].x1 = x, x+w
		x += w + breakWidth
	}
	return segs
}

// A step is a unit of the axis: every n days, months or years.
type step struct {
	unit    byte // 'd', 'm', 'y'
	n       int
	minDays int  // the shortest such interval
	text    bool // labelled by a number (day, year); else by a month's name
}

var steps = []step{
	{'d', 1, 1, true}, {'d', 7, 7, true},
	{'m', 1, 28, false}, {'m', 3, 89, false},
	{'y', 1, 365, true}, {'y', 2, 730, true}, {'y', 5, 1826, true}, {'y', 10, 3652, true},
	{'y', 20, 7305, true}, {'y', 50, 18262, true}, {'y', 100, 36524, true},
}

// labelWidth is the widest label of a step.
func (st step) labelWidth() float64 {
	switch st.unit {
	case 'd':
		return geo.TextWidth("28", labelSize)
	case 'm':
		return geo.TextWidth("Sept", labelSize)
	}
	return geo.TextWidth("2000", labelSize)
}

// boundaries returns the day numbers where intervals of the step start,
// from the one containing d0 to the first at or after d1.
func (st step) boundaries(d0, d1 int) []int {
	t := date.FromDay(d0)
	var out []int
	switch st.unit {
	case 'd':
		// Day 1, 8, 15, 22 of each month for weeks, so labels read as
		// dates; every day otherwise.
		for d := d0; ; d++ {
			t := date.FromDay(d)
			if st.n == 1 || (t.D-1)%7 == 0 && t.D < 29 {
				out = append(out, d)
			}
			if d >= d1 {
				break
			}
		}
	case 'm':
		y, m := t.Y, t.M-(t.M-1)%st.n
		for {
			d := date.DayNumber(y, m, 1)
			out = append(out, d)
			if d >= d1 {
				break
			}
			m += st.n
			if m > 12 {
				y, m = y+1, m-12
			}
		}
	case 'y':
		y := t.Y - mod(t.Y, st.n)
		for {
			d := date.DayNumber(y, 1, 1)
			out = append(out, d)
			if d >= d1 {
				break
			}
			y += st.n
		}
	}
	return out
}

func mod(a, n int) int { return ((a % n) + n) % n }

// axis chooses the finest step whose labels fit, and lays out its ticks
// and labels, with finer ticks unlabelled where they are far enough
// apart, and a second line naming the year (or month) of day and month
// labels. Labels that would still touch are left out.
func axis(segs []segment, axisY float64, years map[int]int) ([]Tick, []TickLabel) {
	k := math.Inf(1) // units per day, the least of the segments
	for _, sg := range segs {
		k = math.Min(k, (sg.x1-sg.x0)/float64(sg.d1-sg.d0))
	}
	chosen := len(steps) - 1
	for i, st := range steps {
		if float64(st.minDays)*k >= st.labelWidth()+6 {
			chosen = i
			break
		}
	}
	st := steps[chosen]
	var ticks []Tick
	var labels, context []TickLabel
	xOf := func(sg segment, d int) float64 {
		return sg.x0 + float64(d-sg.d0)/float64(sg.d1-sg.d0)*(sg.x1-sg.x0)
	}
	// Minor ticks: the finest step at least 4 units apart.
	for i := 0; i < chosen; i++ {
		if float64(steps[i].minDays)*k >= 4 {
			for _, sg := range segs {
				for _, d := range steps[i].boundaries(sg.d0, sg.d1) {
					if d > sg.d0 && d < sg.d1 {
						x := xOf(sg, d)
						ticks = append(ticks, Tick{x, axisY, axisY + 3})
					}
				}
			}
			break
		}
	}
	ly := axisY + 4 + labelSize
	for _, sg := range segs {
		bs := st.boundaries(sg.d0, sg.d1)
		// A unit named in its middle is named when most of it is shown,
		// or, if none is, the one most shown.
		most, mostDays := -1, 0
		for j := 0; j+1 < len(bs); j++ {
			if n := min(bs[j+1], sg.d1) - max(bs[j], sg.d0); n > mostDays {
				most, mostDays = j, n
			}
		}
		for j, d := range bs {
			if d > sg.d0 && d < sg.d1 {
				x := xOf(sg, d)
				ticks = append(ticks, Tick{x, axisY, axisY + 6})
			}
			if j+1 == len(bs) {
				break
			}
			t := date.FromDay(d)
			l := TickLabel{Year: t.Y}
			switch st.unit {
			case 'd':
				l.D, l.M, l.Text = t.D, t.M, strconv.Itoa(t.D)
			case 'm':
				l.M = t.M
			default:
				l.Text = strconv.Itoa(t.Y)
				if st.n == 1 && years[t.Y] > 0 {
					l.Href, l.Events = YearURL(t.Y), years[t.Y]
				}
			}
			w := st.labelWidth()
			if l.Text != "" {
				w = geo.TextWidth(l.Text, labelSize)
			}
			var cx float64
			if st.n == 1 || st.unit == 'd' {
				// A unit is named in the middle of what is shown of it,
				// when that is most of it, or all there is of the
				// segment.
				a, b := max(d, sg.d0), min(bs[j+1], sg.d1)
				if b <= a || 2*(b-a) < bs[j+1]-d && (j != most || 2*mostDays >= bs[most+1]-bs[most]) {
					continue
				}
				cx = (xOf(sg, a) + xOf(sg, b)) / 2
			} else {
				// Several units are named at the tick they start at.
				if d < sg.d0 {
					continue
				}
				cx = xOf(sg, d)
			}
			l.X, l.Y, l.Anchor = num(cx), num(ly), "middle"
			l.box = [2]float64{cx - w/2, cx + w/2}
			labels = append(labels, l)
		}
		// The second line: the year of month labels, the month and
		// year of day labels, at the start of each and of each segment.
		if st.unit == 'y' {
			continue
		}
		cst := step{'y', 1, 365, true}
		if st.unit == 'd' {
			cst = step{'m', 1, 28, false}
		}
		cbs := cst.boundaries(sg.d0, sg.d1)
		for j, d := range cbs {
			if d >= sg.d1 {
				break
			}
			if j == 0 {
				// The segment's start, unless it is only the last
				// days of a year (or month) before the one that
				// follows.
				if len(cbs) > 1 && cbs[1] < sg.d1 && 4*(cbs[1]-sg.d0) < cst.minDays {
					continue
				}
				d = sg.d0
			}
			t := date.FromDay(d)
			x := xOf(sg, d)
			l := TickLabel{Year: t.Y, Text: strconv.Itoa(t.Y), X: num(x), Y: num(ly + labelRow), Anchor: "start"}
			w := geo.TextWidth(l.Text, labelSize)
			if st.unit == 'd' {
				l.M = t.M
				w += geo.TextWidth("Sept ", labelSize)
			} else if years[t.Y] > 0 {
				l.Href, l.Events = YearURL(t.Y), years[t.Y]
			}
			l.box = [2]float64{x, x + w}
			context = append(context, l)
		}
	}
	width := segs[len(segs)-1].x1 + stripPad
	return ticks, append(apart(labels, width), apart(context, width)...)
}

// apart keeps the labels, in order along the axis, that are inside the
// view's width and do not touch the one kept before them.
func apart(labels []TickLabel, width float64) []TickLabel {
	var out []TickLabel
	end := math.Inf(-1)
	for _, l := range labels {
		if l.box[0] >= max(end+4, 1) && l.box[1] <= width-1 {
			out = append(out, l)
			end = l.box[1]
		}
	}
	return out
}

// keyLabel names a key event in the strip: site.toml's label for it, or
// the last names of the people it says were killed and its place
// ("Sari and Almas, Tehran"), or its title. A label it derives comes
// with the names it joins and the place, which the page's language joins
// again with its own words (see Lang.labels).
func keyLabel(s *site.Site, e *content.Entry) (string, []string) {
	if l := s.Config.Overview.Labels[e.ID]; l != "" {
		return l, nil
	}
	var names []string
	for _, id := range site.EventPeople(e) {
		if !s.Config.Overview.IsKilled(e.OriginalRole(id)) {
			continue
		}
		if p := s.Get(content.Person, id); p != nil {
			f := strings.Fields(p.Title)
			names = append(names, f[len(f)-1])
		}
	}
	if len(names) == 0 {
		return e.Title, nil
	}
	place := ""
	if p := s.Get(content.Place, e.Place); p != nil {
		place = p.Title
	}
	named := append(names, place)
	return Lang{}.joinLabel(named), named
}

// joinLabel words a derived label: the names, "and" before the last, then
// the place, if any ("Sari and Almas, Tehran"). The zero Lang speaks
// English.
func (l Lang) joinLabel(named []string) string {
	names, place := named[:len(named)-1], named[len(named)-1]
	sep, and := ", ", "and"
	if l.en != nil {
		sep, and = l.T("list-sep"), l.T("and")
	}
	s := names[0]
	if n := len(names); n > 1 {
		s = strings.Join(names[:n-1], sep) + " " + and + " " + names[n-1]
	}
	if place != "" {
		s += sep + place
	}
	return s
}

// labels words the derived labels of a page's strips in the language.
func (l Lang) labels(views ...*StripView) {
	for _, v := range views {
		if v == nil {
			continue
		}
		for i := range v.Marks {
			if m := &v.Marks[i]; m.Label != "" && m.named != nil {
				m.Label = l.joinLabel(m.named)
			}
		}
	}
}
