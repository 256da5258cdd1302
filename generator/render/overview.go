package render

import (
	"slices"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/geo"
	"dossier/generator/site"
)

// Facts are the timeline's key facts, all computed from the content:
// who was killed and where, the span, the events by status, the
// sources, and the latest date the content names (never the clock).
type Facts struct {
	Killed      []Death
	Places      []PlaceCount // where the killed died, first death first
	Unplaced    int          // deaths whose place the content does not give
	First, Last date.Date    // the first event's date, the last event's date or end
	Events      int
	ByStatus    []StatusCount
	Sources     int
	Latest      date.Date // the latest event date or correction
}

// A PlaceCount is how many of the killed died at a place.
type PlaceCount struct {
	Place *content.Entry
	N     int
}

// A StatusCount is how many events have a status.
type StatusCount struct {
	Status string
	N      int
}

// A Death is one person an event's roles say was killed.
type Death struct {
	Person  *content.Entry
	Event   *content.Entry
	Place   *content.Entry // or nil
	Accused []Accusation
}

// An Accusation is a role that accuses someone of a killing: "accused
// Taliban intelligence", said by By.
type Accusation struct {
	By   *content.Entry
	Says string
}

// NewFacts computes the key facts and the roll of the dead.
func NewFacts(s *site.Site) *Facts {
	if len(s.Events) == 0 {
		return nil
	}
	f := &Facts{Events: len(s.Events), Sources: len(s.Sources)}
	ov := s.Config.Overview
	firstDay := 0
	for i, e := range s.Events {
		fd, _ := eventDays(s, e)
		if i == 0 || fd < firstDay {
			firstDay, f.First = fd, e.Date
		}
		end := e.Date
		if !e.End.IsZero() {
			end = e.End
		}
		if i == 0 || date.Compare(end, f.Last) > 0 {
			f.Last = end
		}
		if date.Compare(e.Date, f.Latest) > 0 {
			f.Latest = e.Date
		}
		for _, id := range site.EventPeople(e) {
			p := s.Get(content.Person, id)
			if p == nil || !ov.IsKilled(e.OriginalRole(id)) {
				continue
			}
			d := Death{Person: p, Event: e, Place: s.Get(content.Place, e.Place)}
			// Accusations: on the killing, and on the events after it.
			for _, o := range append([]*content.Entry{e}, s.Before(e)...) {
				for _, by := range site.EventPeople(o) {
					if r := o.Roles[by]; ov.Accuses(o.OriginalRole(by)) {
						if who := s.Get(content.Person, by); who != nil && !slices.ContainsFunc(d.Accused, func(a Accusation) bool { return a.By == who && a.Says == r }) {
							d.Accused = append(d.Accused, Accusation{By: who, Says: r})
						}
					}
				}
			}
			f.Killed = append(f.Killed, d)
			if d.Place == nil {
				f.Unplaced++
			} else if i := slices.IndexFunc(f.Places, func(c PlaceCount) bool { return c.Place == d.Place }); i >= 0 {
				f.Places[i].N++
			} else {
				f.Places = append(f.Places, PlaceCount{d.Place, 1})
			}
		}
	}
	for _, e := range s.Entries {
		for _, c := range e.Corrections {
			if date.Compare(c.Date, f.Latest) > 0 {
				f.Latest = c.Date
			}
		}
	}
	for _, st := range content.Statuses {
		n := 0
		for _, e := range s.Events {
			if e.Status == st {
				n++
			}
		}
		if n > 0 {
			f.ByStatus = append(f.ByStatus, StatusCount{st, n})
		}
	}
	return f
}

// A PlaceMap is the map of every place with coordinates, laid out for a
// wide screen and for a phone, as the strip is.
type PlaceMap struct {
	Views []*MapView
}

// A MapView is one layout of a map, with the class that shows it.
type MapView struct {
	Class string
	*geo.Map
}

// mapPlaces returns the places with coordinates, each weighed by the
// events that happened there, and marked when a key event (a killing)
// did.
func mapPlaces(s *site.Site) []geo.Place {
	count := map[string]int{}
	marked := map[string]bool{}
	for _, e := range s.Events {
		if e.Place == "" {
			continue
		}
		count[e.Place]++
		if k := s.Config.KindOf(e); k != nil && k.Key {
			marked[e.Place] = true
		}
	}
	var out []geo.Place
	for _, p := range s.Places {
		if p.Lat == nil || p.Lon == nil {
			continue
		}
		out = append(out, geo.Place{ID: p.ID, Name: p.Title, Lon: *p.Lon, Lat: *p.Lat, Weight: count[p.ID], Marked: marked[p.ID]})
	}
	return out
}

// NewPlaceMap lays out the map of the timeline page, or returns nil when
// no place has coordinates.
func NewPlaceMap(s *site.Site) *PlaceMap {
	places := mapPlaces(s)
	if len(places) == 0 {
		return nil
	}
	m := &PlaceMap{}
	for _, v := range []struct {
		class string
		width int
	}{{"map-wide", mediumWidth}, {"map-narrow", narrowWidth}} {
		m.Views = append(m.Views, &MapView{Class: v.class, Map: geo.Layout(places, geo.Options{Width: v.width, FontSize: labelSize, MinSpan: 4})})
	}
	return m
}

// Locator lays out the small map of a place page: the place alone, in
// its region.
func Locator(s *site.Site, place *content.Entry, all []geo.Place) *geo.Map {
	for _, p := range all {
		if p.ID == place.ID {
			return geo.Layout([]geo.Place{p}, geo.Options{Width: narrowWidth, FontSize: labelSize, MinSpan: 10})
		}
	}
	return nil
}
