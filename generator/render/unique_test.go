package render

import (
	"fmt"
	"slices"
	"testing"
)

// TestUnique checks that an entry's other names keep their order and lose
// repeats and the title, in short lists and in long ones.
func TestUnique(t *testing.T) {
	var long, longWant []string
	for i := range 20 {
		n := fmt.Sprint("n", i%10)
		long = append(long, n, "Title")
		if i < 10 {
			longWant = append(longWant, n)
		}
	}
	for _, c := range []struct {
		names []string
		want  []string
	}{
		{nil, []string{}},
		{[]string{"Title"}, []string{}},
		{[]string{"b", "a", "b", "Title", "a", "c"}, []string{"b", "a", "c"}},
		{long, longWant},
	} {
		if got := unique(slices.Clone(c.names), "Title"); !slices.Equal(got, c.want) {
			t.Errorf("unique(%q) = %q, want %q", c.names, got, c.want)
		}
	}
}
