package scaffold

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"dossier/generator/content"
	"dossier/generator/date"
	"dossier/generator/diag"
)

var update = flag.Bool("update", false, "rewrite testdata/*.md from the templates")

func mustDate(t *testing.T, s string) date.Date {
	t.Helper()
	d, err := date.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestTemplate compares each kind's template with testdata/KIND.md,
// which shows a reader exactly what `new` writes.
func TestTemplate(t *testing.T) {
	for _, k := range content.Kinds {
		t.Run(string(k), func(t *testing.T) {
			got := Template(k, "example", mustDate(t, "2025-12-24"))
			golden := filepath.Join("testdata", string(k)+".md")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("template differs from %s (run with -update to accept):\n%s", golden, got)
			}
		})
	}
}

// load checks one file as `check` does, alone in a site.
func load(t *testing.T, k content.Kind, id string, src []byte) diag.List {
	t.Helper()
	fsys := fstest.MapFS{Path(k, id): {Data: src}}
	_, problems := content.Load(fsys)
	return problems
}

// TestTemplateChecks holds the template to its design: valid TOML as
// written, one error per required field, pointing at its placeholder,
// and no errors once the placeholders are filled in.
func TestTemplateChecks(t *testing.T) {
	for _, k := range content.Kinds {
		t.Run(string(k), func(t *testing.T) {
			id := "example"
			if k == content.Event {
				id = "2025-12-24-example"
			}
			src := Template(k, id, mustDate(t, "2025-12-24"))
			lines := strings.Split(string(src), "\n")

			var want []string
			for i, line := range lines {
				if j := strings.Index(line, content.Placeholder); j >= 0 && !strings.HasPrefix(line, "#") {
					name, _, _ := strings.Cut(line, " ")
					want = append(want, name+"@"+itoa(i+1)+":"+itoa(j))
				}
			}
			if len(want) == 0 {
				t.Fatal("no placeholders")
			}
			var got []string
			for _, p := range load(t, k, id, src).Sort() {
				if p.Severity != diag.Error {
					continue
				}
				if !strings.Contains(p.Msg, "placeholder") {
					t.Errorf("unexpected error %s", p)
					continue
				}
				name, _, _ := strings.Cut(p.Msg, " ")
				got = append(got, name+"@"+itoa(p.Line)+":"+itoa(p.Col))
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("placeholder errors at %v, want %v (field@line:col of the opening quote)", got, want)
			}

			filled := regexp.MustCompile(`"TODO: [^"]*-id"`).ReplaceAllString(string(src), `"some-id"`)
			filled = strings.ReplaceAll(filled, `"TODO: confirmed, reported, alleged or disputed"`, `"reported"`)
			filled = regexp.MustCompile(`"TODO: [^"]*"`).ReplaceAllString(filled, `"Filled in"`)
			for _, p := range load(t, k, id, []byte(filled)) {
				if p.Severity == diag.Error {
					t.Errorf("filled-in template: %s", p)
				}
			}
		})
	}
}

// TestExamplesParse uncomments every commented-out field of a template
// and decodes the result: a contributor who deletes a # gets valid TOML.
func TestExamplesParse(t *testing.T) {
	field := regexp.MustCompile(`^# ([a-z_0-9]+ = |\[\[?[a-z_]+\]\]?$)`)
	for _, k := range content.Kinds {
		src := Template(k, "example", mustDate(t, "2025-12-24"))
		var out []string
		seen := map[string]bool{}
		for _, line := range strings.Split(string(src), "\n") {
			if field.MatchString(line) {
				line = strings.TrimPrefix(line, "# ")
				name, _, _ := strings.Cut(line, " ")
				if seen[name] && !strings.HasPrefix(name, "[") {
					t.Errorf("%s: %s is written twice", k, name)
				}
				seen[name] = true
			}
			if line != "+++" {
				out = append(out, line)
			}
		}
		var m map[string]any
		if _, err := toml.Decode(strings.Join(out, "\n"), &m); err != nil {
			t.Errorf("%s: uncommented template is not valid TOML: %v", k, err)
		}
		for _, f := range content.Schema[k] {
			if _, ok := m[f.Name]; !ok {
				t.Errorf("%s: template does not show field %s", k, f.Name)
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestEventID(t *testing.T) {
	tests := []struct {
		id, wantID, wantDate, err string
	}{
		{"tehran-shooting", "2026-03-01-tehran-shooting", "2026-03-01", ""},
		{"2025-12-24-tehran-shooting", "2025-12-24-tehran-shooting", "2025-12-24", ""},
		{"2025-09-mashhad-killing", "2025-09-mashhad-killing", "2025-09", ""},
		{"2021-taliban-takeover", "2021-taliban-takeover", "2021", ""},
		{"2025-123-x", "2025-123-x", "2025", ""},
		{"shooting-2025-12-24", "2026-03-01-shooting-2025-12-24", "2026-03-01", ""},
		{"2025-02-30-x", "", "", `the id starts with a date that cannot be: impossible date "2025-02-30": February 2025 has 28 days`},
		{"2025-13-x", "", "", `the id starts with a date that cannot be: impossible date "2025-13": there is no month 13`},
		{"2025-12-24", "", "", "add a few words after the date, like 2025-12-24-what-happened"},
	}
	today := mustDate(t, "2026-03-01")
	for _, tt := range tests {
		id, d, err := EventID(tt.id, today)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("EventID(%q) error = %v, want %q", tt.id, err, tt.err)
			}
			continue
		}
		if err != nil || id != tt.wantID || d.String() != tt.wantDate {
			t.Errorf("EventID(%q) = %q, %v, %v; want %q, %s", tt.id, id, d, err, tt.wantID, tt.wantDate)
		}
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		in   string
		want content.Kind
		ok   bool
	}{
		{"event", content.Event, true},
		{"events", content.Event, true},
		{"person", content.Person, true},
		{"people", content.Person, true},
		{"Organizations", content.Organization, true},
		{"place", content.Place, true},
		{"sources", content.Source, true},
		{"page", content.Page, true},
		{"persons", "", false},
		{"tag", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseKind(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWriteRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	rel, err := Write(dir, content.Person, "ada", date.Date{})
	if err != nil || rel != "content/people/ada.md" {
		t.Fatalf("Write = %q, %v", rel, err)
	}
	p := filepath.Join(dir, "content", "people", "ada.md")
	if err := os.WriteFile(p, []byte("someone's work"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, content.Person, "ada", date.Date{}); err != ErrExists {
		t.Errorf("second Write error = %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "someone's work" {
		t.Errorf("file was replaced: %q", b)
	}
}
