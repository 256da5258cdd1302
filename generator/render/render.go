// Package render turns the site model into files: HTML pages from the
// layouts, the entries' Markdown, the machine-readable copies of package
// feed, the syntax highlighting stylesheet and the static files.
//
// # Layouts
//
// Layouts are html/template files. Each page layout (timeline.html,
// event.html, person.html, ...) defines "main" and is executed inside
// base.html, with partials.html for shared pieces; a layout sees a *Page.
// A site may override any layout or static file by putting a file of the
// same name in its own layouts/ or static/ folder.
//
// Most of a page is the same on many others: the site header, the
// stylesheet and data links, an event's item in a list, a link to an
// entry. A layout shows such a piece through Page.Header, Page.Common
// (once per depth) or Page.Part (once per depth and entry), which render
// it the first time and reuse it after, since html/template's reflection
// is most of a build's time; the partials shown so must depend on nothing
// but what those methods key them by.
//
// For a site whose layouts are all the default theme's, Go writes the
// busiest pieces itself, the same bytes the templates would (fast.go):
// the page frame, event pages, the strip drawings, a person's events,
// the source view and the items of lists. A site that overrides any
// layout gets everything from its templates.
//
// # Pages
//
// Besides a page per entry, per tag and per kind, Pages lists the
// timeline (index.html, with key facts and a roll of the dead computed by
// NewFacts, an SVG overview laid out by NewStrip and a map of the places
// by NewPlaceMap, all in layouts/overview.html), a page
// per status (status/alleged.html) and per year with events
// (years/2025.html), which give readers without JavaScript the views that
// js/filter.js makes on the timeline. Each entry's page also holds a view
// of its file as written (made by package highlight), shown when the page
// is opened at #source. print.html, the print edition, holds the whole
// dossier on one page in reading order, its links leading to sections of
// the page (see print.go).
//
// # Languages
//
// Every interface string is in layouts/i18n.toml, one table per language;
// a layout writes {{T "key"}} or {{T "key" args...}}. site.toml's language
// picks the table ("fa-AF" takes what [fa-AF] lacks from [fa]), English
// filling any gap, and also names the months of dates; direction = "rtl"
// mirrors the layout, whose stylesheet uses only logical properties.
// calendar = "persian" writes each date in the Solar Hijri calendar, with
// the Gregorian date beside it (see Lang.Date), and digits = "persian"
// writes the numbers of dates and counts in Persian digits. The layouts
// are parsed for these settings (see ParseLayouts).
//
// A site with [languages.TAG] tables is rendered once per language, from
// the Site of each of its Editions (see package site): the default at the
// output's root, each other in its folder (fa-af/), with its own feeds,
// data files and search index, and its settings and strings. The static
// files are written once, at the root, where Page.Rel leads from every
// language. Each page lists itself in every language (Page.Alternates, for
// the switcher and the head's hreflang links), and marks with lang and
// dir the text of an entry that is in another language than the page's
// (Page.Foreign), as one not yet translated is.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"dossier/generator/content"
	"dossier/generator/feed"
	"dossier/generator/highlight"
	"dossier/generator/markdown"
	"dossier/generator/search"
	"dossier/generator/site"
)

// WriteFunc stores one output file. It is called from several goroutines
// at once, each time with a different path. data is only valid during the
// call (pages are rendered into a reused buffer): a WriteFunc that keeps
// it must copy it.
type WriteFunc func(path string, data []byte) error

// Layouts are the parsed templates of a site, one per page layout and
// language (the site's and each of its [languages]), in that language's
// style of dates: keyed "LANG/LAYOUT" ("en/event"), or
// "LANG@CALENDAR+DIGITS/LAYOUT" for a language with calendar or digits
// set. Their T, human and span speak that language.
type Layouts struct {
	pages map[string]*template.Template
	langs map[string]Lang // by the key's first part
	stock bool            // the default theme's layouts, unchanged (see fast.go)
}

// IsZero reports whether ls holds no layouts, as before any were parsed.
func (ls Layouts) IsZero() bool { return ls.pages == nil }

// pageLayouts are the layouts a site must have.
var pageLayouts = []string{"timeline", "event", "person", "organization", "place", "source", "page", "tag", "tags", "list", "search", "status", "year", "print"}

