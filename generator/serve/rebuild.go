package serve

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"dossier/generator/build"
	"dossier/generator/content"
	"dossier/generator/diag"
	"dossier/generator/render"
	"dossier/generator/site"
)

// A change is what one batch of file events touched.
type change struct {
	config  bool            // site.toml
	layouts bool            // anything under layouts/
	content bool            // content/ as a whole: reload every file
	theme   bool            // static/ as a whole: render everything
	files   map[string]bool // content files, by path from the site root
	static  map[string]bool // static files, by path from static/
}

func (c *change) empty() bool {
	return !c.config && !c.layouts && !c.content && !c.theme && len(c.files) == 0 && len(c.static) == 0
}

func (c *change) file(p string) {
	if c.files == nil {
		c.files = map[string]bool{}
	}
	c.files[p] = true
}

func (c *change) staticFile(p string) {
	if c.static == nil {
		c.static = map[string]bool{}
	}
	c.static[p] = true
}

// A result is what one build made.
type result struct {
	files    map[string][]byte // the new output, or nil when the build failed
	lazy     map[string]*lazy  // files of the output still to be rendered, which win over files
	problems diag.List         // content errors and warnings
	err      error             // a failure that is not the content's: layouts, templates
	pages    int               // pages rendered, or to be rendered
	full     bool              // whether every page was rendered
}

// A lazy is a page, or the site-wide files, that an incremental build
// leaves to render when first asked for, so that the page being edited
// is served without waiting for the timeline or the search index. The
// server renders the rest in the background. The next build cancels what
// has not started and renders it again itself.
type lazy struct {
	make func() (map[string][]byte, error)
	// pure is true when rendering changes nothing shared: only an entry's
	// own page changes its parsed Markdown, resolving links.
	pure  bool
	mu    sync.Mutex // held while rendering
	state int
	files map[string][]byte
	err   error
}

const (
	waiting = iota
	done
	cancelled
)

// get renders the files unless that is done or cancelled. It reports
// whether they are rendered; if not, the caller serves the files it had.
func (l *lazy) get() (map[string][]byte, bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.state == waiting {
		l.files, l.err = l.make()
		l.state = done
	}
	return l.files, l.state == done, l.err
}

// cancel stops the files from being rendered, unless they are already.
// When they are being rendered now, it waits, unless the lazy is pure:
// then the rendering goes on for the requests that wait for it, and
// cancel reports them not rendered. It reports whether they are rendered.
func (l *lazy) cancel() (map[string][]byte, bool, error) {
	if l.pure {
		if !l.mu.TryLock() {
			return nil, false, nil
		}
	} else {
		l.mu.Lock()
	}
	defer l.mu.Unlock()
	if l.state == waiting {
		l.state = cancelled
	}
	return l.files, l.state == done, l.err
}

// A builder holds what the next build starts from: the site as it is on
// disk now, and the site the served output was rendered from, so that an
// edit re-renders only the pages that differ between the two. Only the
// watching goroutine uses it.
type builder struct {
	fsys              fs.FS
	layoutsFS, static fs.FS

	cfg      content.Config
	cfgProbs diag.List
	entries  map[string]*content.Entry // by path, as on disk now
	probs    map[string]diag.List      // each file's own problems, by path
	layouts  render.Layouts
	layErr   error

	// The served output was rendered from good, whose entries by path are
	// goodEntries, and holds the pages named in pages and the site-wide
	// files named in shared. Its files still to be rendered are in lazy.
	good        *site.Site
	goodEntries map[string]*content.Entry
	pages       map[string]bool
	shared      map[string]bool
	files       map[string][]byte
	lazy        map[string]*lazy

	// What the last build left to render and the next build must, since
	// its rendering was cancelled: pages by path, and the shared files.
	carry       map[string]bool
	carryShared bool

	// What changed since the output was rendered. A build that fails
	// keeps them, so that the one that succeeds re-renders for them too.
	dirty   map[string]bool // content files
	statics map[string]bool // static files
	full    bool            // every page must be rendered
}

func newBuilder(fsys fs.FS) *builder {
	layouts, static := build.Theme(fsys)
	return &builder{
		fsys: fsys, layoutsFS: layouts, static: static,
		entries: map[string]*content.Entry{},
		probs:   map[string]diag.List{},
		dirty:   map[string]bool{},
		statics: map[string]bool{},
		carry:   map[string]bool{},
		full:    true,
	}
}

