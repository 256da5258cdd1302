package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"dossier/generator/content"
	"dossier/generator/markdown"
)

// TestDossier holds the shipped dossier to its editorial bar: the span it
// covers, the people it must name, and a citation in every paragraph that
// states facts.
func TestDossier(t *testing.T) {
	root := repoRoot(t)
	s, problems := Load(os.DirFS(root))
	if s == nil {
		t.Fatalf("the dossier does not check:\n%v", problems)
	}
	if n := len(s.Events); n < 15 {
		t.Errorf("%d events, want at least 15", n)
	}
	if first := s.Events[0].Date.String(); first != "2018-10-18" {
		t.Errorf("first event is dated %s, want 2018-10-18", first)
	}
	if last := s.Events[len(s.Events)-1].Date; last.Y != 2025 || last.M != 12 {
		t.Errorf("last event is dated %s, want December 2025", last)
	}
	for _, e := range s.Events {
		if len(e.Sources) == 0 {
			t.Errorf("%s cites no source", e.Path)
		}
	}

	people := []string{
		"abdul-raziq", "ikramuddin-sari", "mohammad-amin-almas", "maroof-ghulami",
		"yunus-qanuni", "ahmad-massoud", "ismail-khan", "mohammad-nabi-omari",
		"saeed-khosti", "salahuddin-rabbani", "hossein-khosh-eghbal", "yasin-zia",
		"abdul-ghani-alipur",
	}
	for _, id := range people {
		if s.Get(content.Person, id) == nil {
			t.Errorf("no page for person %s", id)
		}
	}
	aliases := map[string][]string{
		"ikramuddin-sari":     {"Ikramuddin Saree", "Ekramuddin Saree"},
		"maroof-ghulami":      {"Marouf Gholami"},
		"mohammad-amin-almas": {"Almas Kohistani"},
	}
	for id, want := range aliases {
		if p := s.Get(content.Person, id); p != nil {
			for _, a := range want {
				if !slices.Contains(p.Aliases, a) {
					t.Errorf("%s lacks the alias %q", id, a)
				}
			}
		}
	}

	for _, e := range s.Entries {
		if e.Kind == content.Source || e.Kind == content.Page {
			continue // they describe a document, or the project itself
		}
		for _, line := range uncitedParagraphs(e) {
			t.Errorf("%s:%d: paragraph states facts without a [@source] citation", e.Path, line)
		}
	}

	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(root, out); err != nil {
		t.Fatal(err)
	}
	tehran := "events/2025-12-24-tehran-shooting-of-sari-and-almas.html"
	linksTo(t, out, tehran, "../people/ikramuddin-sari.html")
	linksTo(t, out, "people/ikramuddin-sari.html", "../"+tehran)
}

func linksTo(t *testing.T, out, page, href string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, page))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `href="`+href+`"`) {
		t.Errorf("%s does not link to %s", page, href)
	}
}

// uncitedParagraphs returns the lines of paragraphs and list items with
// more than a few words and no citation.
func uncitedParagraphs(e *content.Entry) []int {
	var lines []int
	ast.Walk(e.Doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || (n.Kind() != ast.KindParagraph && n.Kind() != ast.KindTextBlock) {
			return ast.WalkContinue, nil
		}
		cited, linkWords := false, 0
		ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			switch c.(type) {
			case *markdown.Citation:
				cited = true
			case *ast.Link:
				if entering {
					linkWords += len(strings.Fields(markdown.PlainText(e.Src, c)))
				}
			}
			return ast.WalkContinue, nil
		})
		// Paragraphs that lead into a list, or that are mostly links to
		// related entries, state no facts of their own.
		text := markdown.PlainText(e.Src, n)
		if !cited && len(strings.Fields(text))-linkWords > 8 && !strings.HasSuffix(text, ":") {
			line := 1 + strings.Count(string(e.Src[:n.Lines().At(0).Start]), "\n")
			lines = append(lines, line)
		}
		return ast.WalkSkipChildren, nil
	})
	return lines
}
