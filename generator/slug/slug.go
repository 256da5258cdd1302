// Package slug turns names into ids and file names, in one way for the
// whole generator: the id `check` suggests for a bad file name, the id
// `new` suggests for what was typed, a tag's page and the "did you mean"
// that finds an entry by its name all agree.
//
// Make lowercases, drops accents and marks (Sarī, Sarı and Sari are all
// sari; the harakat of Arabic script go too), writes the Latin letters
// that have no accent to drop as their usual ASCII (ß ss, æ ae, ø o, đ d,
// ł l, þ th), and keeps every other letter and digit as it is, so that a
// tag in Dari still has a page of its own name. Anything else separates
// words, which are joined by single hyphens.
//
// ID is Make held to the id pattern: ids are ASCII, so that they are the
// same file on every disk and in every URL.
package slug

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// IDPattern is what an id must match: lowercase ASCII letters and digits,
// in words joined by single hyphens. Upper case is not allowed: Ada.md and
// ada.md are one file on a case-insensitive disk.
var IDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// latin spells the Latin letters that have no decomposition in ASCII.
var latin = map[rune]string{
	'ı': "i", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d",
	'ð': "d", 'ł': "l", 'þ': "th", 'ħ': "h", 'ŧ': "t", 'ŀ': "l",
}

// Make makes a slug of free text: see the package comment.
func Make(s string) string {
	var b strings.Builder
	dash := false
	word := func(w string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
		dash = false
	}
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// an accent or mark: keep the letter, drop the mark
		case latin[r] != "":
			word(latin[r])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word(string(r))
		default:
			dash = true
		}
	}
	// Letters that NFD took apart and that had no mark to drop (Hangul
	// syllables) are put back together.
	return norm.NFC.String(b.String())
}

// ID returns the id Make gives s, or "" when that is not an id (when s
// has letters outside ASCII that Make keeps, or none at all).
func ID(s string) string {
	if id := Make(s); IDPattern.MatchString(id) {
		return id
	}
	return ""
}

// datePrefix matches an id that starts with a date at its precision:
// 2025-12-24-..., 2025-09-..., 2021-..., or is one.
var datePrefix = regexp.MustCompile(`^(\d{4}(?:-\d{2}){0,2})(?:-(.*))?$`)

// SplitDate splits an event id into the date it starts with and the words
// after it: "2025-12-24-tehran-shooting" gives "2025-12-24" and
// "tehran-shooting". An id that does not start with a date gives "" and
// the id. The date is not checked: "2025-13" is split too.
func SplitDate(id string) (date, rest string) {
	m := datePrefix.FindStringSubmatch(id)
	if m == nil {
		return "", id
	}
	return m[1], m[2]
}
