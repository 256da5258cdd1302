package render

import (
	"bytes"
	"fmt"

	"dossier/generator/content"
	"dossier/generator/date"
)

// writeHeading writes the start of an entry's article: its kind, its
// title, and whether it is not yet translated.
func (p *Page) writeHeading(b *bytes.Buffer, kind string) {
	e := p.Entry
	text(b, "\n<article class=\"entry ", kind, "\">\n<header>\n<p class=\"kind\">")
	attr(b, p.lang.T("kind-"+kind))
	b.WriteString("</p>\n")
	p.writeIn(b, e, "<h1", e.Title, "</h1>")
	if p.Untranslated(e) {
		text(b, "<p class=\"untranslated\">", p.lang.T("untranslated"), "</p>")
	}
}

// writeTags writes an entry's tags as the items of a list, each a link
// to its tag's page.
func (p *Page) writeTags(b *bytes.Buffer, tags []string) {
	for _, t := range tags {
		b.WriteString("<li><a href=\"")
		href(b, p.TagHref(t))
		b.WriteString("\"")
		b.WriteString(string(p.Original()))
		text(b, ">", t, "</a></li>")
	}
}

// writeIn writes element open, marked with e's language and direction
// when they are not the page's (see Foreign), holding text s, then
// close: the summary, lead or description of an entry wherever a page
// shows it.
func (p *Page) writeIn(b *bytes.Buffer, e *content.Entry, open, s, close string) {
	b.WriteString(open)
	b.WriteString(string(p.Foreign(e)))
	text(b, ">", s, close)
}

// writePerson writes what person.html's "main" writes.
func (p *Page) writePerson(b *bytes.Buffer) error {
	l, e := p.lang, p.Entry
	p.writeHeading(b, "person")
	b.WriteString("\n")
	if e.NativeName != "" {
		text(b, "<p class=\"native-name\" dir=\"auto\">", e.NativeName, "</p>")
	}
	b.WriteString("\n")
	if e.Description != "" {
		p.writeIn(b, e, "<p class=\"lead\"", e.Description, "</p>")
	}
	b.WriteString("\n<dl class=\"facts\">\n")
	p.writeFactDate(b, "born", e.Born)
	b.WriteString("\n")
	p.writeFactDate(b, "died", e.Died)
	b.WriteString("\n")
	if e.Place != "" {
		if pl := p.Get(content.Place, e.Place); pl != nil {
			text(b, "<div><dt>", l.T("from"), "</dt><dd>")
			if err := p.writePart(b, "link", pl); err != nil {
				return err
			}
			b.WriteString("</dd></div>")
		}
	}
	b.WriteString("\n")
	if len(e.Aliases) > 0 {
		text(b, "<div class=\"wide\"><dt>", l.T("also-written"), "</dt><dd><ul class=\"names\">")
		for _, a := range e.Aliases {
			text(b, "<li>", a, "</li>")
		}
		b.WriteString("</ul></dd></div>")
	}
	b.WriteString("\n")
	if len(e.Affiliations) > 0 {
		text(b, "<div class=\"wide\"><dt>", l.T("affiliations"), "</dt><dd><ul class=\"names\">")
		if err := p.writeLinkItems(b, "<li>", content.Organization, e.Affiliations); err != nil {
			return err
		}
		b.WriteString("</ul></dd></div>")
	}
	b.WriteString("\n")
	if len(e.Tags) > 0 {
		text(b, "<div class=\"wide\"><dt>", l.T("tags"), "</dt><dd><ul class=\"tags\">")
		p.writeTags(b, e.Tags)
		b.WriteString("</ul></dd></div>")
	}
	b.WriteString("\n</dl>\n</header>\n")
	p.writeBody(b)
	b.WriteString("\n")
	h, err := p.PersonEvents()
	if err != nil {
		return err
	}
	b.WriteString(string(h))
	b.WriteString("\n")
	for _, r := range []struct {
		key, id string
		kind    content.Kind
	}{{"mentioned-in", "mentioned-h", content.Person}, {"mentioned-orgs", "orgs-h", content.Organization}, {"mentioned-pages", "pages-h", content.Page}} {
		if err := p.writeReferred(b, r.key, r.id, p.Site.ReferredBy(e, r.kind)); err != nil {
			return err
		}
		b.WriteString("\n")
	}
	if err := p.writeSources(b); err != nil {
		return err
	}
	b.WriteString("\n")
	p.writeCorrections(b)
	b.WriteString("\n</article>\n")
	return nil
}

// writeFactDate writes a person's date of birth or death, if known.
func (p *Page) writeFactDate(b *bytes.Buffer, key string, d date.Date) {
	if d.IsZero() {
		return
	}
	text(b, "<div><dt>", p.lang.T(key), "</dt><dd><time datetime=\"")
	attr(b, fmt.Sprint(d))
	text(b, "\">", p.lang.Date(d), "</time></dd></div>")
}

// writeBody writes the "body" partial: the entry's rendered Markdown.
func (p *Page) writeBody(b *bytes.Buffer) {
	if p.Body == "" {
		return
	}
	b.WriteString("<div class=\"body\"")
	b.WriteString(string(p.ForeignBody(p.Entry)))
	b.WriteString(">\n")
	b.WriteString(string(p.Body))
	b.WriteString("\n</div>")
}
