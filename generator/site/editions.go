package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"dossier/generator/content"
	"dossier/generator/diag"
)

// An edition is the dossier in one of site.toml's [languages]: a Site of
// its own, whose entries are the originals with the text of their
// translations (content/KIND/ID.TAG.md) put in, so that every page,
// list, feed and index of the edition is made as the default's is. An
// entry not translated keeps its original text, and its Lang says so;
// pages mark such text with its language and direction. Structural
// fields come from the originals alone, so an edition has the same
// entries, order, relations and tags as the default, and its pages the
// same paths under its Root.

type entryKey struct {
	kind content.Kind
	id   string
}

// editions checks the translations and makes s.Editions: s first, then
// one Site for each language of site.toml.
func (s *Site) editions(translations []*content.Entry) diag.List {
	var errs diag.List
	byLang := map[string]map[entryKey]*content.Entry{}
	for _, t := range translations {
		if !s.knownLanguage(t, &errs) {
			continue
		}
		if s.Get(t.Kind, t.ID) == nil {
			errs.Add(t.Path, 1, 1, "%s", s.unknownOriginal(t))
			continue
		}
		if byLang[t.Lang] == nil {
			byLang[t.Lang] = map[entryKey]*content.Entry{}
		}
		byLang[t.Lang][entryKey{t.Kind, t.ID}] = t
	}
	for _, t := range translations {
		if byLang[t.Lang][entryKey{t.Kind, t.ID}] == t {
			errs = append(errs, s.checkTranslation(t, byLang[t.Lang])...)
		}
	}
	s.Root = ""
	s.Editions = []*Site{s}
	for _, l := range s.Config.Languages {
		if strings.EqualFold(l.Tag, s.Config.Language) {
			continue // an error of site.toml
		}
		s.Editions = append(s.Editions, s.edition(l, byLang[l.Tag]))
	}
	for _, ed := range s.Editions[1:] {
		ed.Editions = s.Editions
	}
	return errs
}

// knownLanguage reports whether a translation's tag is one of the site's
// other languages, saying why not.
func (s *Site) knownLanguage(t *content.Entry, errs *diag.List) bool {
	cfg := s.Config
	if _, ok := cfg.Lang(t.Lang); ok && !strings.EqualFold(t.Lang, cfg.Language) {
		return true
	}
	if strings.EqualFold(t.Lang, cfg.Language) {
		errs.Add(t.Path, 1, 1, "%s is the site's default language: the text in it is %s itself", t.Lang, content.OriginalPath(t))
		return false
	}
	var tags []string
	for _, l := range cfg.Languages {
		tags = append(tags, l.Tag)
	}
	msg := fmt.Sprintf("'%s' is not one of the site's languages", t.Lang)
	near := ""
	for _, tag := range tags {
		if strings.EqualFold(tag, t.Lang) {
			near = tag
		}
	}
	if near == "" {
		near = diag.Nearest(t.Lang, tags)
	}
	switch {
	case near != "":
		msg += fmt.Sprintf("; did you mean %s (%s.%s.md)?", near, t.ID, near)
	case len(tags) > 0:
		msg += fmt.Sprintf(" (%s): to add it, write a [languages.%s] table in site.toml", strings.Join(tags, ", "), t.Lang)
	default:
		msg += fmt.Sprintf(": to add it, write a [languages.%s] table in site.toml", t.Lang)
	}
	errs.Add(t.Path, 1, 1, "%s", msg)
	return false
}

