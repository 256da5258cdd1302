package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/generator/content"
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

// new KIND ID.TAG writes a translation of the entry ID into TAG, one of
// the site's languages: its text fields to translate, the original's
// text beside each, and nothing check would take for finished.
func TestNewTranslation(t *testing.T) {
	const event = `+++
title = "A shooting."
date = "2025-12-24"
people = ["ada"]
status = "reported"
sources = ["src-a"]
summary = "One sentence."

[roles]
ada = "killed"

[[accounts]]
source = "src-a"
says = "Near her home."
+++
Body.
`
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // contained
		has    []string
	}{
		{name: "event", args: []string{"event", "2025-12-24-shooting.fa-AF"}, code: 0, has: []string{
			"# The fa-AF translation of content/events/2025-12-24-shooting.md.\n",
			"# original: A shooting.\ntitle = \"TODO: translate\"\n",
			"# original: One sentence.\nsummary = \"TODO: translate\"\n",
			"[roles]\n# original: killed\nada = \"TODO: translate\"\n",
			"[[accounts]]\nsource = \"src-a\"\n# original: Near her home.\nsays = \"TODO: translate\"\n",
		}},
		{name: "not a language of the site", args: []string{"event", "2025-12-24-shooting.ps"}, code: 2,
			stderr: "new: ps is not one of the site's other languages (fa-AF)"},
		{name: "no original", args: []string{"person", "grace.fa-AF"}, code: 2,
			stderr: "new: there is no content/people/grace.md to translate: write it first, with go run ./generator new person grace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := t.TempDir()
			os.WriteFile(filepath.Join(site, "site.toml"), []byte("title = \"T\"\n[languages.fa-AF]\nname = \"دری\"\n"), 0o644)
			os.MkdirAll(filepath.Join(site, "content", "events"), 0o755)
			os.WriteFile(filepath.Join(site, "content", "events", "2025-12-24-shooting.md"), []byte(event), 0o644)
			var stdout, stderr bytes.Buffer
			code := runNew(append([]string{"-site", site}, tt.args...), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr.String(), tt.stderr)
			}
			if code != 0 {
				return
			}
			b, err := os.ReadFile(strings.TrimSpace(stdout.String()))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.has {
				if !strings.Contains(string(b), want) {
					t.Errorf("the translation lacks %q:\n%s", want, b)
				}
			}
			// Valid TOML, a translation check accepts but for its TODOs.
			_, problems := content.LoadFile(os.DirFS(site), "content/events/2025-12-24-shooting.fa-AF.md")
			for _, p := range problems {
				if !strings.Contains(p.String(), "placeholder") {
					t.Errorf("check: %s", p)
				}
			}
			if problems.Errors() == 0 {
				t.Error("check finds no placeholder left")
			}
		})
	}
}
