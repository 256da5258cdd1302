package feed_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"dossier/generator/build"
	"dossier/generator/content"
	"dossier/generator/feed"
	"dossier/generator/render"
	"dossier/generator/site"
)

// shipped loads the dossier at the repository root.
func shipped(t *testing.T) *site.Site {
	t.Helper()
	root, _ := filepath.Abs("../..")
	if _, err := os.Stat(filepath.Join(root, "site.toml")); err != nil {
		t.Skip("no site.toml at the repository root")
	}
	s, problems := build.Load(os.DirFS(root))
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
	s := shipped(t)
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
	s := shipped(t)
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
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

// feed.xml is Atom with every event, the required elements of RFC 4287,
// unique ids and a deterministic updated time; links are absolute with
// base_url and relative without.
func TestAtom(t *testing.T) {
	s := shipped(t)
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
		for _, e := range f.Entries {
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

// Each entry's JSON-LD parses and has what schema.org and search engines
// need of its type, and can never close the script element it sits in.
func TestLD(t *testing.T) {
	s := shipped(t)
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
		case content.Place:
			if geo, ok := v["geo"].(map[string]any); e.Lat != nil && (!ok || geo["latitude"] != *e.Lat || geo["longitude"] != *e.Lon) {
				t.Errorf("%s: geo %v", e.Path, v["geo"])
			}
		}
	}
}

// dossier.json is laid out as json.MarshalIndent lays it out with
// two-space indents (so indenting it again changes nothing), with and
// without entries.
func TestJSONIndented(t *testing.T) {
	empty, problems := build.Load(fstest.MapFS{
		"site.toml":     {Data: []byte("title = \"Empty\"\n")},
		"content/.keep": {},
	})
	if empty == nil {
		t.Fatalf("load empty site: %v", problems)
	}
	for name, s := range map[string]*site.Site{"shipped": shipped(t), "empty": empty} {
		b := files(t, s)["dossier.json"]
		var again bytes.Buffer
		if err := json.Indent(&again, b, "", "  "); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if again.String() != string(b) {
			t.Errorf("%s: dossier.json is not as MarshalIndent writes it:\n%s", name, firstDiff(string(b), again.String()))
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