// ParseLayouts parses the layouts in fsys (base.html, partials.html, one
// file per page layout, and i18n.toml) for a site with the settings cfg:
// for its language, calendar and digits, and for each of its [languages]
// with theirs. Parsing is a good part of a small build, so only those
// languages are parsed.
func ParseLayouts(fsys fs.FS, cfg content.Config) (Layouts, error) {
	text, err := parseText(fsys)
	if err != nil {
		return Layouts{}, err
	}
	files := map[string]string{}
	for _, name := range append([]string{"base", "partials", "overview"}, pageLayouts...) {
		b, err := fs.ReadFile(fsys, name+".html")
		if err != nil {
			return Layouts{}, fmt.Errorf("layouts/%s.html: %w", name, err)
		}
		files[name+".html"] = string(b)
	}
	ls := Layouts{pages: map[string]*template.Template{}, langs: map[string]Lang{}, stock: stock(fsys, files)}
	configs := []content.Config{cfg}
	for _, l := range cfg.Languages {
		configs = append(configs, cfg.Edition(l))
	}
	for _, cfg := range configs {
		l := text.lang(cfg.Language)
		l.style = styleOf(cfg)
		ls.langs[langKey(cfg)] = l
		for _, name := range pageLayouts {
			t := template.New(name).Funcs(funcs).Funcs(l.funcs())
			for _, file := range []string{"base.html", "partials.html", "overview.html", name + ".html"} {
				if _, err := t.New(file).Parse(l.fold(files[file])); err != nil {
					return Layouts{}, fmt.Errorf("layouts/%v", strings.TrimPrefix(err.Error(), "template: "))
				}
			}
			ls.pages[layoutKey(cfg, name)] = t
		}
	}
	return ls, nil
}

// constT is a call of T with a constant key and no arguments.
var constT = regexp.MustCompile(`\{\{T "([^"\\]*)"\}\}`)

// fold replaces each {{T "key"}} in a layout with the string it gives,
// as a constant: a page shows a few dozen, and a function call costs
// html/template more than the escaping of a constant, which it still
// does as it would for T's result.
func (l Lang) fold(layout string) string {
	return constT.ReplaceAllStringFunc(layout, func(call string) string {
		return "{{" + strconv.Quote(l.T(constT.FindStringSubmatch(call)[1])) + "}}"
	})
}

// layout returns the layout for a page of a site with the settings cfg,
// or nil if ls was parsed for other settings.
func (ls Layouts) layout(cfg content.Config, name string) *template.Template {
	return ls.pages[layoutKey(cfg, name)]
}

// lang returns the language the layouts speak for a site with the
// settings cfg.
func (ls Layouts) lang(cfg content.Config) Lang { return ls.langs[langKey(cfg)] }

func layoutKey(cfg content.Config, name string) string {
	return langKey(cfg) + "/" + name
}

func langKey(cfg content.Config) string { return cfg.Language + styleOf(cfg).key() }

// events counts events: "1 event", "3 events".
func (l Lang) events(n int) string {
	if n == 1 {
		return l.T("one-event")
	}
	return l.T("n-events", n)
}

// funcs are the template functions that speak the language.
func (l Lang) funcs() template.FuncMap {
	return template.FuncMap{
		"T":            l.T,
		"human":        l.Date,
		"span":         func(e *content.Entry) string { return l.Span(e.Date, e.End) },
		"when":         l.When,
		"languageName": l.LanguageName,
		// num writes a number, such as a year, in the language's digits.
		"num": l.Num,
		// events counts events: "1 event", "3 events".
		"events": l.events,
	}
}

// slugs gives tags as the words of a data attribute.
func slugs(tags []string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = site.Slug(t)
	}
	return strings.Join(out, " ")
}

var funcs = template.FuncMap{
	"join":     strings.Join,
	"statuses": func() []string { return content.Statuses },
	"people":   site.EventPeople,
	"kinds":    func() []content.Kind { return content.Kinds },
	"list":     func(k content.Kind) string { return ListURL(k) },
	"kind":     func(s string) content.Kind { return content.Kind(s) },
	"float":    func(f *float64) string { return strconv.FormatFloat(*f, 'f', -1, 64) },
	"url":      URL,
	"anchor":   Anchor,
	"slugs":    slugs,
	// fmt1 writes an SVG coordinate with one decimal.
	"fmt1":    func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"add":     func(a, b float64) float64 { return a + b },
	"float64": func(i int) float64 { return float64(i) },
	// arr bundles values for a partial, which takes a single argument.
	"arr":  func(v ...any) []any { return v },
	"last": func(v any) int { return reflect.ValueOf(v).Len() - 1 },
}

