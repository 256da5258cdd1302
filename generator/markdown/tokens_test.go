package markdown

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

func TestTokens(t *testing.T) {
	src := "# Title\n\nSome *soft* and **bold** text with `code`, a [link](../people/x.md) and [@src-a, p. 2].\n\n- item\n> quoted\n\n```\nfenced\n```\n"
	doc := Parse([]byte(src))
	var b strings.Builder
	for _, tok := range Tokens([]byte(src), doc, 0) {
		b.WriteString(tok.Value)
	}
	if b.String() != src {
		t.Fatalf("tokens do not rebuild the source:\n%q", b.String())
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
	for _, tok := range Tokens([]byte(src), doc, 0) {
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
