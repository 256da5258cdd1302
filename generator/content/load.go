package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark/ast"

	"dossier/generator/diag"
	"dossier/generator/markdown"
	"dossier/generator/slug"
)

// IDPattern is the rule every entry id follows (see package slug).
var IDPattern = slug.IDPattern

// MaxFileSize bounds an entry file. Real entries are a few kilobytes; a
// far larger file is a mistake, and parsing it would stall every build.
const MaxFileSize = 4 << 20

// Load reads every entry under content/ in fsys, which is rooted at the
// site. It returns the entries sorted by path, and every problem found.
// Entries with errors in their front matter are still returned when they
// could be read, so that one bad field does not hide a file's other
// problems or every reference to it.
func Load(fsys fs.FS) ([]*Entry, diag.List) {
	var errs diag.List
	var paths []string
	err := fs.WalkDir(fsys, "content", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(p, 0, 0, "cannot read: %v", unwrapPath(err))
			return nil
		}
		name := de.Name()
		if strings.HasPrefix(name, ".") && p != "content" {
			if de.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if de.IsDir() {
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		errs.Add("content", 0, 0, "cannot read the content folder: %v", err)
	}

	type result struct {
		e    *Entry
		errs diag.List
	}
	results := make([]result, len(paths))
	var wg sync.WaitGroup
	work := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i].e, results[i].errs = loadFile(fsys, paths[i])
			}
		}()
	}
	for i := range paths {
		work <- i
	}
	close(work)
	wg.Wait()

	var entries []*Entry
	for _, r := range results {
		errs = append(errs, r.errs...)
		if r.e != nil {
			entries = append(entries, r.e)
		}
	}
	return entries, errs
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadFile reads and checks one file.
func loadFile(fsys fs.FS, p string) (_ *Entry, errs diag.List) {
	// Sorted here, and so capped to diag.MaxPerFile, to hold few of a
	// file's thousands of problems in memory.
	defer func() { errs = errs.Sort() }()
	// Here rather than in Load's walk, so that serve, reloading one
	// file, says the same.
	if err := checkLink(fsys, p); err != nil {
		errs.Add(p, 1, 1, "%v", err)
		return nil, errs
	}
	parts := strings.Split(p, "/")
	if len(parts) != 3 {
		if len(parts) == 2 && path.Ext(p) == ".md" {
			errs.Add(p, 0, 0, "entries live in a folder of their kind: move it to content/events/, content/people/, content/organizations/, content/places/, content/sources/ or content/pages/")
		} else if path.Ext(p) == ".md" {
			errs.Add(p, 0, 0, "entries live directly in content/KIND/, not in subfolders; move it up to content/%s/", parts[1])
		}
		return nil, errs
	}
	kind, ok := KindOfDir(parts[1])
	if !ok {
		var dirs []string
		for _, k := range Kinds {
			dirs = append(dirs, k.Dir())
		}
		msg := fmt.Sprintf("unknown folder content/%s/", parts[1])
		if near := diag.Nearest(parts[1], dirs); near != "" {
			msg += fmt.Sprintf("; did you mean content/%s/?", near)
		} else {
			msg += "; entries live in content/" + strings.Join(dirs, "/, content/") + "/"
		}
		errs.Add(p, 0, 0, "%s", msg)
		return nil, errs
	}
	name := parts[2]
	if path.Ext(name) != ".md" {
		errs.Warn(p, 0, 0, "not an entry (entries end in .md); the file is ignored")
		return nil, errs
	}
	id := strings.TrimSuffix(name, ".md")
	// ID.TAG.md is a translation of ID.md (see translation.go).
	id, tag, isTranslation := strings.Cut(id, ".")
	if isTranslation && !languageTag.MatchString(tag) {
		errs.Add(p, 0, 0, "file name '%s': '%s' is not a language tag; a translation is named ID.TAG.md, like %s.fa-AF.md", name, tag, suggestID(id))
		return nil, errs
	}
	if !IDPattern.MatchString(id) {
		like := suggestID(id)
		if isTranslation {
			like += "." + tag
		}
		errs.Add(p, 0, 0, "file name '%s' is not a valid id: use lowercase letters a-z, digits and single hyphens, like %s.md", name, like)
		return nil, errs
	}

	if id == "index" {
		errs.Add(p, 0, 0, "the id 'index' is reserved: index.html is the name of list pages, which this entry would overwrite; rename the file")
		return nil, errs
	}

	info, err := fs.Stat(fsys, p)
	if err == nil && info.Size() > MaxFileSize {
		errs.Add(p, 0, 0, "the file is %s, and an entry may be at most %s: split it into several entries, or link to a long document from a source entry rather than pasting it", humanSize(info.Size()), humanSize(MaxFileSize))
		return nil, errs
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		errs.Add(p, 0, 0, "cannot read: %v", unwrapPath(err))
		return nil, errs
	}
	e := &Entry{Kind: kind, ID: id, Path: p, Lang: tag}
	f := newFile(p, src)
	if len(bytes.TrimSpace(src)) == 0 {
		errs.Add(p, 1, 1, "empty file: an entry starts with a line +++, its fields, another +++ line, then the text; `go run ./generator new %s %s` writes one", kind, id)
		return nil, errs
	}
	if enc := utf16Name(src); enc != "" {
		errs.Add(p, 1, 1, "the file is encoded as %s: save it as UTF-8 (in most editors: Save with Encoding, or the encoding in the status bar)", enc)
		return nil, errs
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line, col := f.pos(off)
		errs.Add(p, line, col, "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[off])
		return nil, errs
	}
	fm, err := f.split()
	if err != nil {
		errs.Add(p, 1, 1, "%v", err)
		return nil, errs
	}
	// split blanks a copy, so src is still the file as written.
	e.Raw, e.Body = src, f.body

	m, ok := decodeTOML(f, fm, "front matter: ", &errs)
	if !ok {
		return nil, errs
	}
	loc := newLocator(f, fm)
	d := &decoder{e: e, loc: loc, errs: &errs}
	d.decode(m)
	if e.Kind == Event && e.Lang == "" {
		checkEvent(d)
	}
	scanBody(e, f, &errs)
	return e, errs
}

// utf16Name names the UTF-16 encoding src is in, known by its byte-order
// mark or by the zero bytes of its first ASCII characters, or returns "".
// Windows editors save in it as "Unicode", and read as UTF-8 it is
// invalid from the first byte.
func utf16Name(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		return "UTF-16 (little-endian, with a byte-order mark)"
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		return "UTF-16 (big-endian, with a byte-order mark)"
	case len(src) >= 4 && src[0] != 0 && src[1] == 0 && src[2] != 0 && src[3] == 0:
		return "UTF-16 (little-endian)"
	case len(src) >= 4 && src[0] == 0 && src[1] != 0 && src[2] == 0 && src[3] != 0:
		return "UTF-16 (big-endian)"
	}
	return ""
}

