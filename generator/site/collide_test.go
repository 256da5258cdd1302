package site

import (
	"strings"
	"testing"

	"dossier/generator/content"
)

// TestCollisions builds sites from entries made in code, so that what
// content refuses before (the id index) still reaches the check.
func TestCollisions(t *testing.T) {
	tag := func(id string, line int) content.Ref { return content.Ref{ID: id, Field: "tags", Line: line, Col: 9} }
	tests := []struct {
		name    string
		entries []*content.Entry
		want    string
	}{
		{"an entry and its kind's list", []*content.Entry{
			{Kind: content.Person, ID: "index", Path: "content/people/index.md"},
		}, "content/people/index.md:1:1: the page of content/people/index.md and the list of people would both be written to people/index.html, and one would be lost: rename one of them\n"},
		{"a tag and the list of tags, at both tags", []*content.Entry{
			{Kind: content.Person, ID: "a", Path: "content/people/a.md", Tags: []string{"index"}, TagRefs: []content.Ref{tag("index", 3)}},
			{Kind: content.Person, ID: "b", Path: "content/people/b.md", Tags: []string{"Index!"}, TagRefs: []content.Ref{tag("Index!", 4)}},
		}, "content/people/a.md:3:9: the page of the tag 'index' and the list of tags would both be written to tags/index.html, and one would be lost: rename one of them\n" +
			"content/people/b.md:4:9: the page of the tag 'Index!' and the list of tags would both be written to tags/index.html, and one would be lost: rename one of them\n"},
		{"one tag in two spellings is one page", []*content.Entry{
			{Kind: content.Person, ID: "a", Path: "content/people/a.md", TagRefs: []content.Ref{tag("Iran", 3)}},
			{Kind: content.Person, ID: "b", Path: "content/people/b.md", TagRefs: []content.Ref{tag("iran", 3)}},
		}, ""},
		{"a tag without letters", []*content.Entry{
			{Kind: content.Person, ID: "a", Path: "content/people/a.md", TagRefs: []content.Ref{tag("!!!", 5)}},
		}, "content/people/a.md:5:9: the tag '!!!' has no letter or digit, so its page would have no file name: write the tag in words\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := New(content.Config{}, tt.entries)
			var b strings.Builder
			for _, p := range errs.Sort() {
				b.WriteString(p.String() + "\n")
			}
			if got := b.String(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
