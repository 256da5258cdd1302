package content

import (
	"bytes"
	"slices"
)

// MaxInlineWork bounds, for one file, the bytes goldmark's inline parser
// may scan again and again. Some inputs make it scan the rest of a
// paragraph from every mark: each unclosed code span looks for its
// closing backticks, each "](" for the end of a destination or title,
// and the emphasis pass walks back over every * and _ before each one.
// `[a](` written 40,000 times cost 11.7 s of CPU and 4 MB of it would
// take hours. Real entries stay below a thousandth of this bound, and
// the bound keeps the worst file under a second of CPU.
const MaxInlineWork = 200_000_000

// costlyInline estimates, paragraph by paragraph from offset start on,
// how many bytes the inline parser would scan in src. It returns the
// offset of the mark at which the estimate passes MaxInlineWork, with a
// message saying which marks to close; or -1. Each estimate is meant to
// err high, counting a scan to the end of the paragraph wherever goldmark
// may make one, so that no input under the bound stalls a build; text as
// people write it stays far below.
func costlyInline(src []byte, start int) (int, string) {
	work := 0
	for p := start; p < len(src); {
		if end, ok := fencedCode(src, p); ok {
			p = end // code is not parsed for marks
			continue
		}
		end := paragraphEnd(src, p)
		for _, c := range inlineCosts {
			at, w := c.work(src[p:end], MaxInlineWork-work)
			if at >= 0 {
				return p + at, c.msg
			}
			work += w
		}
		p = end
	}
	return -1, ""
}

// inlineCosts are the estimates of costlyInline, each with what to say
// when it passes the bound. Each returns the offset in a paragraph at
// which the work passes budget, or -1, and the work it counted.
var inlineCosts = []struct {
	work func(para []byte, budget int) (int, int)
	msg  string
}{
	{codeSpanWork, "too many unclosed code spans: each ` or `` without a matching closing run makes the Markdown parser read the rest of the paragraph again; close them, or write \\` for a literal backtick"},
	{linkWork, "too many unclosed links: each ]( without its closing ) or a title without its closing quote makes the Markdown parser read the rest of the line or paragraph again; close them, or write \\] for a literal bracket"},
	{labelWork, "too many [ ] brackets over too many lines in one paragraph: the Markdown parser reads the rest of the paragraph's lines again after each ]; split the paragraph with blank lines, or write \\] for a literal bracket"},
	{emphasisWork, "too many * and _ marks in one paragraph for the Markdown parser to pair in reasonable time: split the paragraph with blank lines, or write \\* and \\_ for literal ones"},
}

// paragraphEnd returns the end of the paragraph starting at off: the
// start of the next blank line, or of the text after it, or of a line
// that opens fenced code. Goldmark parses inline marks within a
// paragraph, never across a blank line, so the paragraph bounds each
// scan. Blocks inside quotes or lists are taken together, which errs
// high.
func paragraphEnd(src []byte, off int) int {
	first := true
	for off < len(src) {
		if _, fence := fenceOf(src[off:]); fence && !first {
			return off
		}
		first = false
		line, next := nextLine(src, off)
		off = next
		if len(bytes.TrimSpace(line)) == 0 {
			return off
		}
	}
	return len(src)
}

// fencedCode reports whether src[off:] starts with a fenced code block
// (``` or ~~~, indented at most 3 spaces), and returns its end: after
// the closing fence, or the end of src.
func fencedCode(src []byte, off int) (int, bool) {
	open, ok := fenceOf(src[off:])
	if !ok {
		return off, false
	}
	_, off = nextLine(src, off)
	for off < len(src) {
		line, next := nextLine(src, off)
		t := bytes.TrimRight(bytes.TrimLeft(line, " "), " \t\r")
		if len(line)-len(bytes.TrimLeft(line, " ")) < 4 && len(t) >= len(open) &&
			bytes.Count(t, open[:1]) == len(t) {
			return next, true
		}
		off = next
	}
	return len(src), true
}

// fenceOf returns the fence a line opens with (``` or ~~~ or longer),
// if it does.
func fenceOf(line []byte) ([]byte, bool) {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || t[0] != '`' && t[0] != '~' {
		return nil, false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return nil, false
	}
	if end := bytes.IndexByte(t, '\n'); t[0] == '`' && bytes.IndexByte(t[n:max(end, n)], '`') >= 0 {
		return nil, false // backticks in the info string: an inline code span
	}
	return t[:n], true
}

// nextLine returns the line of src starting at off, without its
// newline, and the offset of the next line.
func nextLine(src []byte, off int) ([]byte, int) {
	nl := bytes.IndexByte(src[off:], '\n')
	if nl < 0 {
		return src[off:], len(src)
	}
	return src[off : off+nl], off + nl + 1
}

