package render

import (
	"bytes"
	"unicode/utf8"
)

// writePage writes what base.html writes around the page's main content,
// for a site of the default theme (see fast.go): every page has this
// frame, and its few dozen actions cost html/template a reflective call
// each. The pieces that vary with the layout or the site's languages
// ("head", "main", "languages", the source view) still come from the
// templates.
func (p *Page) writePage(b *bytes.Buffer) error {
	l, cfg := p.lang, p.Site.Config
	text(b, "<!doctype html>\n<html lang=\"", cfg.Language, "\" dir=\"")
	attr(b, cfg.Direction)
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if p.Path != "index.html" {
		attr(b, p.Title)
		b.WriteString(" · ")
	}
	attr(b, cfg.Title)
	b.WriteString("</title>\n")
	desc := p.Description()
	if desc != "" {
		text(b, "<meta name=\"description\" content=\"", desc, "\">\n")
	}
	text(b, "<meta property=\"og:title\" content=\"", p.Title, "\">\n<meta property=\"og:type\" content=\"")
	if p.Entry != nil {
		b.WriteString("article")
	} else {
		b.WriteString("website")
	}
	text(b, "\">\n<meta property=\"og:site_name\" content=\"", cfg.Title, "\">\n")
	if desc != "" {
		text(b, "<meta property=\"og:description\" content=\"", desc, "\">\n")
	}
	if abs := p.Abs(p.Path); abs != "" {
		text(b, "<meta property=\"og:url\" content=\"", abs, "\">\n<link rel=\"canonical\" href=\"")
		href(b, abs)
		b.WriteString("\">\n")
	}
	alternates := p.Alternates()
	for _, a := range alternates {
		text(b, "<link rel=\"alternate\" hreflang=\"", a.Lang, "\" href=\"")
		if a.Abs != "" {
			href(b, a.Abs)
		} else {
			href(b, a.Href)
		}
		b.WriteString("\">\n")
	}
	if err := p.writeCommon(b, "head-links"); err != nil {
		return err
	}
	b.WriteString("\n<style>@page { @bottom-left { content: \"")
	css(b, l.T("printed-from"))
	b.WriteString(" ")
	css(b, p.Address())
	if ed := p.Edition(); !ed.IsZero() {
		b.WriteString(" · ")
		css(b, l.T("edition-of", l.Date(ed)))
	}
	b.WriteString("\"; } }</style>\n")
	if p.HasCode() {
		b.WriteString("<link rel=\"stylesheet\" href=\"")
		href(b, p.Rel("css/chroma.css"))
		b.WriteString("\">\n")
	}
	if ld := p.JSONLD(); ld != "" {
		b.WriteString("<script type=\"application/ld+json\">")
		b.WriteString(string(ld))
		b.WriteString("</script>\n")
	}
	// Most layouts leave base.html's "head" block empty.
	if h := p.tmpl.Lookup("head"); h != nil && h.Tree != nil && len(h.Tree.Root.Nodes) > 0 {
		if err := p.exec(b, "head"); err != nil {
			return err
		}
	}
	text(b, "</head>\n<body class=\"layout-", p.Layout, "\">\n<a class=\"skip\" href=\"#main\">")
	attr(b, l.T("skip"))
	b.WriteString("</a>\n")
	h, err := p.Header()
	if err != nil {
		return err
	}
	b.WriteString(string(h))
	b.WriteString("\n")
	if len(alternates) > 0 {
		text(b, "<nav class=\"languages\" aria-label=\"", l.T("languages"), "\">\n<ul>")
		for _, a := range alternates {
			b.WriteString("<li><a href=\"")
			href(b, a.Href)
			text(b, "\" hreflang=\"", a.Lang, "\" lang=\"")
			attr(b, a.Lang)
			text(b, "\" dir=\"", a.Dir, "\"")
			if a.Current {
				b.WriteString(" aria-current=\"page\"")
			}
			text(b, ">", a.Name, "</a></li>")
		}
		b.WriteString("</ul>\n</nav>")
	}
	b.WriteString("\n<main id=\"main\" tabindex=\"-1\">\n")
	switch {
	case p.Layout == "event" && p.Entry != nil:
		err = p.writeEvent(b)
	case p.Layout == "person" && p.Entry != nil:
		err = p.writePerson(b)
	default:
		err = p.exec(b, "main")
	}
	if err != nil {
		return err
	}
	b.WriteString("\n")
	if p.Entry != nil {
		p.writeSourceView(b)
	}
	b.WriteString("\n</main>\n<footer class=\"site-footer\">\n")
	if cfg.Description != "" {
		text(b, "<p>", cfg.Description, "</p>")
	}
	b.WriteString("\n")
	if p.Entry != nil {
		text(b, "<p class=\"page-tools\"><a href=\"#source\">", l.T("view-source"), "</a>")
		p.writeEditLink(b)
		b.WriteString("</p>")
	}
	b.WriteString("\n")
	if err := p.writeCommon(b, "footer-data"); err != nil {
		return err
	}
	b.WriteString("\n</footer>\n</body>\n</html>\n")
	return nil
}

// exec writes the page's template name, with the page.
func (p *Page) exec(b *bytes.Buffer, name string) error {
	return p.tmpl.ExecuteTemplate(b, name, p)
}

// writeCommon writes Common(name).
func (p *Page) writeCommon(b *bytes.Buffer, name string) error {
	h, err := p.Common(name)
	b.WriteString(string(h))
	return err
}

// css writes text as html/template escapes a string inside a CSS string:
// the characters that could end it, or the element, as hexadecimal
// escapes, followed by a space where the next character could be read as
// part of the escape.
func css(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		var repl string
		if r < 0x80 {
			repl = cssEscapes[r]
		}
		if repl == "" {
			i += w
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		i += w
		last = i
		if repl != `\\` && (i == len(s) || isHex(s[i]) || isCSSSpace(s[i])) {
			b.WriteByte(' ')
		}
	}
	b.WriteString(s[last:])
}

var cssEscapes = [0x80]string{
	0: `\0`, '\t': `\9`, '\n': `\a`, '\f': `\c`, '\r': `\d`,
	'"': `\22`, '&': `\26`, '\'': `\27`, '(': `\28`, ')': `\29`, '+': `\2b`,
	'/': `\2f`,
	':': `\3a`, ';': `\3b`, '<': `\3c`, '>': `\3e`, '\\': `\\`,
	'{': `\7b`, '}': `\7d`,
}

func isCSSSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\f', '\r', ' ':
		return true
	}
	return false
}

// writeEditLink writes the "Edit this page" link, when site.toml has
// edit_url.
func (p *Page) writeEditLink(b *bytes.Buffer) {
	if u := p.EditURL(); u != "" {
		b.WriteString(" · <a href=\"")
		href(b, u)
		text(b, "\" rel=\"external\">", p.lang.T("edit"), "</a>")
	}
}
