package content

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"dossier/generator/date"
	"dossier/generator/diag"
)

// typ is the type of a front matter field's value.
type typ int

const (
	tString typ = iota
	tStrings
	tDate
	tRef  // one id of the field's kind
	tRefs // a list of ids of the field's kind
	tURL
	tHash // a SHA-256 digest in hex
	tStatus
	tFloat
	tInt
	tRoles
	tAccounts
	tCorrections
)

// A Field is one front matter field of a kind of entry. The schema drives
// decoding, the "unknown field" suggestions and the templates that
// `new` writes, so a field is added in one place.
type Field struct {
	Name     string
	typ      typ
	Required bool
	ref      Kind
	Doc      string // shown in templates written by `new`
	set      func(e *Entry, v any)
}

var common = []Field{
	{Name: "corrections", typ: tCorrections, Doc: "public log of corrections to this entry: one block for each, newest last",
		set: func(e *Entry, v any) { e.Corrections = v.([]Correction) }},
}

var sourcesField = Field{Name: "sources", typ: tRefs, ref: Source, Doc: "ids of the sources this entry rests on",
	set: func(e *Entry, v any) { e.Sources = v.([]string) }}

// Schema lists the fields of each kind, in the order templates show them.
var Schema = map[Kind][]Field{
	Event: {
		{Name: "title", typ: tString, Required: true, Doc: "what happened, in a line", set: func(e *Entry, v any) { e.Title = v.(string) }},
		{Name: "date", typ: tDate, Required: true, Doc: `"YYYY-MM-DD", "YYYY-MM" or "YYYY": only as precise as the sources; end it with ~ if they say "about", ? if they are unsure`, set: func(e *Entry, v any) { e.Date = v.(date.Date) }},
		{Name: "end", typ: tDate, Doc: "last day of a span, if it lasted", set: func(e *Entry, v any) { e.End = v.(date.Date) }},
		{Name: "after", typ: tRefs, ref: Event, Doc: `ids of events the sources say this one came after ("after the shooting"): it is then listed after them`, set: func(e *Entry, v any) { e.After = v.([]string) }},
		{Name: "before", typ: tRefs, ref: Event, Doc: `ids of events the sources say this one came before ("days before his death")`, set: func(e *Entry, v any) { e.Before = v.([]string) }},
		{Name: "place", typ: tRef, ref: Place, Doc: "id of the place", set: func(e *Entry, v any) { e.Place = v.(string) }},
		{Name: "people", typ: tRefs, ref: Person, Doc: "ids of the people involved", set: func(e *Entry, v any) { e.People = v.([]string) }},
		{Name: "organizations", typ: tRefs, ref: Organization, Doc: "ids of the organizations involved", set: func(e *Entry, v any) { e.Organizations = v.([]string) }},
		{Name: "tags", typ: tStrings, Doc: "lowercase topic words", set: func(e *Entry, v any) { e.Tags = v.([]string) }},
		{Name: "status", typ: tStatus, Required: true, Doc: "confirmed, reported, alleged or disputed", set: func(e *Entry, v any) { e.Status = v.(string) }},
		{Name: "sources", typ: tRefs, ref: Source, Required: true, Doc: "ids of the sources; at least one", set: func(e *Entry, v any) { e.Sources = v.([]string) }},
		{Name: "summary", typ: tString, Doc: "one sentence for the timeline", set: func(e *Entry, v any) { e.Summary = v.(string) }},
		{Name: "roles", typ: tRoles, ref: Person, Doc: "the role of each person in this event, by their id; list them in people too", set: func(e *Entry, v any) { e.Roles = v.(map[string]string) }},
		{Name: "accounts", typ: tAccounts, Doc: "where sources differ, one block for each source's version, side by side", set: func(e *Entry, v any) { e.Accounts = v.([]Account) }},
	},
	Person: {
		{Name: "name", typ: tString, Required: true, Doc: "the name most sources use", set: func(e *Entry, v any) { e.Title = v.(string) }},
		{Name: "aliases", typ: tStrings, Doc: "every other spelling and transliteration", set: func(e *Entry, v any) { e.Aliases = v.([]string) }},
		{Name: "native_name", typ: tString, Doc: "the name in its own script", set: func(e *Entry, v any) { e.NativeName = v.(string) }},
		{Name: "born", typ: tDate, Doc: "date of birth, at the precision known", set: func(e *Entry, v any) { e.Born = v.(date.Date) }},
		{Name: "died", typ: tDate, Doc: "date of death, at the precision known", set: func(e *Entry, v any) { e.Died = v.(date.Date) }},
		{Name: "description", typ: tString, Doc: "who they are, in a line", set: func(e *Entry, v any) { e.Description = v.(string) }},
		{Name: "affiliations", typ: tRefs, ref: Organization, Doc: "ids of organizations", set: func(e *Entry, v any) { e.Affiliations = v.([]string) }},
		{Name: "place", typ: tRef, ref: Place, Doc: "id of the place they come from", set: func(e *Entry, v any) { e.Place = v.(string) }},
		{Name: "tags", typ: tStrings, Doc: "lowercase topic words", set: func(e *Entry, v any) { e.Tags = v.([]string) }},
		sourcesField,
	},
	Organization: {
		{Name: "name", typ: tString, Required: true, Doc: "the name most sources use", set: func(e *Entry, v any) { e.Title = v.(string) }},
		{Name: "aliases", typ: tStrings, Doc: "other names, acronyms, transliterations", set: func(e *Entry, v any) { e.Aliases = v.([]string) }},
		{Name: "kind", typ: tString, Doc: "state body, armed group, party, media...", set: func(e *Entry, v any) { e.Type = v.(string) }},
		{Name: "description", typ: tString, Doc: "what it is, in a line", set: func(e *Entry, v any) { e.Description = v.(string) }},
		sourcesField,
	},
	Place: {
		{Name: "name", typ: tString, Required: true, Doc: "the name most sources use", set: func(e *Entry, v any) { e.Title = v.(string) }},
		{Name: "country", typ: tString, Doc: "the country it is in", set: func(e *Entry, v any) { e.Country = v.(string) }},
		{Name: "lat", typ: tFloat, Doc: "latitude in decimal degrees", set: func(e *Entry, v any) { e.Lat = v.(*float64) }},
		{Name: "lon", typ: tFloat, Doc: "longitude in decimal degrees", set: func(e *Entry, v any) { e.Lon = v.(*float64) }},
		sourcesField,
	},
	Source: {
		{Name: "title", typ: tString, Required: true, Doc: "headline of the document", set: func(e *Entry, v any) { e.Title = v.(string) }},
		{Name: "publisher", typ: tString, Doc: "only if the document names it", set: func(e *Entry, v any) { e.Publisher = v.(string) }},
		{Name: "author", typ: tString, Doc: "only if the document names it", set: func(e *Entry, v any) { e.Author = v.(string) }},
		{Name: "url", typ: tURL, Doc: "http or https address of the document", set: func(e *Entry, v any) { e.URL = v.(string) }},
		{Name: "published", typ: tDate, Doc: "publication date, as the document states it", set: func(e *Entry, v any) { e.Published = v.(date.Date) }},
		{Name: "accessed", typ: tDate, Doc: "when it was read", set: func(e *Entry, v any) { e.Accessed = v.(date.Date) }},
		{Name: "language", typ: tString, Doc: "language code, like en or fa", set: func(e *Entry, v any) { e.Language = v.(string) }},
		{Name: "kind", typ: tString, Doc: "article, statement, post, analysis...", set: func(e *Entry, v any) { e.Type = v.(string) }},
		{Name: "archived_url", typ: tURL, Doc: "address of an archived copy", set: func(e *Entry, v any) { e.ArchivedURL = v.(string) }},
		{Name: "sha256", typ: tHash, Doc: "SHA-256 of the document as retrieved, in hex", set: func(e *Entry, v any) { e.SHA256 = v.(string) }},
	},
	Page: {
		{Name: "title", typ: tString, Required: true, Doc: "the page's title", set: func(e *Entry, v any) { e.Title = v.(string) }},
		{Name: "weight", typ: tInt, Doc: "order in the menu, smallest first", set: func(e *Entry, v any) { e.Weight = v.(int) }},
	},
}