// Render writes every page of s, the machine-readable copies, the
// stylesheet for highlighted code and the static files, through write.
func Render(s *site.Site, ls Layouts, static fs.FS, write WriteFunc) error {
	return render(s, ls, static, write, false)
}

// Final is Render for a site that is not rendered again, as in a build:
// it lets go of the entries' refs, which no page reads, and of each
// entry's text and rendered body once the entry's page, the search index
// and the print edition have read them,
// so the heap shrinks as the pages are written and needs less
// collecting.
func Final(s *site.Site, ls Layouts, static fs.FS, write WriteFunc) error {
	return render(s, ls, static, write, true)
}

func render(s *site.Site, ls Layouts, static fs.FS, write WriteFunc, final bool) error {
	if final {
		forgetRefs(s)
	}
	// Each edition (language) in turn.
	for _, ed := range editions(s) {
		if err := renderEdition(ed, ls, InFolder(ed.Root, write), final); err != nil {
			return err
		}
	}
	if err := write("css/chroma.css", highlight.CSS()); err != nil {
		return err
	}
	return fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		return write(p, b)
	})
}

// forgetRefs lets go of where each entry names others. site.New and its
// checks have read them, and no page does; at 50,000 events they are
// about 90 MB of strings, which every collection during the build would
// otherwise scan.
func forgetRefs(s *site.Site) {
	for _, ed := range append([]*site.Site{s}, s.Editions...) {
		for _, e := range ed.Entries {
			e.Refs, e.TagRefs = nil, nil
			if e.Original != nil {
				e.Original.Refs, e.Original.TagRefs = nil, nil
			}
		}
	}
}

// editions returns the sites of s's languages: s alone for a site built
// without its editions.
func editions(s *site.Site) []*site.Site {
	if len(s.Editions) == 0 {
		return []*site.Site{s}
	}
	return s.Editions
}

// InFolder returns a WriteFunc that writes through write into folder
// ("fa-af/"), or write itself for the root ("").
func InFolder(folder string, write WriteFunc) WriteFunc {
	if folder == "" {
		return write
	}
	return func(name string, data []byte) error { return write(folder+name, data) }
}

// renderEdition writes the pages and the site-wide files of one language.
func renderEdition(s *site.Site, ls Layouts, write WriteFunc, final bool) error {
	pages := Pages(s)
	// The search index and the data files are one long job each; they run
	// beside the pages, reading the entries' text and files, which the
	// pages only read.
	sharedErr := make(chan error, 1)
	read := func() {}
	if final {
		// Nothing reads the entries' text once the search index has:
		// the pages show the bodies from their HTML.
		read = func() {
			for _, e := range s.Entries {
				e.Text = ""
			}
		}
	}
	go func() {
		sharedErr <- shared(s, pages, ls.lang(s.Config), write, read)
	}()
	var done func(*Page)
	if final {
		// The print edition, beside the pages, reads every body when it
		// holds the whole dossier.
		printed := len(s.Events) <= printMaxEvents
		done = func(p *Page) {
			if p.Entry == nil {
				return
			}
			// Nothing else shows the body once its page has.
			if !printed {
				p.Entry.HTML, p.Entry.Classes = nil, nil
			}
		}
	}
	err := renderPages(pages, ls, write, done)
	if err := <-sharedErr; err != nil {
		return err
	}
	return err
}

// Shared writes the files made from the whole site rather than from one
// page: the search index and the machine-readable copies. A server that
// renders again only the pages an edit touches writes these in full.
func Shared(s *site.Site, pages []*Page, ls Layouts, write WriteFunc) error {
	return shared(s, pages, ls.lang(s.Config), write, func() {})
}

// shared is Shared, calling read once it has read the entries' bodies.
func shared(s *site.Site, pages []*Page, l Lang, write WriteFunc, read func()) error {
	if err := writeIndex(s, l, write, read); err != nil {
		return err
	}
	var listed []string
	for _, p := range pages {
		listed = append(listed, p.Path)
	}
	return feed.Write(s, URL, listed, write)
}

