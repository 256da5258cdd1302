package render

import (
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
	listed := make(map[string]bool, len(notes))
	for _, n := range notes {
		listed[n.Source.ID] = true
	}
	add := func(id string) {
		if listed[id] {
			return
		}
		listed[id] = true
		if s := p.Site.Get(content.Source, id); s != nil {
			notes = append(notes, Note{N: len(notes) + 1, Source: s})
		}
	}
	for _, a := range e.Accounts {
		add(a.Source)
	}
	for _, id := range e.Sources {
		add(id)
	}
	return notes
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
// none. It reads each account once: an entry may have thousands.
func (p *Page) Claims() *Claims {
	if p.Entry == nil || len(p.Entry.Accounts) == 0 {
		return nil
	}
	num := make(map[string]int, len(p.Notes))
	for _, n := range p.Notes {
		num[n.Source.ID] = n.N
	}
	c := &Claims{}
	row, col := map[string]int{}, map[string]int{}
	type said struct {
		row, col int
		says     string
	}
	var all []said
	for _, a := range p.Entry.Accounts {
		s := p.Site.Get(content.Source, a.Source)
		if a.About == "" || s == nil {
			c.Loose = append(c.Loose, a)
			continue
		}
		i, ok := row[a.About]
		if !ok {
			i = len(c.Rows)
			row[a.About] = i
			c.Rows = append(c.Rows, ClaimRow{About: a.About})
		}
		j, ok := col[s.ID]
		if !ok {
			j = len(c.Sources)
			col[s.ID] = j
			c.Sources = append(c.Sources, ClaimSource{Source: s, N: num[s.ID]})
		}
		all = append(all, said{i, j, a.Says})
	}
	for i := range c.Rows {
		cells := make([]ClaimCell, len(c.Sources))
		for j, cs := range c.Sources {
			cells[j] = ClaimCell{Source: cs.Source, N: cs.N}
		}
		c.Rows[i].Cells = cells
	}
	for _, a := range all {
		cell := &c.Rows[a.row].Cells[a.col]
		cell.Says = append(cell.Says, a.says)
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
