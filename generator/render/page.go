package render

import (
	"html/template"
	"path"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/feed"
	"dossier/generator/geo"
	"dossier/generator/site"
)

// A Page is what a layout sees: the site, where the page is, and what it
// shows. Layouts build every link with the page's methods, which makes it
// relative to the page, so the output works from any folder or server.
type Page struct {
	Site   *site.Site
	Path   string // output path, slash-separated, like "people/x.html"
	Layout string // the layout's name, like "person"
	Title  string

	Entry *content.Entry // on entry pages
	Body  template.HTML  // the entry's rendered Markdown
	Notes []Note         // the page's sources: those cited in Body first, in order

	Tag    *site.Tag        // on tag pages
	Kind   content.Kind     // on list pages
	List   []*content.Entry // on list pages
	Years  []Year           // on the timeline, status and year pages
	Strip  *Strip           // on the timeline
	Status string           // on status pages
	Code   template.HTML    // on entry pages: the entry's file, highlighted

	Facts   *Facts     // on the timeline: key facts and the roll of the dead
	Map     *PlaceMap  // on the timeline: every place with coordinates
	Near    *StripView // on event pages: the event among its neighbours
	Locator *geo.Map   // on place pages with coordinates

	tmpl   *template.Template // the page's layout, while it renders
	lang   Lang               // the language it speaks, while it renders
	fast   bool               // whether Go may write what the layout would (see fast.go)
	chrome *chrome            // shared by the pages of one Pages call
	asked  map[string]bool    // targets passed to Current while rendering the header
}

// chrome holds fragments that many pages show the same way: the site
// header, the same on every page at one depth in the output but those its
// menu names, and the partials of Common and Part, which depend only on
// the depth, and on an entry for Part. Each is rendered once per Pages
// call.
type chrome struct {
	mu      sync.Mutex
	parts   map[partKey]template.HTML   // the headers and Common's partials
	current map[partKey]map[string]bool // per header, the pages it asked about
	// Part's partials, by partial and depth (a key without its entry),
	// then by entry. A map keyed by the whole key held one fragment for
	// each event and list at 50,000 events, and hashing a key of three
	// fields into it was a third of the time spent on fragments.
	ofEntry map[partKey]map[*content.Entry]template.HTML
	edition date.Date // see EditionDate

	yearsOnce sync.Once
	years     map[int]int // the site's YearCounts, for the event pages' strips
}

// yearCounts returns the YearCounts of s, the site of the pages c is
// shared by, counted once.
func (c *chrome) yearCounts(s *site.Site) map[int]int {
	if c == nil {
		return YearCounts(s)
	}
	c.yearsOnce.Do(func() { c.years = YearCounts(s) })
	return c.years
}

func newChrome(edition date.Date) *chrome {
	return &chrome{parts: map[partKey]template.HTML{}, current: map[partKey]map[string]bool{},
		ofEntry: map[partKey]map[*content.Entry]template.HTML{}, edition: edition}
}

// cached returns the fragment kept under key, if any.
func (c *chrome) cached(key partKey) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if key.entry == nil {
		h, ok := c.parts[key]
		return h, ok
	}
	e := key.entry
	key.entry = nil
	h, ok := c.ofEntry[key][e]
	return h, ok
}

// keep keeps fragment h under key.
func (c *chrome) keep(key partKey, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if key.entry == nil {
		c.parts[key] = h
		return
	}
	e := key.entry
	key.entry = nil
	m := c.ofEntry[key]
	if m == nil {
		m = map[*content.Entry]template.HTML{}
		c.ofEntry[key] = m
	}
	m[e] = h
}

// A partKey names a fragment: a partial, the depth of the pages it is
// for, and the entry it shows, if any.
type partKey struct {
	name  string
	depth int
	entry *content.Entry
}

