package feed

import "bytes"

// appendIndented appends src, JSON as json.Marshal writes it (no space
// outside strings), to dst laid out as json.Indent lays it out with
// prefix and indent. json.Indent runs its full scanner over every byte,
// half the time of dossier.json; output of json.Marshal needs only its
// strings told apart from its punctuation.
func appendIndented(dst, src []byte, prefix, indent string) []byte {
	needIndent := false // after { or [: indent unless it closes at once
	depth := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if needIndent && c != '}' && c != ']' {
			needIndent = false
			depth++
			dst = newline(dst, prefix, indent, depth)
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			needIndent = true
			dst = append(dst, c)
		case ',':
			dst = newline(append(dst, c), prefix, indent, depth)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if needIndent {
				needIndent = false // {} and [] stay as they are
			} else {
				depth--
				dst = newline(dst, prefix, indent, depth)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd returns where the JSON string starting at src[i] ends, past
// its closing quote: the first quote after an even number of
// backslashes. Bodies make long strings, searched a quote at a time.
func stringEnd(src []byte, i int) int {
	for j := i + 1; ; j++ {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			return len(src)
		}
		j += k
		escaped := false
		for p := j - 1; src[p] == '\\'; p-- {
			escaped = !escaped
		}
		if !escaped {
			return j + 1
		}
	}
}

func newline(dst []byte, prefix, indent string, depth int) []byte {
	dst = append(dst, '\n')
	dst = append(dst, prefix...)
	for range depth {
		dst = append(dst, indent...)
	}
	return dst
}
