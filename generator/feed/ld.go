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
	var v *ld
	switch e.Kind {
	case content.Event:
		v = obj("Event", e.Title, l, e)
		v.StartDate = e.Date.String()
		v.EndDate = e.End.String()
		v.Description = e.Summary
		if p := s.Get(content.Place, e.Place); p != nil {
			v.Location = place(p, l)
		}
		for _, id := range site.EventPeople(e) {
			if p := s.Get(content.Person, id); p != nil {
				v.About = append(v.About, obj("Person", p.Title, l, p))
			}
		}
		for _, id := range e.Organizations {
			if o := s.Get(content.Organization, id); o != nil {
				v.About = append(v.About, obj("Organization", o.Title, l, o))
			}
		}
		v.Keywords = e.Tags
	case content.Person:
		v = obj("Person", e.Title, l, e)
		v.AlternateName = append([]string{}, e.Aliases...)
		if e.NativeName != "" {
			v.AlternateName = append(v.AlternateName, e.NativeName)
		}
		v.Description = e.Description
		v.BirthDate = e.Born.String()
		v.DeathDate = e.Died.String()
		for _, id := range e.Affiliations {
			if o := s.Get(content.Organization, id); o != nil {
				v.Affiliation = append(v.Affiliation, obj("Organization", o.Title, l, o))
			}
		}
	case content.Organization:
		v = obj("Organization", e.Title, l, e)
		v.AlternateName = e.Aliases
		v.Description = e.Description
	case content.Place:
		v = place(e, l)
	case content.Source:
		v = obj("CreativeWork", e.Title, l, e)
		v.Headline = e.Title
		if e.Publisher != "" {
			v.Publisher = &ld{Type: "Organization", Name: e.Publisher}
		}
		if e.Author != "" {
			v.Author = &ld{Type: "Person", Name: e.Author}
		}
		v.DatePublished = e.Published.String()
		v.InLanguage = e.Language
		v.SameAs = e.URL
		v.ArchivedAt = e.ArchivedURL
	default:
		return nil
	}
	v.Context = "https://schema.org"
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // strings and numbers always marshal
	}
	return b
}

// ld is a schema.org object, any of the types LD writes. Its fields are
// in the order of their names, as encoding/json orders a map's keys, and
// empty ones are left out.
type ld struct {
	Context        string   `json:"@context,omitempty"`
	ID             string   `json:"@id,omitempty"`
	Type           string   `json:"@type"`
	About          []*ld    `json:"about,omitempty"`
	Address        *ld      `json:"address,omitempty"`
	AddressCountry string   `json:"addressCountry,omitempty"`
	Affiliation    []*ld    `json:"affiliation,omitempty"`
	AlternateName  []string `json:"alternateName,omitempty"`
	ArchivedAt     string   `json:"archivedAt,omitempty"`
	Author         *ld      `json:"author,omitempty"`
	BirthDate      string   `json:"birthDate,omitempty"`
	DatePublished  string   `json:"datePublished,omitempty"`
	DeathDate      string   `json:"deathDate,omitempty"`
	Description    string   `json:"description,omitempty"`
	EndDate        string   `json:"endDate,omitempty"`
	Geo            *ld      `json:"geo,omitempty"`
	Headline       string   `json:"headline,omitempty"`
	InLanguage     string   `json:"inLanguage,omitempty"`
	Keywords       []string `json:"keywords,omitempty"`
	Latitude       *float64 `json:"latitude,omitempty"`
	Location       *ld      `json:"location,omitempty"`
	Longitude      *float64 `json:"longitude,omitempty"`
	Name           string   `json:"name,omitempty"`
	Publisher      *ld      `json:"publisher,omitempty"`
	SameAs         string   `json:"sameAs,omitempty"`
	StartDate      string   `json:"startDate,omitempty"`
	URL            string   `json:"url,omitempty"`
}

// obj starts a schema.org object of type t for entry e.
func obj(t, name string, l links, e *content.Entry) *ld {
	v := &ld{Type: t, Name: name}
	if l.base != "" {
		v.ID = l.of(e)
		v.URL = l.of(e)
	}
	return v
}

func place(p *content.Entry, l links) *ld {
	v := obj("Place", p.Title, l, p)
	if p.Lat != nil && p.Lon != nil {
		v.Geo = &ld{Type: "GeoCoordinates", Latitude: p.Lat, Longitude: p.Lon}
	}
	if p.Country != "" {
		v.Address = &ld{Type: "PostalAddress", AddressCountry: p.Country}
	}
	return v
}
