package synth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Write writes the corpus described by o into dir in this project's content
// format: site.toml and content/{events,people,organizations,places,sources,
// pages}/*.md. dir must be empty or not exist, so that no file of an older
// corpus survives into a new one.
func Write(dir string, o Options) error {
	if err := o.validate(); err != nil {
		return err
	}
	c := generate(o)
	w := &writer{dir: dir}
	if err := w.start(); err != nil {
		return err
	}
	w.file("site.toml", []byte(`title = "A synthetic dossier"
description = "Generated for benchmarks: none of this happened."
language = "en"
`))
	for _, e := range c.events {
		f := newFront()
		f.str("title", e.title)
		if e.literal {
			f.raw("date", e.date)
		} else {
			f.str("date", e.date)
		}
		f.str("end", e.end)
		f.str("place", e.place)
		f.list("people", e.people)
		f.list("organizations", nonNil(e.orgs))
		f.list("tags", e.tags)
		f.str("status", e.status)
		f.list("sources", e.sources)
		f.str("summary", e.summary)
		f.extras(e)
		w.entry("events", e.id, f, e.body)
	}
	for _, p := range c.people {
		f := newFront()
		f.str("name", p.name)
		f.list("aliases", p.aliases)
		f.str("native_name", p.native)
		f.str("born", p.born)
		f.str("description", p.description)
		f.list("affiliations", p.affiliations)
		f.str("place", p.place)
		f.list("sources", p.sources)
		w.entry("people", p.id, f, p.body)
	}
	for _, og := range c.orgs {
		f := newFront()
		f.str("name", og.name)
		f.list("aliases", og.aliases)
		f.str("kind", og.kind)
		f.str("description", og.description)
		f.list("sources", og.sources)
		w.entry("organizations", og.id, f, og.body)
	}
	for _, p := range c.places {
		f := newFront()
		f.str("name", p.name)
		f.str("country", p.country)
		f.float("lat", p.lat)
		f.float("lon", p.lon)
		w.entry("places", p.id, f, p.body)
	}
	for _, s := range c.sources {
		f := newFront()
		f.str("title", s.title)
		f.str("publisher", s.publisher)
		f.str("author", s.author)
		f.str("url", s.url)
		f.str("published", s.published)
		f.str("language", s.language)
		f.str("kind", s.kind)
		w.entry("sources", s.id, f, s.body)
	}
	for _, p := range c.pages {
		f := newFront()
		f.str("title", p.title)
		f.raw("weight", strconv.Itoa(p.weight))
		w.entry("pages", p.id, f, p.body)
	}
	return w.err
}

// writer writes files under dir and keeps the first error.
type writer struct {
	dir  string
	made map[string]bool
	err  error
}

func (w *writer) start() error {
	entries, err := os.ReadDir(w.dir)
	if err == nil && len(entries) > 0 {
		return fmt.Errorf("synth: %s is not empty", w.dir)
	}
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

func (w *writer) file(rel string, data []byte) {
	if w.err != nil {
		return
	}
	path := filepath.Join(w.dir, filepath.FromSlash(rel))
	if d := filepath.Dir(path); !w.made[d] {
		if w.err = os.MkdirAll(d, 0o755); w.err != nil {
			return
		}
		if w.made == nil {
			w.made = map[string]bool{}
		}
		w.made[d] = true
	}
	w.err = os.WriteFile(path, data, 0o644)
}

// entry writes content/kind/id.md with its front matter and body.
func (w *writer) entry(kind, id string, f *front, body string) {
	w.file("content/"+kind+"/"+id+".md", f.file(body))
}

// front builds TOML front matter. Keys are written in the order given, as a
// contributor would, which encoding a map would not keep.
type front struct {
	b      bytes.Buffer
	tables bytes.Buffer // [tables] and [[arrays]] follow the plain keys
}

func newFront() *front {
	f := &front{}
	f.b.WriteString("+++\n")
	return f
}

func (f *front) str(key, v string) {
	if v != "" {
		fmt.Fprintf(&f.b, "%s = %s\n", key, quote(v))
	}
}

func (f *front) raw(key, v string) { fmt.Fprintf(&f.b, "%s = %s\n", key, v) }

func (f *front) float(key string, v float64) {
	f.raw(key, strconv.FormatFloat(v, 'f', -1, 64))
}

// list writes a nil list not at all and an empty one as [].
func (f *front) list(key string, v []string) {
	if v == nil {
		return
	}
	q := make([]string, len(v))
	for i, s := range v {
		q[i] = quote(s)
	}
	fmt.Fprintf(&f.b, "%s = [%s]\n", key, strings.Join(q, ", "))
}

// extras writes an event's roles, accounts and corrections: tables, which
// must follow every plain key.
func (f *front) extras(e event) {
	t := &f.tables
	if len(e.roles) > 0 {
		t.WriteString("\n[roles]\n")
		for _, r := range e.roles {
			fmt.Fprintf(t, "%s = %s\n", r[0], quote(r[1]))
		}
	}
	if len(e.accounts) > 0 {
		t.WriteString("\n")
		for _, a := range e.accounts {
			fmt.Fprintf(t, "[[accounts]]\nsource = %s\nsays = %s\n", quote(a[0]), quote(a[1]))
		}
	}
	if len(e.corrections) > 0 {
		t.WriteString("\n")
		for _, c := range e.corrections {
			fmt.Fprintf(t, "[[corrections]]\ndate = %s\nnote = %s\n", quote(c[0]), quote(c[1]))
		}
	}
}

func (f *front) file(body string) []byte {
	f.b.Write(f.tables.Bytes())
	f.b.WriteString("+++\n")
	if body != "" {
		f.b.WriteString("\n" + body + "\n")
	}
	return f.b.Bytes()
}

// quote returns s as a TOML basic string. The generated text holds no
// control characters, so only the backslash and the quote need escaping.
func quote(s string) string {
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
