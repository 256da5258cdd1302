package site

import (
	"slices"

	"dossier/generator/content"
	"dossier/generator/diag"
)

// An output is one source of an output file: a page of the generator's
// own (path ""), an entry's page, or a tag's page, which every entry
// carrying the tag is a source of.
type output struct {
	path      string // the file it comes from, or ""
	line, col int
	what      string // "the list of tags", "the page of the tag 'x'"
	owner     string // sources with one owner make one page
}

// collisions reports what would make two sources write one output file,
// of which one would be lost, differently from run to run: an entry and
// a list page, or a tag and the list of tags. It reports at every source
// in the site's files. Content refuses the id "index" already; this
// check holds for the whole site, so a new kind of page that clashes is
// caught too. A tag whose name has no letter or digit has no file name
// at all, and is reported as well.
func (s *Site) collisions() diag.List {
	var errs diag.List
	outs := map[string][]output{}
	for _, k := range content.Kinds {
		if k != content.Page {
			outs[listPath(k)] = append(outs[listPath(k)], output{what: "the list of " + k.Dir(), owner: "list"})
		}
	}
	outs["tags/index.html"] = append(outs["tags/index.html"], output{what: "the list of tags", owner: "list"})
	for _, e := range s.Entries {
		p := e.Kind.Dir() + "/" + e.ID + ".html"
		outs[p] = append(outs[p], output{path: e.Path, line: 1, col: 1, what: "the page of " + e.Path, owner: e.Path})
		for _, r := range e.TagRefs {
			slug := Slug(r.ID)
			if slug == "" {
				errs.Add(e.Path, r.Line, r.Col, "the tag '%s' has no letter or digit, so its page would have no file name: write the tag in words", r.ID)
				continue
			}
			p := "tags/" + slug + ".html"
			outs[p] = append(outs[p], output{path: e.Path, line: r.Line, col: r.Col, what: "the page of the tag '" + r.ID + "'", owner: "tag"})
		}
	}
	for p, srcs := range outs {
		// Each source clashes with the first of another owner: the first
		// source, or the first whose owner is not the first's. A tag's
		// page has thousands of sources of one owner, so this is found
		// once, not once for each.
		j := slices.IndexFunc(srcs, func(o output) bool { return o.owner != srcs[0].owner })
		if j < 0 {
			continue
		}
		for _, src := range srcs {
			other := srcs[0]
			if src.owner == other.owner {
				other = srcs[j]
			}
			if src.path != "" {
				errs.Add(src.path, src.line, src.col, "%s and %s would both be written to %s, and one would be lost: rename one of them", src.what, other.what, p)
			}
		}
	}
	return errs
}

// listPath is where the list of a kind's entries is written; the list of
// events is the timeline.
func listPath(k content.Kind) string {
	if k == content.Event {
		return "index.html"
	}
	return k.Dir() + "/index.html"
}
