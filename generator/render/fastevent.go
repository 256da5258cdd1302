package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"dossier/generator/content"
	"dossier/generator/site"
)

// writeEvent writes what event.html's "main" writes.
func (p *Page) writeEvent(b *bytes.Buffer) error {
	l, e := p.lang, p.Entry
	p.writeHeading(b, "event")
	b.WriteString("\n<p class=\"event-meta\">")
	p.writeDate(b, e)
	b.WriteString(" ")
	p.writeStatusLink(b, e.Status)
	if e.Place != "" {
		if pl := p.Get(content.Place, e.Place); pl != nil {
			b.WriteString(" <span class=\"place\">")
			if err := p.writePart(b, "link", pl); err != nil {
				return err
			}
			b.WriteString("</span>")
		}
	}
	b.WriteString("</p>\n")
	if e.Summary != "" {
		p.writeIn(b, e, "<p class=\"lead\"", e.Summary, "</p>")
	}
	b.WriteString("\n")
	if v := p.Near; v != nil {
		writeNearDefs(b, v.Defs)
		b.WriteString("\n<figure class=\"strip near\">\n")
		l.writeStripView(b, p, v)
		text(b, "\n<figcaption>", l.T("near-caption"), "</figcaption>\n</figure>")
	}
	b.WriteString("\n</header>\n")
	p.writeBody(b)
	b.WriteString("\n")
	if err := p.writeSequence(b, e); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := p.writeAccounts(b, e); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := p.writePeople(b, e); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := p.writeSection(b, "orgs-h", "organizations", content.Organization, e.Organizations); err != nil {
		return err
	}
	b.WriteString("\n")
	if len(e.Tags) > 0 {
		text(b, "<section aria-labelledby=\"tags-h\">\n<h2 id=\"tags-h\">", l.T("tags-heading"), "</h2>\n<ul class=\"tags\">")
		p.writeTags(b, e.Tags)
		b.WriteString("</ul>\n</section>")
	}
	b.WriteString("\n")
	if err := p.writeSources(b); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := p.writeReferred(b, "mentioned-in", "mentioned-h", p.Site.ReferredBy(e, "")); err != nil {
		return err
	}
	b.WriteString("\n")
	p.writeCorrections(b)
	text(b, "\n<nav class=\"prev-next\" aria-label=\"", l.T("events-in-time"), "\">\n<ul>\n")
	if err := p.writeNeighbour(b, p.Site.Prev(e), "prev", "earlier"); err != nil {
		return err
	}
	b.WriteString("\n")
	if err := p.writeNeighbour(b, p.Site.Next(e), "next", "later"); err != nil {
		return err
	}
	b.WriteString("\n</ul>\n</nav>\n</article>\n")
	return nil
}

// writePart writes Part(name, e).
func (p *Page) writePart(b *bytes.Buffer, name string, e *content.Entry) error {
	h, err := p.Part(name, e)
	b.WriteString(string(h))
	return err
}

// writeDate writes the "date" partial.
func (p *Page) writeDate(b *bytes.Buffer, e *content.Entry) {
	text(b, "<time datetime=\"", fmt.Sprint(e.Date), "\">")
	attr(b, p.lang.When(p.Site, e))
	b.WriteString("</time>")
}

// writeStatusLink writes the "status-link" partial.
func (p *Page) writeStatusLink(b *bytes.Buffer, status string) {
	text(b, "<a class=\"status status-", status, "\" href=\"")
	href(b, p.Rel("status/"+status+".html"))
	text(b, "\"><span aria-hidden=\"true\"></span>", p.lang.T("status-"+status), "</a>")
}