// decodeTOML decodes text, the TOML part of f, reporting a syntax error
// at its place in the file with prefix before the message.
func decodeTOML(f *file, text []byte, prefix string, errs *diag.List) (map[string]any, bool) {
	var m map[string]any
	_, err := toml.Decode(string(text), &m)
	if err == nil {
		return m, true
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col := tomlPos(f, text, pe)
		errs.Add(f.path, line, col, "%s%s", prefix, tomlMessage(pe, text))
	} else {
		line, col := f.pos(f.fmStart)
		errs.Add(f.path, line, col, "%s%v", prefix, err)
	}
	return nil, false
}

// tomlPos converts the decoder's position within the front matter to the
// file's line and column.
func tomlPos(f *file, fm []byte, pe toml.ParseError) (int, int) {
	if pe.Position.Line > 0 && pe.Position.Start >= 0 && pe.Position.Start <= len(fm) {
		off := pe.Position.Start
		if strings.HasPrefix(pe.Message, "TOML files cannot contain control characters") {
			// The decoder points at the character before.
			line := bytes.LastIndexByte(fm[:off], '\n') + 1
			if i := bytes.IndexFunc(fm[line:], isControl); i >= 0 {
				off = line + i
			}
		}
		return f.pos(f.fmStart + off)
	}
	line := pe.Position.Line
	if line < 1 {
		line = 1
	}
	start, _ := f.pos(f.fmStart)
	return start + line - 1, max(pe.Position.Col, 1)
}

