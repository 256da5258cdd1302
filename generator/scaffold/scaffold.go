// Package scaffold writes the file of a new entry from a template.
//
// The template is made from content.Schema, so it names every field a
// kind has, each with its documentation as a TOML comment. Optional
// fields are commented out, ready to be switched on by deleting the #.
// Required fields hold a placeholder starting with TODO: the file is
// valid TOML as written, and `check` reports each placeholder left at its
// line and column, so a contributor runs check to see what is still to
// fill in. An event's date is filled in from its id, since event ids
// start with their date.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/slug"
)

// ParseKind reads a kind as a contributor types it: its name ("person")
// or its folder ("people").
func ParseKind(s string) (content.Kind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range content.Kinds {
		if s == string(k) || s == k.Dir() {
			return k, true
		}
	}
	return "", false
}

// KindNames returns the kinds' names, for messages.
func KindNames() []string {
	var names []string
	for _, k := range content.Kinds {
		names = append(names, string(k))
	}
	return names
}

// EventID returns the id an event gets and its date. An id that starts
// with a date keeps it; any other is prefixed with today's date, since
// event ids start with their date and keep the folder in time order.
func EventID(id string, today date.Date) (string, date.Date, error) {
	prefix, rest := slug.SplitDate(id)
	if prefix == "" {
		return today.String() + "-" + id, today, nil
	}
	d, err := date.Parse(prefix)
	if err != nil {
		return "", date.Date{}, fmt.Errorf("the id starts with a date that cannot be: %v", err)
	}
	if rest == "" {
		return "", date.Date{}, fmt.Errorf("add a few words after the date, like %s-what-happened", id)
	}
	return id, d, nil
}

// Template returns the file of a new entry of kind k. For an event, d is
// its date; for other kinds it is ignored. id appears in the guidance.
func Template(k content.Kind, id string, d date.Date) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	for _, line := range intro(k, id) {
		b.WriteString(strings.TrimSpace("# "+line) + "\n")
	}
	var tables []content.Field
	for _, f := range content.Schema[k] {
		if f.IsTable() {
			tables = append(tables, f)
			continue
		}
		b.WriteString("\n")
		switch {
		case k == content.Event && f.Name == "date":
			fmt.Fprintf(&b, "# %s\n%s = %q\n", f.Doc, f.Name, d.String())
		case f.Required:
			b.WriteString(f.Placeholder() + "\n")
		default:
			fmt.Fprintf(&b, "# %s\n# %s\n", f.Doc, f.Example())
		}
	}
	// Tables last: in TOML every line after [table] belongs to it.
	for _, f := range tables {
		fmt.Fprintf(&b, "\n# %s\n", f.Doc)
		for _, line := range strings.Split(f.Example(), "\n") {
			b.WriteString("# " + line + "\n")
		}
	}
	b.WriteString("+++\n")
	return []byte(b.String())
}

// intro is the template's opening comment: how to use it and what the
// text under it holds.
func intro(k content.Kind, id string) []string {
	lines := []string{
		fmt.Sprintf("A new %s. Replace every TODO, then run: go run ./generator check", k),
		"A line that starts with # is a comment; delete the # to use a field.",
		"The rules of the dossier are in CONTRIBUTING.md.",
		"",
	}
	switch k {
	case content.Source:
		return append(lines,
			"Record only what the document itself shows: no guessed URL, date,",
			"author or publisher. Below the closing +++, say in a line or two what",
			fmt.Sprintf("the document is. Entries cite it as [@%s] or [@%s, para. 3].", id, id))
	case content.Page:
		return append(lines, "Below the closing +++, write the page in Markdown.")
	}
	return append(lines,
		"Below the closing +++, write the text in Markdown, in your own words.",
		"Cite every fact: [@source-id] or [@source-id, para. 3]. Attribute",
		"allegations by name. Link to other entries by their file, like",
		"[Tehran](../places/tehran.md).")
}

// Path returns the file of the entry of kind k and id, relative to the
// site root, slash-separated.
func Path(k content.Kind, id string) string {
	return path.Join("content", k.Dir(), id+".md")
}

// ErrExists means the entry's file is already there; it is left alone.
var ErrExists = errors.New("already exists")

// Write writes a new entry's file into the site in dir and returns its
// path relative to dir. It never replaces a file: an entry that exists
// is someone's work.
func Write(dir string, k content.Kind, id string, d date.Date) (string, error) {
	rel := Path(k, id)
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return rel, err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return rel, ErrExists
	}
	if err != nil {
		return rel, err
	}
	if _, err := f.Write(Template(k, id, d)); err != nil {
		f.Close()
		os.Remove(p)
		return rel, err
	}
	return rel, f.Close()
}
