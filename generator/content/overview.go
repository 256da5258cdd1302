package content

import (
	"fmt"
	"slices"
	"strings"

	"dossier/generator/diag"
)

// An EventKind is a kind of event that the timeline's overview draws with
// its own shape, named in site.toml by a tag:
//
//	[[kinds]]
//	tag = "assassination"   # events with this tag are of this kind
//	label = "Killing"       # shown in the overview's legend
//	shape = "star"          # circle, square, triangle, diamond or star
//	key = true              # key events: drawn larger and labelled
//
// An event is of the first kind whose tag it carries; an event of no
// kind is drawn as a circle. Its status is the mark's fill, whatever
// its shape: filled when confirmed, half filled when reported, an
// outline when alleged, a dashed outline when disputed.
type EventKind struct {
	Tag, Label, Shape string
	Key               bool
}

// Shapes are the marks an EventKind may use.
var Shapes = []string{"circle", "square", "triangle", "diamond", "star"}

// Overview is the [overview] table of site.toml:
//
//	[overview]
//	killed = ["killed", "shot dead"]   # role values that say someone was killed
//	labels = { "2018-10-18-abdul-raziq-killed" = "Raziq, Kandahar 2018" }
//	accused = ["accused"]              # role values that start so record an accusation
//
// The people an event gives one of the killed roles are counted in the
// timeline's key facts and listed in its roll of the dead; the default
// is ["killed"]. A key event is labelled in the overview by labels, or
// else by the last names of its killed people and its place ("Sari and
// Almas, Tehran"), or else by its title. A role on a killing, or on an
// event after it, that starts with one of the accused words ("accused
// Taliban intelligence") is shown in the roll of the dead beside the
// person who made it; the default is ["accused"].
type Overview struct {
	Killed  []string
	Labels  map[string]string
	Accused []string
}

// Accuses reports whether a role value records an accusation.
func (o Overview) Accuses(role string) bool {
	role = strings.ToLower(strings.TrimSpace(role))
	for _, a := range o.Accused {
		if strings.HasPrefix(role, strings.ToLower(a)) {
			return true
		}
	}
	return false
}

// IsKilled reports whether a role value says the person was killed.
func (o Overview) IsKilled(role string) bool {
	role = strings.ToLower(strings.TrimSpace(role))
	for _, k := range o.Killed {
		if strings.ToLower(k) == role {
			return true
		}
	}
	return false
}

// KindOf returns the kind of an event by its tags, or nil.
func (c *Config) KindOf(e *Entry) *EventKind {
	for i := range c.Kinds {
		for _, t := range e.Tags {
			if strings.EqualFold(t, c.Kinds[i].Tag) {
				return &c.Kinds[i]
			}
		}
	}
	return nil
}

// loadOverview reads [overview] and [[kinds]] from site.toml.
func loadOverview(cfg *Config, key string, v any, loc *locator, at func(off int, format string, args ...any)) {
	switch key {
	case "overview":
		m, ok := v.(map[string]any)
		if !ok {
			at(loc.key(key), "overview must be a table: [overview]")
			return
		}
		for _, k := range sortedKeys(m) {
			path := "overview." + k
			switch k {
			case "killed", "accused":
				list, ok := m[k].([]any)
				var words []string
				for _, s := range list {
					if s, isStr := s.(string); isStr && strings.TrimSpace(s) != "" {
						words = append(words, strings.TrimSpace(s))
					} else {
						ok = false
					}
				}
				if !ok || len(words) == 0 {
					at(loc.key(path), "overview.%s must be a list of role values, like [\"%s\"]", k, k)
				}
				if k == "killed" {
					cfg.Overview.Killed = words
				} else {
					cfg.Overview.Accused = words
				}
			case "labels":
				labels, ok := m[k].(map[string]any)
				if !ok {
					at(loc.key(path), "overview.labels must be a table of event ids and labels, like labels = { \"2018-10-18-x\" = \"Raziq, Kandahar\" }")
					continue
				}
				cfg.Overview.Labels = map[string]string{}
				for id, l := range labels {
					s, ok := l.(string)
					if !ok || strings.TrimSpace(s) == "" {
						at(loc.key(path+"."+id), "the label of %s must be a string in quotes", id)
						continue
					}
					cfg.Overview.Labels[id] = strings.TrimSpace(s)
				}
			default:
				at(loc.key(path), "%s", unknownSetting("overview", k, []string{"killed", "labels", "accused"}))
			}
		}
	case "kinds":
		list, ok := v.([]map[string]any)
		if !ok {
			at(loc.key(key), "kinds must be tables: [[kinds]] with tag, label and shape")
			return
		}
		for i, m := range list {
			prefix := fmt.Sprintf("kinds.%d.", i)
			var k EventKind
			for _, f := range sortedKeys(m) {
				if f == "key" {
					b, ok := m[f].(bool)
					if !ok {
						at(loc.key(prefix+f), "key must be true or false")
					}
					k.Key = b
					continue
				}
				s, ok := m[f].(string)
				if !slices.Contains([]string{"tag", "label", "shape"}, f) {
					at(loc.key(prefix+f), "%s", unknownSetting("kinds", f, []string{"tag", "label", "shape", "key"}))
					continue
				}
				if !ok {
					at(loc.key(prefix+f), "%s must be a string in quotes", f)
					continue
				}
				s = strings.TrimSpace(s)
				switch f {
				case "tag":
					k.Tag = s
				case "label":
					k.Label = s
				case "shape":
					if !slices.Contains(Shapes, s) {
						at(loc.value(prefix+f, s), "shape must be one of %s", strings.Join(Shapes, ", "))
					}
					k.Shape = s
				}
			}
			if k.Tag == "" {
				at(loc.key(strings.TrimSuffix(prefix, ".")), "each [[kinds]] needs a tag, like tag = \"assassination\"")
			}
			if k.Label == "" {
				k.Label = k.Tag
			}
			if k.Shape == "" {
				k.Shape = "circle"
			}
			cfg.Kinds = append(cfg.Kinds, k)
		}
	}
}

func unknownSetting(table, key string, known []string) string {
	msg := fmt.Sprintf("[%s] has no setting '%s'", table, key)
	if near := diag.Nearest(key, known); near != "" {
		return msg + fmt.Sprintf("; did you mean '%s'?", near)
	}
	return msg + "; the settings are: " + strings.Join(known, ", ")
}