// part returns the fragment cached under key, rendering it with the
// page's layout as template key.name with data the first time.
func (p *Page) part(key partKey, data any) (template.HTML, error) {
	if p.chrome != nil {
		if h, ok := p.chrome.cached(key); ok {
			return h, nil
		}
	}
	b := getBuffer()
	defer putBuffer(b)
	if !p.fast || !p.writeFastPart(b, key) {
		if err := p.tmpl.ExecuteTemplate(b, key.name, data); err != nil {
			return "", err
		}
	}
	h := template.HTML(b.String())
	if p.chrome != nil {
		p.chrome.keep(key, h)
	}
	return h, nil
}

// depth is how many folders down from the output's root the page is.
func (p *Page) depth() int { return strings.Count(p.Path, "/") }

// Header returns the site header for the page. One header is shared by
// all the pages at a depth; a page that the header marks as current
// (whatever the layouts pass to Current) gets its own.
func (p *Page) Header() (template.HTML, error) {
	key := partKey{name: "header", depth: p.depth()}
	if c := p.chrome; c != nil {
		c.mu.Lock()
		h, ok := c.parts[key]
		own := c.current[key][p.Path]
		c.mu.Unlock()
		if ok && !own {
			return h, nil
		}
	}
	asked := map[string]bool{}
	p.asked = asked
	var buf strings.Builder
	err := p.tmpl.ExecuteTemplate(&buf, "header", p)
	p.asked = nil
	if err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	if c := p.chrome; c != nil && !asked[p.Path] {
		c.mu.Lock()
		c.parts[key], c.current[key] = h, asked
		c.mu.Unlock()
	}
	return h, nil
}

// Part returns the partial template name executed with [page, e], as
// every page at this page's depth shows it: it is rendered once for each
// depth and entry, then reused. An event's item in the lists of events
// appears on a dozen pages, a link to a source on every page that cites
// it; rendering them once saves a build a third of its template work. So
// a partial shown through Part must depend on nothing of the page but
// its depth (its links, made relative by the page's methods).
func (p *Page) Part(name string, e *content.Entry) (template.HTML, error) {
	return p.part(partKey{name, p.depth(), e}, []any{p, e})
}

// Parts returns Part(name, e) for each entry of list, one after the
// other: a list of a thousand events is one call from its layout rather
// than a thousand, each of which html/template makes through reflection.
func (p *Page) Parts(name string, list []*content.Entry) (template.HTML, error) {
	parts := make([]string, len(list))
	n := 0
	for i, e := range list {
		h, err := p.Part(name, e)
		if err != nil {
			return "", err
		}
		parts[i] = string(h)
		n += len(h)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range parts {
		b.WriteString(h)
	}
	return template.HTML(b.String()), nil
}

// Common returns the partial template name executed with the page, as
// every page at this page's depth shows it: rendered once for each depth,
// then reused. It is for the pieces of the page frame that differ only in
// how far their links climb, like the stylesheet links and the footer's
// data links, so such a partial must depend on nothing else of the page.
func (p *Page) Common(name string) (template.HTML, error) {
	return p.part(partKey{name: name, depth: p.depth()}, p)
}

// A Note is one cited source in a page's reference list.
type Note struct {
	N        int
	Source   *content.Entry
	Locators []string
}

// A Year is one group of the timeline.
type Year struct {
	Year   int
	Events []*content.Entry
}

// Rel returns the link from this page to target, an output path such as
// "people/x.html" relative to the root of the page's language. The pages
// and data files of a language are in its folder; the static files, the
// same for every language, only at the output's root, and Rel leads
// there.
func (p *Page) Rel(target string) string {
	if p.Site.Root != "" && !perLanguage(target) {
		return Rel(p.Site.Root+p.Path, target)
	}
	return Rel(p.Path, target)
}

// perLanguage reports whether each language has its own copy of an
// output file: its pages and the files made from its text.
func perLanguage(target string) bool {
	switch target {
	case "search-index.js", "feed.xml", "dossier.json", "events.csv":
		return true
	}
	return strings.HasSuffix(target, ".html")
}

// An Alternate is the page in one of the site's languages.
type Alternate struct {
	Lang    string // BCP 47 tag
	Name    string // the language's name, in itself
	Dir     string // "ltr" or "rtl"
	Href    string // relative link to the page in that language
	Abs     string // its absolute address, with base_url
	Current bool   // the page itself
}

// Alternates lists the page in each of the site's languages, the
// default first, for the language switcher and the head's links; none
// for a site in one language.
func (p *Page) Alternates() []Alternate {
	if len(p.Site.Editions) < 2 {
		return nil
	}
	def := p.Site.Editions[0].Config
	var out []Alternate
	for _, ed := range p.Site.Editions {
		a := Alternate{Lang: ed.Config.Language, Dir: ed.Config.Direction, Href: Rel(p.Site.Root+p.Path, ed.Root+p.Path), Current: ed == p.Site}
		if a.Current {
			a.Href = p.Rel(p.Path)
		}
		if l, ok := def.Lang(a.Lang); ok && l.Name != "" {
			a.Name = l.Name
		} else {
			a.Name = selfName(a.Lang)
		}
		if ed.Config.BaseURL != "" {
			a.Abs = ed.Config.BaseURL + p.Path
		}
		out = append(out, a)
	}
	return out
}

// selfName names a language in itself: "English", "دری".
func selfName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return tag
}

