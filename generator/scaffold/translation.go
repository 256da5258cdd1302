package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"dossier/generator/content"
)

// Translation returns the file of a new translation of the entry o into
// the language tag (SPEC §5): the text fields o has, each holding a
// placeholder with the original's text in a comment above it, the
// original's roles and accounts in order, and room for the body.
func Translation(o *content.Entry, tag string) []byte {
	var b strings.Builder
	b.WriteString("+++\n")
	for _, line := range []string{
		fmt.Sprintf("The %s translation of %s.", tag, o.Path),
		"Translate every TODO, then run: go run ./generator check",
		"A translation holds only these text fields and its body: the date,",
		"sources, people and every other field come from the original, and",
		"a field left out shows the original's. A line that starts with # is",
		"a comment. Below the closing +++, translate the original's text,",
		"keeping its citations [@source-id] and its links to other entries.",
	} {
		b.WriteString("# " + line + "\n")
	}
	original := func(s string) {
		fmt.Fprintf(&b, "# original: %s\n", comment(s))
	}
	for _, name := range content.Translatable[o.Kind] {
		var text string
		switch name {
		case "title", "name":
			text = o.Title
		case "summary":
			text = o.Summary
		case "description":
			text = o.Description
		case "native_name":
			text = o.NativeName
		case "aliases":
			if len(o.Aliases) > 0 {
				fmt.Fprintf(&b, "\n# %s\n# aliases = [\"...\"]\n", strings.Join(o.Aliases, ", "))
			}
		}
		if text == "" {
			continue
		}
		b.WriteString("\n")
		original(text)
		fmt.Fprintf(&b, "%s = \"%s: translate\"\n", name, content.Placeholder)
	}
	// Tables last: in TOML every line after [table] belongs to it.
	if len(o.Roles) > 0 {
		b.WriteString("\n[roles]\n")
		for _, id := range sortedKeys(o.Roles) {
			original(o.Roles[id])
			fmt.Fprintf(&b, "%s = \"%s: translate\"\n", id, content.Placeholder)
		}
	}
	for _, a := range o.Accounts {
		b.WriteString("\n[[accounts]]\n")
		fmt.Fprintf(&b, "source = %q\n", a.Source)
		original(a.Says)
		fmt.Fprintf(&b, "says = \"%s: translate\"\n", content.Placeholder)
	}
	b.WriteString("+++\n")
	return []byte(b.String())
}

// comment makes text one line of a TOML comment, which holds no control
// characters.
func comment(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TranslationPath returns the file of the translation of the entry of
// kind k and id into language tag: content/KIND/ID.TAG.md.
func TranslationPath(k content.Kind, id, tag string) string {
	return path.Join("content", k.Dir(), id+"."+tag+".md")
}

// WriteTranslation writes a new translation of o into tag into the site
// in dir, and returns its path relative to dir. Like Write, it never
// replaces a file.
func WriteTranslation(dir string, o *content.Entry, tag string) (string, error) {
	rel := TranslationPath(o.Kind, o.ID, tag)
	p := filepath.Join(dir, filepath.FromSlash(rel))
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return rel, ErrExists
	}
	if err != nil {
		return rel, err
	}
	if _, err := f.Write(Translation(o, tag)); err != nil {
		f.Close()
		os.Remove(p)
		return rel, err
	}
	return rel, f.Close()
}
