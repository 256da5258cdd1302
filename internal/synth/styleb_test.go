package synth

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"dossier/generator/build"
	"dossier/generator/content"
)

// TestLoads checks that both corpora pass the generator's checks, as
// `generator check` runs them: no error, and for corpus b no warning
// either.
func TestLoads(t *testing.T) {
	for _, o := range []Options{small, smallB, DefaultsB(200)} {
		dir := t.TempDir()
		if err := Write(dir, o); err != nil {
			t.Fatal(err)
		}
		_, problems := build.Load(content.SiteFS(dir))
		if problems.Errors() > 0 || (o.Style == "b" && len(problems) > 0) {
			t.Errorf("%+v: %d problems, %d of them errors:\n%v", o, len(problems), problems.Errors(), problems)
		}
	}
}

// TestHugoSamePages checks that the Hugo twin of each corpus holds the
// same entries with the same bodies: an event per event, a term per
// person, organization, place and source, a page per page.
func TestHugoSamePages(t *testing.T) {
	for _, o := range []Options{small, smallB} {
		ours, hugo := write(t, Write, o), write(t, WriteHugo, o)
		n := 0
		for p, data := range ours {
			kind, file, ok := strings.Cut(strings.TrimPrefix(p, "content/"), "/")
			if !ok {
				continue
			}
			id := strings.TrimSuffix(file, ".md")
			twin := p
			if kind != "events" && kind != "pages" {
				twin = "content/" + kind + "/" + id + "/_index.md"
			}
			h, ok := hugo[twin]
			if !ok {
				t.Errorf("style %q: no %s in the Hugo site for %s", o.Style, twin, p)
				continue
			}
			if body(data) != body(h) {
				t.Errorf("style %q: %s and %s have different bodies", o.Style, p, twin)
			}
			n++
		}
		entries := 0
		for p := range hugo {
			if strings.HasPrefix(p, "content/") && !regexp.MustCompile(`^content/[a-z]+/_index\.md$`).MatchString(p) {
				entries++
			}
		}
		if n == 0 || entries != n {
			t.Errorf("style %q: %d entries, %d in the Hugo site", o.Style, n, entries)
		}
	}
}

func body(file []byte) string {
	_, b, _ := strings.Cut(strings.TrimPrefix(string(file), "+++\n"), "+++\n")
	return b
}

// TestShapeB checks that corpus b is written differently from corpus a
// in the ways it claims: three to ten people and three to eight tags an
// event, bodies from one line to many blocks, and nested Markdown.
func TestShapeB(t *testing.T) {
	files := write(t, Write, DefaultsB(400))
	var bodies []string
	tags := map[string]bool{}
	aliases := 0
	for p, data := range files {
		front, b, _ := strings.Cut(strings.TrimPrefix(string(data), "+++\n"), "+++\n")
		var m map[string]any
		if _, err := toml.Decode(front, &m); err != nil && strings.HasPrefix(p, "content/") {
			t.Fatalf("%s: %v", p, err)
		}
		switch path.Base(path.Dir(p)) {
		case "events":
			if n := len(list(m["people"])); n < 3 || n > 10 {
				t.Errorf("%s: %d people, want 3 to 10", p, n)
			}
			if n := len(list(m["tags"])); n < 3 || n > 8 {
				t.Errorf("%s: %d tags, want 3 to 8", p, n)
			}
			for _, tag := range list(m["tags"]) {
				tags[tag] = true
			}
			bodies = append(bodies, b)
		case "people":
			aliases = max(aliases, len(list(m["aliases"])))
		}
	}
	if len(tags) < 50 {
		t.Errorf("%d distinct tags, want a larger vocabulary than corpus a's", len(tags))
	}
	if aliases < 5 {
		t.Errorf("at most %d aliases a person, want some with many", aliases)
	}
	blocks := func(b string) int { return len(strings.Split(strings.TrimSpace(b), "\n\n")) }
	if !slices.ContainsFunc(bodies, func(b string) bool { return blocks(b) == 1 && strings.Count(strings.TrimSpace(b), "\n") == 0 }) {
		t.Error("no event of one line")
	}
	if !slices.ContainsFunc(bodies, func(b string) bool { return blocks(b) >= 15 }) {
		t.Error("no event of fifteen blocks or more")
	}
	all := strings.Join(bodies, "\n")
	for what, re := range map[string]string{
		"nested list":      `(?m)^- .*\n  - `,
		"ordered list":     `(?m)^1\. `,
		"nested quote":     `(?m)^> > `,
		"fenced code":      "(?m)^```(json|yaml|text)$",
		"table":            `(?m)^\|---\|`,
		"footnote":         `(?m)^\[\^1\]: `,
		"reference link":   `(?m)^\[r1\]: https://`,
		"emphasis":         `(^|[^*])\*[^* ][^*]*\*`,
		"strong emphasis":  `\*\*[^*]+\*\*`,
		"external link":    `\]\(https://`,
		"citation locator": `\[@src-\d+, [^\]]+\]`,
	} {
		if !regexp.MustCompile(re).MatchString(all) {
			t.Errorf("no %s in the events' bodies", what)
		}
	}
}
