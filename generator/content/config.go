package content

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"dossier/generator/diag"
)

// Config is site.toml.
type Config struct {
	Title       string
	Description string
	Language    string     // BCP 47 tag; "en" when unset
	Direction   string     // "ltr" or "rtl"
	BaseURL     string     // absolute URL the site is published at, or ""
	EditURL     string     // pattern with {path}, or ""
	Calendar    string     // "gregorian", or "persian" for Solar Hijri dates beside the Gregorian
	Digits      string     // "latin", or "persian" for ۰۱۲۳۴۵۶۷۸۹ in dates and counts
	Languages   []Language // [languages.TAG], by tag
}

var configFields = []string{"title", "description", "language", "direction", "base_url", "edit_url", "calendar", "digits", "languages"}

// A Language is a [languages.TAG] table of site.toml: a language the site
// is also published in, besides its default (SPEC §5): its pages are in
// the output folder Folder(Tag), and its settings take the place of the
// site's there (see Config.Edition).
type Language struct {
	Tag         string // BCP 47, as written: "fa-AF"
	Name        string // shown in the language switcher
	Title       string
	Description string
	Direction   string // "ltr" or "rtl"
	Calendar    string // as Config.Calendar
	Digits      string // as Config.Digits
}

var languageFields = []string{"name", "title", "description", "direction", "calendar", "digits"}

// languageTag is the shape of a BCP 47 tag: a language, then subtags
// (script, region, variant).
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// Calendars and Digits are the values the settings of those names take,
// the default first.
var (
	Calendars = []string{"gregorian", "persian"}
	Digits    = []string{"latin", "persian"}
)

// LoadConfig reads site.toml from the root of fsys.
func LoadConfig(fsys fs.FS) (Config, diag.List) {
	const name = "site.toml"
	var errs diag.List
	cfg := Config{Language: "en", Direction: "ltr", Calendar: Calendars[0], Digits: Digits[0]}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(name, 0, 0, "cannot read site settings: %v (a site needs a site.toml with at least title = \"...\")", unwrapPath(err))
		return cfg, errs
	}
	f := newFile(name, src)
	m, ok := decodeTOML(f, src, "", &errs)
	if !ok {
		return cfg, errs
	}
	loc := newLocator(f, src)
	at := func(off int, format string, args ...any) {
		line, col := f.pos(off)
		errs.Add(name, line, col, format, args...)
	}
	for _, key := range sortedKeys(m) {
		if key == "languages" {
			cfg.Languages = loadLanguages(m[key], loc, at)
			continue
		}
		s, ok := m[key].(string)
		known := false
		for _, k := range configFields {
			known = known || k == key
		}
		if !known {
			msg := fmt.Sprintf("site.toml has no setting '%s'", key)
			if near := diag.Nearest(key, configFields); near != "" {
				msg += fmt.Sprintf("; did you mean '%s'?", near)
			} else {
				msg += "; the settings are: " + strings.Join(configFields, ", ")
			}
			at(loc.key(key), "%s", msg)
			continue
		}
		if !ok {
			at(loc.value(key, ""), "%s must be a string in quotes", key)
			continue
		}
		s = strings.TrimSpace(s)
		off := loc.value(key, s)
		switch key {
		case "title":
			cfg.Title = s
		case "description":
			cfg.Description = s
		case "language":
			if s != "" {
				cfg.Language = s
			}
		case "direction":
			if s != "ltr" && s != "rtl" {
				at(off, "direction must be \"ltr\" or \"rtl\"")
			}
			cfg.Direction = s
		case "base_url":
			if err := checkURL(s); err != nil {
				at(off, "base_url %v", err)
			}
			cfg.BaseURL = strings.TrimSuffix(s, "/") + "/"
		case "edit_url":
			if !strings.Contains(s, "{path}") {
				at(off, "edit_url must contain {path}, which is replaced by the entry's file path")
			} else if err := checkURL(strings.ReplaceAll(s, "{path}", "x")); err != nil {
				at(off, "edit_url %v", err)
			}
			cfg.EditURL = s
		case "calendar":
			cfg.Calendar = oneOf(s, Calendars, func(msg string) { at(off, "calendar %s", msg) })
		case "digits":
			cfg.Digits = oneOf(s, Digits, func(msg string) { at(off, "digits %s", msg) })
		}
	}
	if cfg.Title == "" {
		errs.Add(name, 1, 1, "site.toml needs a title, like title = \"My dossier\"")
	}
	for _, l := range cfg.Languages {
		line, col := f.pos(loc.key("languages." + l.Tag))
		if strings.EqualFold(l.Tag, cfg.Language) {
			errs.Add(name, line, col, "%s is the site's default language (language = \"%s\"); [languages.TAG] names the others", l.Tag, cfg.Language)
		}
	}
	return cfg, errs
}

