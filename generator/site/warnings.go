package site

import (
	"fmt"
	"strings"

	"dossier/generator/content"
	"dossier/generator/diag"
)

// Warnings reports what is allowed but likely unfinished: an entry that
// nothing refers to never appears on the timeline and is hard to find; an
// event without a summary shows a bare title on the timeline; a source
// published at an address but without a publisher leaves a reader unable
// to judge it (a document with no address may truly name none: its card
// then says so); and the same
// citation twice in one entry is often a locator copied and not updated.
// They are warnings, not errors, because each can be right: `check
// -strict` fails on them for those who want it.
//
// A warning about a missing field points at the front matter's first
// line, where the "needs a field" errors point; one about the whole file
// points at its start.
func (s *Site) Warnings() diag.List {
	var w diag.List
	for _, e := range s.Entries {
		switch e.Kind {
		case content.Person, content.Place, content.Organization, content.Source:
			if len(s.refsTo[e]) == 0 {
				w.Warn(e.Path, 1, 1, "%s", unreferenced(e))
			}
		}
		switch e.Kind {
		case content.Event:
			if e.Summary == "" {
				w.Warn(e.Path, 2, 1, "this event has no summary: add summary = \"One sentence.\" for the timeline, which otherwise shows the title alone")
			}
		case content.Source:
			if e.Publisher == "" && (e.URL != "" || e.ArchivedURL != "") {
				w.Warn(e.Path, 2, 1, "this source has an address but no publisher: add publisher = \"...\", the site, outlet or body that published it")
			}
		}
		repeatedCitations(e, &w)
	}
	return w
}

// unreferenced says how to connect an entry that nothing names.
func unreferenced(e *content.Entry) string {
	switch e.Kind {
	case content.Person:
		return fmt.Sprintf("nothing refers to this person: list '%s' in an event's people, or link to ../people/%s.md from a text; remove the file if they do not belong in the dossier", e.ID, e.ID)
	case content.Place:
		return fmt.Sprintf("nothing refers to this place: set place = \"%s\" in the events that happened there, or link to ../places/%s.md from a text; remove the file if it is not needed", e.ID, e.ID)
	case content.Organization:
		return fmt.Sprintf("nothing refers to this organization: list '%s' in an event's organizations or a person's affiliations, or link to ../organizations/%s.md from a text; remove the file if it is not needed", e.ID, e.ID)
	}
	return fmt.Sprintf("nothing cites this source: cite it as [@%s] after the facts it supports, or list it in an entry's sources; remove the file if no fact rests on it", e.ID)
}

// repeatedCitations warns of [@id, locator] written twice in one entry
// with the same locator. A bare [@id] may repeat freely: it cites the
// whole document each time.
func repeatedCitations(e *content.Entry, w *diag.List) {
	type key struct{ id, locator string }
	first := map[key]content.Ref{}
	for _, r := range e.Refs {
		if r.Field != "citation" {
			continue
		}
		loc := strings.ToLower(strings.Join(strings.Fields(r.Locator), " "))
		if loc == "" {
			continue
		}
		k := key{r.ID, loc}
		if f, ok := first[k]; ok {
			w.Warn(e.Path, r.Line, r.Col, "[@%s, %s] is cited already on line %d: check that the locator names this fact's passage; if it is the same passage, one citation after both facts is enough", r.ID, r.Locator, f.Line)
			continue
		}
		first[k] = r
	}
}
