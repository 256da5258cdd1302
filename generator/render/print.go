package render

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/markdown"
	"dossier/generator/site"
)

// PrintURL is the output path of the print edition: the whole dossier on
// one page, in reading order, for a reader to print or save as PDF.
const PrintURL = "print.html"

// printPage is the print edition's page. Its links between entries are
// anchors within the page (see Page.Href), so it keeps a chrome of its
// own: the partials it renders through Part must not be shared with the
// timeline, which is at the same depth.
func printPage(s *site.Site, edition date.Date) *Page {
	p := &Page{Site: s, Path: PrintURL, Layout: "print", Title: "Print edition", chrome: newChrome(edition)}
	if len(s.Events) > printMaxEvents {
		p.Years = byYear(s.Events)
	} else {
		p.Strip = NewStrip(s, s.Events)
	}
	return p
}

// printMaxEvents is the most events the print edition holds. Past it the
// whole dossier would print to thousands of sheets in one document, more
// than a browser's print dialog takes or a reader means to print (at
// 5,000 events it was 43 MB, a fifth of the site), so the page says so
// and leads instead to the pages that print one part each: a year's
// events, and every entry's own page. Its cover, edition and fingerprint
// stay.
var printMaxEvents = 1000

// PrintWhole reports whether the print edition holds the whole dossier
// (see printMaxEvents). When it does not, the page's Years are the years
// it leads to.
func (p *Page) PrintWhole() bool { return len(p.Site.Events) <= printMaxEvents }

// Anchor is the id of an entry's section in the print edition, such as
// "person-ikramuddin-sari". Ids never hold "--", so the ids made from it
// with "--" (a body's notes and headings) are unique too.
func Anchor(e *content.Entry) string { return string(e.Kind) + "-" + e.ID }

// EditionDate is the date of a dossier's edition: its latest event, or
// the end of its latest span, or its latest correction, whichever is
// later; the zero Date when it has none. It is derived from the content,
// never from a clock, so the same files are always the same edition.
func EditionDate(s *site.Site) date.Date {
	var latest date.Date
	later := func(d date.Date) {
		d.Qual = date.Exact
		if !d.IsZero() && (latest.IsZero() || date.Compare(d, latest) > 0) {
			latest = d
		}
	}
	for _, e := range s.Entries {
		if e.Kind == content.Event {
			later(e.Date)
			later(e.End)
		}
		for _, c := range e.Corrections {
			later(c.Date)
		}
	}
	return latest
}

// Fingerprint identifies the content of a dossier exactly: the SHA-256,
// in hex, of the lines that sha256sum prints for the entries' files in
// path order, so a reader can check a printed copy against a folder:
//
//	find content -name '*.md' | LC_ALL=C sort | xargs sha256sum | sha256sum
func Fingerprint(s *site.Site) string {
	entries := slices.Clone(s.Entries)
	slices.SortFunc(entries, func(a, b *content.Entry) int { return strings.Compare(a.Path, b.Path) })
	h := sha256.New()
	for _, e := range entries {
		fmt.Fprintf(h, "%x  %s\n", sha256.Sum256(e.Raw), e.Path)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// Edition is the date of the dossier's edition (see EditionDate), which
// every page prints in its footer.
func (p *Page) Edition() date.Date {
	if p.chrome == nil {
		return EditionDate(p.Site)
	}
	return p.chrome.edition
}

// Fingerprint is the content's fingerprint (see Fingerprint), for the
// print edition's title page.
func (p *Page) Fingerprint() string { return Fingerprint(p.Site) }

// Address is where the page is within the site, for its printed footer:
// its absolute address when site.toml sets base_url, else its path
// from the output's root (fa-af/index.html in another language).
func (p *Page) Address() string {
	if a := p.Abs(p.Path); a != "" {
		return a
	}
	return p.Site.Root + p.Path
}

// A Printed is an entry as the print edition shows what its page renders:
// its body, its one list of sources (those the body cites first, as on
// its page), and its accounts arranged as on its page.
type Printed struct {
	Body   template.HTML
	Notes  []Note
	Claims *Claims
}

// Printed renders an entry's body for the print edition, where many
// bodies share one page: citations lead to the entry's own notes, links
// to other entries lead to their sections, and the ids of its headings,
// notes and footnotes start with the entry's anchor. Its headings sit two
// levels lower, under the part's h2 and the entry's h3.
//
// It fills the holes of the body rendered at load (see markdown.Body)
// for this page, as the entry's own page fills them for its own.
func (p *Page) Printed(e *content.Entry) (Printed, error) {
	var out Printed
	if e.HTML != nil && len(bytes.TrimSpace(e.Raw[e.Body:])) > 0 {
		var err error
		if out.Body, out.Notes, err = p.printBody(e); err != nil {
			return Printed{}, err
		}
	}
	// The entry's page, as far as listSources and Claims read it.
	own := &Page{Site: p.Site, Entry: e}
	out.Notes = listSources(own, out.Notes)
	own.Notes = out.Notes
	out.Claims = own.Claims()
	return out, nil
}

// printBody renders an entry's body for the print edition, with the
// sources it cites, numbered in order of first citation.
func (p *Page) printBody(e *content.Entry) (template.HTML, []Note, error) {
	own := Anchor(e) + "--"
	var notes noteList
	fill := markdown.Fill{
		Link: func(dest string) string {
			if frag, ok := strings.CutPrefix(dest, "#"); ok {
				return "#" + own + "h-" + frag
			}
			kind, id, frag, ok := content.LinkTarget(e.Path, dest)
			t := p.Site.Get(kind, id)
			if !ok || t == nil {
				return dest
			}
			href := "#" + Anchor(t)
			if frag != "" {
				href += "--h-" + frag
			}
			return href
		},
		Cite:             citer(p.Site, &notes, own),
		HeadingShift:     2,
		HeadingIDPrefix:  own + "h-",
		FootnoteIDPrefix: own,
	}
	var body strings.Builder
	body.Grow(e.HTML.Size())
	if err := e.HTML.Write(&body, fill); err != nil {
		return "", nil, fmt.Errorf("%s: %v", e.Path, err)
	}
	return template.HTML(body.String()), notes.list, nil
}
