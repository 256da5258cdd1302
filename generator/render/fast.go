package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"dossier"
)

// Fast paths.
//
// A few partials of the default theme are drawn tens of thousands of
// times in a large dossier (the overview strip's marks: three drawings on
// the timeline and one on every event page), and html/template's
// reflection makes each of them cost more than the rest of its page. For
// those, Go writes the same bytes the template would. It does so only
// when the site uses the default theme's layouts unchanged (see stock),
// so a site that overrides a layout gets exactly what its templates say;
// a test builds sites both ways and compares every byte.

// stock reports whether every layout in fsys is the default theme's, so
// that the Go fast paths give what the layouts would.
func stock(fsys fs.FS, files map[string]string) bool {
	for name, text := range files {
		b, err := fs.ReadFile(dossier.Theme, "layouts/"+name)
		if err != nil || string(b) != text {
			return false
		}
	}
	return true
}

// buffers are the fast paths' scratch space: a buffer grown for one
// page serves the next, so the page's bytes are copied once, into the
// string the layout inserts.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 1<<20 { // the timeline's strip: let it go
		return
	}
	b.Reset()
	buffers.Put(b)
}

// Templated returns ls with the fast paths off: every page comes from
// the templates, as it does for a site that overrides a layout. A test
// compares the two.
func (ls Layouts) Templated() Layouts {
	ls.stock = false
	return ls
}

// StripView returns the SVG of one view of a strip, as the partial
// "strip-view" draws it with [page, view].
func (p *Page) StripView(v *StripView) (template.HTML, error) {
	if !p.fast {
		var buf strings.Builder
		if err := p.tmpl.ExecuteTemplate(&buf, "strip-view", []any{p, v}); err != nil {
			return "", err
		}
		return template.HTML(buf.String()), nil
	}
	b := getBuffer()
	defer putBuffer(b)
	p.lang.writeStripView(b, p, v)
	return template.HTML(b.String()), nil
}

func (l Lang) writeStripView(b *bytes.Buffer, p *Page, v *StripView) {
	b.WriteString("\n<svg class=\"strip-svg strip-view ")
	attr(b, v.Class)
	fmt.Fprintf(b, "\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"group\" aria-label=\"", v.Width, v.Height, v.Width, v.Height)
	attr(b, l.T("strip-label"))
	b.WriteString("\" tabindex=\"-1\">\n<g class=\"axis\" aria-hidden=\"true\">")
	for _, ln := range v.Axis {
		line(b, "", ln)
	}
	if d := v.TickPath(); d != "" {
		b.WriteString("<path class=\"ticks\" d=\"")
		b.WriteString(d)
		b.WriteString("\"/>")
	}
	for _, d := range v.Breaks {
		text(b, "<path class=\"break\" d=\"", d, "\"/>")
	}
	b.WriteString("</g>\n")
	if v.Density != "" {
		text(b, "<path class=\"density\" d=\"", v.Density, "\" aria-hidden=\"true\"/>\n")
	}
	b.WriteString("<g class=\"tick-labels\" text-anchor=\"middle\" aria-hidden=\"true\">")
	for _, t := range v.Labels {
		if t.Href == "" {
			l.writeTickLabel(b, t)
		}
	}
	b.WriteString("</g>\n")
	for _, t := range v.Labels {
		if t.Href != "" {
			l.writeYearLink(b, p, t)
		}
	}
	b.WriteString("<g class=\"ranges\" aria-hidden=\"true\">")
	for _, m := range v.Marks {
		// A range is a group of its own where a script fades it with
		// its mark, or where it takes a key event's colour; else it
		// takes the colour of them all.
		grouped := v.Paired || m.Key
		if grouped {
			b.WriteString("<g class=\"range")
			if m.Key {
				b.WriteString(" key")
			}
			b.WriteString("\"")
			if v.Paired {
				text(b, " data-for=\"", m.Event.ID, "\"")
			}
			b.WriteString(">")
		}
		line(b, "link", m.Link)
		if r := m.Bar; r != nil {
			b.WriteString("<rect class=\"bar")
			if m.Span {
				b.WriteString(" span")
			}
			b.WriteString("\" x=\"")
			attrs(b, r.X, "\" y=\"", r.Y, "\" width=\"", r.W, "\" height=\"", r.H)
			b.WriteString("\"/>")
		}
		if grouped {
			b.WriteString("</g>")
		}
	}
	b.WriteString("</g>\n")
	if v.Labelled {
		b.WriteString("<g class=\"key-labels\" aria-hidden=\"true\">")
		for _, m := range v.Marks {
			if m.Label == "" {
				continue
			}
			text(b, "<g data-for=\"", m.Event.ID, "\">")
			line(b, "leader", m.Leader)
			b.WriteString("<text class=\"key-label\" x=\"")
			attrs(b, m.LabelAt.X, "\" y=\"", m.LabelAt.Y)
			text(b, "\">", m.Label, "</text></g>")
		}
		b.WriteString("</g>\n")
	}
	for i := range v.Marks {
		l.writeMark(b, p, &v.Marks[i], v.Paired)
	}
	b.WriteString("</svg>")
}

