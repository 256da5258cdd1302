package content

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A locator finds where a key or a value is written in a file's front
// matter. The TOML decoder reports positions only for syntax errors, yet
// a contributor needs the line of every bad field, so the front matter is
// scanned once, line by line, for table headers and key definitions.
// Inline tables and keys that cannot be found fall back to the nearest
// enclosing key, so an error always points somewhere useful.
type locator struct {
	f    *file
	fm   []byte         // the front matter text, as written
	keys map[string]int // dotted key path -> byte offset in the file
	defs []int          // sorted offsets of all key definitions and headers
}

func newLocator(f *file, fm []byte) *locator {
	masked, inside := lex(fm)
	l := &locator{f: f, fm: masked, keys: map[string]int{}}
	prefix := ""
	arrays := map[string]int{}
	off := 0
	for i, line := range bytes.SplitAfter(masked, []byte("\n")) {
		start := off
		off += len(line)
		if inside[i] {
			continue // within a multi-line string, array or inline table
		}
		s := string(line)
		t := strings.TrimSpace(s)
		indent := len(s) - len(strings.TrimLeft(s, " \t"))
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, "[["):
			name := strings.TrimSpace(strings.Trim(t[:strings.Index(t+"]]", "]]")], "[ "))
			prefix = name + "." + strconv.Itoa(arrays[name]) + "."
			arrays[name]++
			l.add(strings.TrimSuffix(prefix, "."), f.fmStart+start+indent)
			continue
		case t[0] == '[':
			name := strings.TrimSpace(strings.Trim(t[:strings.Index(t+"]", "]")], "[ "))
			prefix = name + "."
			l.add(name, f.fmStart+start+indent)
			continue
		}
		key, last, ok := keyOf(t)
		if !ok {
			continue
		}
		l.add(prefix+key, f.fmStart+start+indent+last)
		if eq := strings.IndexByte(s, '='); eq >= 0 && strings.HasPrefix(strings.TrimSpace(s[eq+1:]), "[") {
			l.inlineTables(prefix+key, start+eq+1)
		}
	}
	slices.Sort(l.defs)
	return l
}