// Foreign returns the lang and dir attributes of an entry's title and
// summary when they are not in the page's language, as an entry not yet
// translated is shown in its original's, or nothing. On an inline
// element, dir also isolates the text, so that its punctuation stays at
// its own end.
func (p *Page) Foreign(e *content.Entry) template.HTMLAttr { return p.langAttr(e.Lang) }

// Original returns the lang and dir attributes of text that is always in
// the default language, as tags are, on the pages of another language.
func (p *Page) Original() template.HTMLAttr {
	if len(p.Site.Editions) == 0 {
		return ""
	}
	return p.langAttr(p.Site.Editions[0].Config.Language)
}

// ForeignBody is Foreign for an entry's body.
func (p *Page) ForeignBody(e *content.Entry) template.HTMLAttr { return p.langAttr(e.BodyLang) }

func (p *Page) langAttr(tag string) template.HTMLAttr {
	if tag == "" || tag == p.Site.Config.Language {
		return ""
	}
	dir := p.Site.Config.DirectionOf(tag)
	if len(p.Site.Editions) > 0 {
		dir = p.Site.Editions[0].Config.DirectionOf(tag)
	}
	return template.HTMLAttr(` lang="` + template.HTMLEscapeString(tag) + `" dir="` + dir + `"`)
}

// Untranslated reports whether the page shows an entry, or its body, in
// another language than its own, because no translation exists yet.
func (p *Page) Untranslated(e *content.Entry) bool {
	return p.langAttr(e.Lang) != "" || p.langAttr(e.BodyLang) != ""
}

// Isolate returns an entry's title for text that cannot hold markup (an
// attribute, an SVG title): between Unicode's first-strong isolate and
// pop directional isolate when it is in another language than the page,
// so that it keeps its own direction.
func (p *Page) Isolate(e *content.Entry) string {
	if p.langAttr(e.Lang) == "" {
		return e.Title
	}
	return "\u2068" + e.Title + "\u2069"
}

// Rel returns the relative link from the page at from to the file at to,
// both root-relative output paths. It names a file, never a folder.
func Rel(from, to string) string {
	depth := strings.Count(from, "/")
	return strings.Repeat("../", depth) + to
}

// Href links to an entry's page; in the print edition, which holds every
// entry, to the entry's section.
func (p *Page) Href(e *content.Entry) string {
	if p.Layout == "print" {
		return "#" + Anchor(e)
	}
	return p.Rel(URL(e))
}

// TagHref links to a tag's page.
func (p *Page) TagHref(name string) string { return p.Rel(TagURL(name)) }

// Get returns the entry of a kind and id, so layouts can follow ids.
func (p *Page) Get(kind content.Kind, id string) *content.Entry { return p.Site.Get(kind, id) }

