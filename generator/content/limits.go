package content

import (
	"fmt"

	"dossier/generator/diag"
)

// MaxNesting bounds how deep block quotes and list items open on one
// line ("> > > ..." or "- - - ..."). The Markdown parser takes time in
// the square of that depth, so a line of a few megabytes of ">" would
// stall every build; real text never nests more than a handful deep.
const MaxNesting = 100

// MaxIndent bounds how far a line of text is indented, in columns,
// counting quote and list markers: lists nest by indentation, at a cost
// that grows faster still with depth.
const MaxIndent = 256

// deepLine returns the offset of the first line of src, from offset
// start on, that opens more than MaxNesting quotes or list items or is
// indented more than MaxIndent columns, with a message that says which;
// or -1.
func deepLine(src []byte, start int) (int, string) {
	for off := start; off < len(src); {
		i, depth, width := off, 0, 0
	markers:
		for i < len(src) {
			switch c := src[i]; {
			case c == ' ':
				i++
				width++
			case c == '\t':
				i++
				width += 4 - width%4
			case c == '>':
				depth++
				i++
				width++
			case (c == '-' || c == '*' || c == '+') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
				depth++
				i++
				width++
			case c >= '0' && c <= '9':
				j := i
				for j < len(src) && j-i < 10 && src[j] >= '0' && src[j] <= '9' {
					j++
				}
				if j+1 < len(src) && (src[j] == '.' || src[j] == ')') && (src[j+1] == ' ' || src[j+1] == '\t') {
					depth++
					width += j + 1 - i
					i = j + 1
					continue
				}
				break markers
			default:
				break markers
			}
		}
		text := i < len(src) && src[i] != '\n' && src[i] != '\r'
		switch {
		case depth > MaxNesting:
			return off, fmt.Sprintf("this line opens %d quotes or list items, and at most %d may nest: flatten it", depth, MaxNesting)
		case width > MaxIndent && text:
			return off, fmt.Sprintf("this line is indented %d columns, and at most %d are allowed: flatten the lists or quotes it is in", width, MaxIndent)
		}
		for i < len(src) && src[i] != '\n' {
			i++
		}
		off = i + 1
	}
	return -1, ""
}

// humanSize writes a byte count as a contributor reads it.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// controlChars reports the C0 control characters other than tab, CR and
// LF in f's bytes from start to end, one a line: they are invisible in
// an editor, often pasted from another program, and a NUL would reach
// the page's source view and the machine-readable copies.
func controlChars(f *file, start, end int, errs *diag.List) {
	line := -1
	for i := start; i < end; i++ {
		c := f.orig[i]
		if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		l, col := f.pos(i)
		if l != line {
			line = l
			errs.Add(f.path, l, col, "invisible control character %s: remove it (it is often pasted from another program)", controlName(rune(c)))
		}
	}
}

// controlName names a control character as a contributor may look it up.
func controlName(r rune) string {
	names := map[rune]string{0: "NUL", 0x1b: "ESC", 0x08: "backspace", 0x0c: "form feed", 0x0b: "vertical tab"}
	s := fmt.Sprintf("U+%04X", r)
	if n, ok := names[r]; ok {
		s += " (" + n + ")"
	}
	return s
}
