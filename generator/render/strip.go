package render

import (
	"strconv"
	"time"

	"dossier/generator/content"
	"dossier/generator/date"
)

// A Strip is the timeline overview drawn above the list: a year axis from
// the first event's year to the last, and one mark per event placed by
// its date, so that gaps in time show as gaps. It is plain SVG laid out
// here, so it needs no script.
type Strip struct {
	Width, Height int
	AxisY         int // y of the axis line
	Years         []StripYear
	Marks         []Mark
}

// A StripYear is one year's stretch of the axis.
type StripYear struct {
	Year       int
	X, W, MidX float64
	Events     int
}

// A Mark is one event on the strip, X and Y its centre. At and Hit are
// the same written for the SVG, with one decimal: the centre, and the top
// left corner of the link's square around it. A timeline draws thousands
// of marks, and arithmetic in the template cost more than the rest of
// the page.
type Mark struct {
	Event *content.Entry
	X, Y  float64
	At    SVGPoint
	Hit   SVGPoint
}

// An SVGPoint is a point's coordinates as SVG attributes take them.
type SVGPoint struct{ X, Y string }

func svgPoint(x, y float64) SVGPoint {
	return SVGPoint{strconv.FormatFloat(x, 'f', 1, 64), strconv.FormatFloat(y, 'f', 1, 64)}
}

// Strip geometry, in SVG units. The stylesheet shows the SVG at most 1.2
// times its natural size (576px), so on a wide screen a mark's link square
// is the 24px of WCAG 2.5.8; marks closer than that stack in rows instead
// of overlapping. On a phone the strip shrinks to fit, rather than
// scroll the recent years out of view; every mark's link is then also in
// the list below it, in full size (2.5.8's "equivalent" exception).
const (
	stripWidth  = 480
	stripPad    = 16
	stripTarget = 20
	stripAxis   = 24 // room under the axis for the year labels
)

// NewStrip lays out events, which are in date order.
func NewStrip(events []*content.Entry) *Strip {
	if len(events) == 0 {
		return nil
	}
	first, last := events[0].Date.Y, events[0].Date.Y
	for _, e := range events {
		first, last = min(first, e.Date.Y), max(last, e.Date.Y)
	}
	span := float64(last + 1 - first)
	inner := float64(stripWidth - 2*stripPad)
	x := func(years float64) float64 { return stripPad + (years-float64(first))/span*inner }

	s := &Strip{Width: stripWidth}
	var rowEnd []float64 // the x of the last mark in each row
	rowOf := make([]int, len(events))
	for i, e := range events {
		m := Mark{Event: e, X: x(yearFraction(e.Date))}
		row := 0
		for row < len(rowEnd) && m.X-rowEnd[row] < stripTarget {
			row++
		}
		if row == len(rowEnd) {
			rowEnd = append(rowEnd, 0)
		}
		rowEnd[row] = m.X
		rowOf[i] = row
		s.Marks = append(s.Marks, m)
	}
	// Rows stack upwards from the axis, the first row nearest to it.
	s.AxisY = len(rowEnd)*stripTarget + 8
	s.Height = s.AxisY + stripAxis
	for i := range s.Marks {
		m := &s.Marks[i]
		m.Y = float64(s.AxisY - stripTarget/2 - 3 - rowOf[i]*stripTarget)
		m.At = svgPoint(m.X, m.Y)
		m.Hit = svgPoint(m.X-stripTarget/2, m.Y-stripTarget/2)
	}
	count := map[int]int{}
	for _, e := range events {
		count[e.Date.Y]++
	}
	for y := first; y <= last; y++ {
		x0, x1 := x(float64(y)), x(float64(y+1))
		s.Years = append(s.Years, StripYear{Year: y, X: x0, W: x1 - x0, MidX: (x0 + x1) / 2, Events: count[y]})
	}
	return s
}

// yearFraction places a date on a continuous scale of years: a day at its
// middle, a month or a year known only as a whole at the middle of that
// period.
func yearFraction(d date.Date) float64 {
	day := func(m, d0 int) float64 {
		return float64(time.Date(d.Y, time.Month(m), d0, 0, 0, 0, 0, time.UTC).YearDay() - 1)
	}
	days := day(12, 31) + 1
	var mid float64
	switch d.Prec {
	case date.Day:
		mid = day(d.M, d.D) + 0.5
	case date.Month:
		end := days
		if d.M < 12 {
			end = day(d.M+1, 1)
		}
		mid = (day(d.M, 1) + end) / 2
	default:
		mid = days / 2
	}
	return float64(d.Y) + mid/days
}
