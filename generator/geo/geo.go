// Package geo draws maps without tiles: country outlines from Natural
// Earth (public domain), simplified once by tools/outlines into
// outlines.json and embedded here, and the places of a dossier on them,
// each labelled where its label overlaps nothing.
//
// The projection is equirectangular, fitted to the places with a margin
// and with longitudes shortened by the cosine of the middle latitude, so
// that shapes near the places look right. Nothing is fetched: a map is
// plain SVG coordinates that a layout writes out.
package geo

import (
	_ "embed"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed outlines.json
var outlinesJSON []byte

// A country is one outline: its rings in degrees, and their bounds.
type country struct {
	name     string
	rings    [][][2]float64 // lon, lat
	min, max [2]float64
}

var world = sync.OnceValue(func() []country {
	var o struct {
		Scale     float64 `json:"scale"`
		Arcs      [][]int `json:"arcs"`
		Countries []struct {
			Name     string    `json:"name"`
			Polygons [][][]int `json:"polygons"`
		} `json:"countries"`
	}
	if err := json.Unmarshal(outlinesJSON, &o); err != nil {
		panic("geo: outlines.json: " + err.Error())
	}
	arcs := make([][][2]float64, len(o.Arcs))
	for i, a := range o.Arcs {
		x, y := 0, 0
		for j := 0; j+1 < len(a); j += 2 {
			x, y = x+a[j], y+a[j+1]
			arcs[i] = append(arcs[i], [2]float64{float64(x) * o.Scale, float64(y) * o.Scale})
		}
	}
	var out []country
	for _, c := range o.Countries {
		k := country{name: c.Name, min: [2]float64{180, 90}, max: [2]float64{-180, -90}}
		for _, poly := range c.Polygons {
			for _, ring := range poly {
				var pts [][2]float64
				for _, i := range ring {
					var a [][2]float64
					if i >= 0 {
						a = arcs[i]
					} else {
						a = slices.Clone(arcs[^i])
						slices.Reverse(a)
					}
					if len(pts) > 0 && len(a) > 0 {
						a = a[1:] // the arcs of a ring share their ends
					}
					pts = append(pts, a...)
				}
				for _, p := range pts {
					k.min = [2]float64{math.Min(k.min[0], p[0]), math.Min(k.min[1], p[1])}
					k.max = [2]float64{math.Max(k.max[0], p[0]), math.Max(k.max[1], p[1])}
				}
				k.rings = append(k.rings, pts)
			}
		}
		out = append(out, k)
	}
	return out
})

// A Place is what a map shows of a place.
type Place struct {
	ID       string
	Name     string
	Lon, Lat float64
	Weight   int  // events there: larger marks, and labelled first
	Marked   bool // a key event (a killing) happened there
}

// A Map is an SVG map laid out in units of its viewBox.
type Map struct {
	Width, Height int
	Countries     []Country
	Spots         []Spot
}

// A Country is one country's outline as SVG path data.
type Country struct {
	Name string
	D    string
}

// A Spot is a place on the map: its mark at X, Y with radius R, and its
// label, written from LX, LY with the given text-anchor, with a leader
// line from the mark when it had to move away. A place whose label
// found no free room has Label "" (its mark keeps its name).
type Spot struct {
	Place
	X, Y, R      float64
	Label        string
	LX, LY       float64
	Anchor       string
	Leader       bool
	LineX, LineY float64 // where the leader line meets the label
	Box          Box     // the label's extent
}

// A Box is a rectangle, X and Y its top left corner.
type Box struct{ X, Y, W, H float64 }

func (a Box) overlaps(b Box) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// TextWidth estimates how wide text is at a font size, generously, so
// that labels placed apart by it stay apart in a browser's font.
func TextWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ' || r == ',' || r == '.' || r == 'i' || r == 'l' || r == 'j' || r == '\'':
			w += 0.34
		case r >= 'A' && r <= 'Z' || r == 'm' || r == 'w':
			w += 0.78
		default:
			w += 0.6
		}
	}
	return w*size + 2
}

// Options size a map.
type Options struct {
	Width    int
	FontSize float64
	MinSpan  float64 // degrees of latitude shown at least, for a lone place
}

