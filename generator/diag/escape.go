package diag

import (
	"strconv"
	"strings"
)

// Escape writes the characters of s that a terminal or a log reader would
// act on, rather than show, as Go escapes: control characters (a newline
// would let a value forge a second path:line:col: line, ESC starts a
// terminal escape sequence) and the bidirectional overrides that reorder
// what a reader sees. Problems echo what contributors wrote, so every
// message passes through here on its way out. Other text is unchanged.
func Escape(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !unsafeRune(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
