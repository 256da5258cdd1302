package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// TestTokens: the tokens of a body, alone or after a blanked-out front
// matter, rebuild it and class what it marks up.
func TestTokens(t *testing.T) {
	const body = "# Title\n\nSome *soft* and **bold** text with `code`, a [link](../people/x.md) and [@src-a, p. 2].\n\n- item\n> quoted\n\n```\nfenced\n```\n"
	for _, front := range []string{"", "   \n        \n   \n"} {
		t.Run(fmt.Sprintf("after %d bytes", len(front)), func(t *testing.T) {
			testTokens(t, front, body)
		})
	}
}

func testTokens(t *testing.T, front, body string) {
	src := front + body
	doc := Parse([]byte(src))
	var b strings.Builder
	for _, tok := range Tokens([]byte(src), doc, len(front)) {
		b.WriteString(tok.Value)
	}
	if b.String() != body {
		t.Fatalf("tokens do not rebuild the body:\n%q", b.String())
	}
	want := map[string]chroma.TokenType{
		"# Title":          chroma.GenericHeading,
		"*soft*":           chroma.GenericEmph,
		"**bold**":         chroma.GenericStrong,
		"`code`":           chroma.LiteralStringBacktick,
		"[link":            chroma.NameTag,
		"../people/x.md":   chroma.NameAttribute,
		"[@src-a, p. 2]":   chroma.NameEntity,
		"- ":               chroma.Keyword,
		"```\nfenced\n```": chroma.LiteralString,
	}
	for _, tok := range Tokens([]byte(src), doc, len(front)) {
		if typ, ok := want[tok.Value]; ok {
			if tok.Type != typ {
				t.Errorf("%q is %v, want %v", tok.Value, tok.Type, typ)
			}
			delete(want, tok.Value)
		}
	}
	for text := range want {
		t.Errorf("no token %q", text)
	}
}