// writeTickLabel writes a label of the axis that links nowhere, in the
// group that holds what they share (text-anchor, aria-hidden).
func (l Lang) writeTickLabel(b *bytes.Buffer, t TickLabel) {
	b.WriteString("<text x=\"")
	attrs(b, t.X, "\" y=\"", t.Y)
	b.WriteString("\"")
	if t.Anchor != "middle" {
		text(b, " text-anchor=\"", t.Anchor, "\"")
	}
	b.WriteString(">")
	l.writeTickText(b, t)
	b.WriteString("</text>")
}

// writeYearLink writes a label of the axis that links to its year's page.
func (l Lang) writeYearLink(b *bytes.Buffer, p *Page, t TickLabel) {
	b.WriteString("<a class=\"year-link\" href=\"")
	href(b, p.Rel(t.Href))
	text(b, "\" aria-label=\"", l.T("strip-year", t.Year, l.events(t.Events)), "\"><text x=\"")
	attrs(b, t.X, "\" y=\"", t.Y, "\" text-anchor=\"", t.Anchor)
	b.WriteString("\">")
	l.writeTickText(b, t)
	b.WriteString("</text></a>\n")
}

// writeTickText writes the words of a label of the axis, as the partial
// "tick-text" does.
func (l Lang) writeTickText(b *bytes.Buffer, t TickLabel) {
	switch {
	case t.M != 0 && t.Text == "":
		attr(b, l.T(fmt.Sprint("month-short-", t.M)))
	case t.M != 0 && t.D == 0:
		attr(b, l.T(fmt.Sprint("month-short-", t.M)))
		b.WriteByte(' ')
		attr(b, l.Num(t.Year))
	case t.D != 0:
		attr(b, l.Num(t.D))
	default:
		attr(b, l.Num(t.Year))
	}
}

func (l Lang) writeMark(b *bytes.Buffer, p *Page, m *Mark, paired bool) {
	e := m.Event
	when := l.When(p.Site, e)
	status := l.T("status-" + e.Status)
	title := p.Isolate(e)
	b.WriteString("<a class=\"mark")
	if m.Key {
		b.WriteString(" key")
	}
	if m.Current {
		b.WriteString(" current")
	}
	b.WriteString("\" href=\"")
	href(b, p.Href(e))
	b.WriteString("\"")
	if paired {
		text(b, " data-event=\"", e.ID, "\"")
	}
	b.WriteString(" aria-label=\"")
	if m.Label != "" {
		attr(b, m.Label)
		b.WriteString(": ")
	}
	attrs(b, title, ", ", when, " (", status)
	if m.Kind != "" {
		b.WriteString("; ")
		attr(b, m.Kind)
	}
	b.WriteString(")\"")
	if m.Current {
		b.WriteString(" aria-current=\"page\"")
	}
	b.WriteString("><title>")
	attrs(b, when, ": ", title, " (", status)
	b.WriteString(")</title><rect class=\"hit\" x=\"")
	attrs(b, m.Hit.X, "\" y=\"", m.Hit.Y, "\" width=\"", m.Hit.W, "\" height=\"", m.Hit.H)
	b.WriteString("\"/><use href=\"#s-")
	fragment(b, m.Shape)
	text(b, "\" class=\"st-", e.Status, "\" ")
	if m.Scale == "1" { // a use's x and y are a translation
		b.WriteString("x=\"")
		attrs(b, m.At.X, "\" y=\"", m.At.Y)
		b.WriteString("\"/></a>\n")
		return
	}
	b.WriteString("transform=\"translate(")
	attrs(b, m.At.X, " ", m.At.Y, ") scale(", m.Scale)
	b.WriteString(")\"/></a>\n")
}

