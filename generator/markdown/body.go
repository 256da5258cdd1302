package markdown

import (
	"bytes"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// A Body is a document rendered to HTML once, with holes where what
// depends on the page that shows it goes: the href of each link, which
// leads from the page's folder to another entry's page; each citation,
// numbered in the order the page's notes list its sources; and, for a
// page that shows many bodies (the print edition), heading levels and
// the prefix of heading and footnote ids.
//
// An entry's body is parsed once, when it is loaded, and the tree is let
// go (at tens of thousands of entries, every tree held until its page
// renders was most of a build's memory); parsing it again for each page
// that shows it doubled what Markdown cost a build. A Body is what the
// pages need of the tree, and Write fills it for one page in a copy.
//
// A Body is not changed after NewBody, so any number of pages may write
// it at once.
type Body struct {
	// The HTML, then the holes' texts, in one string: a build holds
	// every entry's Body, half a million holes at 50,000 events, and two
	// strings of their own made a hole 48 bytes and two allocations
	// rather than 16 bytes.
	html  string
	end   int32 // of the HTML in html
	holes []hole
	err   error // from rendering, reported by every Write
}

// A hole is a place in a Body's HTML that Write fills. Its texts follow
// the previous hole's in the Body's string: a is html[previous bEnd:aEnd]
// and b is html[aEnd:bEnd]. Offsets fit in 32 bits, since a file's size
// limit keeps bodies short.
type hole struct {
	at         int32 // offset in the HTML
	aEnd, bEnd int32
	kind       holeKind
	level      uint8 // holeLevel: the heading's level
}

type holeKind uint8

const (
	holeLink       holeKind = iota // a link's href, between its quotes; a is the destination
	holeCite                       // a citation, whole; a is the source's id, b the locator
	holeLevel                      // the digit of a heading's level, in its tags
	holeHeadingID                  // the start of a heading's id
	holeFootnoteID                 // the start of a footnote's id, or of a link to one
)

// Fill says what goes in the holes of a Body for one page. Its zero
// value writes the body as it stands alone: links as written, citations
// unresolved.
type Fill struct {
	// Link returns where a link written to dest leads from the page;
	// nil leaves every link as written.
	Link func(dest string) string
	// Cite numbers a citation of the source id at locator and says where
	// it leads; ok is false for a source the site does not have, whose
	// citation is shown as written. Citations come in the body's order.
	Cite func(id, locator string) (n int, href, title string, ok bool)
	// HeadingShift is added to every heading's level, up to 6.
	HeadingShift int
	// HeadingIDPrefix and FootnoteIDPrefix start the ids of headings and
	// footnotes, and the links to footnotes.
	HeadingIDPrefix, FootnoteIDPrefix string
}

// NewBody renders doc, a tree made by Parse from src, with holes.
func NewBody(src []byte, doc ast.Node) *Body {
	r := &recorder{}
	r.Grow(len(src) + len(src)/4)
	if d, ok := doc.(*ast.Document); ok {
		d.AddMeta(recorderKey, r)
	}
	err := md.Renderer().Render(r, src, doc)
	var all strings.Builder
	all.Grow(r.Len() + len(r.text))
	all.Write(r.Bytes())
	end := all.Len()
	for i := range r.holes {
		r.holes[i].aEnd += int32(end)
		r.holes[i].bEnd += int32(end)
	}
	all.Write(r.text)
	return &Body{html: all.String(), end: int32(end), holes: slices.Clone(r.holes), err: err}
}

// A Writer is what a Body is written to, such as a *bytes.Buffer or a
// *strings.Builder.
type Writer interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// Size is about the length of b written: its HTML, and some for each
// hole, to grow a buffer by once.
func (b *Body) Size() int { return int(b.end) + 32*len(b.holes) }

// Write writes b for one page, its holes filled as f says.
func (b *Body) Write(buf Writer, f Fill) error {
	if b.err != nil {
		return b.err
	}
	from, text := 0, b.end
	for i := range b.holes {
		h := &b.holes[i]
		buf.WriteString(b.html[from:h.at])
		from = int(h.at)
		a, bb := b.html[text:h.aEnd], b.html[h.aEnd:h.bEnd]
		text = h.bEnd
		switch h.kind {
		case holeLink:
			if f.Link != nil {
				a = f.Link(a)
			}
			writeHref(buf, a)
		case holeCite:
			if f.Cite == nil {
				writeCitation(buf, a, bb, 0, "", "", false)
				break
			}
			n, href, title, ok := f.Cite(a, bb)
			writeCitation(buf, a, bb, n, href, title, ok)
		case holeLevel:
			if f.HeadingShift != 0 {
				buf.WriteByte("0123456"[min(int(h.level)+f.HeadingShift, 6)])
				from++ // the level as written
			}
		case holeHeadingID:
			buf.Write(util.EscapeHTML([]byte(f.HeadingIDPrefix)))
		case holeFootnoteID:
			buf.WriteString(f.FootnoteIDPrefix)
		}
	}
	buf.WriteString(b.html[from:b.end])
	return nil
}

// writeHref writes a link's destination as goldmark's renderer does:
// escaped, and left out if dangerous.
func writeHref(buf Writer, dest string) {
	d := util.URLEscape([]byte(dest), true)
	if !gmhtml.IsDangerousURL(d) {
		buf.Write(util.EscapeHTML(d))
	}
}

// writeCitation writes a citation of id at locator: a link to the page's
// note n at href, or, when ok is false, the citation as written, since
// the checker has reported that the source does not exist.
func writeCitation(w Writer, id, locator string, n int, href, title string, ok bool) {
	if !ok {
		w.WriteString(`<span class="cite">[@`)
		w.WriteString(html.EscapeString(id))
		w.WriteString(`]</span>`)
		return
	}
	label := strconv.Itoa(n)
	if locator != "" {
		label += ", " + locator
	}
	w.WriteString(`<a class="cite" href="`)
	w.WriteString(html.EscapeString(href))
	w.WriteString(`" title="`)
	w.WriteString(html.EscapeString(title))
	w.WriteString(`">[`)
	w.WriteString(html.EscapeString(label))
	w.WriteString(`]</a>`)
}

// A recorder is the writer NewBody renders into: goldmark writes to it
// directly (it is a util.BufWriter), so the renderers below know the
// offset of what they write and mark the holes there.
type recorder struct {
	bytes.Buffer
	holes []hole
	text  []byte // the holes' texts
}

// goldmark would wrap any other writer in a bufio.Writer, and the
// renderers would find no recorder.
var _ util.BufWriter = (*recorder)(nil)

func (r *recorder) Buffered() int { return 0 }
func (r *recorder) Flush() error  { return nil }

// mark marks a hole of kind at offset at, with texts a and b; the
// holes' ends are offsets in r.text until NewBody moves them.
func (r *recorder) mark(at int, kind holeKind, level uint8, a, b []byte) {
	r.text = append(r.text, a...)
	aEnd := len(r.text)
	r.text = append(r.text, b...)
	r.holes = append(r.holes, hole{at: int32(at), aEnd: int32(aEnd), bEnd: int32(len(r.text)), kind: kind, level: level})
}

// recorderKey is the document meta entry that leads footnotePrefix to the
// recorder, since goldmark asks for the prefix without the writer.
const recorderKey = "dossier-recorder"

// holeRenderer wraps goldmark's own renderers of links and headings,
// marking holes in what they write.
type holeRenderer struct {
	inner         renderer.NodeRenderer // goldmark's html.NewRenderer()
	link, heading renderer.NodeRendererFunc
}

// SetOption passes the Markdown's renderer options on to goldmark's
// renderer, so that it writes what it would unwrapped.
func (h *holeRenderer) SetOption(name renderer.OptionName, value any) {
	if o, ok := h.inner.(renderer.SetOptioner); ok {
		o.SetOption(name, value)
	}
}

func (h *holeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	h.inner.RegisterFuncs(funcsOf(func(k ast.NodeKind, f renderer.NodeRendererFunc) {
		switch k {
		case ast.KindLink:
			h.link = f
		case ast.KindHeading:
			h.heading = f
		}
	}))
	reg.Register(ast.KindLink, h.renderLink)
	reg.Register(ast.KindHeading, h.renderHeading)
}

type funcsOf func(ast.NodeKind, renderer.NodeRendererFunc)

func (f funcsOf) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f(k, fn) }

