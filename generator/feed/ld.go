package feed

import (
	"encoding/json"

	"dossier/generator/content"
	"dossier/generator/site"
)

// LD returns the schema.org description of an entry as JSON-LD, for a
// <script type="application/ld+json"> on its page, or nil for kinds it
// does not describe. encoding/json escapes <, > and &, so the text can
// never close the script element. Addresses are given only with base_url,
// since JSON-LD wants absolute ones.
//
// The people and organizations an event names are its "about": the
// dossier records that they figure in it (killed, accused, reporting),
// which schema.org's performer or attendee would overstate.
func LD(s *site.Site, e *content.Entry, page func(*content.Entry) string) []byte {
	l := links{base: s.Config.BaseURL, page: page}
	var v map[string]any
	switch e.Kind {
	case content.Event:
		v = obj("Event", e.Title, l, e)
		v["startDate"] = e.Date.String()
		set(v, "endDate", e.End.String())
		set(v, "description", e.Summary)
		if p := s.Get(content.Place, e.Place); p != nil {
			v["location"] = place(p, l)
		}
		var about []any
		for _, id := range site.EventPeople(e) {
			if p := s.Get(content.Person, id); p != nil {
				about = append(about, obj("Person", p.Title, l, p))
			}
		}
		for _, id := range e.Organizations {
			if o := s.Get(content.Organization, id); o != nil {
				about = append(about, obj("Organization", o.Title, l, o))
			}
		}
		if about != nil {
			v["about"] = about
		}
		if e.Tags != nil {
			v["keywords"] = e.Tags
		}
	case content.Person:
		v = obj("Person", e.Title, l, e)
		names := append([]string{}, e.Aliases...)
		if e.NativeName != "" {
			names = append(names, e.NativeName)
		}
		if len(names) > 0 {
			v["alternateName"] = names
		}
		set(v, "description", e.Description)
		set(v, "birthDate", e.Born.String())
		set(v, "deathDate", e.Died.String())
		var orgs []any
		for _, id := range e.Affiliations {
			if o := s.Get(content.Organization, id); o != nil {
				orgs = append(orgs, obj("Organization", o.Title, l, o))
			}
		}
		if orgs != nil {
			v["affiliation"] = orgs
		}
	case content.Organization:
		v = obj("Organization", e.Title, l, e)
		if e.Aliases != nil {
			v["alternateName"] = e.Aliases
		}
		set(v, "description", e.Description)
	case content.Place:
		v = place(e, l)
	case content.Source:
		v = obj("CreativeWork", e.Title, l, e)
		v["headline"] = e.Title
		if e.Publisher != "" {
			v["publisher"] = map[string]any{"@type": "Organization", "name": e.Publisher}
		}
		if e.Author != "" {
			v["author"] = map[string]any{"@type": "Person", "name": e.Author}
		}
		set(v, "datePublished", e.Published.String())
		set(v, "inLanguage", e.Language)
		set(v, "sameAs", e.URL)
		set(v, "archivedAt", e.ArchivedURL)
	default:
		return nil
	}
	v["@context"] = "https://schema.org"
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // maps of strings and numbers always marshal
	}
	return b
}

// obj starts a schema.org object of type t for entry e.
func obj(t, name string, l links, e *content.Entry) map[string]any {
	v := map[string]any{"@type": t, "name": name}
	if l.base != "" {
		v["@id"] = l.of(e)
		v["url"] = l.of(e)
	}
	return v
}

func place(p *content.Entry, l links) map[string]any {
	v := obj("Place", p.Title, l, p)
	if p.Lat != nil && p.Lon != nil {
		v["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": *p.Lat, "longitude": *p.Lon}
	}
	if p.Country != "" {
		v["address"] = map[string]any{"@type": "PostalAddress", "addressCountry": p.Country}
	}
	return v
}

func set(v map[string]any, key, val string) {
	if val != "" {
		v[key] = val
	}
}