// build applies a change and renders what it touched. On content errors
// the result has no files and the builder remembers the change for the
// next build.
func (b *builder) build(c change) result {
	if c.config {
		b.cfg, b.cfgProbs = content.LoadConfig(b.fsys)
		b.full = true // every page shows the site's settings
	}
	if c.layouts || c.config || b.layouts.IsZero() { // layouts speak site.toml's language
		b.layouts, b.layErr = render.ParseLayouts(b.layoutsFS, b.cfg)
		b.full = true
	}
	if c.content {
		entries, probs := content.Load(b.fsys)
		b.entries = map[string]*content.Entry{}
		for _, e := range entries {
			b.entries[e.Path] = e
		}
		b.probs = map[string]diag.List{}
		for _, p := range probs {
			b.probs[p.Path] = append(b.probs[p.Path], p)
		}
		b.full = true
	}
	for p := range c.files {
		if !c.content { // read above, with the errors of a folder gone
			b.reload(p)
		}
		b.dirty[p] = true
	}
	for p := range c.static {
		b.statics[p] = true
	}
	if c.theme {
		b.full = true
	}

	problems := slices.Clone(b.cfgProbs)
	for _, l := range b.probs {
		problems = append(problems, l...)
	}
	s, more := site.New(b.cfg, slices.Collect(maps.Values(b.entries)))
	problems = append(problems, more...).Sort()
	r := result{problems: problems, err: b.layErr}
	if problems.Errors() > 0 || b.layErr != nil {
		return r
	}

	for p := range b.statics {
		if st, err := fs.Stat(b.static, p); err != nil || st.IsDir() {
			b.full = true // gone, or a folder: only a walk of static/ tells what is left
		}
	}
	b.finish()
	if len(s.Editions) > 1 {
		// A site in several languages is rendered whole: an edit shows
		// in every edition, which renderChanged does not follow.
		b.full = true
	}
	pages := render.Pages(s)
	var files map[string][]byte
	var lazy map[string]*lazy
	var err error
	if b.full {
		files = map[string][]byte{}
		r.pages, r.full = len(pages)*max(1, len(s.Editions)), true // each language has the same pages
		err = render.Render(s, b.layouts, b.static, mapWriter(files))
	} else {
		files = maps.Clone(b.files)
		lazy, r.pages, err = b.renderChanged(s, pages, files)
	}
	if err != nil {
		r.err = err
		b.full = true
		return r
	}
	if r.full {
		b.shared = sharedFiles(files, pages, b.static)
	}
	b.good, b.goodEntries, b.files, b.lazy = s, maps.Clone(b.entries), files, lazy
	b.pages = map[string]bool{}
	for _, p := range pages {
		b.pages[p.Path] = true
	}
	clear(b.dirty)
	clear(b.statics)
	clear(b.carry)
	b.carryShared = false
	b.full = false
	r.files, r.lazy = files, lazy
	return r
}

// finish ends what the last build left to render: it takes what is
// rendered into the files the next build starts from, and notes the rest
// to render again. Nothing of the last build renders after it returns.
func (b *builder) finish() {
	if b.lazy == nil {
		return
	}
	files := maps.Clone(b.files)
	type state struct {
		m  map[string][]byte
		ok bool
	}
	seen := map[*lazy]*state{}
	for p, l := range b.lazy {
		st := seen[l]
		if st == nil {
			m, ok, err := l.cancel()
			if ok && err != nil {
				b.full = true // the server has shown the error
			}
			st = &state{m, ok}
			seen[l] = st
			for p, data := range m {
				files[p] = data
				if !b.pages[p] && b.shared != nil {
					b.shared[p] = true
				}
			}
		}
		switch {
		case st.ok:
		case b.pages[p]:
			b.carry[p] = true
		default:
			b.carryShared = true
		}
	}
	b.files, b.lazy = files, nil
}

// sharedFiles names the files of a full build made from the whole site,
// such as the search index: neither pages, nor static files, nor the
// stylesheet for code.
func sharedFiles(files map[string][]byte, pages []*render.Page, static fs.FS) map[string]bool {
	shared := map[string]bool{}
	for p := range files {
		shared[p] = true
	}
	for _, pg := range pages {
		delete(shared, pg.Path)
	}
	delete(shared, "css/chroma.css")
	fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			delete(shared, p)
		}
		return nil
	})
	return shared
}

