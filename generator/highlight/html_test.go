package highlight

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
	"golang.org/x/net/html"
)

// chromaHTML is the formatter writeHTML stands in for, with the options
// of reference.
func chromaHTML(t testing.TB, tokens []chroma.Token) string {
	var b bytes.Buffer
	if err := reference.Format(&b, styles.Get("github"), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// shown is what a reader sees of a highlighted file, line by line: the
// line's id, its number, and its text with the class of each character
// (plain classes written as none), as "c|text" runs.
func shown(t testing.TB, markup string) []string {
	z := html.NewTokenizer(strings.NewReader(markup))
	type el struct{ tag, class string }
	var stack []el
	var lines []string
	var cur strings.Builder
	last := "\x00"
	inCode := -1 // the depth of <code>, whose children are lines
	for {
		switch z.Next() {
		case html.ErrorToken:
			return lines
		case html.StartTagToken:
			tn, _ := z.TagName()
			e := el{tag: string(tn)}
			id := ""
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "class":
					e.class = string(v)
				case "id":
					id = string(v)
				}
			}
			stack = append(stack, e)
			if e.tag == "code" {
				inCode = len(stack)
			}
			if inCode > 0 && len(stack) == inCode+1 {
				cur.Reset()
				last = "\x00"
			}
			if id != "" {
				fmt.Fprintf(&cur, "id=%s ", id)
			}
		case html.EndTagToken:
			if inCode > 0 && len(stack) == inCode+1 {
				lines = append(lines, cur.String())
			}
			stack = stack[:len(stack)-1]
		case html.TextToken:
			text := string(z.Text())
			cls := ""
			number := false
			for _, e := range stack[max(inCode, 0):] {
				switch {
				case e.tag == "a":
					number = true
				case e.class == "line" || e.class == "cl" || e.class == "ln":
				case e.tag == "span" && e.class != "":
					cls = e.class
				}
			}
			if number {
				fmt.Fprintf(&cur, "n=%s ", strings.TrimSpace(text))
				continue
			}
			if plain[` class="`+cls+`"`] {
				cls = ""
			}
			if cls != last {
				fmt.Fprintf(&cur, "|%s|", cls)
				last = cls
			}
			cur.WriteString(text)
		}
	}
}

func sameAsChroma(t *testing.T, tokens []chroma.Token) {
	t.Helper()
	var b strings.Builder
	writeHTML(&b, tokens)
	got, want := shown(t, b.String()), shown(t, chromaHTML(t, tokens))
	if !slices.Equal(got, want) {
		t.Errorf("tokens %q\n got %q\nwant %q (chroma)\nmarkup %s", tokens, got, want, b.String())
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

func TestHTMLShowsWhatChromaShows(t *testing.T) {
	tok := func(t chroma.TokenType, v string) chroma.Token { return chroma.Token{Type: t, Value: v} }
	cases := [][]chroma.Token{
		nil,
		{tok(chroma.Text, "")},
		{tok(chroma.Text, "\n")},
		{tok(chroma.CommentPreproc, "+++\n"), tok(chroma.NameOther, "title"), tok(chroma.Text, " "), tok(chroma.Punctuation, "="), tok(chroma.LiteralStringDouble, `"a <b> & 'c'"`), tok(chroma.Text, "\n\n\n")},
		{tok(chroma.GenericHeading, "# Title"), tok(chroma.Text, "\nline\r\nmore\n"), tok(chroma.NameEntity, "")},
		{tok(chroma.Text, "no newline at the end")},
		{tok(chroma.Text, "a\n"), tok(chroma.Keyword, "")},
		{tok(chroma.Keyword, "- "), tok(chroma.Keyword, "- "), tok(chroma.Text, "x"), tok(chroma.Keyword, "\n- ")},
	}
	// Enough lines that numbers have two and three digits.
	var long []chroma.Token
	for i := range 120 {
		long = append(long, tok(tokenTypes[i%len(tokenTypes)], "x\n"))
	}
	cases = append(cases, long[:12], long)
	for _, typ := range tokenTypes {
		cases = append(cases, []chroma.Token{tok(typ, "v\n")})
	}
	for _, c := range cases {
		sameAsChroma(t, c)
	}
}

// The view's markup: a line is its id, its number and its text; tokens
// of one class side by side share a span, and plain ones have none; text
// escapes <, > and &, and quotes only after an = (where they could read
// as an attribute's).
func TestHTMLMarkup(t *testing.T) {
	tokens := []chroma.Token{
		{Type: chroma.CommentPreproc, Value: "+++\n"},
		{Type: chroma.NameOther, Value: "people"}, {Type: chroma.Text, Value: " "}, {Type: chroma.Punctuation, Value: "="}, {Type: chroma.Text, Value: " "},
		{Type: chroma.Punctuation, Value: "["}, {Type: chroma.LiteralStringDouble, Value: `"a"`}, {Type: chroma.Punctuation, Value: ","}, {Type: chroma.Text, Value: " "},
		{Type: chroma.LiteralStringDouble, Value: `"b&c"`}, {Type: chroma.Punctuation, Value: "]\n"},
		{Type: chroma.Keyword, Value: "- "}, {Type: chroma.Keyword, Value: "1. "}, {Type: chroma.Text, Value: "x <y> 'z' a=\"b\" c='d' e="}, {Type: chroma.Text, Value: "\"f\"\n"},
	}
	var b strings.Builder
	writeHTML(&b, tokens)
	want := `<pre class="chroma"><code style="--digits:1">` +
		`<span id="L1"><a href="#L1">1</a><span class="cp">+++` + "\n" + `</span></span>` +
		`<span id="L2"><a href="#L2">2</a>people = [<span class="s2">"a"</span>, <span class="s2">"b&amp;c"</span>]` + "\n" + `</span>` +
		`<span id="L3"><a href="#L3">3</a><span class="k">- 1. </span>x &lt;y&gt; 'z' a=&#34;b" c=&#39;d' e=&#34;f"` + "\n" + `</span>` +
		`</code></pre>`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A plain class is drawn as the text around it in both styles: no colour
// of its own beyond the light style's text colour, no weight, slant,
// underline or background.
func TestPlainLooksLikeText(t *testing.T) {
	light, dark := styles.Get("github"), styles.Get("github-dark")
	for typ := range chroma.StandardTypes {
		if !plain[attr(typ)] {
			continue
		}
		l, d := light.Get(typ), dark.Get(typ)
		if c := l.Colour.String(); l.Colour.IsSet() && c != "#1f2328" {
			t.Errorf("%v: light colour %s", typ, c)
		}
		if l.Background != light.Get(chroma.Background).Background || l.Bold == chroma.Yes || l.Italic == chroma.Yes || l.Underline == chroma.Yes {
			t.Errorf("%v: light style %v is not plain", typ, l)
		}
		if want := dark.Get(chroma.Text); d != want {
			t.Errorf("%v: dark style %v, text is %v", typ, d, want)
		}
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
		sameAsChroma(t, tokens)
	})
}