// codeSpanWork returns the work of pairing the backtick runs of para: a
// run that opens a code span is followed by a search for the next run of
// the same length, to the end of the paragraph when there is none. It
// stops at the first run that takes the work over budget, returning its
// offset; else -1 and the work.
func codeSpanWork(para []byte, budget int) (int, int) {
	type run struct{ off, n int }
	var runs []run
	byLen := map[int][]int{} // run length -> indexes in runs, in order
	for i := 0; i < len(para); {
		if para[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(para) && para[j] == '`' {
			j++
		}
		byLen[j-i] = append(byLen[j-i], len(runs))
		runs = append(runs, run{i, j - i})
		i = j
	}
	work := 0
	for i := 0; i < len(runs); i++ {
		r := runs[i]
		if r.off > 0 && para[r.off-1] == '\\' {
			r.off, r.n = r.off+1, r.n-1 // the first backtick is escaped
		}
		if r.n == 0 {
			continue
		}
		idx := byLen[r.n]
		k, _ := slices.BinarySearch(idx, i+1)
		if k < len(idx) {
			work += runs[idx[k]].off - r.off
			i = idx[k] // the closing run ends the span
		} else {
			work += len(para) - r.off
		}
		if work > budget {
			return r.off, work
		}
	}
	return -1, work
}

// linkWork returns the work of reading the destinations and titles of
// para's links: after each "](" the parser reads a destination up to a
// space (or to > when it starts with <, on the same line), then a title
// up to its closing quote or parenthesis, across lines. Each search is
// done with a cursor that only moves forward, so this stays linear.
func linkWork(para []byte, budget int) (int, int) {
	dest := newCursor(para, func(c byte) bool { return c != ' ' && c != '\t' && c != '\n' && c != '\r' })
	space := newCursor(para, func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' })
	text := newCursor(para, func(c byte) bool { return c != ' ' && c != '\t' && c != '\n' && c != '\r' })
	angle := newCursor(para, func(c byte) bool { return c == '>' || c == '\n' })
	closers := map[byte]*cursor{
		'"':  newCursor(para, func(c byte) bool { return c == '"' }),
		'\'': newCursor(para, func(c byte) bool { return c == '\'' }),
		'(':  newCursor(para, func(c byte) bool { return c == '(' || c == ')' }),
	}
	work := 0
	for i := 0; i+1 < len(para); i++ {
		if para[i] != ']' || para[i+1] != '(' {
			continue
		}
		d := dest.next(i + 2)
		end := space.next(d)
		if d < len(para) && para[d] == '<' {
			end = angle.next(d + 1)
		}
		work += end - i
		if t := text.next(end); t < len(para) && closers[para[t]] != nil {
			work += closers[para[t]].next(t+1) - t
		}
		if work > budget {
			return i, work
		}
	}
	return -1, work
}

// labelWork returns the work of looking up the text before each ] as a
// link label: goldmark finds where the label starts by walking back from
// the paragraph's last line, so each ] costs the lines after it. A line
// is counted as 4 bytes: stepping over one costs about what reading 4
// bytes of a link does (measured: 40,000 lines of [^a] take 5.5 s).
func labelWork(para []byte, budget int) (int, int) {
	lines := bytes.Count(para, []byte("\n"))
	work := 0
	for i, c := range para {
		switch {
		case c == '\n':
			lines--
		case c == ']' && (i == 0 || para[i-1] != '\\'):
			work += 4 * lines
			if work > budget {
				return i, work
			}
		}
	}
	return -1, work
}

// A cursor finds the next byte at or after an offset that matches, not
// escaped by a backslash. It keeps its last answer and starts each new
// search after it, so searches from increasing offsets read the text
// once; a search from before the last one gets the last answer, which
// errs high.
type cursor struct {
	b     []byte
	match func(byte) bool
	at    int // the last answer
}

func newCursor(b []byte, match func(byte) bool) *cursor {
	return &cursor{b: b, match: match, at: -1}
}

// next returns the offset of the first match at or after off, or len(b).
func (c *cursor) next(off int) int {
	if off <= c.at {
		return c.at
	}
	i := off
	for i < len(c.b) && !(c.match(c.b[i]) && (i == 0 || c.b[i-1] != '\\')) {
		i++
	}
	c.at = i
	return i
}

// emphasisWork returns the work of pairing para's * and _ runs: goldmark
// walks back over the open runs before each closing one, so the work
// grows with the square of their number. At most the budget's square
// root of runs pass.
func emphasisWork(para []byte, budget int) (int, int) {
	n := 0
	for i := 0; i < len(para); i++ {
		c := para[i]
		if (c == '*' || c == '_') && (i == 0 || para[i-1] != c) {
			n++
			if n*n > budget {
				return i, n * n
			}
		}
	}
	return -1, n * n
}