// Current reports whether target is this page, for aria-current.
func (p *Page) Current(target string) bool {
	if p.asked != nil {
		p.asked[target] = true
	}
	return p.Path == target
}

// EditURL returns the "Edit this page" link, or "".
func (p *Page) EditURL() string {
	if p.Entry == nil || p.Site.Config.EditURL == "" {
		return ""
	}
	return strings.ReplaceAll(p.Site.Config.EditURL, "{path}", p.Entry.Path)
}

// Abs returns the absolute address of an output path when site.toml sets
// base_url, or "".
func (p *Page) Abs(target string) string {
	if p.Site.Config.BaseURL == "" {
		return ""
	}
	return p.Site.Config.BaseURL + target
}

// Description is the page's one-line summary, for search engines and
// link previews.
func (p *Page) Description() string {
	if e := p.Entry; e != nil {
		for _, d := range []string{e.Summary, e.Description} {
			if d != "" {
				return d
			}
		}
	}
	return p.Site.Config.Description
}

// PrevYear and NextYear return the nearest earlier and later years that
// have events, for a year page, or 0.
func (p *Page) PrevYear() int { return p.nearYear(-1) }

func (p *Page) NextYear() int { return p.nearYear(1) }

func (p *Page) nearYear(dir int) int {
	if len(p.Years) != 1 {
		return 0
	}
	y, best := p.Years[0].Year, 0
	for _, e := range p.Site.Events {
		d := (e.Date.Y - y) * dir
		if d > 0 && (best == 0 || d < (best-y)*dir) {
			best = e.Date.Y
		}
	}
	return best
}

// Filtered reports whether the page is the timeline, whose filter
// (js/filter.js) reads what each event's item says in data attributes;
// the other lists of events leave them out.
func (p *Page) Filtered() bool { return p.Layout == "timeline" }

// HasCode reports whether the page shows highlighted code, which needs
// the chroma stylesheet: every entry's page does, since it holds its file
// (and only entry pages have a body with code blocks).
func (p *Page) HasCode() bool { return p.Code != "" }

// JSONLD is the schema.org description of the page's entry, or "".
func (p *Page) JSONLD() template.JS {
	if p.Entry == nil {
		return ""
	}
	return template.JS(feed.LD(p.Site, p.Entry, URL))
}

// Facets are what the timeline can be filtered by: the tags, people and
// places its events name, each by name.
type Facets struct {
	Tags   []*site.Tag
	People []*content.Entry
	Places []*content.Entry
}

// Facets lists the filters for the timeline.
func (p *Page) Facets() Facets {
	var f Facets
	for _, t := range p.Site.Tags {
		if len(t.Events) > 0 {
			f.Tags = append(f.Tags, t)
		}
	}
	people, places := map[string]bool{}, map[string]bool{}
	for _, e := range p.Site.Events {
		for _, id := range site.EventPeople(e) {
			people[id] = true
		}
		if e.Place != "" {
			places[e.Place] = true
		}
	}
	for _, e := range p.Site.People {
		if people[e.ID] {
			f.People = append(f.People, e)
		}
	}
	for _, e := range p.Site.Places {
		if places[e.ID] {
			f.Places = append(f.Places, e)
		}
	}
	return f
}

// URL returns the output path of an entry's page.
func URL(e *content.Entry) string { return e.Kind.Dir() + "/" + e.ID + ".html" }

// TagURL returns the output path of a tag's page.
func TagURL(name string) string { return "tags/" + site.Slug(name) + ".html" }

// StatusURL returns the output path of the page of events of a status.
func StatusURL(status string) string { return "status/" + status + ".html" }

// YearURL returns the output path of the page of a year's events.
func YearURL(year int) string { return "years/" + strconv.Itoa(year) + ".html" }

// ListURL returns the output path of the index of a kind.
func ListURL(k content.Kind) string {
	if k == content.Event {
		return "index.html"
	}
	return path.Join(k.Dir(), "index.html")
}