func init() {
	for k := range Schema {
		Schema[k] = append(Schema[k], common...)
	}
}

// FieldNames returns the names of kind k's fields.
func FieldNames(k Kind) []string {
	var names []string
	for _, f := range Schema[k] {
		names = append(names, f.Name)
	}
	return names
}

// decoder turns one file's decoded front matter into an Entry, recording
// problems at the positions the locator finds.
type decoder struct {
	e    *Entry
	loc  *locator
	errs *diag.List

	unfilled []string // fields still holding a template's placeholder
}

func (d *decoder) errorAt(off int, format string, args ...any) {
	line, col := d.loc.f.pos(off)
	d.errs.Add(d.e.Path, line, col, format, args...)
}

func (d *decoder) warnAt(off int, format string, args ...any) {
	line, col := d.loc.f.pos(off)
	d.errs.Warn(d.e.Path, line, col, format, args...)
}

func (d *decoder) ref(kind Kind, id, field string, off int) {
	line, col := d.loc.f.pos(off)
	d.e.Refs = append(d.e.Refs, Ref{Kind: kind, ID: id, Field: field, Line: line, Col: col})
}

func article(k Kind) string {
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return "an " + string(k)
	}
	return "a " + string(k)
}

func (d *decoder) decode(m map[string]any) {
	fields := Schema[d.e.Kind]
	suggested := map[string]bool{}
	for _, key := range sortedKeys(m) {
		i := slices.IndexFunc(fields, func(f Field) bool { return f.Name == key })
		if i < 0 {
			near := d.unknown(key, "", FieldNames(d.e.Kind), fmt.Sprintf("%s has no field '%s'", article(d.e.Kind), key))
			suggested[near] = true
			continue
		}
		f := fields[i]
		if d.e.Lang != "" && !slices.Contains(Translatable[d.e.Kind], key) {
			d.errorAt(d.loc.key(key), "%s comes from the original, %s: a translation holds only its text fields (%s) and its body; remove the line",
				key, OriginalPath(d.e), strings.Join(Translatable[d.e.Kind], ", "))
			continue
		}
		if off, ok := d.placeholder(key, m[key]); ok {
			d.errorAt(off, "%s is still the placeholder from the template: replace it with %s", f.Name, f.Doc)
			d.unfilled = append(d.unfilled, f.Name)
			continue
		}
		if v, ok := d.value(f, m[key]); ok {
			f.set(d.e, v)
		}
	}
	for _, f := range fields {
		// A misspelt required field is reported once, as misspelt.
		if _, ok := m[f.Name]; !ok && f.Required && !suggested[f.Name] && d.e.Lang == "" {
			d.errorAt(d.loc.f.fmStart, "%s needs a %s field, like: %s", article(d.e.Kind), f.Name, example(f))
		}
	}
}

