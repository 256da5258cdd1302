package render_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"testing"
	"testing/fstest"

	"dossier/generator/build"
	"dossier/generator/render"
	"dossier/generator/search"
)

// The search index holds text as a reader sees it: no HTML entities
// (typographic quotes are characters) and no space left where a citation
// was taken out.
func TestSearchIndexPlainText(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                {Data: []byte(`title = "Test"`)},
		"content/sources/src-a.md": {Data: []byte("+++\ntitle = \"Source A\"\n+++\nThe source's \"own\" words -- quoted.\n")},
		"content/events/2025-12-24-x.md": {Data: []byte(`+++
title = "A shooting"
date = "2025-12-24"
status = "reported"
sources = ["src-a"]
+++
He was shot in Kapisa province [@src-a]. Sari's "masked" assailants [@src-a, para. 2];
AT&amp;T &copy; -- and "more" [@src-a]
[@src-a], said the report's author...
`)},
	}
	s, problems := build.Load(fsys)
	if s == nil || problems.Errors() > 0 {
		t.Fatalf("load: %v", problems)
	}
	files, err := search.Files(render.SearchDocs(s, render.Lang{}))
	if err != nil {
		t.Fatal(err)
	}
	// Each script is one assignment or call with a JSON value.
	var index []any
	for _, f := range files {
		js := f.Data
		start, end := bytes.IndexAny(js, "{["), bytes.LastIndexAny(js, "}]")
		var v any
		if err := json.Unmarshal(js[start:end+1], &v); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		index = append(index, v)
	}
	entity := regexp.MustCompile(`&[a-z]+;|&#[0-9]+;`)
	stray := regexp.MustCompile(`\s[.,;:]`)
	var texts []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			texts = append(texts, v)
			if m := entity.FindString(v); m != "" {
				t.Errorf("indexed text holds the entity %s: %q", m, v)
			}
			if m := stray.FindStringIndex(v); m != nil {
				t.Errorf("indexed text has a space before punctuation: %q", v)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(index)
	for _, want := range []string{
		"He was shot in Kapisa province. Sari’s “masked” assailants; AT&T © – and “more”, said the report’s author…",
		"The source’s “own” words – quoted.",
	} {
		if !slices.Contains(texts, want) {
			t.Errorf("search-index.js lacks the snippet %q; it has\n%q", want, texts)
		}
	}
}
