package site_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"dossier/generator/content"
	"dossier/generator/diag"
	"dossier/generator/site"
)

// load builds the site of testdata/site.txtar, with files added or
// replaced by extra.
func load(t *testing.T, extra map[string]string) (*site.Site, diag.List) {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/site.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for name, data := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg, errs := content.LoadConfig(fsys)
	entries, more := content.Load(fsys)
	errs = append(errs, more...)
	if errs.Errors() > 0 {
		t.Fatalf("load: %v", errs)
	}
	return site.New(cfg, entries)
}

// ids lists entries as kind/id, sorted: these tests are not about the
// order of events, only about which entries a list holds and how often.
func ids(es []*content.Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, string(e.Kind)+"/"+e.ID)
	}
	slices.Sort(out)
	return out
}

// Every relation is known from both ends, and an entry that names another
// several times (in people, roles, a link, a heading link) is listed
// once: a person's page lists each of their events once.
func TestReferredBy(t *testing.T) {
	s, errs := load(t, nil)
	if errs.Errors() > 0 {
		t.Fatal(errs)
	}
	tests := []struct {
		kind content.Kind
		id   string
		of   content.Kind // "" for every kind
		want []string
	}{
		{content.Person, "ada", content.Event, []string{"event/2025-09-arrest", "event/2025-12-24-shooting"}},
		{content.Person, "ada", "", []string{"event/2025-09-arrest", "event/2025-12-24-shooting", "page/about"}},
		{content.Person, "bob", content.Event, []string{"event/2025-09-arrest"}}, // a role alone names him
		{content.Organization, "navy", "", []string{"event/2025-12-24-shooting", "person/ada"}},
		{content.Place, "tehran", "", []string{"event/2025-12-24-shooting", "person/ada"}},
		{content.Source, "src-a", "", []string{"event/2025-09-arrest", "event/2025-12-24-shooting", "person/ada"}},
		{content.Source, "src-a", content.Person, []string{"person/ada"}},
		{content.Source, "src-b", "", []string{"event/2025-09-arrest", "organization/navy"}},
		{content.Page, "about", "", nil},
	}
	for _, tt := range tests {
		e := s.Get(tt.kind, tt.id)
		if e == nil {
			t.Fatalf("Get(%s, %s) = nil", tt.kind, tt.id)
		}
		if got := ids(s.ReferredBy(e, tt.of)); !slices.Equal(got, tt.want) {
			t.Errorf("ReferredBy(%s/%s, %q) = %q, want %q", tt.kind, tt.id, tt.of, got, tt.want)
		}
	}
	// The other direction: what the shooting names.
	shooting := s.Get(content.Event, "2025-12-24-shooting")
	if got := site.EventPeople(shooting); !slices.Equal(got, []string{"ada"}) {
		t.Errorf("EventPeople(shooting) = %q", got)
	}
	// bob has a role but is not in people: the event still lists him.
	if got := site.EventPeople(s.Get(content.Event, "2025-09-arrest")); !slices.Equal(got, []string{"ada", "bob"}) {
		t.Errorf("EventPeople(arrest) = %q, want [ada bob]", got)
	}
}

func TestGet(t *testing.T) {
	s, _ := load(t, nil)
	tests := []struct {
		kind      content.Kind
		id, title string // title "" for no entry
	}{
		{content.Person, "ada", "Ada Lovelace"},
		{content.Source, "src-b", "Source B"},
		{content.Page, "about", "About"},
		{content.Place, "ada", ""}, // ids are per kind
		{content.Person, "nobody", ""},
		{content.Person, "Ada", ""},
	}
	for _, tt := range tests {
		e := s.Get(tt.kind, tt.id)
		switch {
		case tt.title == "" && e != nil:
			t.Errorf("Get(%s, %s) = %s, want nil", tt.kind, tt.id, e.Path)
		case tt.title != "" && (e == nil || e.Title != tt.title):
			t.Errorf("Get(%s, %s) = %v, want %q", tt.kind, tt.id, e, tt.title)
		}
	}
	if got := len(s.Entries); got != 9 {
		t.Errorf("%d entries, want 9", got)
	}
	if got := ids(s.People); !slices.Equal(got, []string{"person/ada", "person/bob"}) {
		t.Errorf("People = %q", got)
	}
}

// Tags are one per slug, named as first written, and list each entry
// once however often it carries the tag.
func TestTags(t *testing.T) {
	s, _ := load(t, nil)
	var slugs []string
	for _, tag := range s.Tags {
		slugs = append(slugs, tag.Slug)
	}
	if want := []string{"arrest", "iran", "shooting"}; !slices.Equal(slugs, want) {
		t.Errorf("tag slugs = %q, want %q", slugs, want)
	}
	iran := s.Tag("IRAN")
	if iran == nil {
		t.Fatal(`Tag("IRAN") = nil`)
	}
	if iran != s.Tag("iran") || iran.Name != "Iran" {
		t.Errorf("Tag(IRAN) = %+v, want the tag named Iran that Tag(iran) gives", iran)
	}
	if got := ids(iran.Events); !slices.Equal(got, []string{"event/2025-12-24-shooting"}) {
		t.Errorf("iran's events = %q, want the shooting once", got)
	}
	if got := ids(iran.Entries); !slices.Equal(got, []string{"person/ada"}) {
		t.Errorf("iran's other entries = %q, want ada", got)
	}
	if s.Tag("nothing") != nil {
		t.Error(`Tag("nothing") is not nil`)
	}
}

