// Package linkcheck crawls a built site on disk the way a reader opening
// it from file:// would, and reports every link that would break there.
//
// It starts at index.html and follows relative links. A link must name a
// file (not end in "/"), the file must exist, and a #fragment must be an
// id in the target page. Nothing may be loaded from the network: a
// script, stylesheet, image, icon or CSS url() with an absolute address
// is reported, while plain <a href> links to other sites are allowed.
package linkcheck

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Result is what a crawl found.
type Result struct {
	Pages    []string // every HTML page reached, sorted
	Files    []string // every other file reached, sorted
	Problems []string // broken links, sorted
}

type page struct {
	ids   map[string]bool
	links []link
}

type link struct {
	attr string // "href", "src", "url()"
	ref  string
	load bool // fetched by the browser, not followed by the reader
}

// Crawl checks the site in dir.
func Crawl(dir string) (*Result, error) {
	fsys := os.DirFS(dir)
	if _, err := fs.Stat(fsys, "index.html"); err != nil {
		return nil, fmt.Errorf("no index.html in %s", dir)
	}
	pages := map[string]*page{}
	files := map[string]bool{}
	var problems []string
	queue := []string{"index.html"}
	seen := map[string]bool{"index.html": true}
	type fragRef struct{ from, target, frag string }
	var frags []fragRef
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", p, err))
			continue
		}
		var pg *page
		switch path.Ext(p) {
		case ".html":
			pg, err = parseHTML(data)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: %v", p, err))
				continue
			}
			pages[p] = pg
		case ".css":
			pg = parseCSS(data)
			files[p] = true
		default:
			files[p] = true
			continue
		}
		for _, l := range pg.links {
			u, err := url.Parse(l.ref)
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: bad %s %q", p, l.attr, l.ref))
				continue
			}
			if u.Scheme != "" || strings.HasPrefix(l.ref, "//") {
				if l.load || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
					problems = append(problems, fmt.Sprintf("%s: %s %q leaves the site", p, l.attr, l.ref))
				}
				continue
			}
			if u.Path == "" {
				if u.Fragment != "" {
					frags = append(frags, fragRef{p, p, u.Fragment})
				}
				continue
			}
			if strings.HasSuffix(u.Path, "/") {
				problems = append(problems, fmt.Sprintf("%s: %s %q names a folder, which file:// cannot open", p, l.attr, l.ref))
				continue
			}
			if strings.HasPrefix(u.Path, "/") {
				problems = append(problems, fmt.Sprintf("%s: %s %q is absolute", p, l.attr, l.ref))
				continue
			}
			target := path.Join(path.Dir(p), u.Path)
			if strings.HasPrefix(target, "../") || target == ".." {
				problems = append(problems, fmt.Sprintf("%s: %s %q leads outside the site", p, l.attr, l.ref))
				continue
			}
			if st, err := fs.Stat(fsys, target); err != nil || st.IsDir() {
				problems = append(problems, fmt.Sprintf("%s: %s %q: no such file %s", p, l.attr, l.ref, target))
				continue
			}
			if u.Fragment != "" {
				frags = append(frags, fragRef{p, target, u.Fragment})
			}
			if !seen[target] {
				seen[target] = true
				queue = append(queue, target)
			}
		}
	}
	for _, f := range frags {
		if pg := pages[f.target]; pg != nil && !pg.ids[f.frag] {
			problems = append(problems, fmt.Sprintf("%s: no id %q in %s", f.from, f.frag, f.target))
		}
	}
	r := &Result{Problems: problems}
	for p := range pages {
		r.Pages = append(r.Pages, p)
	}
	for p := range files {
		r.Files = append(r.Files, p)
	}
	slices.Sort(r.Pages)
	slices.Sort(r.Files)
	slices.Sort(r.Problems)
	r.Problems = slices.Compact(r.Problems)
	return r, nil
}

func parseHTML(data []byte) (*page, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	pg := &page{ids: map[string]bool{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			rel := ""
			for _, a := range n.Attr {
				if a.Key == "rel" {
					rel = a.Val
				}
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "id" || (a.Key == "name" && n.Data == "a"):
					pg.ids[a.Val] = true
				case a.Key == "href" && n.Data == "link":
					// Stylesheets, icons and preloads are fetched; an
					// alternate (a feed) is only a link.
					pg.links = append(pg.links, link{"href", a.Val, !strings.Contains(rel, "alternate")})
				case a.Key == "href" || (a.Key == "action" && n.Data == "form"):
					pg.links = append(pg.links, link{"href", a.Val, false})
				case a.Key == "src" || a.Key == "poster" || a.Key == "srcset" || (a.Key == "data" && n.Data == "object"):
					pg.links = append(pg.links, link{a.Key, a.Val, true})
				case a.Key == "style":
					pg.links = append(pg.links, parseCSS([]byte(a.Val)).links...)
				}
			}
			if n.Data == "style" && n.FirstChild != nil {
				pg.links = append(pg.links, parseCSS([]byte(n.FirstChild.Data)).links...)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return pg, nil
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]*)['"]?\s*\)|@import\s+['"]([^'"]+)['"]`)

func parseCSS(data []byte) *page {
	pg := &page{}
	for _, m := range cssURL.FindAllSubmatch(data, -1) {
		ref := string(m[1]) + string(m[2])
		if strings.HasPrefix(ref, "data:") || ref == "" {
			continue
		}
		pg.links = append(pg.links, link{"url()", ref, true})
	}
	return pg
}
