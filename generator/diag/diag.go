// Package diag holds the problems found in a site's content.
//
// Every problem carries the file it was found in, with a line and a column
// counted in that file as an editor shows them (1-based, columns in
// characters), so that a contributor can jump straight to it. Problems are
// collected over a whole run and printed once, sorted, so one run shows all
// of them rather than the first.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Severity says whether a problem fails the run.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// A Problem is one error or warning at a place in a file.
type Problem struct {
	Path     string // slash-separated, relative to the site root
	Line     int    // 1-based; 0 if the problem concerns the whole file
	Col      int    // 1-based, in characters
	Severity Severity
	Msg      string

	// Hidden is, on the last line of a file's problems, how many more
	// were found there and are not shown (see Sort).
	Hidden int
}

func (p Problem) String() string {
	prefix := ""
	if p.Severity == Warning {
		prefix = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", Escape(p.Path), max(p.Line, 1), max(p.Col, 1), prefix, Escape(p.Msg))
}

// List is a set of problems. The zero value is ready to use.
type List []Problem

// Add records an error.
func (l *List) Add(path string, line, col int, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Warn records a warning.
func (l *List) Warn(path string, line, col int, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Errors reports how many problems are errors.
func (l List) Errors() int {
	n := 0
	for _, p := range l {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// MaxPerFile bounds the problems shown for one file. A file with
// thousands of the same mistake (100,000 unknown citations) says so in
// a screenful; the rest would bury the other files' problems and flood
// a pull request's annotations.
const MaxPerFile = 20

// Sort orders problems by file, line and column, and drops exact repeats,
// so output is stable whatever order the work was done in. It keeps the
// first MaxPerFile problems of each file, then one line "and N more
// problems in this file" at the first one left out.
func (l List) Sort() List {
	slices.SortFunc(l, compare)
	return capPerFile(slices.Compact(l))
}

func compare(a, b Problem) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Hidden, b.Hidden), // a file's "and N more" comes last
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Severity, b.Severity),
		strings.Compare(a.Msg, b.Msg),
	)
}

// capPerFile keeps the first MaxPerFile problems of each file in l,
// which is sorted, and sums the rest into one line. That line is an
// error if any problem it stands for is, so the run fails as it would
// with all of them shown; and a line from an earlier cap counts for the
// problems it stood for.
func capPerFile(l List) List {
	out := l[:0]
	for i := 0; i < len(l); {
		j := i
		for j < len(l) && l[j].Path == l[i].Path {
			j++
		}
		if j-i <= MaxPerFile {
			out = append(out, l[i:j]...)
			i = j
			continue
		}
		more := Problem{Path: l[i].Path, Line: l[i+MaxPerFile].Line, Col: l[i+MaxPerFile].Col, Severity: Warning}
		for _, p := range l[i+MaxPerFile : j] {
			if cmp.Or(cmp.Compare(p.Line, more.Line), cmp.Compare(p.Col, more.Col)) < 0 {
				more.Line, more.Col = p.Line, p.Col
			}
			more.Hidden += max(p.Hidden, 1)
			if p.Severity == Error {
				more.Severity = Error
			}
		}
		more.Msg = fmt.Sprintf("and %d more problems in this file", more.Hidden)
		out = append(out, l[i:i+MaxPerFile]...)
		out = append(out, more)
		i = j
	}
	return out
}

// Print writes the problems in the named format: "text" (path:line:col:
// message), "github" (GitHub Actions workflow commands, which annotate the
// lines of a pull request) or "json" (an array of objects).
func (l List) Print(w io.Writer, format string) error {
	switch format {
	case "", "text":
		for _, p := range l {
			if _, err := fmt.Fprintln(w, p); err != nil {
				return err
			}
		}
	case "github":
		for _, p := range l {
			_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n",
				p.Severity, ghProperty(Escape(p.Path)), max(p.Line, 1), max(p.Col, 1), ghData(Escape(p.Msg)))
			if err != nil {
				return err
			}
		}
	case "json":
		type jsonProblem struct {
			Path     string `json:"path"`
			Line     int    `json:"line"`
			Col      int    `json:"col"`
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		out := make([]jsonProblem, 0, len(l))
		for _, p := range l {
			out = append(out, jsonProblem{p.Path, max(p.Line, 1), max(p.Col, 1), p.Severity.String(), p.Msg})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	default:
		return fmt.Errorf("unknown format %q (want text, github or json)", format)
	}
	return nil
}

// ghData escapes a workflow command's message as the runner expects.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
