package feed_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"dossier/generator/build"
	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/feed"
	"dossier/generator/render"
	"dossier/generator/site"
	"dossier/internal/testsite"
)

// testSite loads the test dossier of internal/testsite.
func testSite(t *testing.T) *site.Site {
	t.Helper()
	s, problems := build.Load(testsite.FS())
	if s == nil {
		t.Fatalf("load: %v", problems)
	}
	return s
}

func files(t *testing.T, s *site.Site) map[string][]byte {
	t.Helper()
	var pages []string
	for _, p := range render.Pages(s) {
		pages = append(pages, p.Path)
	}
	fs, err := feed.Files(s, render.URL, pages)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range fs {
		m[f.Path] = f.Data
	}
	return m
}

// dossier.json holds every entry with its id, kind and page, and every
// event's fields.
func TestJSON(t *testing.T) {
	s := testSite(t)
	var doc struct {
		Title   string
		Entries []map[string]any
	}
	if err := json.Unmarshal(files(t, s)["dossier.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title != s.Config.Title {
		t.Errorf("title = %q", doc.Title)
	}
	if len(doc.Entries) != len(s.Entries) {
		t.Fatalf("%d entries, want %d", len(doc.Entries), len(s.Entries))
	}
	byID := map[string]map[string]any{}
	for _, e := range doc.Entries {
		byID[e["kind"].(string)+"/"+e["id"].(string)] = e
	}
	for _, e := range s.Entries {
		j := byID[string(e.Kind)+"/"+e.ID]
		if j == nil {
			t.Errorf("%s/%s missing", e.Kind, e.ID)
			continue
		}
		if j["page"] != render.URL(e) || j["file"] != e.Path {
			t.Errorf("%s: page %v, file %v", e.ID, j["page"], j["file"])
		}
		switch e.Kind {
		case content.Person, content.Organization, content.Place:
			// Their title is a name, under its own field.
			if _, ok := j["title"]; ok || j["name"] != e.Title {
				t.Errorf("%s: name %v, title %v; want name %q and no title", e.ID, j["name"], j["title"], e.Title)
			}
		case content.Source, content.Page:
			if _, ok := j["name"]; ok || j["title"] != e.Title {
				t.Errorf("%s: title %v, name %v; want title %q and no name", e.ID, j["title"], j["name"], e.Title)
			}
		}
		if e.Kind == content.Event {
			if j["title"] != e.Title || j["date"] != e.Date.EDTF() || j["status"] != e.Status {
				t.Errorf("%s: %v", e.ID, j)
			}
			if n := len(j["sources"].([]any)); n != len(e.Sources) {
				t.Errorf("%s: %d sources, want %d", e.ID, n, len(e.Sources))
			}
		}
	}
}

// events.csv has a header and one row per event, in date order.
func TestCSV(t *testing.T) {
	s := testSite(t)
	rows, err := csv.NewReader(bytes.NewReader(files(t, s)["events.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "id,date,end,title,status,place,people,organizations,tags,sources,summary,page,after,before,earliest,latest" {
		t.Errorf("header = %v", rows[0])
	}
	if len(rows)-1 != len(s.Events) {
		t.Fatalf("%d rows, want %d events", len(rows)-1, len(s.Events))
	}
	for i, e := range s.Events {
		r := rows[i+1]
		if r[0] != e.ID || r[1] != e.Date.EDTF() || r[3] != e.Title || r[9] != strings.Join(e.Sources, ";") || r[11] != render.URL(e) {
			t.Errorf("row %d = %q", i+1, r)
		}
		// Lists of ids are joined with ";", which no id contains.
		if r[6] != strings.Join(site.EventPeople(e), ";") || r[7] != strings.Join(e.Organizations, ";") || r[8] != strings.Join(e.Tags, ";") {
			t.Errorf("row %d: people %q, organizations %q, tags %q", i+1, r[6], r[7], r[8])
		}
	}
}

// Cells that start like a formula are neutralized, in every column; the
// rest of events.csv is byte for byte what encoding/csv writes.
func TestCSVInjection(t *testing.T) {
	event := func(title, summary string) []byte {
		return []byte("+++\ntitle = '" + title + "'\ndate = \"2025-12-24\"\nstatus = \"reported\"\nsources = [\"src-a\"]\nsummary = '" + summary + "'\n+++\n")
	}
	s, problems := build.Load(fstest.MapFS{
		"site.toml":                            {Data: []byte("title = \"T\"\n")},
		"content/sources/src-a.md":             {Data: []byte("+++\ntitle = \"A\"\n+++\n")},
		"content/events/2025-12-24-formula.md": {Data: event(`=HYPERLINK("http://evil.example","x")`, "@SUM(1+1)")},
		"content/events/2025-12-24-plus.md":    {Data: event("+1", "-1")},
		"content/events/2025-12-24-plain.md":   {Data: event("Shot = killed", `A "plain" one, with a comma`)},
	})
	if s == nil {
		t.Fatalf("load: %v", problems)
	}
	want := `id,date,end,title,status,place,people,organizations,tags,sources,summary,page,after,before,earliest,latest
2025-12-24-formula,2025-12-24,,"'=HYPERLINK(""http://evil.example"",""x"")",reported,,,,,src-a,'@SUM(1+1),events/2025-12-24-formula.html,,,2025-12-24,2025-12-24
2025-12-24-plain,2025-12-24,,Shot = killed,reported,,,,,src-a,"A ""plain"" one, with a comma",events/2025-12-24-plain.html,,,2025-12-24,2025-12-24
2025-12-24-plus,2025-12-24,,'+1,reported,,,,,src-a,'-1,events/2025-12-24-plus.html,,,2025-12-24,2025-12-24
`
	if got := string(files(t, s)["events.csv"]); got != want {
		t.Errorf("events.csv:\n%s\n%s", got, firstDiff(got, want))
	}
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		Title     string `xml:"title"`
		ID        string `xml:"id"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Summary   struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"summary"`
		Link struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// feed.xml is Atom with every event, the required elements of RFC 4287,
// unique ids and a deterministic updated time; links are absolute with
// base_url and relative without.
func TestAtom(t *testing.T) {
	s := testSite(t)
	for _, base := range []string{"", "https://example.org/d/"} {
		s.Config.BaseURL = base
		fs := files(t, s)
		var f atomFeed
		if err := xml.Unmarshal(fs["feed.xml"], &f); err != nil {
			t.Fatal(err)
		}
		if f.Title == "" || f.ID == "" || f.Author.Name == "" {
			t.Errorf("feed lacks title, id or author: %+v", f)
		}
		if len(f.Entries) != len(s.Events) {
			t.Fatalf("%d entries, want %d", len(f.Entries), len(s.Events))
		}
		ids := map[string]bool{f.ID: true}
		latest := ""
		for i, e := range f.Entries {
			// Newest first, published on the event's date; a summary is
			// plain text, never HTML a reader would run.
			ev := s.Events[len(s.Events)-1-i]
			first, _ := ev.Date.Days()
			if want := date.FromDay(first).String() + "T00:00:00Z"; e.Published != want || e.Title != ev.Title {
				t.Errorf("entry %d: %s published %s, want %s published %s", i, e.Title, e.Published, ev.Title, want)
			}
			if e.Summary.Type != "text" || e.Summary.Text != ev.Summary {
				t.Errorf("%s: summary type %q text %q", e.Title, e.Summary.Type, e.Summary.Text)
			}
			if ids[e.ID] {
				t.Errorf("id %s repeats", e.ID)
			}
			ids[e.ID] = true
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("%s: %v", e.Title, err)
			}
			latest = max(latest, e.Updated)
			if base == "" && (strings.Contains(e.Link.Href, "://") || !strings.HasPrefix(e.ID, "urn:uuid:")) {
				t.Errorf("without base_url: link %s id %s", e.Link.Href, e.ID)
			}
			if base != "" && (!strings.HasPrefix(e.Link.Href, base) || e.ID != e.Link.Href) {
				t.Errorf("with base_url: link %s id %s", e.Link.Href, e.ID)
			}
		}
		if f.Updated != latest {
			t.Errorf("feed updated %s, latest entry %s", f.Updated, latest)
		}
		if _, ok := fs["sitemap.xml"]; ok != (base != "") {
			t.Errorf("base_url %q: sitemap written = %v", base, ok)
		}
	}
}

// An event's <updated> is its last date: its own, its end's or its
// latest correction's; the feed's is the latest of them, so a correction
// shows in feed readers. Nothing comes from the clock.
func TestAtomUpdated(t *testing.T) {
	const shooting = "content/events/2025-12-24-tehran-shooting.md"
	withCorrection, err := fs.ReadFile(testsite.FS(), shooting)
	if err != nil {
		t.Fatal(err)
	}
	noCorrection, _, _ := strings.Cut(string(withCorrection), "[[corrections]]")
	noCorrection += "+++\n"
	later := strings.Replace(string(withCorrection), "[[corrections]]",
		"[[corrections]]\ndate = \"2026-03\"\nnote = \"A later correction.\"\n[[corrections]]", 1)
	tests := []struct {
		name, file string
		feed       string            // the feed's <updated>
		entries    map[string]string // <updated> by title
	}{
		{"a correction", string(withCorrection), "2026-01-10T00:00:00Z", map[string]string{
			"Ikramuddin Sari and Mohammad Amin Almas shot in Tehran": "2026-01-10T00:00:00Z",
			"Two weeks of detentions":                                "2022-03-15T00:00:00Z", // its end
			"Kandahar police chief killed in an attack":              "2018-10-18T00:00:00Z",
		}},
		{"the latest of two corrections", later, "2026-03-01T00:00:00Z", map[string]string{
			"Ikramuddin Sari and Mohammad Amin Almas shot in Tehran": "2026-03-01T00:00:00Z",
		}},
		{"no correction", noCorrection, "2025-12-24T00:00:00Z", map[string]string{
			"Ikramuddin Sari and Mohammad Amin Almas shot in Tehran": "2025-12-24T00:00:00Z",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := testsite.FS()
			fsys[shooting] = &fstest.MapFile{Data: []byte(tt.file)}
			s, problems := build.Load(fsys)
			if s == nil {
				t.Fatalf("load: %v", problems)
			}
			var f atomFeed
			if err := xml.Unmarshal(files(t, s)["feed.xml"], &f); err != nil {
				t.Fatal(err)
			}
			if f.Updated != tt.feed {
				t.Errorf("feed updated %s, want %s", f.Updated, tt.feed)
			}
			for _, e := range f.Entries {
				if want, ok := tt.entries[e.Title]; ok && e.Updated != want {
					t.Errorf("%s: updated %s, want %s", e.Title, e.Updated, want)
				}
				delete(tt.entries, e.Title)
			}
			for title := range tt.entries {
				t.Errorf("no entry %q in the feed", title)
			}
		})
	}
}

// Each entry's JSON-LD parses and has what schema.org and search engines
// need of its type, and can never close the script element it sits in.
func TestLD(t *testing.T) {
	s := testSite(t)
	for _, e := range s.Entries {
		b := feed.LD(s, e, render.URL)
		if e.Kind == content.Page {
			if b != nil {
				t.Errorf("%s: JSON-LD for a page", e.Path)
			}
			continue
		}
		if bytes.Contains(bytes.ToLower(b), []byte("</script")) || bytes.Contains(b, []byte("<")) {
			t.Errorf("%s: unescaped < in %s", e.Path, b)
		}
		var v map[string]any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Errorf("%s: %v", e.Path, err)
			continue
		}
		want := map[content.Kind]string{content.Event: "Event", content.Person: "Person", content.Organization: "Organization", content.Place: "Place", content.Source: "CreativeWork"}[e.Kind]
		if v["@context"] != "https://schema.org" || v["@type"] != want || v["name"] != e.Title {
			t.Errorf("%s: @context %v @type %v name %v", e.Path, v["@context"], v["@type"], v["name"])
		}
		switch e.Kind {
		case content.Event:
			if v["startDate"] != e.Date.String() {
				t.Errorf("%s: startDate %v", e.Path, v["startDate"])
			}
			if loc, ok := v["location"].(map[string]any); e.Place != "" && (!ok || loc["@type"] != "Place") {
				t.Errorf("%s: location %v", e.Path, v["location"])
			}
			if about, _ := v["about"].([]any); len(about) != len(site.EventPeople(e))+len(e.Organizations) {
				t.Errorf("%s: about %v", e.Path, v["about"])
			}
		case content.Person:
			if names, _ := v["alternateName"].([]any); len(names) < len(e.Aliases) {
				t.Errorf("%s: alternateName %v", e.Path, v["alternateName"])
			}
		case content.Source:
			if pub, _ := v["datePublished"].(string); pub != e.Published.String() {
				t.Errorf("%s: datePublished %v, want %q", e.Path, v["datePublished"], e.Published.String())
			}
		case content.Place:
			if geo, ok := v["geo"].(map[string]any); e.Lat != nil && (!ok || geo["latitude"] != *e.Lat || geo["longitude"] != *e.Lon) {
				t.Errorf("%s: geo %v", e.Path, v["geo"])
			}
		}
	}
}

// dossier.json is compact JSON with each entry on a line of its own,
// with and without entries: compacting it again takes out only the
// newlines between entries.
func TestJSONCompact(t *testing.T) {
	empty, problems := build.Load(fstest.MapFS{
		"site.toml":     {Data: []byte("title = \"Empty\"\n")},
		"content/.keep": {},
	})
	if empty == nil {
		t.Fatalf("load empty site: %v", problems)
	}
	for name, s := range map[string]*site.Site{"test site": testSite(t), "empty": empty} {
		b := files(t, s)["dossier.json"]
		var again bytes.Buffer
		if err := json.Compact(&again, b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		flat := strings.ReplaceAll(strings.TrimSuffix(string(b), "\n"), "\n", "")
		if again.String() != flat {
			t.Errorf("%s: dossier.json is not compact:\n%s", name, firstDiff(flat, again.String()))
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if len(s.Entries) == 0 {
			if len(lines) != 1 {
				t.Errorf("%s: %d lines for no entries, want 1", name, len(lines))
			}
			continue
		}
		if len(lines) != len(s.Entries)+2 {
			t.Fatalf("%s: %d lines for %d entries, want one per entry and two more", name, len(lines), len(s.Entries))
		}
		for _, ln := range lines[1 : len(lines)-1] {
			var e struct{ ID string }
			if err := json.Unmarshal([]byte(strings.TrimSuffix(ln, ",")), &e); err != nil || e.ID == "" {
				t.Errorf("%s: line is not one entry: %.80s (%v)", name, ln, err)
			}
		}
	}
}

// firstDiff shows where two texts part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-40, 0)
	return "got:  " + strconv.Quote(got[from:min(i+40, len(got))]) + "\nwant: " + strconv.Quote(want[from:min(i+40, len(want))])
}
