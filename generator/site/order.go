package site

import (
	"cmp"
	"container/heap"
	"slices"
	"strings"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/diag"
)

// Sources often give order without a date ("after the shooting", "days
// before his death"). An event's date is a range of possible days, from
// the first day of its date to the last day of its end (or of its date),
// and its after and before relations narrow that range: an event after
// another cannot start before the other's first possible day, an event
// before another cannot end after the other's last possible day. Both
// bounds are inclusive, since sources that say "after" rarely exclude the
// same day.
//
// The events are then put in one order that every view uses (SPEC §2):
// never an event before one it is after, nor before one whose last
// possible day is earlier than its own first; among the rest, earlier
// first possible day first, then earlier last possible day, then id.

// A Known is what is known of when an event happened: its possible days
// as date.DayNumber values, after relations have narrowed them.
type Known struct {
	First, Last int
	// Narrowed reports whether relations moved First or Last from what the
	// dates alone give.
	NarrowedFirst, NarrowedLast bool
}

// Days returns the first and last possible day of an event, as
// date.DayNumber values, narrowed by its relations.
func (s *Site) Days(e *content.Entry) (first, last int) {
	k := s.known[e]
	return k.First, k.Last
}

// Known returns what is known of when event e happened.
func (s *Site) Known(e *content.Entry) Known { return s.known[e] }

// After and Before return the events that e is recorded as after or
// before, from either side: an event after e counts as e being before it.
func (s *Site) After(e *content.Entry) []*content.Entry  { return s.after[e] }
func (s *Site) Before(e *content.Entry) []*content.Entry { return s.before[e] }

// relation is one edge of the order: from comes no later than to, as
// written in the entry at (line, col).
type relation struct {
	from, to  *content.Entry
	in        *content.Entry // the entry whose field says so
	field     string         // "after" or "before"
	line, col int
}

// order computes every event's possible days and sorts s.Events. It
// reports cycles and relations the dates contradict at the relation.
func (s *Site) order() diag.List {
	s.known = make(map[*content.Entry]Known, len(s.Events))
	s.after = map[*content.Entry][]*content.Entry{}
	s.before = map[*content.Entry][]*content.Entry{}
	for _, e := range s.Events {
		f, l := e.Date.Days()
		if !e.End.IsZero() {
			_, l = e.End.Days()
		}
		s.known[e] = Known{First: f, Last: l}
	}
	rels := s.relations()
	succ := map[*content.Entry][]relation{}
	for _, r := range rels {
		succ[r.from] = append(succ[r.from], r)
	}
	// A relation that closes a cycle is reported and left out, so the
	// rest is still ordered and checked in the same run.
	errs, closing := s.cycles(succ)
	if len(closing) > 0 {
		rels = slices.DeleteFunc(rels, func(r relation) bool { return closing[r] })
		clear(succ)
		for _, r := range rels {
			succ[r.from] = append(succ[r.from], r)
		}
	}
	topo := s.topological(succ)
	// First days move forward along the relations, last days backward.
	for _, e := range topo {
		for _, r := range succ[e] {
			if k, from := s.known[r.to], s.known[e]; from.First > k.First {
				k.First, k.NarrowedFirst = from.First, true
				s.known[r.to] = k
			}
		}
	}
	for i := len(topo) - 1; i >= 0; i-- {
		e := topo[i]
		for _, r := range succ[e] {
			if k, to := s.known[e], s.known[r.to]; to.Last < k.Last {
				k.Last, k.NarrowedLast = to.Last, true
				s.known[e] = k
			}
		}
	}
	for _, r := range rels {
		if from, to := s.known[r.from], s.known[r.to]; from.First > to.Last {
			errs.Add(r.in.Path, r.line, r.col, "%s", contradiction(r, from, to))
		}
		s.before[r.from] = appendOnce(s.before[r.from], r.to)
		s.after[r.to] = appendOnce(s.after[r.to], r.from)
	}
	s.sortEvents(succ)
	for _, m := range []map[*content.Entry][]*content.Entry{s.after, s.before} {
		for e, list := range m {
			slices.SortFunc(list, func(a, b *content.Entry) int { return cmp.Compare(s.eventN[a], s.eventN[b]) })
			m[e] = list
		}
	}
	return errs
}

// relations lists the after and before fields of every event as edges,
// skipping ids that name no event (link reports those).
func (s *Site) relations() []relation {
	var rels []relation
	for _, e := range s.Events {
		for _, r := range e.Refs {
			if r.Field != "after" && r.Field != "before" {
				continue
			}
			other := s.Get(content.Event, r.ID)
			if other == nil {
				continue
			}
			rel := relation{from: other, to: e, in: e, field: r.Field, line: r.Line, col: r.Col}
			if r.Field == "before" {
				rel.from, rel.to = e, other
			}
			rels = append(rels, rel)
		}
	}
	return rels
}

