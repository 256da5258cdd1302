// Command dossierdiff compares two builds of the dossier, by their
// dossier.json, and writes in Markdown the entries the second adds,
// changes or removes. The pull-request check runs it on the base branch's
// build and the pull request's, and appends what it writes to the job
// summary, so a reviewer sees what a pull request changes in the
// published dossier, each entry with its page in the preview artifact.
//
// Usage:
//
//	go run ./internal/cmd/dossierdiff -base OLD/dossier.json -head NEW/dossier.json [-artifact URL]
//
// A -base file that does not exist (the base did not build) counts as an
// empty dossier. It is not part of the generator a user runs.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"

	"dossier/generator/diag"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dossierdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "", "the base branch's dossier.json")
	head := fs.String("head", "", "the pull request's dossier.json")
	artifact := fs.String("artifact", "", "`URL` of the artifact that holds the pull request's site")
	if err := fs.Parse(args); err != nil || *base == "" || *head == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: dossierdiff -base OLD/dossier.json -head NEW/dossier.json [-artifact URL]")
		return 2
	}
	old, err := load(*base, true)
	if err != nil {
		fmt.Fprintln(stderr, "dossierdiff:", err)
		return 1
	}
	cur, err := load(*head, false)
	if err != nil {
		fmt.Fprintln(stderr, "dossierdiff:", err)
		return 1
	}
	if _, err := io.WriteString(stdout, markdown(compare(old, cur), *artifact, old == nil)); err != nil {
		fmt.Fprintln(stderr, "dossierdiff:", err)
		return 1
	}
	return 0
}

// An entry of dossier.json: what the summary shows, and every field, to
// compare.
type entry struct {
	Kind, ID, Name, Page string
	fields               map[string]any
}

// load reads a dossier.json. A missing file gives nil when missingOK.
func load(path string, missingOK bool) ([]entry, error) {
	b, err := os.ReadFile(path)
	if missingOK && errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var d struct {
		BaseURL string           `json:"base_url"`
		Entries []map[string]any `json:"entries"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	out := []entry{}
	for _, f := range d.Entries {
		e := entry{fields: f}
		e.Kind, _ = f["kind"].(string)
		e.ID, _ = f["id"].(string)
		e.Page, _ = f["page"].(string)
		// With base_url set, pages are absolute: the artifact holds
		// them at their path under it.
		if d.BaseURL != "" {
			e.Page = strings.TrimPrefix(e.Page, d.BaseURL)
		}
		if e.Name, _ = f["title"].(string); e.Name == "" {
			e.Name, _ = f["name"].(string)
		}
		if e.Kind == "" || e.ID == "" {
			return nil, fmt.Errorf("%s: an entry without kind or id", path)
		}
		out = append(out, e)
	}
	return out, nil
}

// A change is an entry added, changed or removed.
type change struct {
	How    string // "added", "changed" or "removed"
	Entry  entry
	Fields []string // for "changed": the fields that differ, sorted
}

// compare lists the changes from old to cur, by kind and id.
func compare(old, cur []entry) []change {
	key := func(e entry) string { return e.Kind + "/" + e.ID }
	before := map[string]entry{}
	for _, e := range old {
		before[key(e)] = e
	}
	var out []change
	seen := map[string]bool{}
	for _, e := range cur {
		seen[key(e)] = true
		o, ok := before[key(e)]
		if !ok {
			out = append(out, change{How: "added", Entry: e})
			continue
		}
		if fields := differ(o.fields, e.fields); len(fields) > 0 {
			out = append(out, change{How: "changed", Entry: e, Fields: fields})
		}
	}
	for _, e := range old {
		if !seen[key(e)] {
			out = append(out, change{How: "removed", Entry: e})
		}
	}
	order := map[string]int{"added": 0, "changed": 1, "removed": 2}
	slices.SortStableFunc(out, func(a, b change) int {
		if d := order[a.How] - order[b.How]; d != 0 {
			return d
		}
		return strings.Compare(key(a.Entry), key(b.Entry))
	})
	return out
}

// differ returns the names of the fields that a and b do not share with
// the same value.
func differ(a, b map[string]any) []string {
	var names []string
	for k, v := range a {
		if w, ok := b[k]; !ok || !reflect.DeepEqual(v, w) {
			names = append(names, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	return names
}

// markdown writes the changes for a job summary. Each page of an added or
// changed entry links to the artifact: a reviewer downloads it, unzips it
// and opens that file (GitHub cannot link into an artifact's files).
func markdown(changes []change, artifact string, noBase bool) string {
	var b strings.Builder
	b.WriteString("### Entries this pull request changes\n\n")
	if noBase {
		b.WriteString("The base branch's site did not build, so every entry is listed as added.\n\n")
	}
	if len(changes) == 0 {
		b.WriteString("No entry is added, changed or removed.\n")
		return b.String()
	}
	n := map[string]int{}
	for _, c := range changes {
		n[c.How]++
	}
	fmt.Fprintf(&b, "%d added, %d changed, %d removed.", n["added"], n["changed"], n["removed"])
	if artifact != "" {
		fmt.Fprintf(&b, " The built site is the artifact [site-preview](%s): download it, unzip it and open the page named here (or index.html).", artifact)
	}
	b.WriteString("\n\n| | entry | page | fields changed |\n|---|---|---|---|\n")
	for _, c := range changes {
		page := "`" + diag.MarkdownCell(c.Entry.Page) + "`"
		if c.How == "removed" {
			page += " (no longer built)"
		} else if artifact != "" {
			page = fmt.Sprintf("[%s](%s)", page, artifact)
		}
		fmt.Fprintf(&b, "| %s | %s %s (`%s`) | %s | %s |\n", c.How, c.Entry.Kind,
			diag.MarkdownCell(c.Entry.Name), c.Entry.ID, page, strings.Join(c.Fields, ", "))
	}
	return b.String()
}
