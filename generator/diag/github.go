package diag

import (
	"fmt"
	"io"
	"net/url"
	"strings"
)

// GitHub annotates a pull request with at most this many errors, and as
// many warnings, from one step (and 50 of each from a job); the rest are
// only in the log. The job summary has room for all of them.
const GitHubStepLimit = 10

// GitHubCut returns a line for the log saying how many problems GitHub will
// not show as annotations, or "" when it shows them all.
func (l List) GitHubCut() string {
	errs := l.Errors()
	warns := len(l) - errs
	cutE, cutW := max(errs-GitHubStepLimit, 0), max(warns-GitHubStepLimit, 0)
	if cutE+cutW == 0 {
		return ""
	}
	return fmt.Sprintf("GitHub annotates at most %d errors and %d warnings of a step: %s of the %s above %s not annotated on the pull request; the job summary lists every problem",
		GitHubStepLimit, GitHubStepLimit, counted(cutE, cutW), counted(errs, warns), isAre(cutE+cutW))
}

// counted says "3 errors and 1 warning", leaving out a count of 0.
func counted(errs, warns int) string {
	var parts []string
	if errs > 0 || warns == 0 {
		parts = append(parts, Plural(errs, "error", "errors"))
	}
	if warns > 0 {
		parts = append(parts, Plural(warns, "warning", "warnings"))
	}
	return strings.Join(parts, " and ")
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// Plural says how many of something there are: "1 error", "2 errors".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Summary writes every problem as a Markdown table, for a GitHub job
// summary ($GITHUB_STEP_SUMMARY), which has no limit on how many it shows.
// link returns the address of a problem's line, or "" for none.
func (l List) Summary(w io.Writer, link func(Problem) string) error {
	var b strings.Builder
	if len(l) == 0 {
		b.WriteString("### `check`: no problems\n\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	errs := l.Errors()
	fmt.Fprintf(&b, "### `check`: %s\n\n", counted(errs, len(l)-errs))
	b.WriteString("| file | line | problem | link |\n|---|---|---|---|\n")
	for _, p := range l {
		msg := p.Msg
		if p.Severity == Warning {
			msg = "warning: " + msg
		}
		cell := ""
		if link != nil {
			if u := link(p); u != "" {
				cell = fmt.Sprintf("[%s](%s)", lineName(p), u)
			}
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %s |\n", MarkdownCell(p.Path), max(p.Line, 1), MarkdownCell(msg), cell)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func lineName(p Problem) string {
	if p.Line == 0 {
		return "file"
	}
	return fmt.Sprintf("line %d", p.Line)
}

// MarkdownCell makes text safe in a cell of a Markdown table: it cannot
// end the cell or the row, and shows as the text it is, not as HTML.
func MarkdownCell(s string) string {
	return strings.NewReplacer(
		`\`, `\\`, "|", `\|`,
		"&", "&amp;", "<", "&lt;", ">", "&gt;",
		"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
	).Replace(s)
}

// GitHubLink returns the address of a problem's line in a repository on
// GitHub, from what the runner sets: GITHUB_SERVER_URL, GITHUB_REPOSITORY
// and GITHUB_SHA. With any of them empty it links nothing. Paths are
// relative to the site root, which is the repository's root here.
func GitHubLink(server, repo, sha string) func(Problem) string {
	if server == "" || repo == "" || sha == "" {
		return nil
	}
	return func(p Problem) string {
		segs := strings.Split(p.Path, "/")
		for i, s := range segs {
			// Parentheses would end a Markdown link.
			segs[i] = strings.NewReplacer("(", "%28", ")", "%29").Replace(url.PathEscape(s))
		}
		u := fmt.Sprintf("%s/%s/blob/%s/%s", strings.TrimSuffix(server, "/"), repo, url.PathEscape(sha), strings.Join(segs, "/"))
		if p.Line > 0 {
			u += fmt.Sprintf("#L%d", p.Line)
		}
		return u
	}
}