// reload reads one content file again, or forgets it when it is gone.
func (b *builder) reload(p string) {
	delete(b.entries, p)
	delete(b.probs, p)
	st, err := fs.Stat(b.fsys, p)
	if errors.Is(err, fs.ErrNotExist) || err == nil && st.IsDir() {
		return
	}
	e, probs := content.LoadFile(b.fsys, p)
	if e != nil {
		b.entries[p] = e
	}
	if len(probs) > 0 {
		b.probs[p] = probs
	}
}

// renderChanged finds the pages that the changed entries can alter and
// leaves them, and the site-wide files, to render lazily; it copies the
// changed static files into files.
func (b *builder) renderChanged(s *site.Site, pages []*render.Page, files map[string][]byte) (map[string]*lazy, int, error) {
	a := affected{entries: map[string]bool{}, tags: map[string]bool{}, statuses: map[string]bool{}, years: map[int]bool{}, kinds: map[content.Kind]bool{}}
	for p := range b.dirty {
		before, after := b.goodEntries[p], b.entries[p]
		if before != nil {
			a.add(b.good, before)
		}
		if after != nil {
			a.add(s, after)
		}
		if !slices.Equal(sourcesOf(before), sourcesOf(after)) {
			if before != nil {
				a.cited(b.good, before)
			}
			if after != nil {
				a.cited(s, after)
			}
		}
	}
	// An edit can move events it never names: relations carry dates
	// along chains, and a new order gives other events new neighbours.
	if b.good != nil {
		for _, e := range s.Events {
			if old := b.good.Get(content.Event, e.ID); old == nil || moved(b.good, old, s, e) {
				a.add(s, e)
				if old != nil {
					a.add(b.good, old)
				}
			}
		}
	}
	// Year pages link to the years before and after them.
	a.allYears = !slices.Equal(years(b.good), years(s))
	// Every page prints the dossier's edition, the date of its latest
	// event or correction.
	a.all = a.all || render.EditionDate(b.good) != render.EditionDate(s)

	lz := map[string]*lazy{}
	now := map[string]bool{}
	var todo []*render.Page
	for _, pg := range pages {
		now[pg.Path] = true
		if b.carry[pg.Path] || len(b.dirty) > 0 && a.shows(pg) {
			todo = append(todo, pg)
		}
	}
	// An entry's pages (its page, the view of its file) render one after
	// the other, in the order a full build renders them, since they share
	// the entry's parsed Markdown.
	byEntry := map[*content.Entry][]*render.Page{}
	for _, pg := range todo {
		if pg.Entry != nil {
			byEntry[pg.Entry] = append(byEntry[pg.Entry], pg)
			continue
		}
		lz[pg.Path] = &lazy{pure: true, make: func() (map[string][]byte, error) {
			return renderEach(b.layouts, pg)
		}}
	}
	for _, group := range byEntry {
		l := &lazy{make: func() (map[string][]byte, error) {
			return renderEach(b.layouts, group...)
		}}
		for _, pg := range group {
			lz[pg.Path] = l
		}
	}
	if len(b.dirty) > 0 || b.carryShared {
		l := &lazy{pure: true, make: func() (map[string][]byte, error) {
			m := map[string][]byte{}
			err := render.Shared(s, pages, b.layouts, mapWriter(m))
			return m, err
		}}
		for p := range b.shared {
			lz[p] = l
		}
	}
	for p := range b.pages {
		if !now[p] {
			delete(files, p) // an entry or a tag that is no more
		}
	}
	for p := range b.statics {
		data, err := fs.ReadFile(b.static, p)
		if err != nil {
			return nil, 0, err
		}
		files[p] = data
	}
	return lz, len(todo), nil
}

// moved reports whether an event's possible days or neighbours in time
// differ between two versions of the site.
func moved(old *site.Site, oe *content.Entry, now *site.Site, e *content.Entry) bool {
	id := func(x *content.Entry) string {
		if x == nil {
			return ""
		}
		return x.ID
	}
	if old.Known(oe) != now.Known(e) {
		return true
	}
	a, b := near(old, oe), near(now, e)
	for i := range a {
		if id(a[i]) != id(b[i]) {
			return true
		}
	}
	return false
}

// near returns the events up to three before and after e, which its
// page's strip shows (nil where there are none).
func near(s *site.Site, e *content.Entry) [6]*content.Entry {
	var out [6]*content.Entry
	p, n := s.Prev(e), s.Next(e)
	for i := range 3 {
		out[i], out[3+i] = p, n
		if p != nil {
			p = s.Prev(p)
		}
		if n != nil {
			n = s.Next(n)
		}
	}
	return out
}

