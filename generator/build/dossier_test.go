package build

import (
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"dossier/generator/content"
	"dossier/generator/markdown"
)

// copyRun is the length, in words, of a run shared with a seed document
// that TestDossier reports. The editorial bar is 10; run the test with
// -copyrun=8 to count the shorter runs an editor should look at too.
var copyRun = flag.Int("copyrun", 10, "report runs of this many words or more shared with a seed document")

// TestDossier holds the shipped dossier to its editorial bar: the span it
// covers, the people it must name, a citation in every paragraph that
// states facts, and its own words: no long run copied from a document.
// It checks content only; tests that build the site live elsewhere.
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

	seeds := seedsDir(t, root)
	if seeds == "" {
		return // t.Skip was called
	}
	grams := seedGrams(t, seeds, *copyRun)
	runs := 0
	for _, e := range s.Entries {
		for _, piece := range entryTexts(e) {
			for _, r := range sharedRuns(piece.text, grams, *copyRun) {
				runs++
				t.Errorf("%s (%s): %d words shared with %s outside quotation marks: %q",
					e.Path, piece.where, len(r.words), r.seed, strings.Join(r.words, " "))
			}
		}
	}
	t.Logf("%d runs of %d or more words shared with a seed document", runs, *copyRun)
}

// seedsDir finds the documents the dossier was built from: they are not
// part of the repository. It calls t.Skip and returns "" when they are
// not at hand.
func seedsDir(t *testing.T, root string) string {
	t.Helper()
	dir := os.Getenv("DOSSIER_SEEDS")
	if dir == "" {
		dir = filepath.Join(root, "..", "shared", "seeds")
		if _, err := os.Stat(dir); err != nil {
			t.Skip("the seed documents are not at hand: set DOSSIER_SEEDS to their folder to check the dossier's wording against them")
			return ""
		}
	}
	return dir
}

// seedGrams maps every run of n words of every seed document to the
// document's file name.
func seedGrams(t *testing.T, dir string, n int) map[string]string {
	t.Helper()
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	grams := map[string]string{}
	for _, f := range files {
		if f.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w := words(string(b))
		for i := 0; i+n <= len(w); i++ {
			k := strings.Join(w[i:i+n], " ")
			if _, ok := grams[k]; !ok {
				grams[k] = f.Name()
			}
		}
	}
	if len(grams) == 0 {
		t.Fatalf("no seed documents in %s", dir)
	}
	return grams
}

type textPiece struct{ where, text string }

// entryTexts returns the prose of an entry that a reader sees as the
// dossier's own words: its front matter strings and the text of each block
// of its body. A source's title is left out: it is the document's own
// headline, or for an untitled document its first words, copied on purpose.
func entryTexts(e *content.Entry) []textPiece {
	var ps []textPiece
	add := func(where, text string) {
		if strings.TrimSpace(text) != "" {
			ps = append(ps, textPiece{where, text})
		}
	}
	if e.Kind != content.Source {
		add("title", e.Title)
	}
	add("summary", e.Summary)
	add("description", e.Description)
	add("native_name", e.NativeName)
	for _, a := range e.Aliases {
		add("aliases", a)
	}
	keys := make([]string, 0, len(e.Roles))
	for k := range e.Roles {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		add("roles."+k, e.Roles[k])
	}
	for i, a := range e.Accounts {
		add(fmt.Sprintf("accounts[%d]", i), a.Says)
	}
	for i, c := range e.Corrections {
		add(fmt.Sprintf("corrections[%d]", i), c.Note)
	}
	src := e.Source()
	ast.Walk(markdown.Parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
			line := 1 + strings.Count(string(src[:n.Lines().At(0).Start]), "\n")
			// The typographer's curly quotes reach plain text as entities.
			add(fmt.Sprintf("line %d", line), html.UnescapeString(markdown.PlainText(src, n)))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return ps
}

type sharedRun struct {
	seed  string
	words []string
}

// sharedRuns returns each longest run of n or more consecutive words of
// text, outside quotation marks, that also occurs in a seed document.
func sharedRuns(text string, grams map[string]string, n int) []sharedRun {
	var runs []sharedRun
	for _, part := range unquoted(text) {
		w := words(part)
		for i := 0; i+n <= len(w); {
			seed, ok := grams[strings.Join(w[i:i+n], " ")]
			if !ok {
				i++
				continue
			}
			end := i + n
			for end < len(w) {
				if _, ok := grams[strings.Join(w[end-n+1:end+1], " ")]; !ok {
					break
				}
				end++
			}
			runs = append(runs, sharedRun{seed, w[i:end]})
			i = end
		}
	}
	return runs
}

// unquoted splits text at its quotations, straight or curly, and returns
// what lies outside them; a run never bridges a quotation.
func unquoted(text string) []string {
	var parts []string
	var b strings.Builder
	inStraight, curly := false, 0
	for _, r := range text {
		switch {
		case r == '"':
			inStraight = !inStraight
			parts = append(parts, b.String())
			b.Reset()
		case r == '“':
			curly++
			parts = append(parts, b.String())
			b.Reset()
		case r == '”':
			if curly > 0 {
				curly--
			}
			b.Reset()
		default:
			if !inStraight && curly == 0 {
				b.WriteRune(r)
			}
		}
	}
	return append(parts, b.String())
}

// words lower-cases text and splits it into words of letters and digits,
// keeping an apostrophe inside a word and reading ’ as '.
func words(text string) []string {
	text = strings.ReplaceAll(strings.ToLower(text), "’", "'")
	var w []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		if f = strings.Trim(f, "'"); f != "" {
			w = append(w, f)
		}
	}
	return w
}

// uncitedParagraphs returns the lines of paragraphs and list items with
// more than a few words and no citation.
func uncitedParagraphs(e *content.Entry) []int {
	var lines []int
	src := e.Source()
	ast.Walk(markdown.Parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
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
					linkWords += len(strings.Fields(markdown.PlainText(src, c)))
				}
			}
			return ast.WalkContinue, nil
		})
		// Paragraphs that lead into a list, or that are mostly links to
		// related entries, state no facts of their own.
		text := markdown.PlainText(src, n)
		if !cited && len(strings.Fields(text))-linkWords > 8 && !strings.HasSuffix(text, ":") {
			line := 1 + strings.Count(string(src[:n.Lines().At(0).Start]), "\n")
			lines = append(lines, line)
		}
		return ast.WalkSkipChildren, nil
	})
	return lines
}
