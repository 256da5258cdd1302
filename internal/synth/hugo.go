package synth

import (
	"embed"
	"io/fs"
	"strconv"
)

// The Hugo site's configuration and layouts, copied verbatim. They render
// what this project renders: a timeline, a page per event and page, and a
// page per person, organization, place, tag and source (Hugo's taxonomy
// terms) listing its events in date order.
//
//go:embed all:hugo
var hugoFiles embed.FS

// WriteHugo writes the corpus described by o into dir as a Hugo site: the
// same entries as Write, with front matter in the form Hugo accepts. Events
// are regular pages; people, organizations, places, tags and sources are
// taxonomies, each term with an _index.md carrying the entry's fields and
// body, so that a term's page lists the events naming it, as Hugo does
// cheaply; pages are regular pages. Bodies are the same bytes as in Write, so
// [@id] citations stay plain text and .md links stay as written.
//
// Hugo reserves some field names, so these are renamed: aliases (redirects
// in Hugo) become other_names, url (the page's address) becomes link, kind
// and language become org_kind, source_kind and source_language; an event's
// place becomes places, a list, as taxonomies are; and since Hugo needs a
// full date, date is the first day of the event and when keeps the date at
// its precision.
func WriteHugo(dir string, o Options) error {
	if err := o.validate(); err != nil {
		return err
	}
	c := generate(o)
	w := &writer{dir: dir}
	if err := w.start(); err != nil {
		return err
	}
	err := fs.WalkDir(hugoFiles, "hugo", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := hugoFiles.ReadFile(path)
		w.file(path[len("hugo/"):], data)
		return err
	})
	if err != nil {
		return err
	}
	for _, s := range []struct{ dir, title string }{
		{"events", "Events"}, {"people", "People"}, {"organizations", "Organizations"},
		{"places", "Places"}, {"tags", "Tags"}, {"sources", "Sources"}, {"pages", "Pages"},
	} {
		f := newFront()
		f.str("title", s.title)
		w.file("content/"+s.dir+"/_index.md", f.file(""))
	}
	for _, e := range c.events {
		f := newFront()
		f.str("title", e.title)
		f.raw("date", e.day)
		f.str("when", e.date)
		f.str("end", e.end)
		f.list("places", []string{e.place})
		f.list("people", e.people)
		f.list("organizations", nonNil(e.orgs))
		f.list("tags", e.tags)
		f.str("status", e.status)
		f.list("sources", e.sources)
		f.str("summary", e.summary)
		f.extras(e)
		w.entry("events", e.id, f, e.body)
	}
	for _, p := range c.people {
		f := newFront()
		f.str("title", p.name)
		f.list("other_names", p.aliases)
		f.str("native_name", p.native)
		f.str("born", p.born)
		f.str("description", p.description)
		f.list("affiliations", p.affiliations)
		f.str("origin", p.place)
		f.list("sources", p.sources)
		w.term("people", p.id, f, p.body)
	}
	for _, og := range c.orgs {
		f := newFront()
		f.str("title", og.name)
		f.list("other_names", og.aliases)
		f.str("org_kind", og.kind)
		f.str("description", og.description)
		f.list("sources", og.sources)
		w.term("organizations", og.id, f, og.body)
	}
	for _, p := range c.places {
		f := newFront()
		f.str("title", p.name)
		f.str("country", p.country)
		f.float("lat", p.lat)
		f.float("lon", p.lon)
		w.term("places", p.id, f, p.body)
	}
	for _, s := range c.sources {
		f := newFront()
		f.str("title", s.title)
		f.str("publisher", s.publisher)
		f.str("author", s.author)
		f.str("link", s.url)
		f.str("published", s.published)
		f.str("source_language", s.language)
		f.str("source_kind", s.kind)
		w.term("sources", s.id, f, s.body)
	}
	for _, p := range c.pages {
		f := newFront()
		f.str("title", p.title)
		f.raw("weight", strconv.Itoa(p.weight))
		w.entry("pages", p.id, f, p.body)
	}
	return w.err
}

// term writes content/taxonomy/id/_index.md, the content of a taxonomy term.
func (w *writer) term(taxonomy, id string, f *front, body string) {
	w.file("content/"+taxonomy+"/"+id+"/_index.md", f.file(body))
}