// checkEvent checks what concerns an event as a whole.
func checkEvent(d *decoder) {
	e := d.e
	if !e.End.IsZero() && !e.Date.IsZero() && cmpDate(e.End, e.Date) < 0 {
		d.errorAt(d.loc.value("end", e.End.EDTF()), "end %s is before date %s: end is the last day of a span, so it comes after date; are they swapped?", e.End, e.Date)
	}
	if _, ok := d.loc.keys["sources"]; ok && len(e.Sources) == 0 && !slices.Contains(d.reported, "sources") {
		d.errorAt(d.loc.key("sources"), "an event needs at least one source, like sources = [\"source-id\"]")
	}
	if !e.Date.IsZero() && !strings.HasPrefix(e.ID, e.Date.String()+"-") {
		d.warnAt(d.loc.value("date", e.Date.EDTF()), "event ids start with their date: rename the file to %s-%s.md", e.Date, trimDatePrefix(e.ID))
	}
}

// trimDatePrefix returns the words of an event id after its date.
func trimDatePrefix(id string) string {
	if _, rest := slug.SplitDate(id); rest != "" {
		return rest
	}
	return "what-happened"
}

// suggestID turns a bad file name into a valid id, for the error message.
func suggestID(s string) string {
	if id := slug.ID(s); id != "" {
		return id
	}
	return "my-entry"
}

// scanBody parses the Markdown body, records its citations, links and
// heading ids, and keeps what the pages need of its tree (see
// Entry.HTML): its text for the search index, its HTML and the classes
// of its source view. The tree itself is let go.
func scanBody(e *Entry, f *file, errs *diag.List) {
	off, msg := deepLine(f.src, f.fmEnd)
	if off < 0 {
		off, msg = costlyInline(f.src, f.body)
	}
	if off >= 0 {
		line, col := f.pos(off)
		errs.Add(e.Path, line, col, "%s", msg)
		return
	}
	controlChars(f, f.body, len(f.src), errs)
	doc := markdown.Parse(f.src)
	at := func(off int) (int, int) { return f.pos(off) }
	htmlLine := 0 // warn of raw HTML once a line, not once a tag
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					if e.HeadingIDs == nil {
						e.HeadingIDs = map[string]bool{}
					}
					e.HeadingIDs[string(b)] = true
				}
			}
		case *markdown.Citation:
			line, col := at(n.Offset)
			if n.ID == "" {
				errs.Add(e.Path, line, col, "empty citation: write [@source-id] or [@source-id, para. 3]")
				break
			}
			e.Refs = append(e.Refs, Ref{Kind: Source, ID: n.ID, Field: "citation", Line: line, Col: col, Locator: n.Locator})
		case *ast.Link:
			scanLink(e, f, n, string(n.Destination), errs)
		case *ast.Image:
			line, col := at(destOffset(f, n, n.Destination))
			errs.Add(e.Path, line, col, "images are not supported in entries yet: describe the image and cite its source")
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				u := string(n.URL(f.src))
				if scheme := schemeOf(u); scheme != "http" && scheme != "https" {
					line, col := at(destOffset(f, n, []byte(u)))
					errs.Add(e.Path, line, col, "unsafe or unsupported link '%s': links may be http(s) or mailto addresses, or relative links to an entry's .md file", u)
				}
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			off := 0
			if r, ok := n.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
				off = r.Segments.At(0).Start
			} else if n.Lines().Len() > 0 {
				off = n.Lines().At(0).Start
			}
			if line, col := at(off); line != htmlLine {
				htmlLine = line
				errs.Warn(e.Path, line, col, "raw HTML is not published: write Markdown instead")
			}
		}
		return ast.WalkContinue, nil
	})
	e.Text = markdown.PlainText(f.src, doc)
	e.Classes = markdown.Classify(f.src, doc, f.body)
	e.HTML = markdown.NewBody(f.src, doc)
}