// Layout fits a map to places and labels them. Places are drawn in the
// order given; labels are placed heaviest first.
func Layout(places []Place, o Options) *Map {
	if len(places) == 0 {
		return nil
	}
	minLon, maxLon, minLat, maxLat := 180.0, -180.0, 90.0, -90.0
	for _, p := range places {
		minLon, maxLon = math.Min(minLon, p.Lon), math.Max(maxLon, p.Lon)
		minLat, maxLat = math.Min(minLat, p.Lat), math.Max(maxLat, p.Lat)
	}
	midLat := (minLat + maxLat) / 2
	k := math.Cos(midLat * math.Pi / 180)
	k = math.Max(k, 0.2)
	// Spans in "map degrees": longitudes shortened by k.
	w, h := (maxLon-minLon)*k, maxLat-minLat
	w, h = math.Max(w, o.MinSpan*1.6), math.Max(h, o.MinSpan)
	w, h = w*1.3+1, h*1.3+1 // margin for marks and labels
	W := float64(o.Width)
	// Height follows the places' shape, within limits, and the span
	// widens in the other direction to fill.
	H := math.Min(math.Max(W*h/w, W*0.5), W*0.85)
	if W/H > w/h {
		w = h * W / H
	} else {
		h = w * H / W
	}
	cx, cy := (minLon+maxLon)/2*k, midLat
	scale := W / w
	x := func(lon float64) float64 { return W/2 + (lon*k-cx)*scale }
	y := func(lat float64) float64 { return H/2 - (lat-cy)*scale }
	m := &Map{Width: o.Width, Height: int(math.Round(H))}
	H = float64(m.Height)

	// Countries that reach into the view, as paths.
	lonMin, lonMax := (cx-w/2)/k, (cx+w/2)/k
	latMin, latMax := cy-h/2, cy+h/2
	for _, c := range world() {
		if c.max[0] < lonMin || c.min[0] > lonMax || c.max[1] < latMin || c.min[1] > latMax {
			continue
		}
		var d strings.Builder
		for _, ring := range c.rings {
			for i, p := range ring {
				if i == 0 {
					d.WriteByte('M')
				} else {
					d.WriteByte('L')
				}
				d.WriteString(num(x(p[0])))
				d.WriteByte(' ')
				d.WriteString(num(y(p[1])))
			}
			d.WriteByte('Z')
		}
		m.Countries = append(m.Countries, Country{Name: c.name, D: d.String()})
	}

	for _, p := range places {
		r := 4 + 1.5*math.Sqrt(float64(p.Weight))
		if p.Weight == 0 {
			r = 3.5
		}
		m.Spots = append(m.Spots, Spot{Place: p, X: x(p.Lon), Y: y(p.Lat), R: r})
	}
	placeLabels(m, W, H, o.FontSize)
	return m
}

// placeLabels puts each label at the first of a ring of positions around
// its mark, nearest first, where it overlaps no other label and no mark,
// and stays inside the map; farther positions get a leader line.
func placeLabels(m *Map, W, H, size float64) {
	order := make([]int, len(m.Spots))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return m.Spots[b].Weight - m.Spots[a].Weight
	})
	var taken []Box
	for _, s := range m.Spots {
		taken = append(taken, Box{s.X - s.R - 1, s.Y - s.R - 1, 2*s.R + 2, 2*s.R + 2})
	}
	lh := size * 1.25
	// A map has room for a few dozen labels at most; the rest of the
	// places keep their marks and names, and the time stays linear.
	if len(order) > maxLabels {
		order = order[:maxLabels]
	}
	for _, i := range order {
		s := &m.Spots[i]
		tw := TextWidth(s.Name, size)
		placed := false
		for ring, gap := range []float64{3, 14, 28, 44, 64} {
			d := s.R + gap
			// Right, left, above, below, then the corners.
			for _, dir := range [][2]float64{{1, 0}, {-1, 0}, {0, -1}, {0, 1}, {1, -1}, {-1, -1}, {1, 1}, {-1, 1}} {
				bx, by := s.X+dir[0]*d, s.Y+dir[1]*d
				var b Box
				anchor := "start"
				switch dir[0] {
				case 1:
					b.X = bx
				case -1:
					b.X, anchor = bx-tw, "end"
				default:
					b.X, anchor = bx-tw/2, "middle"
				}
				switch dir[1] {
				case -1:
					b.Y = by - lh
				case 1:
					b.Y = by
				default:
					b.Y = by - lh/2
				}
				b.W, b.H = tw, lh
				if b.X < 2 || b.Y < 2 || b.X+b.W > W-2 || b.Y+b.H > H-2 {
					continue
				}
				free := true
				for _, t := range taken {
					if t.overlaps(b) {
						free = false
						break
					}
				}
				if !free {
					continue
				}
				s.Label, s.Anchor, s.Box = s.Name, anchor, b
				switch anchor {
				case "start":
					s.LX = b.X
				case "end":
					s.LX = b.X + b.W
				default:
					s.LX = b.X + b.W/2
				}
				s.LY = b.Y + lh*0.8
				if ring > 0 {
					s.Leader = true
					// The line ends at the label's nearest edge.
					s.LineX = math.Max(b.X, math.Min(s.X, b.X+b.W))
					s.LineY = math.Max(b.Y, math.Min(s.Y, b.Y+b.H))
					// A line of its own must not cross others' labels;
					// it is thin, and good enough to keep as it is.
				}
				taken = append(taken, b)
				placed = true
				break
			}
			if placed {
				break
			}
		}
	}
}

// maxLabels is how many places a map labels, the heaviest first.
const maxLabels = 60

// num writes a coordinate with one decimal.
func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