// writeNearDefs writes the partial "near-defs": the definitions of
// "mark-defs" that an event page's strip uses.
func writeNearDefs(b *bytes.Buffer, d MarkDefs) {
	b.WriteString("<svg class=\"mark-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>\n")
	for _, def := range []struct {
		used bool
		svg  string
	}{
		{d.HalfFg, `<linearGradient id="half-fg"><stop offset=".5" class="g-fg"/><stop offset=".5" stop-opacity="0"/></linearGradient>`},
		{d.HalfKey, `<linearGradient id="half-key"><stop offset=".5" class="g-key"/><stop offset=".5" stop-opacity="0"/></linearGradient>`},
		{d.Circle, `<path id="s-circle" d="M0-6A6 6 0 1 1 0 6A6 6 0 1 1 0-6Z"/>`},
		{d.Square, `<path id="s-square" d="M-5.3-5.3H5.3V5.3H-5.3Z"/>`},
		{d.Triangle, `<path id="s-triangle" d="M0-7L6.6 5H-6.6Z"/>`},
		{d.Diamond, `<path id="s-diamond" d="M0-7.2L7.2 0L0 7.2L-7.2 0Z"/>`},
		{d.Star, `<path id="s-star" d="M0-7.5L1.8-2.4L7.1-2.3L2.9 0.9L4.4 6.1L0 3L-4.4 6.1L-2.9 0.9L-7.1-2.3L-1.8-2.4Z"/>`},
	} {
		if def.used {
			b.WriteString(def.svg)
			b.WriteString("\n")
		}
	}
	b.WriteString("</defs></svg>")
}

// line writes an SVG line of a class ("" for none).
func line(b *bytes.Buffer, class string, ln SVGLine) {
	b.WriteString("<line ")
	if class != "" {
		b.WriteString("class=\"")
		b.WriteString(class)
		b.WriteString("\" ")
	}
	b.WriteString("x1=\"")
	attrs(b, ln.X1, "\" y1=\"", ln.Y1, "\" x2=\"", ln.X2, "\" y2=\"", ln.Y2)
	b.WriteString("\"/>")
}

// attrs writes its arguments in turn: the odd ones (counting from one)
// escaped, the even ones, constant markup, as they are.
func attrs(b *bytes.Buffer, s ...string) {
	for i, x := range s {
		if i%2 == 0 {
			attr(b, x)
		} else {
			b.WriteString(x)
		}
	}
}

// attr writes text escaped as html/template escapes a string in text or
// in a quoted attribute's value.
func attr(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// href writes a link as html/template writes a string at the start of a
// URL attribute: refused when its scheme is not http, https or mailto,
// then with what a URL cannot hold percent-encoded, then escaped.
func href(b *bytes.Buffer, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	attr(b, encodeURL(s, true))
}

// fragment writes text after a URL's #, as html/template does: every
// byte but the unreserved ones percent-encoded.
func fragment(b *bytes.Buffer, s string) { attr(b, encodeURL(s, false)) }

// encodeURL percent-encodes the bytes of s that a URL cannot hold; with
// norm, it keeps the reserved characters and valid escapes, as
// html/template's normalizer does, else it encodes all but the
// unreserved.
func encodeURL(s string, norm bool) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			continue
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		if last == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[last:i])
		fmt.Fprintf(&b, "%%%02x", c)
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// text writes s escaped, between two pieces of markup.
func text(b *bytes.Buffer, open, s, close string) {
	b.WriteString(open)
	attr(b, s)
	b.WriteString(close)
}