// unknown reports an unknown key, suggesting the nearest known one, which
// it returns.
func (d *decoder) unknown(key, path string, known []string, msg string) string {
	off := d.loc.key(path + key)
	if near := diag.Nearest(key, known); near != "" {
		d.errorAt(off, "%s; did you mean '%s'?", msg, near)
		return near
	}
	d.errorAt(off, "%s; the fields are: %s", msg, strings.Join(known, ", "))
	return ""
}

func example(f Field) string {
	switch f.typ {
	case tDate:
		return f.Name + ` = "2025-12-24"`
	case tRefs:
		return f.Name + ` = ["some-id"]`
	case tStatus:
		return f.Name + ` = "reported"`
	}
	return f.Name + ` = "..."`
}

// value converts one decoded TOML value to the field's Go type.
func (d *decoder) value(f Field, v any) (any, bool) {
	keyOff := d.loc.key(f.Name)
	switch f.typ {
	case tString, tStatus, tURL, tRef, tHash:
		s, ok := v.(string)
		if !ok {
			d.errorAt(d.loc.value(f.Name, ""), "%s must be a string in quotes, like %s", f.Name, example(f))
			return nil, false
		}
		s = strings.TrimSpace(s)
		off := d.loc.value(f.Name, s)
		if s == "" {
			if f.Required {
				d.errorAt(off, "%s is empty: give %s", f.Name, f.Doc)
			} else {
				d.errorAt(off, "%s is empty: give %s, or remove the line", f.Name, f.Doc)
			}
			return nil, false
		}
		switch f.typ {
		case tStatus:
			if !slices.Contains(Statuses, s) {
				msg := fmt.Sprintf("status '%s' is not one of %s", s, strings.Join(Statuses, ", "))
				if near := diag.Nearest(s, Statuses); near != "" {
					msg += fmt.Sprintf("; did you mean '%s'?", near)
				}
				d.errorAt(off, "%s", msg)
				return nil, false
			}
		case tURL:
			if err := checkURL(s); err != nil {
				d.errorAt(off, "%s %v", f.Name, err)
				return nil, false
			}
		case tRef:
			d.ref(f.ref, s, f.Name, off)
		case tHash:
			s = strings.ToLower(s)
			if !sha256RE.MatchString(s) {
				d.errorAt(off, "%s must be 64 hexadecimal digits, as sha256sum prints them", f.Name)
				return nil, false
			}
		}
		return s, true
	case tStrings, tRefs:
		list, ok := v.([]any)
		if !ok {
			d.errorAt(d.loc.value(f.Name, ""), "%s must be a list of strings, like %s = [\"first\", \"second\"]", f.Name, f.Name)
			return nil, false
		}
		var out []string
		seen := map[string]bool{}
		after, bad := 0, false
		for _, item := range list {
			s, ok := item.(string)
			if !ok || strings.TrimSpace(s) == "" {
				if !bad { // once a list: the hint is the same for every item
					d.errorAt(d.loc.value(f.Name, ""), "%s must be a list of non-empty strings in quotes, like %s = [\"first\", \"second\"]", f.Name, f.Name)
				}
				bad = true
				continue
			}
			off := d.loc.valueAfter(f.Name, s, after)
			after = off + 1
			if seen[s] {
				d.warnAt(off, "%s lists '%s' twice", f.Name, s)
				continue
			}
			seen[s] = true
			if f.typ == tRefs {
				d.ref(f.ref, s, f.Name, off)
			}
			out = append(out, s)
		}
		return out, true
	case tDate:
		dt, ok := d.date(f.Name, v)
		return dt, ok
	case tFloat:
		var x float64
		switch n := v.(type) {
		case float64:
			x = n
		case int64:
			x = float64(n)
		default:
			d.errorAt(d.loc.value(f.Name, ""), "%s must be a number, like %s = 31.61", f.Name, f.Name)
			return nil, false
		}
		limit := 90.0
		if f.Name == "lon" {
			limit = 180
		}
		if math.IsNaN(x) || math.Abs(x) > limit {
			hint := ""
			if f.Name == "lat" && math.Abs(x) <= 180 {
				hint = ": latitude runs south to north; are lat and lon swapped?"
			}
			d.errorAt(d.loc.value(f.Name, ""), "%s %v is out of range (-%v to %v)%s", f.Name, x, limit, limit, hint)
			return nil, false
		}
		return &x, true
	case tInt:
		n, ok := v.(int64)
		if !ok || n != int64(int32(n)) {
			d.errorAt(d.loc.value(f.Name, ""), "%s must be a whole number, like %s = 10", f.Name, f.Name)
			return nil, false
		}
		return int(n), true
	case tRoles:
		t, ok := v.(map[string]any)
		if !ok {
			d.errorAt(keyOff, "roles must be a table: a line [roles], then lines person-id = \"role\"")
			return nil, false
		}
		out := map[string]string{}
		for _, id := range sortedKeys(t) {
			off := d.loc.key("roles." + id)
			s, ok := t[id].(string)
			if !ok || strings.TrimSpace(s) == "" {
				d.errorAt(off, "the role of '%s' must be a non-empty string, like %s = \"killed\"", id, id)
				continue
			}
			d.ref(Person, id, "roles", off)
			out[id] = strings.TrimSpace(s)
		}
		return out, true
	case tAccounts:
		tables, ok := v.([]map[string]any)
		if !ok {
			d.errorAt(keyOff, "accounts must be written as [[accounts]] blocks, each with source and says")
			return nil, false
		}
		var out []Account
		for i, t := range tables {
			path := fmt.Sprintf("accounts.%d", i)
			var a Account
			for _, key := range sortedKeys(t) {
				s, _ := t[key].(string)
				switch key {
				case "source":
					a.Source = s
				case "says":
					a.Says = strings.TrimSpace(s)
				case "about":
					a.About = strings.TrimSpace(s)
				default:
					d.unknown(key, path+".", []string{"source", "says", "about"}, fmt.Sprintf("an account has no field '%s'", key))
				}
			}
			if a.Source == "" {
				if d.e.Lang == "" { // a translation's accounts follow the original's
					d.errorAt(d.loc.key(path), "this account needs source = \"source-id\"")
				}
			} else {
				d.ref(Source, a.Source, "accounts", d.loc.value(path+".source", a.Source))
			}
			if a.Says == "" {
				d.errorAt(d.loc.key(path), "this account needs says = \"what the source says\"")
			}
			out = append(out, a)
		}
		return out, true
	case tCorrections:
		tables, ok := v.([]map[string]any)
		if !ok {
			d.errorAt(keyOff, "corrections must be written as [[corrections]] blocks, each with date and note")
			return nil, false
		}
		var out []Correction
		for i, t := range tables {
			path := fmt.Sprintf("corrections.%d", i)
			var c Correction
			for _, key := range sortedKeys(t) {
				switch key {
				case "date":
					c.Date, _ = d.date(path+".date", t[key])
				case "note":
					s, _ := t[key].(string)
					c.Note = strings.TrimSpace(s)
				default:
					d.unknown(key, path+".", []string{"date", "note"}, fmt.Sprintf("a correction has no field '%s'", key))
				}
			}
			if c.Date.IsZero() || c.Note == "" {
				d.errorAt(d.loc.key(path), "a correction needs both date = \"YYYY-MM-DD\" and note = \"what was corrected\"")
			}
			out = append(out, c)
		}
		return out, true
	}
	panic("unreachable")
}

