package content

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"

	"dossier/generator/diag"
)

// Config is site.toml. Its [overview] and [[kinds]] tables, which shape
// the timeline's overview, key facts and map, are described at Overview
// and EventKind.
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

	Overview Overview    // [overview]: what the timeline singles out
	Kinds    []EventKind // [[kinds]]: kinds of event, by tag
}

var configFields = []string{"title", "description", "language", "direction", "base_url", "edit_url", "calendar", "digits", "languages", "overview", "kinds"}

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
	// Kinds and Labels translate the overview's words of site.toml: the
	// label of each [[kinds]], by its tag, and [overview]'s labels, by
	// event id. What they leave out is shown as the site's.
	Kinds, Labels map[string]string
}

var languageFields = []string{"name", "title", "description", "direction", "calendar", "digits", "kinds", "labels"}

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
	cfg := Config{Language: "en", Direction: "ltr", Calendar: Calendars[0], Digits: Digits[0],
		Overview: Overview{Killed: []string{"killed"}, Accused: []string{"accused"}}}
	if err := checkLink(fsys, name); err != nil {
		errs.Add(name, 1, 1, "%v", err)
		return cfg, errs
	}
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
			at(loc.key(key), "%s", noSetting("site.toml", key, configFields))
			continue
		}
		if key == "overview" || key == "kinds" {
			loadOverview(&cfg, key, m[key], loc, at)
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
		case "direction", "calendar", "digits":
			look(key, s, off, at, &cfg.Direction, &cfg.Calendar, &cfg.Digits)
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
		}
	}
	if cfg.Title == "" {
		errs.Add(name, 1, 1, "site.toml needs a title, like title = \"My dossier\"")
	}
	folders := map[string]string{} // each language's output folder, by the tag that has it
	for _, l := range cfg.Languages {
		line, col := f.pos(loc.key("languages." + l.Tag))
		if strings.EqualFold(l.Tag, cfg.Language) {
			errs.Add(name, line, col, "%s is the site's default language (language = \"%s\"); [languages.TAG] names the others", l.Tag, cfg.Language)
			continue
		}
		if other, ok := folders[strings.ToLower(l.Tag)]; ok {
			errs.Add(name, line, col, "%s and %s are one language tag written two ways (tags ignore case), and would share the folder %s", other, l.Tag, cfg.Folder(l.Tag))
			continue
		}
		folders[strings.ToLower(l.Tag)] = l.Tag
		var tags []string
		for _, k := range cfg.Kinds {
			tags = append(tags, k.Tag)
		}
		for _, tag := range sortedKeys(l.Kinds) {
			if !slices.Contains(tags, tag) {
				line, col := f.pos(loc.key("languages." + l.Tag + ".kinds." + tag))
				msg := fmt.Sprintf("[languages.%s.kinds] names '%s', which no [[kinds]] has as its tag", l.Tag, tag)
				if near := diag.Nearest(tag, tags); near != "" {
					msg += fmt.Sprintf("; did you mean '%s'?", near)
				}
				errs.Add(name, line, col, "%s", msg)
			}
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
				at(loc.key(kp), "%s", noSetting("["+path+"]", key, languageFields))
				continue
			}
			if key == "kinds" || key == "labels" {
				l.Kinds, l.Labels = words(key, t[key], kp, l.Kinds, l.Labels, loc, at)
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
			case "direction", "calendar", "digits":
				look(key, s, off, at, &l.Direction, &l.Calendar, &l.Digits)
			}
		}
		out = append(out, l)
	}
	return out
}

// noSetting words an unknown key of a table of site.toml, suggesting
// the nearest known one.
func noSetting(table, key string, known []string) string {
	msg := fmt.Sprintf("%s has no setting '%s'", table, key)
	if near := diag.Nearest(key, known); near != "" {
		return msg + fmt.Sprintf("; did you mean '%s'?", near)
	}
	return msg + "; the settings are: " + strings.Join(known, ", ")
}

// look reads the settings of how a language's pages look, which the
// site's default language and each [languages.TAG] share: direction,
// calendar and digits.
func look(key, s string, off int, at func(off int, format string, args ...any), direction, calendar, digits *string) {
	switch key {
	case "direction":
		if s != "ltr" && s != "rtl" {
			at(off, "direction must be \"ltr\" or \"rtl\"")
		}
		*direction = s
	case "calendar":
		*calendar = oneOf(s, Calendars, func(msg string) { at(off, "calendar %s", msg) })
	case "digits":
		*digits = oneOf(s, Digits, func(msg string) { at(off, "digits %s", msg) })
	}
}

// words reads a language's kinds or labels: a table of strings, like
// [languages.fa-AF.kinds] then assassination = "ترور".
func words(key string, v any, path string, kinds, labels map[string]string, loc *locator, at func(off int, format string, args ...any)) (map[string]string, map[string]string) {
	t, ok := v.(map[string]any)
	if !ok {
		at(loc.key(path), "%s must be a table: [%s], then lines like %s", path, path, map[string]string{"kinds": `assassination = "..."`, "labels": `"2025-12-24-event-id" = "..."`}[key])
		return kinds, labels
	}
	out := map[string]string{}
	for _, k := range sortedKeys(t) {
		s, ok := t[k].(string)
		if !ok || strings.TrimSpace(s) == "" {
			at(loc.key(path+"."+k), "the %s of %s must be a non-empty string in quotes", strings.TrimSuffix(key, "s"), k)
			continue
		}
		out[k] = strings.TrimSpace(s)
	}
	if key == "kinds" {
		return out, labels
	}
	return kinds, out
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
// title, description, direction, calendar and digits, the overview's
// labels, and base_url followed by its folder. What l leaves out is the
// site's.
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
	if len(l.Kinds) > 0 {
		e.Kinds = slices.Clone(c.Kinds)
		for i, k := range e.Kinds {
			if label := l.Kinds[k.Tag]; label != "" {
				e.Kinds[i].Label = label
			}
		}
	}
	if len(l.Labels) > 0 {
		e.Overview.Labels = maps.Clone(c.Overview.Labels)
		if e.Overview.Labels == nil {
			e.Overview.Labels = map[string]string{}
		}
		maps.Copy(e.Overview.Labels, l.Labels)
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
