package render

import (
	"testing"
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