// lex reads TOML text far enough to know, for each line, whether it
// starts inside a multi-line string or an array or inline table spread
// over lines, where no key is defined. It returns a copy of the text
// with comments blanked out, so that a search for a value never lands
// in a comment.
func lex(fm []byte) ([]byte, []bool) {
	out := bytes.Clone(fm)
	inside := []bool{false}
	var quote string // the open string's delimiter, or ""
	depth := 0       // open [ and {
	for i := 0; i < len(fm); i++ {
		c := fm[i]
		switch {
		case c == '\n':
			if len(quote) == 1 {
				quote = "" // a one-line string left open: the decoder says so
			}
			inside = append(inside, quote != "" || depth > 0)
		case quote != "":
			if c == '\\' && quote[0] == '"' {
				i++
			} else if bytes.HasPrefix(fm[i:], []byte(quote)) {
				i += len(quote) - 1
				quote = ""
			}
		case c == '#':
			for i < len(fm) && fm[i] != '\n' {
				out[i] = ' '
				i++
			}
			i--
		case c == '"' || c == '\'':
			quote = string(c)
			if bytes.HasPrefix(fm[i:], []byte{c, c, c}) {
				quote = string([]byte{c, c, c})
				i += 2
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
	}
	return out, inside
}

// inlineTables records the inline tables of the array value that starts
// at offset from in the front matter, accounts = [{...}, {...}], and
// their keys, as [[accounts]] blocks are recorded: accounts.0,
// accounts.0.source, and so on.
func (l *locator) inlineTables(path string, from int) {
	depth, n := 0, 0
	table, wantKey := "", false
	var quote byte
	for i := from; i < len(l.fm); i++ {
		c := l.fm[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote || c == '\n' {
				quote = 0
			}
		case wantKey && c != ' ' && c != '\t':
			wantKey = false
			if key, last, ok := keyOf(lineFrom(l.fm, i)); ok {
				l.add(table+"."+key, l.f.fmStart+i+last)
			}
			i--
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
			if c == '{' && depth == 2 {
				table, wantKey = path+"."+strconv.Itoa(n), true
				n++
				l.add(table, l.f.fmStart+i)
			}
		case c == ',' && depth == 2:
			wantKey = true
		case c == ']' || c == '}':
			depth--
			if depth <= 0 {
				return
			}
		}
	}
}

// lineFrom returns the text of b from offset i to the end of its line.
func lineFrom(b []byte, i int) string {
	if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
		return string(b[i : i+j])
	}
	return string(b[i:])
}

func (l *locator) add(path string, off int) {
	if _, ok := l.keys[path]; !ok {
		l.keys[path] = off
	}
	l.defs = append(l.defs, off)
}

// keyOf returns the dotted key defined by a line "key = value", with
// quotes removed from quoted keys, and where in the line its last part
// starts: a problem with roles."some-id" is at some-id.
func keyOf(line string) (string, int, bool) {
	var parts []string
	t, last := line, 0
	for {
		t = strings.TrimLeft(t, " \t")
		last = len(line) - len(t)
		var part string
		switch {
		case t == "":
			return "", 0, false
		case t[0] == '"' || t[0] == '\'':
			t0 := t[0]
			end := strings.IndexByte(t[1:], t[0])
			if end < 0 {
				return "", 0, false
			}
			part, t = t[1:end+1], t[end+2:]
			if u, err := strconv.Unquote(`"` + part + `"`); err == nil && t0 == '"' {
				part = u // a basic string: its escapes mean what the decoder read
			}
		default:
			n := 0
			for n < len(t) && isBare(t[n]) {
				n++
			}
			if n == 0 {
				return "", 0, false
			}
			part, t = t[:n], t[n:]
		}
		parts = append(parts, part)
		t = strings.TrimLeft(t, " \t")
		if strings.HasPrefix(t, ".") {
			t = t[1:]
			continue
		}
		if strings.HasPrefix(t, "=") {
			return strings.Join(parts, "."), last, true
		}
		return "", 0, false
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// key returns the offset of the definition of the dotted key path, or of
// its nearest enclosing key that can be found, or of the front matter.
func (l *locator) key(path string) int {
	for p := path; ; {
		if off, ok := l.keys[p]; ok {
			if p != path {
				// An inline table: look for the last part inside its span.
				last := path[strings.LastIndexByte(path, '.')+1:]
				if i := l.find(off, last); i >= 0 {
					return i
				}
			}
			return off
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return l.f.fmStart
		}
		p = p[:i]
	}
}

// value returns the offset of a string value v written under key path:
// the quote that opens it, or failing that the start of the key.
func (l *locator) value(path, v string) int {
	off := l.key(path)
	for _, q := range []string{`"`, `'`} {
		if i := l.find(off, q+v+q); i >= 0 {
			return i
		}
	}
	if i := l.find(off, v); i >= 0 && v != "" {
		return i
	}
	// Point after "=" if we can, at the value.
	if i := l.find(off, "="); i >= 0 {
		j := i + 1 - l.f.fmStart
		for j < len(l.fm) && (l.fm[j] == ' ' || l.fm[j] == '\t') {
			j++
		}
		return l.f.fmStart + j
	}
	return off
}

// valueAfter is value for the items of a list: it looks on from offset
// after, the end of the item before, so a long list is searched in one
// pass rather than once an item. It returns where the item starts and
// ends. An item written with escapes ("a\u00e9") is not found as read:
// it is taken to be the next string after the item before.
func (l *locator) valueAfter(path, v string, after int) (start, end int) {
	off := l.key(path)
	from := max(off, after)
	for _, q := range []string{`"`, `'`} {
		if i := l.findFrom(off, from, q+v+q); i >= 0 {
			return i, i + len(q+v+q)
		}
	}
	i, j := l.findFrom(off, from, `"`), l.findFrom(off, from, `'`)
	if i < 0 || j >= 0 && j < i {
		i = j
	}
	if i < 0 {
		i = l.value(path, v)
	}
	return i, i + 1
}

// findRE returns the offset of the first match of re within the span of
// the definition that starts at off, or -1.
func (l *locator) findRE(off int, re *regexp.Regexp) int {
	end := l.f.fmStart + len(l.fm)
	if i, _ := slices.BinarySearch(l.defs, off+1); i < len(l.defs) {
		end = l.defs[i]
	}
	start, to := off-l.f.fmStart, end-l.f.fmStart
	if start < 0 || to > len(l.fm) || start > to {
		return -1
	}
	if m := re.FindIndex(l.fm[start:to]); m != nil {
		return off + m[0]
	}
	return -1
}

// find returns the offset of s within the span of the definition that
// starts at off (up to the next definition), or -1.
func (l *locator) find(off int, s string) int { return l.findFrom(off, off, s) }

// findFrom is find, looking only from offset from on.
func (l *locator) findFrom(off, from int, s string) int {
	end := l.f.fmStart + len(l.fm)
	if i, ok := slices.BinarySearch(l.defs, off+1); ok || i < len(l.defs) {
		if i < len(l.defs) {
			end = l.defs[i]
		}
	}
	start := from - l.f.fmStart
	to := end - l.f.fmStart
	if start < 0 || to > len(l.fm) || start > to {
		return -1
	}
	i := bytes.Index(l.fm[start:to], []byte(s))
	if i < 0 {
		return -1
	}
	return from + i
}