// writeIndex writes the search index of s, calling read once it has read
// the entries' bodies. It is a function of its own so that the search
// documents and the index, 100 MB and more at 50,000 events, are let go
// before the data files are made beside the pages.
func writeIndex(s *site.Site, l Lang, write WriteFunc, read func()) error {
	docs := SearchDocs(s, l)
	read()
	index, err := search.Files(docs)
	if err != nil {
		return err
	}
	for _, f := range index {
		if err := write(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// Pages lists every page of the site, without rendering them.
func Pages(s *site.Site) []*Page {
	var pages []*Page
	tl := &Page{Site: s, Path: "index.html", Layout: "timeline", Title: "Timeline", Years: byYear(s.Events),
		Strip: NewStrip(s, s.Events), Facts: NewFacts(s), Map: NewPlaceMap(s)}
	edition := EditionDate(s)
	// The print edition, the longest page, comes early so that it is not
	// the one page still rendering when the others are done.
	pages = append(pages, tl, printPage(s, edition))
	places := mapPlaces(s)
	for _, e := range s.Entries {
		p := &Page{Site: s, Path: URL(e), Layout: string(e.Kind), Entry: e}
		p.Title = p.Isolate(e) // in <title>, beside the site's own
		if e.Kind == content.Place {
			p.Locator = Locator(s, e, places)
		}
		pages = append(pages, p)
	}
	for _, k := range []content.Kind{content.Person, content.Organization, content.Place, content.Source} {
		var list []*content.Entry
		switch k {
		case content.Person:
			list = s.People
		case content.Organization:
			list = s.Organizations
		case content.Place:
			list = s.Places
		case content.Source:
			list = s.Sources
		}
		p := &Page{Site: s, Path: ListURL(k), Layout: "list", Title: k.Plural(), Kind: k, List: list}
		if k == content.Place {
			p.Map = tl.Map // the places' own page shows them on the map too
		}
		pages = append(pages, p)
	}
	pages = append(pages, &Page{Site: s, Path: "tags/index.html", Layout: "tags", Title: "Tags"})
	for _, t := range s.Tags {
		pages = append(pages, &Page{Site: s, Path: "tags/" + t.Slug + ".html", Layout: "tag", Title: t.Name, Tag: t})
	}
	for _, st := range content.Statuses {
		var list []*content.Entry
		for _, e := range s.Events {
			if e.Status == st {
				list = append(list, e)
			}
		}
		pages = append(pages, &Page{Site: s, Path: StatusURL(st), Layout: "status", Title: st, Status: st, Years: byYear(list)})
	}
	for _, y := range tl.Years {
		pages = append(pages, &Page{Site: s, Path: YearURL(y.Year), Layout: "year", Title: strconv.Itoa(y.Year), Years: []Year{y}})
	}
	pages = append(pages, &Page{Site: s, Path: "search.html", Layout: "search", Title: "Search"})
	c := newChrome(edition)
	for _, p := range pages {
		if p.chrome == nil {
			p.chrome = c
		}
	}
	return pages
}

// byYear groups events, in date order, by year.
func byYear(events []*content.Entry) []Year {
	var years []Year
	for _, e := range events {
		if n := len(years); n == 0 || years[n-1].Year != e.Date.Y {
			years = append(years, Year{Year: e.Date.Y})
		}
		y := &years[len(years)-1]
		y.Events = append(y.Events, e)
	}
	return years
}

func renderPage(buf *bytes.Buffer, ls Layouts, p *Page) error {
	if e := p.Entry; e != nil && e.HTML != nil {
		p.Code = highlight.File(e)
		var body strings.Builder
		body.Grow(e.HTML.Size())
		var notes noteList
		if err := e.HTML.Write(&body, p.fill(&notes)); err != nil {
			return fmt.Errorf("%s: %v", e.Path, err)
		}
		p.Body, p.Notes = template.HTML(body.String()), notes.list
	}
	if p.Entry != nil {
		p.Notes = listSources(p, p.Notes)
	}
	lang := ls.lang(p.Site.Config)
	if p.Entry == nil {
		p.Title = lang.pageTitle(p)
	}
	if p.Strip != nil {
		lang.labels(p.Strip.Views...)
	}
	if p.Entry != nil && p.Entry.Kind == content.Event && p.Layout == "event" {
		// Laid out here, where the pages render in parallel.
		p.Near = NeighbourStrip(p.Site, p.Entry, p.chrome.yearCounts(p.Site))
	}
	lang.labels(p.Near)
	t := ls.layout(p.Site.Config, p.Layout)
	if t == nil {
		return fmt.Errorf("no layout %q for %s in language %q, calendar %q, digits %q", p.Layout, p.Path, p.Site.Config.Language, p.Site.Config.Calendar, p.Site.Config.Digits)
	}
	p.tmpl, p.lang, p.fast = t, lang, ls.stock
	if p.fast {
		if err := p.writePage(buf); err != nil {
			return fmt.Errorf("rendering %s: %v", p.Path, err)
		}
		return nil
	}
	if err := t.ExecuteTemplate(buf, "base.html", p); err != nil {
		return fmt.Errorf("rendering %s: %v", p.Path, err)
	}
	return nil
}

// A noteList numbers the sources a body cites, in order of first
// citation, with every place each is cited at.
type noteList struct {
	list []Note
	num  map[string]int // by the cited id
}

// cite records a citation of the source t, cited as id at locator, and
// returns its number.
func (l *noteList) cite(id string, t *content.Entry, locator string) int {
	k, ok := l.num[id]
	if !ok {
		if l.num == nil {
			l.num = map[string]int{}
		}
		l.list = append(l.list, Note{N: len(l.list) + 1, Source: t})
		k = len(l.list)
		l.num[id] = k
	}
	if n := &l.list[k-1]; locator != "" && !slices.Contains(n.Locators, locator) {
		n.Locators = append(n.Locators, locator)
	}
	return k
}

// fill says what goes in the holes of the body of the page's entry:
// its citations lead to the page's notes, numbered in notes in order of
// first citation, and its links to other entries to their pages.
func (p *Page) fill(notes *noteList) markdown.Fill {
	return markdown.Fill{
		Link: func(dest string) string {
			kind, id, frag, ok := content.LinkTarget(p.Entry.Path, dest)
			t := p.Site.Get(kind, id)
			if !ok || t == nil {
				return dest
			}
			href := p.Href(t)
			// The heading may not be in this language's text of t,
			// when t and the page are not both translated.
			if frag != "" && t.HeadingIDs[frag] {
				href += "#" + frag
			}
			return href
		},
		Cite: citer(p.Site, notes, ""),
	}
}

// citer returns a Fill's Cite for a page of s: it numbers each
// citation in notes, and leads it to its note, whose id starts with
// prefix.
func citer(s *site.Site, notes *noteList, prefix string) func(id, locator string) (int, string, string, bool) {
	return func(id, locator string) (int, string, string, bool) {
		t := s.Get(content.Source, id)
		if t == nil {
			return 0, "", "", false
		}
		k := notes.cite(id, t, locator)
		return k, "#" + prefix + "note-" + strconv.Itoa(k), t.Title, true
	}
}

// RenderPages renders the given pages, several at a time, through write.
// Render renders every page; a server that rebuilds only what an edit
// touches passes the few pages of Pages that can have changed.
func RenderPages(pages []*Page, ls Layouts, write WriteFunc) error {
	return renderPages(pages, ls, write, nil)
}

// maxKeptBuffer is the largest page buffer a worker keeps for its next
// page: a few times an entry's page.
const maxKeptBuffer = 4 << 20

// renderPages is RenderPages, calling done, if not nil, with each page
// once it is written.
func renderPages(pages []*Page, ls Layouts, write WriteFunc, done func(*Page)) error {
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	work := make(chan int)
	// Twice as many workers as cores: each page ends in a file write,
	// and a worker waiting on the disk leaves its core to another.
	for range min(2*runtime.GOMAXPROCS(0), len(pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range work {
				buf.Reset()
				if err := renderPage(&buf, ls, pages[i]); err != nil {
					errs[i] = err
					continue
				}
				errs[i] = write(pages[i].Path, buf.Bytes())
				// What the page rendered from its entry is not needed
				// again; thousands of pages holding it doubled the heap.
				pages[i].Body, pages[i].Code, pages[i].Notes, pages[i].Near = "", "", nil, nil
				if buf.Cap() > maxKeptBuffer {
					// One long page (the timeline, the print
					// edition) need not hold its memory for the
					// rest of the build.
					buf = bytes.Buffer{}
				}
				if done != nil {
					done(pages[i])
				}
			}
		}()
	}
	for i := range pages {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
