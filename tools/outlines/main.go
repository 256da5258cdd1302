// Command outlines writes generator/geo/outlines.json, the country
// outlines the generator draws its maps with, from Natural Earth's
// countries as the npm package world-atlas publishes them in TopoJSON.
// It is run by hand, once, not by the build; see README.md beside it.
//
//	npm install --prefix "$(mktemp -d)" world-atlas@2.0.2
//	go run ./tools/outlines -in DIR/node_modules/world-atlas/countries-110m.json
//
// The arcs are kept shared, as TopoJSON has them, so that a border
// simplified once is the same line for both its countries; each arc is
// simplified (Douglas-Peucker) and rounded to a hundredth of a degree,
// then delta-encoded.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
)

type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				Arcs       json.RawMessage `json:"arcs"`
				ID         string          `json:"id"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

// An outline file: arcs as integer hundredths of a degree, the first
// point absolute and the rest as differences, lon then lat; a country is
// polygons of rings of arc indices, ^i for arc i reversed, as in TopoJSON.
type outlines struct {
	Source    string    `json:"source"`
	Scale     float64   `json:"scale"`
	Arcs      [][]int   `json:"arcs"`
	Countries []country `json:"countries"`
}

type country struct {
	Name     string    `json:"name"`
	ID       string    `json:"id,omitempty"`
	Polygons [][][]int `json:"polygons"`
}

func main() {
	in := flag.String("in", "", "countries-110m.json (or -50m) of world-atlas 2.0.2")
	out := flag.String("out", "generator/geo/outlines.json", "file to write")
	tol := flag.Float64("tolerance", 0.15, "simplification tolerance in degrees")
	flag.Parse()
	if *in == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/outlines -in .../world-atlas/countries-110m.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	o := outlines{Source: "Natural Earth (public domain) via world-atlas 2.0.2 countries-110m.json; simplified by tools/outlines", Scale: 0.01}
	for _, arc := range t.Arcs {
		var pts [][2]float64
		x, y := 0.0, 0.0
		for _, p := range arc {
			x, y = x+p[0], y+p[1]
			pts = append(pts, [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]})
		}
		pts = simplify(pts, *tol)
		var enc []int
		px, py := 0, 0
		for i, p := range pts {
			qx, qy := int(math.Round(p[0]/o.Scale)), int(math.Round(p[1]/o.Scale))
			if i > 0 && qx == px && qy == py && i != len(pts)-1 {
				continue
			}
			if i == 0 {
				enc = append(enc, qx, qy)
			} else {
				enc = append(enc, qx-px, qy-py)
			}
			px, py = qx, qy
		}
		o.Arcs = append(o.Arcs, enc)
	}
	for _, g := range t.Objects.Countries.Geometries {
		c := country{Name: g.Properties.Name, ID: g.ID}
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				panic(err)
			}
			c.Polygons = [][][]int{rings}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &c.Polygons); err != nil {
				panic(err)
			}
		default:
			continue
		}
		o.Countries = append(o.Countries, c)
	}
	sort.Slice(o.Countries, func(i, j int) bool { return o.Countries[i].Name < o.Countries[j].Name })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(o); err != nil {
		panic(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d arcs, %d countries, %d bytes\n", *out, len(o.Arcs), len(o.Countries), buf.Len())
}

// simplify is Douglas-Peucker: it keeps the ends and every point farther
// than tol from the line through the points it keeps.
func simplify(pts [][2]float64, tol float64) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	var rec func(a, b int)
	rec = func(a, b int) {
		best, at := 0.0, -1
		for i := a + 1; i < b; i++ {
			if d := dist(pts[i], pts[a], pts[b]); d > best {
				best, at = d, i
			}
		}
		if at >= 0 && best > tol {
			keep[at] = true
			rec(a, at)
			rec(at, b)
		}
	}
	rec(0, len(pts)-1)
	var out [][2]float64
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// dist is the distance of p from the segment a-b, in degrees.
func dist(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := dx*dx + dy*dy
	if l == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l))
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}
