package render

import (
	"slices"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"dossier/generator/content"
)

// An entry's page lists its sources once: the sources its body cites,
// numbered in order of first citation with the locators it cites them
// at, then the sources of its accounts, then the other sources its
// front matter names. A reader finds every source in one place, and
// every citation number leads into that list.

// listSources adds to notes, the body's citations, the sources of the
// entry's accounts and of its sources field that notes lack.
func listSources(p *Page, notes []Note) []Note {
	e := p.Entry
	ids := make([]string, 0, len(e.Accounts)+len(e.Sources))
	for _, a := range e.Accounts {
		ids = append(ids, a.Source)
	}
	ids = append(ids, e.Sources...)
	for _, id := range ids {
		if slices.ContainsFunc(notes, func(n Note) bool { return n.Source.ID == id }) {
			continue
		}
		if s := p.Site.Get(content.Source, id); s != nil {
			notes = append(notes, Note{N: len(notes) + 1, Source: s})
		}
	}
	return notes
}

// note returns the number of a source in the page's list, or 0.
func (p *Page) note(id string) int {
	for _, n := range p.Notes {
		if n.Source.ID == id {
			return n.N
		}
	}
	return 0
}

// Claims are an event's accounts that say what they are about, as a
// table: a row for each about, in order of first appearance, and a
// column for each source, in order of first appearance.
type Claims struct {
	Sources []ClaimSource
	Rows    []ClaimRow
	Loose   []content.Account // accounts without an about, shown on their own
}

// A ClaimSource heads a column of the claims table.
type ClaimSource struct {
	Source *content.Entry
	N      int // its number in the page's source list
}

// A ClaimRow is what each source says about one thing.
type ClaimRow struct {
	About string
	Cells []ClaimCell // one per column
}

// A ClaimCell is one source's versions of one thing; none when the source
// is silent on it.
type ClaimCell struct {
	Source *content.Entry
	N      int
	Says   []string
}

// Claims arranges the page's entry's accounts, or returns nil when it has
// none.
func (p *Page) Claims() *Claims {
	if p.Entry == nil || len(p.Entry.Accounts) == 0 {
		return nil
	}
	c := &Claims{}
	var abouts []string
	for _, a := range p.Entry.Accounts {
		s := p.Site.Get(content.Source, a.Source)
		if a.About == "" || s == nil {
			c.Loose = append(c.Loose, a)
			continue
		}
		if !slices.Contains(abouts, a.About) {
			abouts = append(abouts, a.About)
		}
		if !slices.ContainsFunc(c.Sources, func(cs ClaimSource) bool { return cs.Source == s }) {
			c.Sources = append(c.Sources, ClaimSource{Source: s, N: p.note(s.ID)})
		}
	}
	for _, about := range abouts {
		row := ClaimRow{About: about}
		for _, cs := range c.Sources {
			cell := ClaimCell{Source: cs.Source, N: cs.N}
			for _, a := range p.Entry.Accounts {
				if a.About == about && a.Source == cs.Source.ID {
					cell.Says = append(cell.Says, a.Says)
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		c.Rows = append(c.Rows, row)
	}
	return c
}

// A Mentions group lists the entries of one kind that name a source
// without citing it for an event: their pages mention it.
type Mentions struct {
	Kind    content.Kind
	Entries []*content.Entry
}

// Mentions lists, by kind, the entries other than events that name the
// page's entry.
func (p *Page) Mentions() []Mentions {
	var out []Mentions
	for _, k := range content.Kinds {
		if k == content.Event {
			continue
		}
		if es := p.Site.ReferredBy(p.Entry, k); len(es) > 0 {
			out = append(out, Mentions{Kind: k, Entries: es})
		}
	}
	return out
}

// LanguageName names a language given as a BCP 47 tag ("fa", "en-GB"),
// as a source's language is, in the page's language: "Persian", "British
// English". A tag it cannot name is shown as written.
func (l Lang) LanguageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	namer := display.English.Languages()
	if ui, err := language.Parse(l.code); err == nil {
		if n := display.Languages(ui); n != nil {
			namer = n
		}
	}
	if name := namer.Name(t); name != "" {
		return name
	}
	return tag
}
