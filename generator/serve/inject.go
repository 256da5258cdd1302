package serve

import (
	"bytes"
	"fmt"
	"html"
	"strings"
)

// The live reload script follows the build count over server-sent events:
// the server sends the current count on connecting and after each build,
// and a page reloads when the count is no longer the one it was served
// with. A build that finished between the page and the connection is
// caught too.
const reloadScript = `<script>(function(){var n=%q,es=new EventSource("/_serve/events");es.onmessage=function(e){if(e.data!==n){es.close();location.reload()}}})();</script>`

// inject adds the live reload script and, when the latest build failed,
// the list of its errors to an HTML page, just before </body>.
func inject(page []byte, gen int, errs []string) []byte {
	var add bytes.Buffer
	if len(errs) > 0 {
		add.WriteString(overlay(errs))
	}
	fmt.Fprintf(&add, reloadScript, fmt.Sprint(gen))
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+add.Len())
	out = append(out, page[:i]...)
	out = append(out, add.Bytes()...)
	return append(out, page[i:]...)
}

// overlay shows a failed build's errors over the last good page. Its
// styles are inline so that no site stylesheet can hide it. It is a
// details element, so it can be folded away to read the page, without
// JavaScript.
func overlay(errs []string) string {
	var b strings.Builder
	b.WriteString(`<div id="serve-errors" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:.75rem 1.5rem;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;font:14px/1.5 ui-monospace,monospace;text-align:left" dir="ltr">`)
	n := "1 error"
	if len(errs) != 1 {
		n = fmt.Sprintf("%d errors", len(errs))
	}
	fmt.Fprintf(&b, `<details open><summary style="cursor:pointer;font-weight:bold">The site has %s; this is the last good build.</summary><pre style="margin:.5rem 0 0;white-space:pre-wrap">`, n)
	for _, e := range causesFirst(errs) {
		b.WriteString(html.EscapeString(e))
		b.WriteByte('\n')
	}
	b.WriteString("</pre></details></div>")
	return b.String()
}

// causesFirst orders errors so that what is wrong in a file itself comes
// before the references to an entry that is missing: a bad date in one
// event makes that event unknown to every entry that names it, and the
// one cause would otherwise come after its ten consequences. Each group
// keeps its order.
func causesFirst(errs []string) []string {
	out := make([]string, 0, len(errs))
	var refs []string
	for _, e := range errs {
		if unknownRef(e) {
			refs = append(refs, e)
		} else {
			out = append(out, e)
		}
	}
	return append(out, refs...)
}

// unknownRef reports whether an error, "path:line:col: message", is a
// reference to a missing entry (as package site words them).
func unknownRef(e string) bool {
	_, msg, ok := strings.Cut(e, ": ")
	if !ok {
		return false
	}
	return strings.HasPrefix(msg, "unknown ") && !strings.HasPrefix(msg, "unknown folder") ||
		strings.HasPrefix(msg, "citation names unknown ")
}

// notFound is the page for a path the site does not have.
func notFound(name string) []byte {
	return []byte(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found</title></head>
<body>
<h1>Not found</h1>
<p>The site has no page ` + html.EscapeString("/"+name) + `. Go to the <a href="/index.html">timeline</a>.</p>
</body>
</html>
`)
}

// unbuilt is the page served before any build has succeeded.
var unbuilt = []byte(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Not built</title></head>
<body>
<h1>The site could not be built</h1>
<p>Fix the errors below; this page reloads when the next build finishes.</p>
</body>
</html>
`)
