package render

import (
	"slices"

	"dossier/generator/content"
	"dossier/generator/search"
	"dossier/generator/site"
)

// SearchDocs describes every page worth finding for the search index of
// s, whose dates l words: entries with all their names, and tags. An
// entry is found by its names in every language of the dossier, its
// native_name among them, and by its text in s's language, or in its
// original's where it has no translation.
func SearchDocs(s *site.Site, l Lang) []search.Doc {
	docs := make([]search.Doc, 0, len(s.Entries)+len(s.Tags))
	// name appends an entry's name and aliases to kw, so an event is
	// found by any spelling of the people and places it names.
	name := func(kw []string, k content.Kind, id string) []string {
		if e := s.Get(k, id); e != nil {
			kw = append(append(kw, e.Title), e.Aliases...)
		}
		return kw
	}
	for _, e := range s.Entries {
		d := search.Doc{Kind: string(e.Kind), Title: e.Title, URL: URL(e), Names: slices.Clone(e.Aliases)}
		if e.NativeName != "" {
			d.Names = append(d.Names, e.NativeName)
		}
		for _, ed := range s.Editions {
			if o := ed.Get(e.Kind, e.ID); o != nil && ed != s {
				d.Names = append(d.Names, o.Title)
				d.Names = append(d.Names, o.Aliases...)
				if o.NativeName != "" {
					d.Names = append(d.Names, o.NativeName)
				}
			}
		}
		d.Names = unique(d.Names, d.Title)
		text := e.Summary
		if e.Description != "" {
			text = e.Description
		}
		if e.Text != "" {
			if text != "" {
				text += " "
			}
			text += e.Text
		}
		d.Text = text
		if e.Kind == content.Event {
			// What relations add shows in results too: "December
			// 2025, after 24 December".
			d.Date = l.When(s, e)
		} else if !e.Date.IsZero() {
			d.Date = l.Date(e.Date)
		}
		d.Status = e.Status
		kw := append([]string{}, e.Tags...)
		if e.Place != "" {
			kw = name(kw, content.Place, e.Place)
		}
		for _, id := range site.EventPeople(e) {
			kw = name(kw, content.Person, id)
		}
		for _, id := range e.Organizations {
			kw = name(kw, content.Organization, id)
		}
		for _, id := range e.Affiliations {
			kw = name(kw, content.Organization, id)
		}
		for _, v := range []string{e.Country, e.Publisher, e.Author, e.Type} {
			if v != "" {
				kw = append(kw, v)
			}
		}
		d.Keywords = kw
		docs = append(docs, d)
	}
	for _, t := range s.Tags {
		docs = append(docs, search.Doc{Kind: "tag", Title: t.Name, URL: "tags/" + t.Slug + ".html"})
	}
	return docs
}

// unique returns names without repeats, in order, and without title.
// An entry has a few names, which are found faster one by one than in a
// map; a long list has its map.
func unique(names []string, title string) []string {
	out := names[:0]
	if len(names) <= 16 {
		for _, n := range names {
			if n != title && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
		return out
	}
	seen := map[string]bool{title: true}
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}