func schemeOf(u string) string {
	i := strings.IndexByte(u, ':')
	if i < 0 || strings.ContainsAny(u[:i], "/?#") {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(u[:i]))
}

// scanLink checks one link's destination: http(s) and mailto links are
// kept, a relative link must name an entry's .md file and becomes a Ref,
// and anything else is refused, since it would be unsafe or broken
// offline.
func scanLink(e *Entry, f *file, n *ast.Link, dest string, errs *diag.List) {
	line, col := f.pos(destOffset(f, n, n.Destination))
	bad := func(format string, args ...any) {
		errs.Add(e.Path, line, col, format, args...)
	}
	switch scheme := schemeOf(dest); {
	case scheme == "http" || scheme == "https" || scheme == "mailto":
		return
	case scheme != "":
		bad("unsafe or unsupported link '%s': links may be http(s) or mailto addresses, or relative links to an entry's .md file", dest)
		return
	case strings.HasPrefix(dest, "#"):
		// A link within the page: the site checks the fragment against
		// the page's headings, as for a link to another entry. With no
		// Link set, rendering leaves the destination as written.
		e.Refs = append(e.Refs, Ref{Kind: e.Kind, ID: e.ID, Field: "link", Line: line, Col: col, Fragment: dest[1:]})
		return
	case strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "\\"):
		bad("link '%s' is absolute and would break offline: link to the entry's file relatively, like ../people/some-id.md", dest)
		return
	}
	p, frag := linkPath(e.Path, dest)
	if path.Ext(p) != ".md" {
		bad("link '%s' does not name an entry: link to its .md file, like ../people/some-id.md", dest)
		return
	}
	kind, id, ok := entryAt(p)
	if !ok {
		bad("link '%s' leads to %s, which is not an entry in content/KIND/", dest, p)
		return
	}
	e.Refs = append(e.Refs, Ref{
		Kind: kind, ID: id, Field: "link",
		Line: line, Col: col, Fragment: frag,
	})
}

// LinkTarget returns the entry that a relative link dest, written in the
// body of the file at from, names, with the link's #fragment: how a body's
// "../people/x.md" leads to x. ok is false when dest names no entry's
// file (an http link, a #fragment alone, a broken link).
func LinkTarget(from, dest string) (kind Kind, id, frag string, ok bool) {
	if schemeOf(dest) != "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "\\") {
		return "", "", "", false
	}
	p, frag := linkPath(from, dest)
	if path.Ext(p) != ".md" {
		return "", "", "", false
	}
	kind, id, ok = entryAt(p)
	return kind, id, frag, ok
}

// linkPath returns the file a relative link leads to, as a path from the
// site root, and the link's #fragment.
func linkPath(from, dest string) (p, frag string) {
	target, frag, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	return path.Join(path.Dir(from), target), frag
}

// entryAt returns the kind and id of the entry whose file is at p.
func entryAt(p string) (Kind, string, bool) {
	parts := strings.Split(p, "/")
	if len(parts) != 3 || parts[0] != "content" {
		return "", "", false
	}
	kind, ok := KindOfDir(parts[1])
	return kind, strings.TrimSuffix(parts[2], ".md"), ok
}

// destOffset finds where a link's destination is written: goldmark keeps
// no position for links, so look for the destination just after the
// link's text.
func destOffset(f *file, n ast.Node, dest []byte) int {
	start := -1
	for c := n.FirstChild(); c != nil && start < 0; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			start = t.Segment.Start
		}
	}
	if start < 0 {
		for p := n.Parent(); p != nil; p = p.Parent() {
			if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
				start = p.Lines().At(0).Start
				break
			}
		}
	}
	if start < 0 {
		return 0
	}
	window := f.src[start:min(len(f.src), start+4096)]
	if i := bytes.Index(window, append([]byte("]("), dest...)); i >= 0 {
		return start + i + 2
	}
	if i := bytes.Index(window, dest); i >= 0 && len(dest) > 0 {
		return start + i
	}
	return max(start-1, 0)
}