// writeSequence writes the section of the events the sources put before
// and after this one.
func (p *Page) writeSequence(b *bytes.Buffer, e *content.Entry) error {
	after, before := p.Site.After(e), p.Site.Before(e)
	if len(after) == 0 && len(before) == 0 {
		return nil
	}
	text(b, "<section class=\"sequence\" aria-labelledby=\"sequence-h\">\n<h2 id=\"sequence-h\">", p.lang.T("sequence"), "</h2>\n")
	for _, rel := range []struct {
		key  string
		list []*content.Entry
	}{{"relations-after", after}, {"relations-before", before}} {
		if len(rel.list) > 0 {
			text(b, "<h3>", p.lang.T(rel.key), "</h3>\n<ul class=\"entries\">")
			for _, x := range rel.list {
				b.WriteString("\n<li>")
				if err := p.writePart(b, "link", x); err != nil {
					return err
				}
				b.WriteString(" <span class=\"quiet\">")
				if err := p.writePart(b, "when", x); err != nil {
					return err
				}
				b.WriteString("</span></li>")
			}
			b.WriteString("\n</ul>")
		}
		b.WriteString("\n")
	}
	b.WriteString("</section>")
	return nil
}

// writeAccounts writes the section of differing accounts.
func (p *Page) writeAccounts(b *bytes.Buffer, e *content.Entry) error {
	c := p.Claims()
	if c == nil {
		return nil
	}
	text(b, "<section class=\"accounts\" aria-labelledby=\"accounts-h\">\n<h2 id=\"accounts-h\">", p.lang.T("differing"), "</h2>\n<p>")
	attr(b, p.lang.T("differing-intro"))
	b.WriteString("</p>\n")
	if len(c.Rows) > 0 {
		if err := p.tmpl.ExecuteTemplate(b, "claims", []any{p, c}); err != nil {
			return err
		}
	}
	b.WriteString("\n")
	if len(c.Loose) > 0 {
		b.WriteString("<div class=\"account-list\">")
		for _, a := range c.Loose {
			b.WriteString("\n<figure class=\"account\">\n<blockquote")
			b.WriteString(string(p.Foreign(e)))
			text(b, "><p>", a.Says, "</p></blockquote>\n<figcaption>")
			if s := p.Get(content.Source, a.Source); s != nil {
				if err := p.writePart(b, "link", s); err != nil {
					return err
				}
				if s.Publisher != "" {
					b.WriteString(", ")
					attr(b, s.Publisher)
				}
			}
			b.WriteString("</figcaption>\n</figure>")
		}
		b.WriteString("\n</div>")
	}
	b.WriteString("\n</section>")
	return nil
}