func (d *decoder) date(path string, v any) (date.Date, bool) {
	switch v := v.(type) {
	case string:
		dt, err := date.Parse(strings.TrimSpace(v))
		if err != nil {
			d.errorAt(d.loc.value(path, v), "%v%s", err, dateHint(strings.TrimSpace(v)))
			return date.Date{}, false
		}
		return dt, true
	case time.Time:
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 {
			d.errorAt(d.loc.value(path, ""), "%s has a time of day; give only the date, like %s = \"2025-12-24\"", path, path)
			return date.Date{}, false
		}
		return date.FromTime(v), true
	}
	d.errorAt(d.loc.value(path, ""), "%s must be a date in quotes: \"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\"", path)
	return date.Date{}, false
}

// checkURL accepts absolute http and https URLs only: anything else is
// either broken offline or unsafe on a page.
func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("'%s' is not a valid URL: copy the whole address from the browser's address bar", s)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("'%s' must start with http:// or https://", s)
	}
	if u.Host == "" {
		return fmt.Errorf("'%s' has no host name: write the whole address, like https://example.org/page", s)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func cmpDate(a, b date.Date) int { return date.Compare(a, b) }

// Placeholder starts the values that `new` writes for required fields.
// The template is valid TOML, and check points at each placeholder left,
// so a contributor runs check to see what is still to fill in.
const Placeholder = "TODO"

// placeholder reports whether the value of field name is, or lists, a
// placeholder, and where that is written.
func (d *decoder) placeholder(name string, v any) (int, bool) {
	switch v := v.(type) {
	case string:
		if strings.HasPrefix(strings.TrimSpace(v), Placeholder) {
			return d.loc.value(name, v), true
		}
	case []any:
		for _, item := range v {
			if s, ok := item.(string); ok && strings.HasPrefix(strings.TrimSpace(s), Placeholder) {
				return d.loc.value(name, s), true
			}
		}
	}
	return 0, false
}

// Example returns a line of TOML that sets the field, or for a table the
// lines of one, with a value that shows its form: what a template writes
// for an optional field.
func (f Field) Example() string {
	switch f.typ {
	case tStrings:
		return f.Name + ` = ["...", "..."]`
	case tDate:
		return f.Name + ` = "YYYY-MM-DD"`
	case tRef:
		return fmt.Sprintf(`%s = "%s-id"`, f.Name, f.ref)
	case tRefs:
		return fmt.Sprintf(`%s = ["%s-id"]`, f.Name, f.ref)
	case tURL:
		return f.Name + ` = "https://..."`
	case tStatus:
		return f.Name + ` = "reported"`
	case tFloat:
		return f.Name + ` = 0.0`
	case tInt:
		return f.Name + ` = 10`
	case tRoles:
		return "[roles]\nperson-id = \"role in this event\""
	case tAccounts:
		return "[[accounts]]\nabout = \"what the versions differ on: place, attackers, deaths...\"\nsource = \"source-id\"\nsays = \"this source's version, in your own words\""
	case tCorrections:
		return "[[corrections]]\ndate = \"YYYY-MM-DD\"\nnote = \"what was corrected\""
	}
	return f.Name + ` = "..."`
}

// Placeholder returns a line of TOML that sets the field to a
// placeholder, which check reports until it is replaced: what a template
// writes for a required field.
func (f Field) Placeholder() string {
	switch f.typ {
	case tRefs:
		return fmt.Sprintf(`%s = ["%s: %s-id"]`, f.Name, Placeholder, f.ref)
	case tDate:
		return fmt.Sprintf(`%s = "%s: YYYY-MM-DD"`, f.Name, Placeholder)
	}
	return fmt.Sprintf(`%s = "%s: %s"`, f.Name, Placeholder, f.Doc)
}

// IsTable reports whether the field is written as a [table] or
// [[array of tables]], which in TOML must come after the plain fields.
func (f Field) IsTable() bool {
	return f.typ == tRoles || f.typ == tAccounts || f.typ == tCorrections
}

// dateHint suggests how to write a date given in another common form.
func dateHint(s string) string {
	if m := ymdRE.FindStringSubmatch(s); m != nil {
		out := m[1]
		for _, part := range m[2:] {
			if len(part) == 1 {
				part = "0" + part
			}
			if part != "" {
				out += "-" + part
			}
		}
		if _, err := date.Parse(out); err == nil && out != s {
			return fmt.Sprintf(`; write it as "%s"`, out)
		}
	}
	if dmyRE.MatchString(s) {
		return "; write the year first, then month and day: YYYY-MM-DD"
	}
	return ""
}

var (
	sha256RE = regexp.MustCompile(`^[0-9a-f]{64}$`)
	ymdRE    = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$`)
	dmyRE    = regexp.MustCompile(`^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$`)
)
