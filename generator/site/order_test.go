package site

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"dossier/generator/content"
	"dossier/generator/date"
)

// event makes an event entry with relations, as content.Load would.
func event(id, d string, after, before []string) *content.Entry {
	dt, err := date.Parse(d)
	if err != nil {
		panic(err)
	}
	e := &content.Entry{Kind: content.Event, ID: id, Path: "content/events/" + id + ".md", Date: dt, After: after, Before: before}
	for i, a := range after {
		e.Refs = append(e.Refs, content.Ref{Kind: content.Event, ID: a, Field: "after", Line: 3, Col: 10 + i})
	}
	for i, b := range before {
		e.Refs = append(e.Refs, content.Ref{Kind: content.Event, ID: b, Field: "before", Line: 4, Col: 10 + i})
	}
	return e
}

func ids(es []*content.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestOrder(t *testing.T) {
	tests := []struct {
		name   string
		events []*content.Entry
		want   []string
	}{
		{"dates alone: first day, then last day, then id", []*content.Entry{
			event("b", "2025-12-24", nil, nil),
			event("a", "2025-12-24", nil, nil),
			event("m", "2025-12", nil, nil),
			event("y", "2025", nil, nil),
		}, []string{"y", "m", "a", "b"}},
		{"a month after a day comes after it", []*content.Entry{
			event("shooting", "2025-12-24", nil, nil),
			event("reaction", "2025-12", []string{"shooting"}, nil),
		}, []string{"shooting", "reaction"}},
		{"before, written on either side", []*content.Entry{
			event("shooting", "2025-12-24", nil, nil),
			event("warning", "2025-12", nil, []string{"shooting"}),
			event("z-call", "2025-12", []string{"shooting"}, nil),
		}, []string{"warning", "shooting", "z-call"}},
		{"a chain against the ids", []*content.Entry{
			event("c", "2026", nil, nil),
			event("b", "2026", []string{"c"}, nil),
			event("a", "2026", []string{"b"}, nil),
		}, []string{"c", "b", "a"}},
		{"a chain narrows what follows it", []*content.Entry{
			event("shooting", "2025-12-24", nil, nil),
			event("reaction", "2025-12", []string{"shooting"}, nil),
			event("answer", "2025", []string{"reaction"}, nil),
			event("mid", "2025-12-10", nil, nil),
		}, []string{"mid", "shooting", "reaction", "answer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, errs := New(content.Config{}, tt.events)
			if len(errs) > 0 {
				t.Fatalf("problems: %v", errs)
			}
			if got := ids(s.Events); !slices.Equal(got, tt.want) {
				t.Errorf("order %v, want %v", got, tt.want)
			}
			for i, e := range s.Events {
				if i > 0 && s.Prev(e) != s.Events[i-1] {
					t.Errorf("Prev(%s) is not the event before it", e.ID)
				}
			}
		})
	}
}

func TestKnown(t *testing.T) {
	s, errs := New(content.Config{}, []*content.Entry{
		event("shooting", "2025-12-24", nil, nil),
		event("reaction", "2025-12", []string{"shooting"}, nil),
		event("warning", "2025-12", nil, []string{"shooting"}),
		event("plain", "2025-11", nil, nil),
	})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	day := func(s string) int {
		d, _ := date.Parse(s)
		n, _ := d.Days()
		return n
	}
	tests := []struct {
		id          string
		want        Known
		after, befr []string
	}{
		{"reaction", Known{First: day("2025-12-24"), Last: day("2025-12-31"), NarrowedFirst: true}, []string{"shooting"}, nil},
		{"warning", Known{First: day("2025-12-01"), Last: day("2025-12-24"), NarrowedLast: true}, nil, []string{"shooting"}},
		{"shooting", Known{First: day("2025-12-24"), Last: day("2025-12-24")}, []string{"warning"}, []string{"reaction"}},
		{"plain", Known{First: day("2025-11-01"), Last: day("2025-11-30")}, nil, nil},
	}
	for _, tt := range tests {
		e := s.Get(content.Event, tt.id)
		if got := s.Known(e); got != tt.want {
			t.Errorf("Known(%s) = %+v, want %+v", tt.id, got, tt.want)
		}
		if got := ids(s.After(e)); !slices.Equal(got, tt.after) {
			t.Errorf("After(%s) = %v, want %v", tt.id, got, tt.after)
		}
		if got := ids(s.Before(e)); !slices.Equal(got, tt.befr) {
			t.Errorf("Before(%s) = %v, want %v", tt.id, got, tt.befr)
		}
	}
}

// TestOrderProperties builds random dossiers and checks the order
// against SPEC §2 directly: no event before one it is after (or that is
// before it), none before an event whose last possible day is earlier
// than its own first, and the same order whatever order the files were
// read in.
func TestOrderProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	skipped := 0
	for round := range 300 {
		events := randomEvents(r, 2+r.IntN(25))
		s, errs := New(content.Config{}, events)
		if errs.Errors() > 0 {
			skipped++
			continue // contradictions and cycles: checked elsewhere
		}
		pos := map[string]int{}
		for i, e := range s.Events {
			pos[e.ID] = i
		}
		if len(pos) != len(events) {
			t.Fatalf("round %d: %d events ordered, want %d", round, len(pos), len(events))
		}
		for _, e := range s.Events {
			for _, a := range e.After {
				if pos[a] > pos[e.ID] {
					t.Errorf("round %d: %s comes before %s, which it is after", round, e.ID, a)
				}
			}
			for _, b := range e.Before {
				if pos[b] < pos[e.ID] {
					t.Errorf("round %d: %s comes after %s, which it is before", round, e.ID, b)
				}
			}
		}
		for i, a := range s.Events {
			for _, b := range s.Events[i+1:] {
				if _, bl := s.Days(b); bl < func() int { f, _ := s.Days(a); return f }() {
					t.Errorf("round %d: %s comes before %s, whose last possible day is before its first", round, a.ID, b.ID)
				}
			}
		}
		shuffled := slices.Clone(events)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, _ := New(content.Config{}, shuffled)
		if !slices.Equal(ids(again.Events), ids(s.Events)) {
			t.Errorf("round %d: order depends on reading order:\n%v\n%v", round, ids(s.Events), ids(again.Events))
		}
	}
	// The property must be tried on many valid dossiers, not only
	// skipped over invalid ones.
	if skipped > 200 {
		t.Errorf("%d of 300 random dossiers had errors: make the generator produce more valid ones", skipped)
	}
}

// randomEvents makes n events in a few years, of every precision, with
// relations that mostly agree with their dates.
func randomEvents(r *rand.Rand, n int) []*content.Entry {
	var events []*content.Entry
	for i := range n {
		y, m, d := 2020+r.IntN(3), 1+r.IntN(12), 1+r.IntN(28)
		var ds string
		switch r.IntN(3) {
		case 0:
			ds = fmt.Sprintf("%d", y)
		case 1:
			ds = fmt.Sprintf("%d-%02d", y, m)
		default:
			ds = fmt.Sprintf("%d-%02d-%02d", y, m, d)
		}
		var after, before []string
		self := event("", ds, nil, nil)
		f, l := self.Date.Days()
		for j, o := range events {
			of, ol := o.Date.Days()
			switch r.IntN(8) {
			case 0:
				if of <= l {
					after = append(after, fmt.Sprintf("e%02d", j))
				}
			case 1:
				if f <= ol {
					before = append(before, fmt.Sprintf("e%02d", j))
				}
			}
		}
		events = append(events, event(fmt.Sprintf("e%02d", i), ds, after, before))
	}
	return events
}