// renderEach renders pages one after the other.
func renderEach(ls render.Layouts, pages ...*render.Page) (map[string][]byte, error) {
	m := map[string][]byte{}
	for _, pg := range pages {
		if err := render.RenderPages([]*render.Page{pg}, ls, mapWriter(m)); err != nil {
			return m, err
		}
	}
	return m, nil
}

// affected is what a set of edits can change: the entries whose pages
// show something of an edited entry, and the tags, statuses, years and
// kinds whose pages list one.
type affected struct {
	all      bool            // every page, as when a page in the menu changed
	allYears bool            // every year's page, as when a year is added
	entries  map[string]bool // by kind/id
	tags     map[string]bool // by slug
	statuses map[string]bool
	years    map[int]bool
	kinds    map[content.Kind]bool
}

// add records what e, an entry of s, shows up in: its own pages, the
// pages of the entries it names and of those that name it (which show its
// title, date or roles), its neighbours in time (three each way, which
// an event page's strip shows), and the lists of its
// tags, status, year and kind. Called with an entry's version from before
// an edit and from after, it finds every page the edit can change.
//
// This follows what the layouts show; a layout that shows more of an
// entry elsewhere must be matched here. TestIncrementalMatchesFull checks
// that the two agree.
func (a *affected) add(s *site.Site, e *content.Entry) {
	a.entry(e)
	for _, r := range e.Refs {
		if t := s.Get(r.Kind, r.ID); t != nil {
			a.entry(t)
		}
	}
	for _, from := range s.ReferredBy(e, "") {
		a.entry(from)
	}
	if e.Kind == content.Event {
		for _, n := range near(s, e) {
			if n != nil {
				a.entry(n)
			}
		}
		a.statuses[e.Status] = true
		a.years[e.Date.Y] = true
		if e.Place != "" {
			// The places index maps each place with its count of events.
			a.kinds[content.Place] = true
		}
	}
	for _, t := range e.Tags {
		a.tags[site.Slug(t)] = true
	}
	a.kinds[e.Kind] = true
	a.all = a.all || e.Kind == content.Page // pages are in every page's menu
}

// cited records what an event's sources show up in, for an edit that
// changes which sources the event names: a source's card counts the
// events that name it, on its page, in the sources index and in the
// source list of every entry that names it. An edit that keeps the
// same sources changes no count; at 5,000 events, counting every such
// edit as touching every entry that names one of its sources made a
// title edit touch 1,097 pages rather than 16.
func (a *affected) cited(s *site.Site, e *content.Entry) {
	for _, id := range sourcesOf(e) {
		if src := s.Get(content.Source, id); src != nil {
			a.kinds[content.Source] = true
			for _, from := range s.ReferredBy(src, "") {
				a.entry(from)
			}
		}
	}
}

// sourcesOf lists, sorted and once each, the sources an event names.
func sourcesOf(e *content.Entry) []string {
	if e == nil || e.Kind != content.Event {
		return nil
	}
	var ids []string
	for _, r := range e.Refs {
		if r.Kind == content.Source {
			ids = append(ids, r.ID)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func (a *affected) entry(e *content.Entry) { a.entries[string(e.Kind)+"/"+e.ID] = true }

// shows reports whether a page can show something affected. Pages that
// list the whole site, such as the timeline, always can.
func (a *affected) shows(p *render.Page) bool {
	switch {
	case a.all:
		return true
	case p.Entry != nil:
		return a.entries[string(p.Entry.Kind)+"/"+p.Entry.ID]
	case p.Tag != nil:
		return a.tags[p.Tag.Slug]
	case p.Status != "":
		return a.statuses[p.Status]
	case p.Kind != "":
		return a.kinds[p.Kind]
	case p.Layout == "year":
		return a.allYears || len(p.Years) > 0 && a.years[p.Years[0].Year]
	}
	return true
}

// years lists the years that have events, in order.
func years(s *site.Site) []int {
	var ys []int
	for _, e := range s.Events {
		if n := len(ys); n == 0 || ys[n-1] != e.Date.Y {
			ys = append(ys, e.Date.Y)
		}
	}
	return ys
}

// mapWriter returns a WriteFunc that stores files in m.
func mapWriter(m map[string][]byte) render.WriteFunc {
	var mu sync.Mutex
	return func(name string, data []byte) error {
		name = path.Clean(strings.TrimPrefix(name, "/"))
		data = bytes.Clone(data) // data is the renderer's buffer
		mu.Lock()
		m[name] = data
		mu.Unlock()
		return nil
	}
}
