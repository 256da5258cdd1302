// Package site is the dossier as a whole: every entry, found by kind and
// id, with each relation known in both directions.
//
// New checks what one file cannot check alone, namely that every id an
// entry names exists, and builds the lists that pages show: the events in
// time order, the entries that refer to each entry, the tags.
package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"dossier/generator/content"
	"dossier/generator/diag"
)

// Site is the whole dossier.
type Site struct {
	Config  content.Config
	Entries []*content.Entry // every entry, by kind then id

	// Root is the output folder of the site's language: "" for the
	// default, "fa-af/" for another (see editions.go).
	Root string
	// Editions are the dossier in each of its languages, the default
	// first; every edition holds the same list.
	Editions []*Site

	Events        []*content.Entry // in the one order of SPEC §2 (see order.go)
	People        []*content.Entry // by name
	Organizations []*content.Entry
	Places        []*content.Entry
	Sources       []*content.Entry
	Pages         []*content.Entry // by weight, then title
	Tags          []*Tag           // by slug

	byKind map[content.Kind]map[string]*content.Entry
	refsTo map[*content.Entry][]*content.Entry // who names each entry
	eventN map[*content.Entry]int              // index in Events
	rank   map[*content.Entry]int              // place in mixed lists
	tagOf  map[string]*Tag

	known         map[*content.Entry]Known // each event's possible days
	after, before map[*content.Entry][]*content.Entry
}

// A Tag groups the entries that carry it.
type Tag struct {
	Slug    string // file name of its page
	Name    string // as first written
	Events  []*content.Entry
	Entries []*content.Entry // people and others, by name
}

// New builds the site from loaded entries, translations included, and
// checks their references. The site is the dossier in its default
// language; its Editions hold it in every language.
func New(cfg content.Config, entries []*content.Entry) (*Site, diag.List) {
	var originals, translations []*content.Entry
	for _, e := range entries {
		if e.Lang == "" {
			originals = append(originals, e)
		} else {
			translations = append(translations, e)
		}
	}
	s, errs := newSite(cfg, originals)
	errs = append(errs, s.editions(translations)...)
	return s, errs
}

// newSite builds the site of one language from its entries.
func newSite(cfg content.Config, entries []*content.Entry) (*Site, diag.List) {
	s := &Site{
		Config: cfg,
		byKind: map[content.Kind]map[string]*content.Entry{},
		refsTo: map[*content.Entry][]*content.Entry{},
		eventN: map[*content.Entry]int{},
		tagOf:  map[string]*Tag{},
	}
	for _, k := range content.Kinds {
		s.byKind[k] = map[string]*content.Entry{}
	}
	s.Entries = slices.Clone(entries)
	slices.SortFunc(s.Entries, func(a, b *content.Entry) int {
		return cmp.Or(cmp.Compare(slices.Index(content.Kinds, a.Kind), slices.Index(content.Kinds, b.Kind)), strings.Compare(a.ID, b.ID))
	})
	for _, e := range s.Entries {
		s.byKind[e.Kind][e.ID] = e
		switch e.Kind {
		case content.Event:
			s.Events = append(s.Events, e)
		case content.Person:
			s.People = append(s.People, e)
		case content.Organization:
			s.Organizations = append(s.Organizations, e)
		case content.Place:
			s.Places = append(s.Places, e)
		case content.Source:
			s.Sources = append(s.Sources, e)
		case content.Page:
			s.Pages = append(s.Pages, e)
		}
	}
	orderErrs := s.order()
	// Names are compared without case; each is lowered once, not at
	// every comparison.
	lower := make(map[*content.Entry]string, len(s.Entries))
	for _, e := range s.Entries {
		lower[e] = strings.ToLower(e.Title)
	}
	byTitle := func(a, b *content.Entry) int {
		return cmp.Or(strings.Compare(lower[a], lower[b]), strings.Compare(a.ID, b.ID))
	}
	for _, list := range [][]*content.Entry{s.People, s.Organizations, s.Places, s.Sources} {
		slices.SortFunc(list, byTitle)
	}
	pages := slices.Clone(s.Pages)
	slices.SortFunc(pages, byTitle)
	slices.SortFunc(s.Pages, func(a, b *content.Entry) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), byTitle(a, b))
	})

	// rank is the order of mixed lists: events by time, then the other
	// kinds in turn, each by name.
	s.rank = make(map[*content.Entry]int, len(s.Entries))
	for _, list := range [][]*content.Entry{s.Events, s.People, s.Organizations, s.Places, s.Sources, pages} {
		for _, e := range list {
			s.rank[e] = len(s.rank)
		}
	}

	errs := append(s.link(), orderErrs...)
	s.tags()
	for e, from := range s.refsTo {
		s.refsTo[e] = s.sortEntries(from)
	}
	return s, errs
}

// sortEntries orders a mixed list by rank, without repeats. Each rank is
// looked up once, not at every comparison: this runs on every rebuild of
// serve, for every entry that others name.
func (s *Site) sortEntries(list []*content.Entry) []*content.Entry {
	type ranked struct {
		r int
		e *content.Entry
	}
	rs := make([]ranked, len(list))
	for i, e := range list {
		rs[i] = ranked{s.rank[e], e}
	}
	slices.SortFunc(rs, func(a, b ranked) int { return cmp.Compare(a.r, b.r) })
	out := list[:0]
	for i, r := range rs {
		if i == 0 || r.e != rs[i-1].e {
			out = append(out, r.e)
		}
	}
	return out
}

