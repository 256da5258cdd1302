package content

import (
	"fmt"
	"io/fs"
	"strings"

	"dossier/generator/diag"
)

// Config is site.toml. Its [overview] and [[kinds]] tables, which shape
// the timeline's overview, key facts and map, are described at Overview
// and EventKind.
type Config struct {
	Title       string
	Description string
	Language    string // BCP 47 tag; "en" when unset
	Direction   string // "ltr" or "rtl"
	BaseURL     string // absolute URL the site is published at, or ""
	EditURL     string // pattern with {path}, or ""

	Overview Overview    // [overview]: what the timeline singles out
	Kinds    []EventKind // [[kinds]]: kinds of event, by tag
}

var configFields = []string{"title", "description", "language", "direction", "base_url", "edit_url", "overview", "kinds"}

// LoadConfig reads site.toml from the root of fsys.
func LoadConfig(fsys fs.FS) (Config, diag.List) {
	const name = "site.toml"
	var errs diag.List
	cfg := Config{Language: "en", Direction: "ltr", Overview: Overview{Killed: []string{"killed"}, Accused: []string{"accused"}}}
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
		}
	}
	if cfg.Title == "" {
		errs.Add(name, 1, 1, "site.toml needs a title, like title = \"My dossier\"")
	}
	return cfg, errs
}
