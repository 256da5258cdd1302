package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/generator/date"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		exists string // a file already in the site
		code   int
		stdout string // exact, with SITE for the site folder
		stderr string // contained
		file   string // written, relative to the site
		has    string // contained in the file written
	}{
		{name: "event without a date gets today's",
			args: []string{"event", "tehran-shooting"}, code: 0,
			stdout: "SITE/content/events/2026-03-01-tehran-shooting.md\n",
			file:   "content/events/2026-03-01-tehran-shooting.md", has: "\ndate = \"2026-03-01\"\n"},
		{name: "event with a date keeps it",
			args: []string{"events", "2025-09-mashhad-killing"}, code: 0,
			stdout: "SITE/content/events/2025-09-mashhad-killing.md\n",
			file:   "content/events/2025-09-mashhad-killing.md", has: "\ndate = \"2025-09\"\n"},
		{name: "person", args: []string{"person", "grace-hopper"}, code: 0,
			stdout: "SITE/content/people/grace-hopper.md\n",
			file:   "content/people/grace-hopper.md", has: `name = "TODO: the name most sources use"`},
		{name: "people folder name", args: []string{"people", "ada"}, code: 0,
			stdout: "SITE/content/people/ada.md\n", file: "content/people/ada.md"},
		{name: "organization", args: []string{"organization", "navy"}, code: 0,
			stdout: "SITE/content/organizations/navy.md\n", file: "content/organizations/navy.md"},
		{name: "place", args: []string{"places", "tehran"}, code: 0,
			stdout: "SITE/content/places/tehran.md\n", file: "content/places/tehran.md", has: "# lat = 0.0"},
		{name: "source", args: []string{"source", "src-a"}, code: 0,
			stdout: "SITE/content/sources/src-a.md\n", file: "content/sources/src-a.md", has: "[@src-a]"},
		{name: "page, .md typed too", args: []string{"page", "about.md"}, code: 0,
			stdout: "SITE/content/pages/about.md\n", file: "content/pages/about.md"},
		{name: "flags after the arguments", args: []string{"page", "about", "-site", "SITE"}, code: 0,
			stdout: "SITE/content/pages/about.md\n", file: "content/pages/about.md"},

		{name: "refuses to overwrite", args: []string{"person", "ada"}, exists: "content/people/ada.md", code: 1,
			stderr: "new: SITE/content/people/ada.md already exists and was left as it is: edit it, or choose another id"},
		{name: "refuses to overwrite an event", args: []string{"event", "2025-12-24-x"}, exists: "content/events/2025-12-24-x.md", code: 1,
			stderr: "already exists"},

		{name: "bad id", args: []string{"person", "Grace Hopper"}, code: 2,
			stderr: "new: 'Grace Hopper' is not a valid id: an id is lowercase letters a-z, digits and single hyphens\ntry: go run ./generator new person grace-hopper\n"},
		{name: "bad id with accents", args: []string{"people", "Sarı_Ikramuddin"}, code: 2,
			stderr: "try: go run ./generator new person sari-ikramuddin\n"},
		{name: "double hyphen", args: []string{"event", "2025-12-24--x"}, code: 2,
			stderr: "try: go run ./generator new event 2025-12-24-x\n"},
		{name: "impossible date", args: []string{"event", "2025-02-30-x"}, code: 2,
			stderr: `new: the id starts with a date that cannot be: impossible date "2025-02-30": February 2025 has 28 days`},
		{name: "date alone", args: []string{"event", "2025-12-24"}, code: 2,
			stderr: "new: add a few words after the date, like 2025-12-24-what-happened"},
		{name: "unknown kind", args: []string{"evnt", "x"}, code: 2,
			stderr: "new: unknown kind 'evnt'; did you mean 'event'?\nThe kinds are: event, person, organization, place, source, page\n"},
		{name: "unknown kind, nothing near", args: []string{"widget", "x"}, code: 2,
			stderr: "new: unknown kind 'widget'\nThe kinds are: event, person, organization, place, source, page\n"},
		{name: "tags are not entries", args: []string{"tag", "iran"}, code: 2,
			stderr: "new: unknown kind 'tag'; tags are not entries: give an entry a line tags = [\"word\"]\n"},
		{name: "no arguments", args: nil, code: 2, stderr: "new: want KIND and ID, got 0 arguments"},
		{name: "one argument", args: []string{"person"}, code: 2, stderr: "usage: go run ./generator new [-site DIR] KIND ID"},
		{name: "one argument, counted", args: []string{"person"}, code: 2, stderr: "new: want KIND and ID, got 1 argument\n"},
		{name: "three arguments", args: []string{"person", "a", "b"}, code: 2, stderr: "got 3 arguments"},
		{name: "not a site", args: []string{"person", "ada", "-site", "SITE/nowhere"}, code: 2,
			stderr: "new: SITE/nowhere has no site.toml: run this from the repository root, or pass -site DIR"},
	}
	defer func(f func() date.Date) { today = f }(today)
	today = func() date.Date { d, _ := date.Parse("2026-03-01"); return d }

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			if err := os.WriteFile(filepath.Join(site, "site.toml"), []byte("title = \"T\"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.exists != "" {
				p := filepath.Join(site, filepath.FromSlash(tt.exists))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte("someone's work"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := []string{"-site", site}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "SITE", site))
			}
			var stdout, stderr bytes.Buffer
			code := runNew(args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if want := strings.ReplaceAll(tt.stdout, "SITE", site); stdout.String() != want {
				t.Errorf("stdout = %q, want %q", stdout.String(), want)
			}
			if want := strings.ReplaceAll(tt.stderr, "SITE", site); !strings.Contains(stderr.String(), want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr.String(), want)
			}
			if tt.exists != "" {
				if b, _ := os.ReadFile(filepath.Join(site, filepath.FromSlash(tt.exists))); string(b) != "someone's work" {
					t.Errorf("existing file was replaced: %q", b)
				}
			}
			if tt.file != "" {
				b, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(tt.file)))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(b), tt.has) {
					t.Errorf("%s does not contain %q:\n%s", tt.file, tt.has, b)
				}
			}
			if tt.code != 0 {
				entries, _ := os.ReadDir(filepath.Join(site, "content"))
				if tt.exists == "" && len(entries) > 0 {
					t.Errorf("a failed new left content/ behind")
				}
			}
		})
	}
}