// hrefStart is what goldmark writes of a link before its destination.
const hrefStart = `<a href="`

// renderLink writes a link with an empty destination and marks a hole
// for it there.
func (h *holeRenderer) renderLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	r, ok := w.(*recorder)
	if !ok || !entering {
		return h.link(w, src, n, entering)
	}
	l := n.(*ast.Link)
	dest := l.Destination
	l.Destination = nil
	at := r.Len()
	s, err := h.link(w, src, n, entering)
	l.Destination = dest
	r.mark(at+len(hrefStart), holeLink, 0, dest, nil)
	return s, err
}

// renderHeading marks holes at a heading's level, in both its tags, and
// at the start of its id.
func (h *holeRenderer) renderHeading(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	r, ok := w.(*recorder)
	if !ok {
		return h.heading(w, src, n, entering)
	}
	at := r.Len()
	s, err := h.heading(w, src, n, entering)
	level := uint8(n.(*ast.Heading).Level)
	if !entering {
		r.mark(at+len("</h"), holeLevel, level, nil, nil)
		return s, err
	}
	r.mark(at+len("<h"), holeLevel, level, nil, nil)
	if i := bytes.Index(r.Bytes()[at:], []byte(` id="`)); i >= 0 {
		r.mark(at+i+len(` id="`), holeHeadingID, 0, nil, nil)
	}
	return s, err
}