// Get returns the entry of a kind and id, or nil.
func (s *Site) Get(k content.Kind, id string) *content.Entry { return s.byKind[k][id] }

// link resolves every Ref, reporting those that name nothing.
func (s *Site) link() diag.List {
	var errs diag.List
	for _, e := range s.Entries {
		for _, r := range e.Refs {
			t := s.Get(r.Kind, r.ID)
			if t == nil {
				errs.Add(e.Path, r.Line, r.Col, "%s", s.unknown(r))
				continue
			}
			if r.Fragment != "" && !t.HeadingIDs[r.Fragment] {
				errs.Add(e.Path, r.Line, r.Col, "%s has no heading with id '%s'%s", t.Path, r.Fragment, headingList(t))
			}
			if t != e {
				s.refsTo[t] = append(s.refsTo[t], e)
			}
		}
		if e.Kind == content.Event {
			for id := range e.Roles {
				if !slices.Contains(e.People, id) {
					line, col := 0, 0
					for _, r := range e.Refs {
						if r.Field == "roles" && r.ID == id {
							line, col = r.Line, r.Col
						}
					}
					errs.Warn(e.Path, line, col, "'%s' has a role but is not listed in people; add it to people", id)
				}
			}
		}
	}
	return errs
}

func headingList(t *content.Entry) string {
	if len(t.HeadingIDs) == 0 {
		return " (it has no headings)"
	}
	var ids []string
	for id := range t.HeadingIDs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return "; its headings are: #" + strings.Join(ids, ", #")
}

// unknown explains a reference to a missing entry and how to fix it.
func (s *Site) unknown(r content.Ref) string {
	msg := fmt.Sprintf("unknown %s '%s'", r.Kind, r.ID)
	if r.Field == "citation" {
		msg = fmt.Sprintf("citation names unknown source '%s'", r.ID)
	}
	var ids []string
	for id := range s.byKind[r.Kind] {
		ids = append(ids, id)
	}
	if near := diag.Nearest(r.ID, ids); near != "" {
		msg += fmt.Sprintf("; did you mean '%s'?", near)
	} else if near := s.byName(r.Kind, r.ID); near != "" {
		msg += fmt.Sprintf("; did you mean '%s'?", near)
	} else {
		for _, k := range content.Kinds {
			if k != r.Kind && s.Get(k, r.ID) != nil {
				msg += fmt.Sprintf("; '%s' is %s, not %s", r.ID, article(k), article(r.Kind))
				break
			}
		}
	}
	if !strings.HasSuffix(msg, "?") {
		msg += "."
	}
	return msg + fmt.Sprintf(" %s are in content/%s/", r.Kind.Plural(), r.Kind.Dir())
}

func article(k content.Kind) string {
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return "an " + string(k)
	}
	return "a " + string(k)
}

// byName finds an entry whose name or alias, made into an id, is close to
// id: "saree" finds ikramuddin-sari through the alias "Ikramuddin Saree".
func (s *Site) byName(k content.Kind, id string) string {
	var best string
	for _, e := range s.byKind[k] {
		for _, name := range append([]string{e.Title}, e.Aliases...) {
			for _, word := range append([]string{Slug(name)}, strings.Split(Slug(name), "-")...) {
				if word == id && (best == "" || e.ID < best) {
					best = e.ID
				}
			}
		}
	}
	return best
}

// Slug makes a file name from free text: lowercase letters and digits,
// with single hyphens between words.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

func (s *Site) tags() {
	for _, e := range s.Entries {
		for _, name := range e.Tags {
			slug := Slug(name)
			if slug == "" {
				continue
			}
			t := s.tagOf[slug]
			if t == nil {
				t = &Tag{Slug: slug, Name: name}
				s.tagOf[slug] = t
				s.Tags = append(s.Tags, t)
			}
			if e.Kind == content.Event {
				t.Events = append(t.Events, e)
			} else {
				t.Entries = append(t.Entries, e)
			}
		}
	}
	slices.SortFunc(s.Tags, func(a, b *Tag) int { return strings.Compare(a.Slug, b.Slug) })
	for _, t := range s.Tags {
		t.Events = s.sortEntries(t.Events)
		t.Entries = s.sortEntries(t.Entries)
	}
}

// Tag returns the tag with the given name, or nil.
func (s *Site) Tag(name string) *Tag { return s.tagOf[Slug(name)] }

// ReferredBy returns the entries of kind k that name e, in their order:
// a person's events by date, a source's citing entries.
// An empty k means every kind.
func (s *Site) ReferredBy(e *content.Entry, k content.Kind) []*content.Entry {
	var out []*content.Entry
	for _, from := range s.refsTo[e] {
		if k == "" || from.Kind == k {
			out = append(out, from)
		}
	}
	return out
}

// Prev and Next return the events before and after e in time, or nil.
func (s *Site) Prev(e *content.Entry) *content.Entry {
	if i, ok := s.eventN[e]; ok && i > 0 {
		return s.Events[i-1]
	}
	return nil
}

func (s *Site) Next(e *content.Entry) *content.Entry {
	if i, ok := s.eventN[e]; ok && i+1 < len(s.Events) {
		return s.Events[i+1]
	}
	return nil
}

// EventPeople returns an event's people: those listed, then any given only
// a role, so that a role is never lost.
func EventPeople(e *content.Entry) []string {
	out := slices.Clone(e.People)
	var extra []string
	for id := range e.Roles {
		if !slices.Contains(out, id) {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}