// writePeople writes the section of the people the event names, with
// their roles.
func (p *Page) writePeople(b *bytes.Buffer, e *content.Entry) error {
	ids := site.EventPeople(e)
	if len(ids) == 0 {
		return nil
	}
	text(b, "<section aria-labelledby=\"people-h\">\n<h2 id=\"people-h\">", p.lang.T("people"), "</h2>\n<ul class=\"entries\">")
	for _, id := range ids {
		x := p.Get(content.Person, id)
		if x == nil {
			continue
		}
		b.WriteString("\n<li>")
		if err := p.writePart(b, "link", x); err != nil {
			return err
		}
		if role := e.Roles[x.ID]; role != "" {
			b.WriteString(" <span class=\"role\"")
			b.WriteString(string(p.Foreign(e)))
			text(b, ">— ", role, "</span>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("\n</ul>\n</section>")
	return nil
}

// writeSection writes a section listing the entries of a kind by id.
func (p *Page) writeSection(b *bytes.Buffer, id, heading string, k content.Kind, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	b.WriteString("<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">")
	attr(b, p.lang.T(heading))
	b.WriteString("</h2>\n<ul class=\"entries\">")
	if err := p.writeLinkItems(b, "\n<li>", k, ids); err != nil {
		return err
	}
	b.WriteString("\n</ul>\n</section>")
	return nil
}

// writeLinkItems writes a list item linking to each entry of kind k
// named in ids, each item opened with open; ids that name no entry are
// left out.
func (p *Page) writeLinkItems(b *bytes.Buffer, open string, k content.Kind, ids []string) error {
	for _, id := range ids {
		if e := p.Get(k, id); e != nil {
			b.WriteString(open)
			if err := p.writePart(b, "link", e); err != nil {
				return err
			}
			b.WriteString("</li>")
		}
	}
	return nil
}

// writeSources writes the "sources" partial: the page's one numbered list
// of sources.
func (p *Page) writeSources(b *bytes.Buffer) error {
	if len(p.Notes) == 0 {
		return nil
	}
	l := p.lang
	text(b, "<section class=\"source-list\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">", l.T("sources"), "</h2>\n<ol class=\"notes\" data-cited-at=\"")
	attr(b, l.T("cited-at"))
	text(b, "\" data-go=\"", l.T("cite-go"), "\">")
	for _, n := range p.Notes {
		fmt.Fprintf(b, "\n<li id=\"note-%d\">", n.N)
		if err := p.writePart(b, "source-card", n.Source); err != nil {
			return err
		}
		if len(n.Locators) > 0 {
			text(b, "\n<p class=\"locators\">", l.T("cited-at"), " ")
			attr(b, strings.Join(n.Locators, "; "))
			b.WriteString("</p>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("\n</ol>\n</section>")
	return nil
}

// writeNeighbour writes the link to the event before or after this one.
func (p *Page) writeNeighbour(b *bytes.Buffer, e *content.Entry, rel, key string) error {
	if e == nil {
		return nil
	}
	b.WriteString("<li class=\"" + rel + "\">")
	attr(b, p.lang.T(key))
	b.WriteString(" ")
	p.writeLink(b, e, ` rel="`+rel+`"`)
	b.WriteString(" ")
	if err := p.writePart(b, "when", e); err != nil {
		return err
	}
	b.WriteString("</li>")
	return nil
}

// PersonEvents returns the events a person's page lists, each with the
// person's role in it: the partial "person-events", or the same bytes
// from Go for the default theme (see fast.go). A person named in a
// thousand events has a thousand items that no other page shows alike.
func (p *Page) PersonEvents() (template.HTML, error) {
	b := getBuffer()
	defer putBuffer(b)
	if !p.fast {
		if err := p.exec(b, "person-events"); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil
	}
	events := p.Site.ReferredBy(p.Entry, content.Event)
	if len(events) == 0 {
		return "", nil
	}
	text(b, "<section aria-labelledby=\"events-h\">\n<h2 id=\"events-h\">", p.lang.T("events"), "</h2>\n<ol class=\"events\">")
	for _, ev := range events {
		b.WriteString("\n<li class=\"event-item\">\n<p class=\"event-meta\">")
		p.writeDate(b, ev)
		b.WriteString(" ")
		p.writeStatus(b, ev.Status)
		if role := ev.Roles[p.Entry.ID]; role != "" {
			text(b, " <span class=\"role\">", p.lang.T("role"), " ")
			foreign := p.Foreign(ev)
			if foreign != "" {
				b.WriteString("<span" + string(foreign) + ">")
			}
			attr(b, role)
			if foreign != "" {
				b.WriteString("</span>")
			}
			b.WriteString("</span>")
		}
		b.WriteString("</p>\n<p class=\"event-title\">")
		if err := p.writePart(b, "link", ev); err != nil {
			return "", err
		}
		b.WriteString("</p>")
		if ev.Summary != "" {
			p.writeIn(b, ev, "\n<p class=\"event-summary\"", ev.Summary, "</p>")
		}
		b.WriteString("\n</li>")
	}
	b.WriteString("\n</ol>\n</section>")
	return template.HTML(b.String()), nil
}

// writeStatus writes the "status" partial.
func (p *Page) writeStatus(b *bytes.Buffer, status string) {
	text(b, "<span class=\"status status-", status, "\"><span aria-hidden=\"true\"></span><span class=\"vh\">")
	attr(b, p.lang.T("status-label"))
	text(b, ": </span>", p.lang.T("status-"+status), "</span>")
}

// writeFastPart writes the most used partials of Part from Go, and
// reports whether it did: an event's item in lists, a link to an entry,
// and an event's date and status.
func (p *Page) writeFastPart(b *bytes.Buffer, key partKey) bool {
	e := key.entry
	switch key.name {
	case "link":
		p.writeLink(b, e, "")
	case "when":
		b.WriteString("(")
		p.writeDate(b, e)
		b.WriteString(") ")
		p.writeStatus(b, e.Status)
	case "entry-item":
		b.WriteString("\n<li>")
		p.writeLink(b, e, "")
		if e.Kind == content.Event {
			b.WriteString(" <span class=\"quiet\">(")
			p.writeDate(b, e)
			b.WriteString(")</span> ")
			p.writeStatus(b, e.Status)
		}
		if e.Description != "" {
			p.writeIn(b, e, " <span class=\"quiet\">— <span", e.Description, "</span></span>")
		}
		b.WriteString("</li>")
	case "event-item":
		b.WriteString("\n<li class=\"event-item\">")
		p.writeEventItemText(b, e)
	case "filter-item":
		text(b, "\n<li class=\"event-item\" data-event=\"", e.ID, "\" data-status=\"")
		attr(b, e.Status)
		text(b, "\" data-tags=\"", slugs(e.Tags), "\" data-people=\"")
		attr(b, strings.Join(site.EventPeople(e), " "))
		text(b, "\" data-place=\"", e.Place, "\">")
		p.writeEventItemText(b, e)
	default:
		return false
	}
	return true
}

// writeEventItemText writes the partial "event-item-text", and the end
// of the item: an event's date, status, title and summary.
func (p *Page) writeEventItemText(b *bytes.Buffer, e *content.Entry) {
	b.WriteString("\n<p class=\"event-meta\">")
	p.writeDate(b, e)
	b.WriteString(" ")
	p.writeStatus(b, e.Status)
	b.WriteString("</p>\n<p class=\"event-title\">")
	p.writeLink(b, e, "")
	b.WriteString("</p>")
	if e.Summary != "" {
		p.writeIn(b, e, "\n<p class=\"event-summary\"", e.Summary, "</p>")
	}
	b.WriteString("\n</li>")
}

// writeReferred writes the "referred" partial: a section listing the
// entries that name the page's, under a heading.
func (p *Page) writeReferred(b *bytes.Buffer, key, id string, list []*content.Entry) error {
	if len(list) == 0 {
		return nil
	}
	text(b, "<section aria-labelledby=\"", id, "\">\n<h2 id=\"")
	attr(b, id)
	text(b, "\">", p.lang.T(key), "</h2>\n\n<ul class=\"entries\">")
	h, err := p.Parts("entry-item", list)
	if err != nil {
		return err
	}
	b.WriteString(string(h))
	b.WriteString("\n</ul>\n</section>")
	return nil
}

// writeCorrections writes the "corrections" partial: the entry's log of
// corrections.
func (p *Page) writeCorrections(b *bytes.Buffer) {
	cs := p.Entry.Corrections
	if len(cs) == 0 {
		return
	}
	text(b, "<section class=\"corrections\" aria-labelledby=\"corrections-h\">\n<h2 id=\"corrections-h\">", p.lang.T("corrections"), "</h2>\n<ul>")
	for _, c := range cs {
		text(b, "\n<li><time datetime=\"", fmt.Sprint(c.Date), "\">")
		attr(b, p.lang.Date(c.Date))
		text(b, "</time>: ", c.Note, "</li>")
	}
	b.WriteString("\n</ul>\n</section>")
}

// writeSourceView writes the "source-view" partial: the entry's file as
// written, highlighted, shown when the page is opened at #source.
func (p *Page) writeSourceView(b *bytes.Buffer) {
	l := p.lang
	text(b, "\n<section class=\"source-view\" id=\"source\" aria-labelledby=\"source-h\">\n<h2 id=\"source-h\">", l.T("source-of"), "</h2>\n<p>")
	attr(b, l.T("source-intro", p.Entry.Path))
	text(b, "</p>\n<p><a href=\"#main\">", l.T("source-back"), "</a>")
	p.writeEditLink(b)
	text(b, "</p>\n<div class=\"source-file\" dir=\"ltr\" tabindex=\"0\" role=\"region\" aria-label=\"", p.Entry.Path, "\">")
	b.WriteString(string(p.Code))
	b.WriteString("</div>\n</section>")
}

// writeLink writes a link to an entry's page, titled with its title,
// with more attributes (attrs) after its address.
func (p *Page) writeLink(b *bytes.Buffer, e *content.Entry, attrs string) {
	b.WriteString("<a href=\"")
	href(b, p.Href(e))
	b.WriteString("\"" + attrs)
	b.WriteString(string(p.Foreign(e)))
	text(b, ">", e.Title, "</a>")
}
