package content

import "path"

// Translatable lists, by kind, the fields a translation may hold: the
// text shown to readers.
var Translatable = map[Kind][]string{
	Event:        {"title", "summary", "roles", "accounts"},
	Person:       {"name", "aliases", "native_name", "description"},
	Organization: {"name", "aliases", "description"},
	Place:        {"name"},
	Source:       {"title"},
	Page:         {"title"},
}

// OriginalPath is the file a translation translates: content/KIND/ID.md.
func OriginalPath(e *Entry) string {
	return path.Join(path.Dir(e.Path), e.ID+".md")
}
