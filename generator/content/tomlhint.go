package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"dossier/generator/date"
)

// tomlMessage explains a TOML syntax error. The decoder's messages are
// written for programmers ("expected value but found \"A\" instead"); a
// contributor editing front matter for the first time needs to hear
// what to type, so the common mistakes get a plain hint first, with the
// decoder's own words after it for those who know TOML. src is the TOML
// text the error's position counts in.
func tomlMessage(pe toml.ParseError, src []byte) string {
	msg := strings.TrimSuffix(pe.Message, ".")
	if hint := tomlHint(pe, src); hint != "" {
		return hint + " (TOML: " + msg + ")"
	}
	if pe.Usage != "" {
		first, _, _ := strings.Cut(strings.TrimSpace(pe.Usage), "\n")
		msg += " (" + first + ")"
	}
	return msg
}

var (
	reFound     = regexp.MustCompile(`^expected value but found (.*) instead$`)
	reGot       = regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead$`)
	reEnd       = regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`)
	reDefined   = regexp.MustCompile(`^Key '(.*)' has already been defined\.?$`)
	reDatetime  = regexp.MustCompile(`^invalid datetime: "(.*)"$`)
	reNumberish = regexp.MustCompile(`^[+-]?[0-9][0-9_]*$`)
)

func tomlHint(pe toml.ParseError, src []byte) string {
	line, before := lineAt(src, pe.Position.Start)
	key, value, hasEq := strings.Cut(line, "=")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	msg := pe.Message
	switch {
	case msg == "strings cannot contain newlines" || strings.HasPrefix(msg, "unexpected EOF; expected '\"'"):
		return `the closing quote is missing: end the text with " on the same line; text of several lines goes between """ and """`

	case reFound.MatchString(msg):
		found := reFound.FindStringSubmatch(msg)[1]
		switch {
		case strings.ContainsAny(found, "“”„«»‘’"):
			return `use straight quotes "..." around text, not typographic ones like “...”`
		case found == `'\n'` || found == `'\r'` || value == "":
			return fmt.Sprintf(`the value is missing after "=": write %s = "..."`, keyOr(key))
		}
		return fmt.Sprintf(`text goes in double quotes: write %s = "%s"`, keyOr(key), strings.ReplaceAll(value, `"`, `\"`))

	case strings.HasPrefix(msg, "unexpected EOF; expected value"):
		return fmt.Sprintf(`the value is missing after "=": write %s = "..."`, keyOr(key))

	case reGot.MatchString(msg) || msg == "unexpected EOF; expected key separator '='":
		if strings.HasSuffix(msg, "':' instead") {
			return `write key = value, with "=" rather than ":"`
		}
		if hasEq {
			return fmt.Sprintf("a field name is one word without spaces: did you mean %s?", strings.Join(strings.Fields(key), "_"))
		}
		first := strings.Fields(line + " x")[0]
		return fmt.Sprintf(`the "=" is missing: write %s = "..."`, first)

	case msg == "unexpected '=': key name appears blank":
		return `a line starts with "=": write the field name before it, like title = "..."`

	case reEnd.MatchString(msg):
		got := reEnd.FindStringSubmatch(msg)[1]
		switch {
		case got == "','" && reNumberish.MatchString(strings.TrimSpace(before[strings.Index(before, "=")+1:])):
			return "write decimals with a point, like 35.7, not a comma"
		case strings.HasPrefix(value, "'"):
			return `an apostrophe ends '...' text early: put text with an apostrophe in double quotes, like "it's"`
		case strings.HasPrefix(value, `"`):
			return `the text ended at the second quote: write \" for a quote inside text, or use single quotes '...' around it`
		}
		return `one field a line: key = value, with text in quotes; start a comment with #`

	case strings.HasPrefix(msg, "expected a comma (',') or array terminator (']')"):
		return `write a list as ["first", "second"]: items in quotes, separated by commas, closed by ]`

	case reDefined.MatchString(msg):
		name := reDefined.FindStringSubmatch(msg)[1]
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "[[") {
			return fmt.Sprintf("the table [%s] appears twice: put all its lines under one [%s] line", name, name)
		}
		return fmt.Sprintf("%s is set twice: keep one line (for several values, use a list: %s = [\"a\", \"b\"])", name, name)

	case reDatetime.MatchString(msg):
		v := reDatetime.FindStringSubmatch(msg)[1]
		if _, err := date.Parse(v); err != nil && len(v) <= 10 {
			return fmt.Sprintf("%v; write dates in quotes, like %s = \"2025-12-24\"", err, keyOr(key))
		}
		return fmt.Sprintf(`write dates in quotes, without a time, like %s = "2025-12-24"`, keyOr(key))

	case strings.HasPrefix(msg, "invalid escape in string") || strings.Contains(msg, "hexadecimal digits after"):
		return `a backslash starts an escape inside "...": write \\ for a backslash, or put the text in single quotes '...'`

	case strings.HasPrefix(msg, "TOML files cannot contain control characters"):
		return "remove the invisible control character (often pasted from a word processor)"

	case strings.HasPrefix(msg, "newlines not allowed within inline tables"):
		return "keep { ... } on one line, or write the table as its own [section]"
	}
	return ""
}

// lineAt returns the line of src holding byte offset off, and the part
// of it before off.
func lineAt(src []byte, off int) (line, before string) {
	off = min(max(off, 0), len(src))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += off
	}
	return strings.TrimRight(string(src[start:end]), "\r"), string(src[start:off])
}

func keyOr(key string) string {
	if key == "" || strings.ContainsAny(key, " \t\"'[]") {
		return "name"
	}
	return key
}
