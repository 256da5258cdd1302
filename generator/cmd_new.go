package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/diag"
	"dossier/generator/scaffold"
	"dossier/generator/slug"
)

// today is the date an event gets when its id has none; tests fix it.
var today = func() date.Date { return date.FromTime(time.Now()) }

const newUsage = `usage: go run ./generator new [-site DIR] KIND ID

Writes content/KIND/ID.md from a template and prints its path; an
existing file is never replaced. KIND is one of: %s
(or its folder name: events, people...). ID is lowercase letters,
digits and single hyphens. An event's id starts with its date; without
one, today's date is put in front.

ID.TAG, where TAG is one of site.toml's [languages], writes
content/KIND/ID.TAG.md instead: a translation of the entry ID, holding
its text fields to translate.

examples:
  go run ./generator new person ikramuddin-sari
  go run ./generator new event 2025-12-24-tehran-shooting
  go run ./generator new source src-afintl-second-commander-killed
  go run ./generator new person ikramuddin-sari.fa-AF
`

// runNew writes a new entry from a template. Exit status 2 means the
// request was wrong (kind, id, arguments); 1 means the file could not be
// written, for instance because it exists.
func runNew(args []string, stdout, stderr io.Writer) int {
	fs, site := flags("new", stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, newUsage, strings.Join(scaffold.KindNames(), ", ")) }
	// Flags may come before, between or after KIND and ID.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "new: want KIND and ID, got %s\n\n", diag.Plural(len(pos), "argument", "arguments"))
		fs.Usage()
		return 2
	}
	kind, ok := scaffold.ParseKind(pos[0])
	if !ok {
		msg := fmt.Sprintf("new: unknown kind '%s'", pos[0])
		if t := strings.ToLower(pos[0]); t == "tag" || t == "tags" {
			msg += "; tags are not entries: give an entry a line tags = [\"word\"]"
		} else if near := diag.Nearest(t, scaffold.KindNames()); near != "" {
			msg += fmt.Sprintf("; did you mean '%s'?", near)
		}
		fmt.Fprintf(stderr, "%s\nThe kinds are: %s\n", msg, strings.Join(scaffold.KindNames(), ", "))
		return 2
	}
	id := strings.TrimSuffix(pos[1], ".md")
	if base, tag, ok := strings.Cut(id, "."); ok && content.IDPattern.MatchString(base) {
		return newTranslation(*site, kind, base, tag, stdout, stderr)
	}
	if !content.IDPattern.MatchString(id) {
		msg := fmt.Sprintf("new: '%s' is not a valid id: an id is lowercase letters a-z, digits and single hyphens", pos[1])
		if s := slug.ID(id); s != "" {
			msg += fmt.Sprintf("\ntry: go run ./generator new %s %s", kind, s)
		}
		fmt.Fprintln(stderr, msg)
		return 2
	}
	d := date.Date{}
	if kind == content.Event {
		var err error
		if id, d, err = scaffold.EventID(id, today()); err != nil {
			fmt.Fprintf(stderr, "new: %v\n", err)
			return 2
		}
	}
	if _, err := os.Stat(filepath.Join(*site, "site.toml")); err != nil {
		fmt.Fprintf(stderr, "new: %s has no site.toml: run this from the repository root, or pass -site DIR\n", *site)
		return 2
	}
	rel, err := scaffold.Write(*site, kind, id, d)
	shown := filepath.Join(*site, filepath.FromSlash(rel))
	if errors.Is(err, scaffold.ErrExists) {
		fmt.Fprintf(stderr, "new: %s already exists and was left as it is: edit it, or choose another id\n", shown)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "new: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, shown)
	fmt.Fprintln(stderr, "Replace each TODO in it, then run: go run ./generator check")
	return 0
}

// newTranslation writes a translation of the entry of kind and id into
// the language tag, from the entry's text fields.
func newTranslation(site string, kind content.Kind, id, tag string, stdout, stderr io.Writer) int {
	if _, err := os.Stat(filepath.Join(site, "site.toml")); err != nil {
		fmt.Fprintf(stderr, "new: %s has no site.toml: run this from the repository root, or pass -site DIR\n", site)
		return 2
	}
	fsys := os.DirFS(site)
	cfg, _ := content.LoadConfig(fsys)
	l, ok := cfg.Lang(tag)
	if !ok || strings.EqualFold(tag, cfg.Language) {
		var tags []string
		for _, l := range cfg.Languages {
			tags = append(tags, l.Tag)
		}
		msg := fmt.Sprintf("new: %s is not one of the site's other languages", tag)
		if len(tags) > 0 {
			msg += " (" + strings.Join(tags, ", ") + ")"
		}
		fmt.Fprintf(stderr, "%s: a translation is into a language of a [languages.TAG] table of site.toml\n", msg)
		return 2
	}
	orig := scaffold.Path(kind, id)
	if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(orig))); err != nil {
		fmt.Fprintf(stderr, "new: there is no %s to translate: write it first, with go run ./generator new %s %s\n", orig, kind, id)
		return 2
	}
	o, problems := content.LoadFile(fsys, orig)
	if o == nil || problems.Errors() > 0 {
		fmt.Fprintf(stderr, "new: %s has errors, which go run ./generator check lists: correct them, then translate it\n", orig)
		return 1
	}
	rel, err := scaffold.WriteTranslation(site, o, l.Tag)
	shown := filepath.Join(site, filepath.FromSlash(rel))
	if errors.Is(err, scaffold.ErrExists) {
		fmt.Fprintf(stderr, "new: %s already exists and was left as it is: edit it\n", shown)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "new: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, shown)
	fmt.Fprintln(stderr, "Translate each TODO in it, then run: go run ./generator check")
	return 0
}
