// Package render turns the site model into files: HTML pages from the
// layouts, the entries' Markdown, the syntax highlighting stylesheet and
// the static files.
//
// Layouts are html/template files. Each page layout (timeline.html,
// event.html, person.html, ...) defines "main" and is executed inside
// base.html, with partials.html for shared pieces; a layout sees a *Page.
// A site may override any layout or static file by putting a file of the
// same name in its own layouts/ or static/ folder.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/markdown"
	"dossier/generator/search"
	"dossier/generator/site"
)

// WriteFunc stores one output file. It is called from several goroutines
// at once, each time with a different path.
type WriteFunc func(path string, data []byte) error

// Layouts are the parsed templates, one per page layout.
type Layouts map[string]*template.Template

// pageLayouts are the layouts a site must have.
var pageLayouts = []string{"timeline", "event", "person", "organization", "place", "source", "page", "tag", "tags", "list", "search"}

// ParseLayouts parses the layouts in fsys (base.html, partials.html and
// one file per page layout).
func ParseLayouts(fsys fs.FS) (Layouts, error) {
	ls := Layouts{}
	for _, name := range pageLayouts {
		t := template.New(name).Funcs(funcs)
		for _, file := range []string{"base.html", "partials.html", name + ".html"} {
			b, err := fs.ReadFile(fsys, file)
			if err != nil {
				return nil, fmt.Errorf("layouts/%s: %w", file, err)
			}
			if _, err := t.New(file).Parse(string(b)); err != nil {
				return nil, fmt.Errorf("layouts/%v", strings.TrimPrefix(err.Error(), "template: "))
			}
		}
		ls[name] = t
	}
	return ls, nil
}

var funcs = template.FuncMap{
	"human":    func(d date.Date) string { return d.Human() },
	"span":     func(e *content.Entry) string { return date.Span(e.Date, e.End) },
	"join":     strings.Join,
	"lower":    strings.ToLower,
	"statuses": func() []string { return content.Statuses },
	"capital": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
	"people": site.EventPeople,
	"sorted": func(m map[string]string) []string {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return keys
	},
	"kinds": func() []content.Kind { return content.Kinds },
	"list":  func(k content.Kind) string { return ListURL(k) },
	"kind":  func(s string) content.Kind { return content.Kind(s) },
	"float": func(f *float64) string { return strconv.FormatFloat(*f, 'f', -1, 64) },
	"url":   URL,
	// arr bundles values for a partial, which takes a single argument.
	"arr":  func(v ...any) []any { return v },
	"last": func(v any) int { return reflect.ValueOf(v).Len() - 1 },
}

// Render writes every page of s, the stylesheet for highlighted code and
// the static files, through write.
func Render(s *site.Site, ls Layouts, static fs.FS, write WriteFunc) error {
	// The search index reads the bodies, so it is made before the pages
	// resolve their links.
	index, err := search.Script(SearchDocs(s))
	if err != nil {
		return err
	}
	if err := write("search-index.js", index); err != nil {
		return err
	}
	pages := Pages(s)
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
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
				errs[i] = write(pages[i].Path, bytes.Clone(buf.Bytes()))
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
	if err := write("css/chroma.css", ChromaCSS()); err != nil {
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

// Pages lists every page of the site, without rendering them.
func Pages(s *site.Site) []*Page {
	var pages []*Page
	years := map[int]*Year{}
	var order []*Year
	for _, e := range s.Events {
		y := years[e.Date.Y]
		if y == nil {
			y = &Year{Year: e.Date.Y}
			years[e.Date.Y] = y
			order = append(order, y)
		}
		y.Events = append(y.Events, e)
	}
	tl := &Page{Site: s, Path: "index.html", Layout: "timeline", Title: "Timeline"}
	for _, y := range order {
		tl.Years = append(tl.Years, *y)
	}
	pages = append(pages, tl)
	for _, e := range s.Entries {
		pages = append(pages, &Page{Site: s, Path: URL(e), Layout: string(e.Kind), Title: e.Title, Entry: e})
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
		pages = append(pages, &Page{Site: s, Path: ListURL(k), Layout: "list", Title: k.Plural(), Kind: k, List: list})
	}
	pages = append(pages, &Page{Site: s, Path: "tags/index.html", Layout: "tags", Title: "Tags"})
	for _, t := range s.Tags {
		pages = append(pages, &Page{Site: s, Path: "tags/" + t.Slug + ".html", Layout: "tag", Title: t.Name, Tag: t})
	}
	pages = append(pages, &Page{Site: s, Path: "search.html", Layout: "search", Title: "Search"})
	return pages
}

func renderPage(buf *bytes.Buffer, ls Layouts, p *Page) error {
	if p.Entry != nil && p.Entry.Doc != nil {
		var body bytes.Buffer
		p.Notes = resolve(p)
		if err := markdown.Render(&body, p.Entry.Src, p.Entry.Doc); err != nil {
			return fmt.Errorf("%s: %v", p.Entry.Path, err)
		}
		p.Body = template.HTML(body.String())
	}
	t := ls[p.Layout]
	if t == nil {
		return fmt.Errorf("no layout %q for %s", p.Layout, p.Path)
	}
	if err := t.ExecuteTemplate(buf, "base.html", p); err != nil {
		return fmt.Errorf("rendering %s: %v", p.Path, err)
	}
	return nil
}

// resolve points the body's citations and entry links at their pages, and
// numbers the cited sources in order of first citation.
func resolve(p *Page) []Note {
	var notes []Note
	num := map[string]int{}
	for _, r := range p.Entry.Refs {
		t := p.Site.Get(r.Kind, r.ID)
		if t == nil {
			continue
		}
		switch {
		case r.Citation != nil:
			n, ok := num[r.ID]
			if !ok {
				notes = append(notes, Note{N: len(notes) + 1, Source: t})
				n = len(notes)
				num[r.ID] = n
			}
			c := r.Citation
			if c.Locator != "" && !slices.Contains(notes[n-1].Locators, c.Locator) {
				notes[n-1].Locators = append(notes[n-1].Locators, c.Locator)
			}
			c.Number, c.Href, c.Title = n, fmt.Sprintf("#note-%d", n), t.Title
		case r.Link != nil:
			href := p.Href(t)
			if r.Fragment != "" {
				href += "#" + r.Fragment
			}
			r.Link.Destination = []byte(href)
		}
	}
	return notes
}

// ChromaCSS returns the stylesheet for highlighted code: a light style,
// and a dark one for readers who prefer it.
func ChromaCSS() []byte {
	var buf bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	write := func(style *chroma.Style) {
		if err := f.WriteCSS(&buf, style); err != nil {
			panic(err) // writing to a bytes.Buffer does not fail
		}
	}
	write(styles.Get("github"))
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	write(styles.Get("github-dark"))
	buf.WriteString("}\n")
	return buf.Bytes()
}