// unknownOriginal explains a translation of an entry that does not exist.
func (s *Site) unknownOriginal(t *content.Entry) string {
	msg := fmt.Sprintf("translation of unknown %s '%s': a translation is named ID.%s.md after the file ID.md it translates", t.Kind, t.ID, t.Lang)
	var ids []string
	for id := range s.byKind[t.Kind] {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if near := diag.Nearest(t.ID, ids); near != "" {
		msg += fmt.Sprintf("; did you mean %s.%s.md?", near, t.Lang)
	}
	return msg
}

// checkTranslation checks what a translation names, as for any entry,
// and that its roles and accounts are the original's.
func (s *Site) checkTranslation(t *content.Entry, same map[entryKey]*content.Entry) diag.List {
	var errs diag.List
	o := s.Get(t.Kind, t.ID)
	for _, r := range t.Refs {
		target := s.Get(r.Kind, r.ID)
		if target == nil {
			errs.Add(t.Path, r.Line, r.Col, "%s", s.unknown(r))
			continue
		}
		if tt := same[entryKey{r.Kind, r.ID}]; tt != nil && hasBody(tt) {
			target = tt // the link leads to the page in this language
		}
		if r.Fragment != "" && !target.HeadingIDs[r.Fragment] {
			errs.Add(t.Path, r.Line, r.Col, "%s has no heading with id '%s'%s", target.Path, r.Fragment, headingList(target))
		}
		if r.Field == "roles" && o.Roles[r.ID] == "" {
			errs.Add(t.Path, r.Line, r.Col, "'%s' has no role in %s: a translation gives the original's roles in its language", r.ID, o.Path)
		}
	}
	n := 0 // accounts before this one that name their source
	for i, a := range t.Accounts {
		if a.Source == "" {
			if i >= len(o.Accounts) {
				errs.Add(t.Path, 1, 1, "this translation has %d accounts, and %s has %d: a translation's accounts are the original's, in order", len(t.Accounts), o.Path, len(o.Accounts))
			}
			continue
		}
		// The refs of accounts are those of the accounts that name a
		// source, in order: this is the nth.
		line, col, seen := 1, 1, 0
		for _, r := range t.Refs {
			if r.Field == "accounts" {
				if seen == n {
					line, col = r.Line, r.Col
					break
				}
				seen++
			}
		}
		n++
		switch {
		case i >= len(o.Accounts):
			errs.Add(t.Path, line, col, "account %d: %s has only %d accounts; a translation's accounts are the original's, in order", i+1, o.Path, len(o.Accounts))
		case o.Accounts[i].Source != a.Source:
			errs.Add(t.Path, line, col, "account %d of %s is from '%s', not '%s': a translation's accounts are the original's, in order", i+1, o.Path, o.Accounts[i].Source, a.Source)
		}
	}
	return errs
}

// hasBody reports whether an entry's file has text after its front matter.
func hasBody(e *content.Entry) bool {
	return e.Raw != nil && len(bytes.TrimSpace(e.Raw[e.Body:])) > 0
}

// edition makes the site in language l from the originals of s and their
// translations into l. Every problem was reported for s: an edition has
// the originals' structure and the translations checked above.
func (s *Site) edition(l content.Language, translations map[entryKey]*content.Entry) *Site {
	entries := make([]*content.Entry, 0, len(s.Entries))
	for _, o := range s.Entries {
		entries = append(entries, translated(o, translations[entryKey{o.Kind, o.ID}], s.Config.Language))
	}
	ed, _ := newSite(s.Config.Edition(l), entries)
	ed.Root = s.Config.Folder(l.Tag)
	return ed
}

// translated returns a copy of the original o with the text of its
// translation t, if there is one, in the place of its own. A field t
// leaves out, and a body it leaves empty, stay the original's, in the
// original's language (Lang, BodyLang).
func translated(o, t *content.Entry, def string) *content.Entry {
	e := *o
	e.Lang, e.BodyLang, e.Original = def, def, o
	if t == nil {
		return &e
	}
	e.Lang = t.Lang
	if !hasBody(o) {
		e.BodyLang = t.Lang // nothing is left untranslated
	}
	text := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	text(&e.Title, t.Title)
	text(&e.Summary, t.Summary)
	text(&e.Description, t.Description)
	text(&e.NativeName, t.NativeName)
	if t.Aliases != nil {
		e.Aliases = t.Aliases
	}
	if len(t.Roles) > 0 {
		e.Roles = maps.Clone(o.Roles)
		for id, role := range t.Roles {
			if _, ok := o.Roles[id]; ok {
				e.Roles[id] = role
			}
		}
	}
	if len(t.Accounts) > 0 {
		e.Accounts = slices.Clone(o.Accounts)
		for i, a := range t.Accounts {
			if i < len(e.Accounts) && a.Says != "" {
				e.Accounts[i].Says = a.Says
			}
			if i < len(e.Accounts) && a.About != "" {
				e.Accounts[i].About = a.About
			}
		}
	}
	if hasBody(t) {
		e.Path, e.Raw, e.Body, e.Text, e.HeadingIDs = t.Path, t.Raw, t.Body, t.Text, t.HeadingIDs
		e.HTML, e.Classes = t.HTML, t.Classes
		e.BodyLang = t.Lang
		// The fields' references are the original's, the body's the
		// translation's.
		e.Refs = nil
		for _, r := range o.Refs {
			if !inBody(r) {
				e.Refs = append(e.Refs, r)
			}
		}
		for _, r := range t.Refs {
			if inBody(r) {
				e.Refs = append(e.Refs, r)
			}
		}
	}
	return &e
}

// inBody reports whether r is written in an entry's body.
func inBody(r content.Ref) bool {
	return r.Field == "citation" || r.Field == "link"
}
