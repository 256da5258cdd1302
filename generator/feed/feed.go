// Package feed writes the dossier in forms other programs read: the whole
// dossier as JSON, the events as CSV, an Atom feed of events, a sitemap,
// and the schema.org JSON-LD that entry pages embed.
//
// Every file is made with the standard library's encoders (encoding/json,
// encoding/csv, encoding/xml), never by hand, so contributor text cannot
// break out of its field. Nothing depends on the clock: the feed's updated
// time is the latest event or correction date, so the same input gives the
// same bytes.
//
// Links are relative to the site root ("events/x.html") unless site.toml
// sets base_url, which makes them absolute; a sitemap is written only
// then, since it must hold absolute addresses.
package feed

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/site"
)

// A File is one output file.
type File struct {
	Path string
	Data []byte
}

// Files returns dossier.json, events.csv, feed.xml and, with base_url,
// sitemap.xml. page gives an entry's page path; pages lists every HTML
// page of the site for the sitemap. For a site in several languages,
// each edition has its own files but the sitemap, which the default
// language's has: it names each page in every language, with the others
// as its alternates (xhtml:link hreflang).
func Files(s *site.Site, page func(*content.Entry) string, pages []string) ([]File, error) {
	var files []File
	err := Write(s, page, pages, func(path string, data []byte) error {
		files = append(files, File{path, data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// Write makes the files of Files and passes each to write as soon as it
// is made, so that a build need not hold them all at once: at 50,000
// events dossier.json alone is 120 MB, and holding it while the others
// were made kept the heap near the build's memory limit.
func Write(s *site.Site, page func(*content.Entry) string, pages []string, write func(path string, data []byte) error) error {
	l := links{base: s.Config.BaseURL, page: page}
	for _, f := range []struct {
		path string
		make func(*site.Site, links) ([]byte, error)
	}{
		{"dossier.json", dossierJSON},
		{"events.csv", eventsCSV},
		{"feed.xml", atom},
	} {
		b, err := f.make(s, l)
		if err != nil {
			return err
		}
		if err := write(f.path, b); err != nil {
			return err
		}
	}
	// One sitemap, at the root, names the pages of every language.
	if l.base != "" && (len(s.Editions) == 0 || s == s.Editions[0]) {
		b, err := sitemap(s, l, pages)
		if err != nil {
			return err
		}
		return write("sitemap.xml", b)
	}
	return nil
}

// links makes the addresses written into the files.
type links struct {
	base string // "" or an absolute URL ending in "/"
	page func(*content.Entry) string
}

// to returns the address of a root-relative output path.
func (l links) to(p string) string { return l.base + p }

// of returns the address of an entry's page.
func (l links) of(e *content.Entry) string { return l.to(l.page(e)) }

// An entry in dossier.json: the front matter's fields under their own
// names (an organization's or source's kind is "type", since "kind" is
// the entry's), plus where it lives and its Markdown body.
type jsonEntry struct {
	ID            string            `json:"id"`
	Kind          content.Kind      `json:"kind"`
	Lang          string            `json:"lang,omitempty"` // in another language's edition: the language of the entry's text
	Page          string            `json:"page"`
	File          string            `json:"file"`
	Title         string            `json:"title,omitempty"`
	Name          string            `json:"name,omitempty"`
	Date          string            `json:"date,omitempty"`
	End           string            `json:"end,omitempty"`
	After         []string          `json:"after,omitempty"`
	Before        []string          `json:"before,omitempty"`
	Earliest      string            `json:"earliest,omitempty"` // first possible day, after relations
	Latest        string            `json:"latest,omitempty"`   // last possible day`
	Status        string            `json:"status,omitempty"`
	Summary       string            `json:"summary,omitempty"`
	Place         string            `json:"place,omitempty"`
	People        []string          `json:"people,omitempty"`
	Organizations []string          `json:"organizations,omitempty"`
	Roles         map[string]string `json:"roles,omitempty"`
	Accounts      []jsonAccount     `json:"accounts,omitempty"`
	Aliases       []string          `json:"aliases,omitempty"`
	NativeName    string            `json:"native_name,omitempty"`
	Born          string            `json:"born,omitempty"`
	Died          string            `json:"died,omitempty"`
	Description   string            `json:"description,omitempty"`
	Affiliations  []string          `json:"affiliations,omitempty"`
	Type          string            `json:"type,omitempty"`
	Country       string            `json:"country,omitempty"`
	Lat           *float64          `json:"lat,omitempty"`
	Lon           *float64          `json:"lon,omitempty"`
	Publisher     string            `json:"publisher,omitempty"`
	Author        string            `json:"author,omitempty"`
	URL           string            `json:"url,omitempty"`
	Published     string            `json:"published,omitempty"`
	Accessed      string            `json:"accessed,omitempty"`
	Language      string            `json:"language,omitempty"`
	ArchivedURL   string            `json:"archived_url,omitempty"`
	SHA256        string            `json:"sha256,omitempty"`
	Weight        int               `json:"weight,omitempty"`
	Tags          []string          `json:"tags,omitempty"`
	Sources       []string          `json:"sources,omitempty"`
	Corrections   []jsonCorrection  `json:"corrections,omitempty"`
	Body          string            `json:"body,omitempty"`
}

type jsonAccount struct {
	About  string `json:"about,omitempty"`
	Source string `json:"source"`
	Says   string `json:"says"`
}

type jsonCorrection struct {
	Date string `json:"date"`
	Note string `json:"note"`
}

func str(d date.Date) string { return d.EDTF() }

// dossierJSON writes the dossier as compact JSON with each entry on a
// line of its own: indented, it was a third larger (12 MB at 5,000
// events) for no reader; a line per entry still lets a person or a diff
// see one entry at a time. It writes an entry at a time into one buffer:
// the whole document marshaled at once went through three copies of
// itself, tens of megabytes at thousands of entries.
func dossierJSON(s *site.Site, l links) ([]byte, error) {
	head, err := json.Marshal(struct {
		Title       string `json:"title"`
		Description string `json:"description,omitempty"`
		Language    string `json:"language"`
		BaseURL     string `json:"base_url,omitempty"`
	}{s.Config.Title, s.Config.Description, s.Config.Language, s.Config.BaseURL})
	if err != nil {
		return nil, err
	}
	size := len(head) + 32
	for _, e := range s.Entries {
		size += len(e.Raw) + 512
	}
	buf := make([]byte, 0, size)
	buf = append(buf, bytes.TrimSuffix(head, []byte("}"))...)
	buf = append(buf, ",\"entries\":["...)
	var one bytes.Buffer
	enc := json.NewEncoder(&one) // escapes <, > and & as json.Marshal does
	for i, e := range ordered(s) {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
		// One encoder's buffer serves every entry, where json.Marshal
		// would copy each out of its own.
		one.Reset()
		if err := enc.Encode(jsonOf(s, e, l)); err != nil {
			return nil, err
		}
		buf = append(buf, bytes.TrimSuffix(one.Bytes(), []byte("\n"))...)
	}
	if len(s.Entries) > 0 {
		buf = append(buf, '\n')
	}
	return append(buf, "]}\n"...), nil
}

// ordered returns every entry as dossier.json lists them: the events in
// the site's one order of events, then the other kinds by id.
func ordered(s *site.Site) []*content.Entry {
	out := make([]*content.Entry, 0, len(s.Entries))
	out = append(out, s.Events...)
	for _, e := range s.Entries {
		if e.Kind != content.Event {
			out = append(out, e)
		}
	}
	return out
}

// possible returns an event's first and last possible days, or "" for
// other entries.
func possible(s *site.Site, e *content.Entry) (first, last string) {
	if e.Kind != content.Event {
		return "", ""
	}
	f, l := s.Days(e)
	return date.FromDay(f).String(), date.FromDay(l).String()
}

// jsonOf returns an entry as dossier.json lists it.
func jsonOf(s *site.Site, e *content.Entry, l links) jsonEntry {
	j := jsonEntry{
		ID: e.ID, Kind: e.Kind, Lang: e.Lang, Page: l.of(e), File: e.Path,
		Date: str(e.Date), End: str(e.End), After: e.After, Before: e.Before,
		Status: e.Status, Summary: e.Summary,
		Place: e.Place, People: e.People, Organizations: e.Organizations, Roles: e.Roles,
		Aliases: e.Aliases, NativeName: e.NativeName, Born: str(e.Born), Died: str(e.Died),
		Description: e.Description, Affiliations: e.Affiliations, Type: e.Type,
		Country: e.Country, Lat: e.Lat, Lon: e.Lon, Publisher: e.Publisher,
		Author: e.Author, URL: e.URL, Published: str(e.Published), Accessed: str(e.Accessed),
		Language: e.Language, ArchivedURL: e.ArchivedURL, SHA256: e.SHA256, Weight: e.Weight,
		Tags: e.Tags, Sources: e.Sources,
	}
	j.Earliest, j.Latest = possible(s, e)
	switch e.Kind {
	case content.Person, content.Organization, content.Place:
		j.Name = e.Title
	default:
		j.Title = e.Title
	}
	for _, a := range e.Accounts {
		j.Accounts = append(j.Accounts, jsonAccount{a.About, a.Source, a.Says})
	}
	for _, c := range e.Corrections {
		j.Corrections = append(j.Corrections, jsonCorrection{str(c.Date), c.Note})
	}
	j.Body = strings.TrimSpace(string(e.Raw[e.Body:]))
	return j
}

// inert keeps a spreadsheet from reading a cell as a formula: a cell that
// starts with =, +, -, @, a tab or a carriage return gets a ' in front,
// as OWASP advises against CSV injection ("=HYPERLINK(...)" in a title
// would otherwise be a live link, "@SUM(...)" a formula, when events.csv
// is opened in Excel or LibreOffice). Other cells are left as they are.
func inert(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// CSVHeader is the first row of events.csv. Lists of ids are joined
// with ";", which no id contains. Dates are as written (EDTF, with ~ or
// ?); earliest and latest are the possible days after relations. New
// columns go at the end, so that readers of older files keep working.
var CSVHeader = []string{"id", "date", "end", "title", "status", "place", "people", "organizations", "tags", "sources", "summary", "page", "after", "before", "earliest", "latest"}

func eventsCSV(s *site.Site, l links) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(CSVHeader)
	for _, e := range s.Events {
		first, last := possible(s, e)
		row := []string{
			e.ID, str(e.Date), str(e.End), e.Title, e.Status, e.Place,
			strings.Join(site.EventPeople(e), ";"), strings.Join(e.Organizations, ";"),
			strings.Join(e.Tags, ";"), strings.Join(e.Sources, ";"), e.Summary, l.of(e),
			strings.Join(e.After, ";"), strings.Join(e.Before, ";"), first, last,
		}
		for i, cell := range row {
			row[i] = inert(cell)
		}
		w.Write(row)
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
