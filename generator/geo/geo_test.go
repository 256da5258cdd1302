package geo

import (
	"testing"
)

// The outlines load, and the countries of the dossier are in them.
func TestOutlines(t *testing.T) {
	names := map[string]bool{}
	for _, c := range world() {
		names[c.name] = true
		if len(c.rings) == 0 {
			t.Errorf("%s has no outline", c.name)
		}
	}
	for _, n := range []string{"Afghanistan", "Iran", "Pakistan", "Tajikistan", "Chile", "Australia"} {
		if !names[n] {
			t.Errorf("no outline of %s", n)
		}
	}
}

// Labels overlap no other label and no mark, and stay inside the map;
// crowded places get leader lines or, with no room left, no label.
func TestLayoutLabels(t *testing.T) {
	crowded := []Place{
		{ID: "afghanistan", Name: "Afghanistan", Lon: 67.71, Lat: 33.94, Weight: 3},
		{ID: "kabul", Name: "Kabul", Lon: 69.17, Lat: 34.53},
		{ID: "kapisa", Name: "Kapisa", Lon: 69.62, Lat: 34.98},
		{ID: "nuristan", Name: "Nuristan", Lon: 70.91, Lat: 35.32},
		{ID: "baghlan", Name: "Baghlan", Lon: 68.90, Lat: 35.80},
		{ID: "takhar", Name: "Takhar", Lon: 69.5, Lat: 36.7},
		{ID: "kandahar", Name: "Kandahar", Lon: 65.71, Lat: 31.61, Weight: 1, Marked: true},
		{ID: "tehran", Name: "Tehran", Lon: 51.39, Lat: 35.69, Weight: 3, Marked: true},
		{ID: "valiasr", Name: "Valiasr", Lon: 51.41, Lat: 35.72},
		{ID: "mashhad", Name: "Mashhad", Lon: 59.6, Lat: 36.3, Weight: 1, Marked: true},
		{ID: "iran", Name: "Iran", Lon: 53.69, Lat: 32.43, Weight: 4},
	}
	world := []Place{
		{ID: "london", Name: "London", Lon: -0.13, Lat: 51.51}, {ID: "sydney", Name: "Sydney", Lon: 151.21, Lat: -33.87},
		{ID: "valparaiso", Name: "Valparaíso", Lon: -71.62, Lat: -33.05}, {ID: "antwerp", Name: "Antwerp", Lon: 4.4, Lat: 51.22},
		{ID: "rotterdam", Name: "Rotterdam", Lon: 4.48, Lat: 51.92}, {ID: "bremen", Name: "Bremen", Lon: 8.8, Lat: 53.08},
	}
	for _, c := range []struct {
		name   string
		places []Place
	}{{"crowded", crowded}, {"world", world}, {"alone", crowded[7:8]}} {
		for _, w := range []int{288, 544} {
			m := Layout(c.places, Options{Width: w, FontSize: 12, MinSpan: 4})
			if len(m.Countries) == 0 {
				t.Errorf("%s at %d: no countries drawn", c.name, w)
			}
			labelled := 0
			for i, a := range m.Spots {
				if a.Label == "" {
					continue
				}
				labelled++
				if a.Box.X < 0 || a.Box.Y < 0 || a.Box.X+a.Box.W > float64(w) || a.Box.Y+a.Box.H > float64(m.Height) {
					t.Errorf("%s at %d: %s's label %+v outside %dx%d", c.name, w, a.Name, a.Box, w, m.Height)
				}
				for j, b := range m.Spots {
					mark := Box{b.X - b.R, b.Y - b.R, 2 * b.R, 2 * b.R}
					if j != i && a.Box.overlaps(mark) {
						t.Errorf("%s at %d: %s's label covers %s's mark", c.name, w, a.Name, b.Name)
					}
					if j > i && b.Label != "" && a.Box.overlaps(b.Box) {
						t.Errorf("%s at %d: labels of %s and %s overlap", c.name, w, a.Name, b.Name)
					}
				}
			}
			if labelled < len(c.places)*2/3 {
				t.Errorf("%s at %d: %d of %d places labelled", c.name, w, labelled, len(c.places))
			}
		}
	}
}
