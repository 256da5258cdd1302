package render

import (
	"html/template"
	"path"
	"strings"

	"dossier/generator/content"
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
	Notes []Note         // the sources cited in Body, in order

	Tag   *site.Tag        // on tag pages
	Kind  content.Kind     // on list pages
	List  []*content.Entry // on list pages
	Years []Year           // on the timeline
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

// Rel returns the link from this page to target, a root-relative output
// path such as "people/x.html".
func (p *Page) Rel(target string) string {
	return Rel(p.Path, target)
}

// Rel returns the relative link from the page at from to the file at to,
// both root-relative output paths. It names a file, never a folder.
func Rel(from, to string) string {
	depth := strings.Count(from, "/")
	return strings.Repeat("../", depth) + to
}

// Href links to an entry's page.
func (p *Page) Href(e *content.Entry) string { return p.Rel(URL(e)) }

// TagHref links to a tag's page.
func (p *Page) TagHref(name string) string { return p.Rel(TagURL(name)) }

// Get returns the entry of a kind and id, so layouts can follow ids.
func (p *Page) Get(kind content.Kind, id string) *content.Entry { return p.Site.Get(kind, id) }

// Current reports whether target is this page, for aria-current.
func (p *Page) Current(target string) bool { return p.Path == target }

// EditURL returns the "Edit this page" link, or "".
func (p *Page) EditURL() string {
	if p.Entry == nil || p.Site.Config.EditURL == "" {
		return ""
	}
	return strings.ReplaceAll(p.Site.Config.EditURL, "{path}", p.Entry.Path)
}

// URL returns the output path of an entry's page.
func URL(e *content.Entry) string { return e.Kind.Dir() + "/" + e.ID + ".html" }

// TagURL returns the output path of a tag's page.
func TagURL(name string) string { return "tags/" + site.Slug(name) + ".html" }

// ListURL returns the output path of the index of a kind.
func ListURL(k content.Kind) string {
	if k == content.Event {
		return "index.html"
	}
	return path.Join(k.Dir(), "index.html")
}
