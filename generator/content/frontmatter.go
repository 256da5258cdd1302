package content

import (
	"bytes"
	"errors"
	"unicode/utf8"
)

// A file is one entry's bytes with what is known of their layout.
type file struct {
	path  string
	orig  []byte // as read, for counting columns in characters
	src   []byte // a copy with the front matter blanked out once split
	lines []int  // byte offset of the start of each line

	fmStart, fmEnd int // the front matter is src[fmStart:fmEnd]
	body           int // the body starts at src[body:]

	// The last position found, to count a column from there: problems
	// and references come in file order, and counting each column from
	// the start of its line is quadratic on a long line.
	lastOff, lastLine, lastCol int
}

func newFile(path string, src []byte) *file {
	f := &file{path: path, orig: src, src: src, lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			f.lines = append(f.lines, i+1)
		}
	}
	return f
}

// pos turns a byte offset into a 1-based line and a 1-based column counted
// in characters, as editors count them.
func (f *file) pos(off int) (line, col int) {
	off = min(max(off, 0), len(f.src))
	lo, hi := 0, len(f.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if f.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	from, col := f.lines[lo], 1
	if f.lastLine == lo+1 && f.lastOff <= off {
		from, col = f.lastOff, f.lastCol
	}
	col += utf8.RuneCount(f.orig[from:off])
	f.lastOff, f.lastLine, f.lastCol = off, lo+1, col
	return lo + 1, col
}

var (
	errNoOpen  = errors.New("the file must start with a line +++ that opens the front matter")
	errNoClose = errors.New("the front matter opened on line 1 is never closed: add a line +++ after the last field")
	errYAML    = errors.New("this generator reads TOML front matter between +++ lines, not YAML between --- lines: replace both --- lines with +++, and write each field as key = \"value\" (lists as key = [\"a\", \"b\"])")
)

// isDelim reports whether line is +++, which may be followed by spaces
// or tabs, as Hugo allows.
func isDelim(line []byte, delim string) bool {
	return string(bytes.TrimRight(line, " \t")) == delim
}

// split finds the front matter between the two +++ lines and returns a
// copy of it; in f.src it is then replaced by spaces, keeping newlines,
// so the body keeps the file's offsets.
func (f *file) split() ([]byte, error) {
	line := func(i int) []byte {
		end := len(f.src)
		if i+1 < len(f.lines) {
			end = f.lines[i+1]
		}
		return bytes.TrimRight(f.src[f.lines[i]:end], "\r\n")
	}
	first := line(0)
	first = bytes.TrimPrefix(first, []byte("\uFEFF"))
	if isDelim(first, "---") {
		return nil, errYAML
	}
	if !isDelim(first, "+++") {
		return nil, errNoOpen
	}
	for i := 1; i < len(f.lines); i++ {
		if isDelim(line(i), "+++") {
			f.fmStart, f.fmEnd = f.lines[1], f.lines[i]
			if f.fmStart > f.fmEnd { // "+++" on the last line, no newline
				f.fmStart = f.fmEnd
			}
			fm := bytes.Clone(f.src[f.fmStart:f.fmEnd])
			end := len(f.src)
			if i+1 < len(f.lines) {
				end = f.lines[i+1]
			}
			f.src = bytes.Clone(f.src)
			blank(f.src[:end])
			f.body = end
			return fm, nil
		}
	}
	return nil, errNoClose
}

func blank(b []byte) {
	for i, c := range b {
		if c != '\n' && c != '\r' {
			b[i] = ' '
		}
	}
}