// loadLanguages reads the [languages.TAG] tables of site.toml.
func loadLanguages(v any, loc *locator, at func(off int, format string, args ...any)) []Language {
	tables, ok := v.(map[string]any)
	if !ok {
		at(loc.key("languages"), "languages must be tables, one a language: [languages.fa-AF] then its settings")
		return nil
	}
	var out []Language
	for _, tag := range sortedKeys(tables) {
		path := "languages." + tag
		if !languageTag.MatchString(tag) {
			at(loc.key(path), "'%s' is not a language tag (BCP 47), like fa-AF or ps", tag)
			continue
		}
		t, ok := tables[tag].(map[string]any)
		if !ok {
			at(loc.key(path), "%s must be a table: [%s], then its settings", path, path)
			continue
		}
		l := Language{Tag: tag, Direction: "ltr", Calendar: Calendars[0], Digits: Digits[0]}
		for _, key := range sortedKeys(t) {
			kp := path + "." + key
			if !slices.Contains(languageFields, key) {
				msg := fmt.Sprintf("[%s] has no setting '%s'", path, key)
				if near := diag.Nearest(key, languageFields); near != "" {
					msg += fmt.Sprintf("; did you mean '%s'?", near)
				} else {
					msg += "; the settings are: " + strings.Join(languageFields, ", ")
				}
				at(loc.key(kp), "%s", msg)
				continue
			}
			s, ok := t[key].(string)
			if !ok {
				at(loc.value(kp, ""), "%s must be a string in quotes", key)
				continue
			}
			s = strings.TrimSpace(s)
			off := loc.value(kp, s)
			switch key {
			case "name":
				l.Name = s
			case "title":
				l.Title = s
			case "description":
				l.Description = s
			case "direction":
				if s != "ltr" && s != "rtl" {
					at(off, "direction must be \"ltr\" or \"rtl\"")
				}
				l.Direction = s
			case "calendar":
				l.Calendar = oneOf(s, Calendars, func(msg string) { at(off, "calendar %s", msg) })
			case "digits":
				l.Digits = oneOf(s, Digits, func(msg string) { at(off, "digits %s", msg) })
			}
		}
		out = append(out, l)
	}
	return out
}

// oneOf returns s if it is one of values, else the first value, saying
// through bad which values there are.
func oneOf(s string, values []string, bad func(msg string)) string {
	if slices.Contains(values, s) {
		return s
	}
	msg := "must be \"" + strings.Join(values, "\" or \"") + "\""
	if near := diag.Nearest(s, values); near != "" {
		msg += fmt.Sprintf("; did you mean \"%s\"?", near)
	}
	bad(msg)
	return values[0]
}

// Folder is the output folder of a language's pages, with a trailing
// slash: its tag in lower case ("fa-af/"), or "" for the default language.
func (c Config) Folder(tag string) string {
	if tag == c.Language {
		return ""
	}
	return strings.ToLower(tag) + "/"
}

// Edition returns the settings of the site's pages in language l: its
// title, description, direction, calendar and digits, and base_url
// followed by its folder. What l leaves out is the site's.
func (c Config) Edition(l Language) Config {
	e := c
	e.Language, e.Direction, e.Calendar, e.Digits = l.Tag, l.Direction, l.Calendar, l.Digits
	if l.Title != "" {
		e.Title = l.Title
	}
	if l.Description != "" {
		e.Description = l.Description
	}
	if c.BaseURL != "" {
		e.BaseURL = c.BaseURL + c.Folder(l.Tag)
	}
	return e
}

// Lang returns the [languages.TAG] table of tag, if the site has one.
func (c Config) Lang(tag string) (Language, bool) {
	for _, l := range c.Languages {
		if l.Tag == tag {
			return l, true
		}
	}
	return Language{}, false
}

// DirectionOf is the direction of the site's text in language tag: the
// site's own for its default language or an unknown tag.
func (c Config) DirectionOf(tag string) string {
	if l, ok := c.Lang(tag); ok {
		return l.Direction
	}
	return c.Direction
}