// A name that exists nowhere is an error that says what to write instead.
func TestUnknown(t *testing.T) {
	const head = "+++\ntitle = \"X\"\ndate = \"2025-12-30\"\nstatus = \"reported\"\nsources = [\"src-a\"]\n"
	tests := []struct {
		name, fields, body, want string
	}{
		{"near id", "people = [\"adda\"]\n", "",
			"content/events/2025-12-30-x.md:6:11: unknown person 'adda'; did you mean 'ada'? People are in content/people/"},
		{"by alias", "people = [\"saree\"]\n", "",
			"content/events/2025-12-30-x.md:6:11: unknown person 'saree'; did you mean 'ada'? People are in content/people/"},
		{"another kind", "people = [\"tehran\"]\n", "",
			"content/events/2025-12-30-x.md:6:11: unknown person 'tehran'; 'tehran' is a place, not a person. People are in content/people/"},
		{"an article for a vowel", "place = \"navy\"\n", "",
			"content/events/2025-12-30-x.md:6:9: unknown place 'navy'; 'navy' is an organization, not a place. Places are in content/places/"},
		{"nothing close", "organizations = [\"kandahar-police\"]\n", "",
			"content/events/2025-12-30-x.md:6:18: unknown organization 'kandahar-police'. Organizations are in content/organizations/"},
		{"citation", "", "Text [@src-c].\n",
			"content/events/2025-12-30-x.md:7:6: citation names unknown source 'src-c'; did you mean 'src-a'? Sources are in content/sources/"},
		{"heading", "", "[Ada](../people/ada.md#youth)\n",
			"content/events/2025-12-30-x.md:7:7: content/people/ada.md has no heading with id 'youth'; its headings are: #early-life"},
		{"heading of an entry without any", "", "[Bob](../people/bob.md#youth)\n",
			"content/events/2025-12-30-x.md:7:7: content/people/bob.md has no heading with id 'youth' (it has no headings)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, errs := load(t, map[string]string{
				"content/events/2025-12-30-x.md": head + tt.fields + "+++\n" + tt.body,
			})
			if s == nil {
				t.Fatal("New returned no site")
			}
			var got []string
			for _, p := range errs {
				if p.Severity == diag.Error {
					got = append(got, p.String())
				}
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// A role for someone not in people is a warning at the role's line.
func TestRoleWithoutPerson(t *testing.T) {
	_, errs := load(t, nil)
	var got []string
	for _, p := range errs {
		got = append(got, p.String())
	}
	want := []string{"content/events/2025-09-arrest.md:11:1: warning: 'bob' has a role but is not listed in people; add it to people"}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An entry that links to itself does not list itself among the entries
// that name it.
func TestSelfReference(t *testing.T) {
	s, _ := load(t, map[string]string{
		"content/people/bob.md": "+++\nname = \"Bob\"\n+++\n## Career\n\nSee [above](bob.md#career).\n",
	})
	bob := s.Get(content.Person, "bob")
	if got := ids(s.ReferredBy(bob, "")); !slices.Equal(got, []string{"event/2025-09-arrest"}) {
		t.Errorf("ReferredBy(bob) = %q, want only the arrest", got)
	}
}

// Those given only a role follow the people listed, sorted by id, so that
// the same input gives the same page.
func TestEventPeople(t *testing.T) {
	e := &content.Entry{People: []string{"zed", "ada"}, Roles: map[string]string{"ada": "x"}}
	for _, id := range []string{"hal", "bob", "kim", "eve", "dan", "fay", "gus", "cy"} {
		e.Roles[id] = "y"
	}
	want := []string{"zed", "ada", "bob", "cy", "dan", "eve", "fay", "gus", "hal", "kim"}
	if got := site.EventPeople(e); !slices.Equal(got, want) {
		t.Errorf("EventPeople = %q, want %q", got, want)
	}
}

// A tag with no letter or digit has no page to link to: it is left out
// rather than given an empty file name.
func TestTagWithoutLetters(t *testing.T) {
	s, _ := load(t, map[string]string{
		"content/people/bob.md": "+++\nname = \"Bob\"\ntags = [\"!!!\", \"--\"]\n+++\n",
	})
	for _, tag := range s.Tags {
		if tag.Slug == "" {
			t.Errorf("a tag with an empty slug, named %q", tag.Name)
		}
	}
	if s.Tag("!!!") != nil {
		t.Error(`Tag("!!!") is not nil`)
	}
}
