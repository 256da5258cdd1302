package feed

import (
	"bytes"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"time"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/site"
)

// The Atom feed (RFC 4287), one entry per event, newest first.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Title   string      `xml:"title"`
	Sub     string      `xml:"subtitle,omitempty"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Lang       string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"` // of an entry not yet translated
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Link       atomLink       `xml:"link"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Categories []atomCategory `xml:"category"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

// timestamp turns a date into an Atom date-time at the start of its
// period: Atom has no way to say "sometime in September".
func timestamp(d date.Date) string {
	m, day := max(d.M, 1), max(d.D, 1)
	return time.Date(d.Y, time.Month(m), day, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
}

// latest is the last date an event was written about: its date, its end
// or its last correction.
func latest(e *content.Entry) date.Date {
	d := e.Date
	if date.Compare(e.End, d) > 0 {
		d = e.End
	}
	for _, c := range e.Corrections {
		if date.Compare(c.Date, d) > 0 {
			d = c.Date
		}
	}
	return d
}

// id returns an Atom id: the page's address with base_url, or else a
// name-based UUID (RFC 9562, version 5) of the site title and the path,
// which stays the same from build to build.
func (l links) id(title, p string) string {
	if l.base != "" {
		return l.to(p)
	}
	ns := [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8} // the URL namespace
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte("dossier:" + title + "/" + p))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

func atom(s *site.Site, l links) ([]byte, error) {
	f := atomFeed{
		Lang:   s.Config.Language,
		Title:  s.Config.Title,
		Sub:    s.Config.Description,
		ID:     l.id(s.Config.Title, "feed.xml"),
		Links:  []atomLink{{Rel: "alternate", Type: "text/html", Href: l.to("index.html")}},
		Author: atomPerson{s.Config.Title},
	}
	if l.base != "" {
		f.Links = append(f.Links, atomLink{Rel: "self", Type: "application/atom+xml", Href: l.to("feed.xml")})
	}
	var updated date.Date
	for i := len(s.Events) - 1; i >= 0; i-- {
		e := s.Events[i]
		d := latest(e)
		if date.Compare(d, updated) > 0 {
			updated = d
		}
		ae := atomEntry{
			Title:     e.Title,
			Lang:      foreign(s, e),
			ID:        l.id(s.Config.Title, l.page(e)),
			Updated:   timestamp(d),
			Published: timestamp(e.Date),
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: l.of(e)},
		}
		if e.Summary != "" {
			ae.Summary = &atomText{"text", e.Summary}
		}
		for _, t := range e.Tags {
			ae.Categories = append(ae.Categories, atomCategory{Term: site.Slug(t), Label: t})
		}
		f.Entries = append(f.Entries, ae)
	}
	if updated.IsZero() {
		updated = date.Date{Y: 1970, Prec: date.Year}
	}
	f.Updated = timestamp(updated)
	return marshalXML(f)
}

// The sitemap protocol's urlset, with the alternates of Google's
// extension for pages in several languages.
type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc  string        `xml:"loc"`
	Alts []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func sitemap(s *site.Site, l links, pages []string) ([]byte, error) {
	var u urlset
	if len(s.Editions) < 2 {
		for _, p := range pages {
			u.URLs = append(u.URLs, sitemapURL{Loc: l.to(p)})
		}
		return marshalXML(u)
	}
	u.XHTML = "http://www.w3.org/1999/xhtml"
	for _, ed := range s.Editions {
		for _, p := range pages {
			su := sitemapURL{Loc: ed.Config.BaseURL + p}
			for _, alt := range s.Editions {
				su.Alts = append(su.Alts, sitemapLink{"alternate", alt.Config.Language, alt.Config.BaseURL + p})
			}
			u.URLs = append(u.URLs, su)
		}
	}
	return marshalXML(u)
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// foreign returns the language of an entry's text when it is not the
// feed's, as an entry not yet translated is shown in its original's.
func foreign(s *site.Site, e *content.Entry) string {
	if e.Lang == s.Config.Language {
		return ""
	}
	return e.Lang
}