// contradiction explains a relation that the possible days rule out.
func contradiction(r relation, from, to Known) string {
	if r.field == "after" {
		return "this event is after '" + r.from.ID + "', whose earliest possible day is " +
			day(from.First) + ", but this event's latest possible day is " + day(to.Last) +
			through(to.NarrowedLast) + ": check both dates, or remove the relation"
	}
	return "this event is before '" + r.to.ID + "', whose latest possible day is " +
		day(to.Last) + ", but this event's earliest possible day is " + day(from.First) +
		through(from.NarrowedFirst) + ": check both dates, or remove the relation"
}

func through(narrowed bool) string {
	if narrowed {
		return " (through its other relations)"
	}
	return ""
}

func day(n int) string { return date.FromDay(n).Human() }

func appendOnce(list []*content.Entry, e *content.Entry) []*content.Entry {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

// cycles reports each relation that closes a cycle, naming the events
// on it, so a contributor sees which statement to remove, and returns
// those relations.
func (s *Site) cycles(succ map[*content.Entry][]relation) (diag.List, map[relation]bool) {
	var errs diag.List
	closing := map[relation]bool{}
	const (
		unseen = iota
		open
		done
	)
	state := map[*content.Entry]int{}
	var path []relation
	var visit func(e *content.Entry)
	visit = func(e *content.Entry) {
		state[e] = open
		for _, r := range succ[e] {
			switch state[r.to] {
			case unseen:
				path = append(path, r)
				visit(r.to)
				path = path[:len(path)-1]
			case open:
				errs.Add(r.in.Path, r.line, r.col, "%s", cycleMessage(r, path))
				closing[r] = true
			}
		}
		state[e] = done
	}
	for _, e := range s.Events { // in id order: stable output
		if state[e] == unseen {
			visit(e)
		}
	}
	return errs, closing
}

// cycleMessage words the cycle that r closes; path is the chain of
// relations that led to r.from.
func cycleMessage(r relation, path []relation) string {
	if r.from == r.to {
		return "an event cannot be " + r.field + " itself"
	}
	ids := []string{r.to.ID}
	start := len(path)
	for start > 0 && path[start-1].to != r.to {
		start--
	}
	for _, p := range path[start:] {
		ids = append(ids, p.to.ID)
	}
	ids = append(ids, r.to.ID)
	return "relations form a cycle (" + strings.Join(ids, " → ") +
		", each before the next): no order can satisfy them; remove the one that a source does not support"
}

// topological returns the events so that every relation's from comes
// before its to. The relations must have no cycle.
func (s *Site) topological(succ map[*content.Entry][]relation) []*content.Entry {
	return s.linearize(succ, func(a, b *content.Entry) bool { return a.ID < b.ID })
}

// sortEvents puts s.Events in the one order of SPEC §2: a topological
// order of the relations that, among the events free to come next,
// takes the earliest first possible day, then last possible day, then id.
func (s *Site) sortEvents(succ map[*content.Entry][]relation) {
	s.Events = s.linearize(succ, func(a, b *content.Entry) bool {
		ka, kb := s.known[a], s.known[b]
		if ka.First != kb.First {
			return ka.First < kb.First
		}
		if ka.Last != kb.Last {
			return ka.Last < kb.Last
		}
		return a.ID < b.ID
	})
	for i, e := range s.Events {
		s.eventN[e] = i
	}
}

// linearize is Kahn's algorithm with a priority queue: of the events
// whose predecessors are all placed, the least by less comes next.
// With the narrowed days, this also keeps strict date order (an event
// whose last day is before another's first comes first): every event
// that must precede it has a first day no later than its own.
func (s *Site) linearize(succ map[*content.Entry][]relation, less func(a, b *content.Entry) bool) []*content.Entry {
	indeg := make(map[*content.Entry]int, len(s.Events))
	for _, rs := range succ {
		for _, r := range rs {
			indeg[r.to]++
		}
	}
	q := &queue{less: less}
	for _, e := range s.Events {
		if indeg[e] == 0 {
			q.items = append(q.items, e)
		}
	}
	heap.Init(q)
	out := make([]*content.Entry, 0, len(s.Events))
	for q.Len() > 0 {
		e := heap.Pop(q).(*content.Entry)
		out = append(out, e)
		for _, r := range succ[e] {
			if indeg[r.to]--; indeg[r.to] == 0 {
				heap.Push(q, r.to)
			}
		}
	}
	return out
}

type queue struct {
	items []*content.Entry
	less  func(a, b *content.Entry) bool
}

func (q *queue) Len() int           { return len(q.items) }
func (q *queue) Less(i, j int) bool { return q.less(q.items[i], q.items[j]) }
func (q *queue) Swap(i, j int)      { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *queue) Push(x any)         { q.items = append(q.items, x.(*content.Entry)) }
func (q *queue) Pop() any {
	n := len(q.items)
	e := q.items[n-1]
	q.items = q.items[:n-1]
	return e
}
