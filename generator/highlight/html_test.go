package highlight

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// chromaHTML is what writeHTML stands in for: chroma's formatter with the
// same options.
func chromaHTML(t testing.TB, tokens []chroma.Token) string {
	var b bytes.Buffer
	if err := reference.Format(&b, styles.Get("github"), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func sameHTML(t *testing.T, tokens []chroma.Token) {
	t.Helper()
	var b strings.Builder
	writeHTML(&b, tokens)
	if want := chromaHTML(t, tokens); b.String() != want {
		t.Errorf("tokens %q\n got %s\nwant %s (chroma)", tokens, b.String(), want)
	}
}

// tokenTypes are the types tested: every standard one, and one chroma
// does not know.
var tokenTypes = func() []chroma.TokenType {
	var ts []chroma.TokenType
	for t := range chroma.StandardTypes {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	return append(ts, chroma.NameVariableMagic+7)
}()

func TestHTMLMatchesChroma(t *testing.T) {
	tok := func(t chroma.TokenType, v string) chroma.Token { return chroma.Token{Type: t, Value: v} }
	cases := [][]chroma.Token{
		nil,
		{tok(chroma.Text, "")},
		{tok(chroma.Text, "\n")},
		{tok(chroma.CommentPreproc, "+++\n"), tok(chroma.NameOther, "title"), tok(chroma.Text, " "), tok(chroma.Punctuation, "="), tok(chroma.LiteralStringDouble, `"a <b> & 'c'"`), tok(chroma.Text, "\n\n\n")},
		{tok(chroma.GenericHeading, "# Title"), tok(chroma.Text, "\nline\r\nmore\n"), tok(chroma.NameEntity, "")},
		{tok(chroma.Text, "no newline at the end")},
		{tok(chroma.Text, "a\n"), tok(chroma.Keyword, "")},
	}
	// Enough lines that numbers are padded, to two and three digits.
	var long []chroma.Token
	for i := range 120 {
		long = append(long, tok(tokenTypes[i%len(tokenTypes)], "x\n"))
	}
	cases = append(cases, long[:12], long)
	for _, typ := range tokenTypes {
		cases = append(cases, []chroma.Token{tok(typ, "v\n")})
	}
	for _, c := range cases {
		sameHTML(t, c)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\n+++\n# Body <b>&amp;</b>\n"), uint64(1))
	f.Fuzz(func(t *testing.T, text []byte, seed uint64) {
		// Cut text into tokens of random types at random places.
		r := rand.New(rand.NewPCG(seed, seed))
		var tokens []chroma.Token
		for len(text) > 0 {
			n := r.IntN(len(text) + 1)
			tokens = append(tokens, chroma.Token{Type: tokenTypes[r.IntN(len(tokenTypes))], Value: string(text[:n])})
			text = text[n:]
		}
		sameHTML(t, tokens)
	})
}
