package highlight

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"dossier/internal/testsite"
)

// chromaTOML is what TOML stands in for: chroma's own TOML lexer, with
// runs of one token type joined as TOML joins them.
func chromaTOML(t testing.TB, text string) []chroma.Token {
	it, err := lexers.Get("toml").Tokenise(nil, text)
	if err != nil {
		t.Fatal(err)
	}
	var out []chroma.Token
	for _, tok := range it.Tokens() {
		if n := len(out); n > 0 && out[n-1].Type == tok.Type {
			out[n-1].Value += tok.Value
			continue
		}
		out = append(out, tok)
	}
	return out
}

func sameTokens(t *testing.T, text string) {
	t.Helper()
	got, want := TOML(text), chromaTOML(t, text)
	if !slices.Equal(got, want) {
		t.Errorf("TOML(%q)\n got %v\nwant %v (chroma)", text, got, want)
	}
}

var tomlCases = []string{
	"",
	"title = \"Ikramuddin Sari shot dead in Tehran\"\ndate = \"2025-12-24\"\n",
	"date = 2018-10-18\nwhen = 1979-05-27T07:32:00Z\nat = 1979-05-27T00:32:00.9+-07:00\n",
	"lat = 35.6892\nlon = -51.389\nn = +1_000\nbad = 1__2\nf = 1.\n",
	"people = [\"a\", \"b\"]\n[roles]\nikramuddin-sari = \"killed\"\n",
	"[[accounts]]\nsource = 'src-a'\nsays = \"He said \\\"no\\\" \\\\ twice.\"\n",
	"# a comment\nok = true\nno = false\ntruex = trueé\nt = true-x\n",
	"says = \"\"\"\nline one\n\"quoted\"\n\"\"\"\n",
	"says = '''it's'''\n",
	"open = \"never closed\n",
	"open = \"ends with \\\"\n",
	"name = \"Saree\" # سری\nnative_name = \"اکرام‌الدین سریع\"\n",
	"crlf = 1\r\nlone = 2\rend\n",
	"x = ١٢٣\nnbsp =\u00a0\"a\"\n+ - ~ ! @\n",
	"{ a = 1, b.c = 2 }",
}

func TestTOMLMatchesChroma(t *testing.T) {
	for _, text := range tomlCases {
		sameTokens(t, text)
	}
}

// TestTOMLEntries runs the front matter of every entry of the test
// dossier (internal/testsite) through both. It does not read the shipped
// content/, so that a content pull request cannot break it.
func TestTOMLEntries(t *testing.T) {
	n := 0
	for f, file := range testsite.FS() {
		if !strings.HasSuffix(f, ".md") {
			continue
		}
		n++
		parts := strings.SplitN(string(file.Data), "+++", 3)
		if len(parts) < 3 {
			t.Fatalf("%s: no front matter", f)
		}
		sameTokens(t, parts[1])
	}
	if n == 0 {
		t.Fatal("no entries in the test dossier")
	}
}

func FuzzTOML(f *testing.F) {
	for _, text := range tomlCases {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// Entries are UTF-8 (the loader refuses anything else), and
		// chroma reads other bytes as U+FFFD.
		if !utf8.ValidString(text) || len(text) > 1000 {
			return
		}
		// chroma's string rule backtracks through every way of pairing
		// the backslashes of an unclosed string, and gives up after
		// 250 ms; keep its work small enough to finish.
		if strings.Count(text, `\`) > 16 {
			return
		}
		var b strings.Builder
		for _, tok := range TOML(text) {
			b.WriteString(tok.Value)
		}
		norm := strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
		if b.String() != norm {
			t.Fatalf("tokens of %q spell %q", text, b.String())
		}
		sameTokens(t, text)
	})
}
