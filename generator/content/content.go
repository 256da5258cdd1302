// Package content loads a dossier's entries from Markdown files with TOML
// front matter.
//
// # Files
//
// Each entry is one file, content/KIND/ID.md, where KIND is the folder of
// its kind (events, people, organizations, places, sources, pages) and ID
// matches ^[a-z0-9]+(-[a-z0-9]+)*$, except index, the name of list pages.
// The file starts with a line +++ (spaces or tabs may follow it), then
// TOML fields, then another +++ line, then a Markdown body. A file may
// be a symbolic link to another file in the site, never to one outside
// it: SiteFS reads the site so that nothing outside can be read.
//
// # Positions
//
// The front matter is blanked out, not cut, before the body is parsed, so a
// body's byte offsets are the file's and every problem is reported at the
// line and column an editor shows for it.
//
// # Dates and order
//
// A date is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (or a TOML date literal),
// only as precise as the sources, and may end in EDTF's "~" (approximate)
// or "?" (uncertain): see package date. An event's after and before list
// the events the sources say it followed or preceded; package site turns
// them, with the dates, into each event's possible days and the one order
// every page uses, and reports cycles and contradictions.
//
// # Kinds of event and the killed
//
// site.toml may name kinds of event by tag, each with a label and a
// shape for the timeline's overview, and key kinds drawn larger and
// labelled ([[kinds]], see EventKind); and say which role values mean a
// person was killed, which start an accusation, and how a key event is
// labelled ([overview], see Overview):
//
//	[overview]
//	killed = ["killed"]
//	labels = { "2018-10-18-abdul-raziq-killed" = "Raziq, Kandahar 2018" }
//
//	[[kinds]]
//	tag = "assassination"
//	label = "Killing"
//	shape = "star"
//	key = true
//
// An event's roles ("ikramuddin-sari" = "killed") then give the
// timeline's key facts and its roll of the dead.
//
// # Translations
//
// A file ID.TAG.md beside ID.md, where TAG is one of the languages of
// site.toml's [languages.TAG], translates the entry into that language
// (SPEC §5). It holds only the fields of Translatable and its own body;
// every other field comes from the original, and repeating one is an
// error at its place. Its accounts, if any, are the original's in the
// same order, each with its says (and, if written, its about, which is
// shown, and its source, which must be the original's). Load reads a
// translation as an Entry whose Lang is TAG; package site checks what it
// names and makes the editions of the other languages from it.
//
// # What is checked here
//
// Load checks each file on its own: syntax, field names and types, required
// fields, dates, statuses and URLs, and the limits that keep hostile input
// from stalling a build (limits.go, inlinecost.go). Whether the ids an entry names exist is a
// question about the whole site, answered by package site from the Refs
// each entry carries.
package content

import (
	"bytes"

	"dossier/generator/date"
	"dossier/generator/markdown"
)

// Kind is the kind of an entry.
type Kind string

const (
	Event        Kind = "event"
	Person       Kind = "person"
	Organization Kind = "organization"
	Place        Kind = "place"
	Source       Kind = "source"
	Page         Kind = "page"
)

// Kinds lists every kind in the order pages and menus show them.
var Kinds = []Kind{Event, Person, Organization, Place, Source, Page}

// Dir returns the folder under content/ that holds entries of kind k,
// which is also the folder of their pages in the output.
func (k Kind) Dir() string {
	switch k {
	case Person:
		return "people"
	case Event, Organization, Place, Source, Page:
		return string(k) + "s"
	}
	return ""
}

// Plural returns the kind's name for a heading: "People", "Events".
func (k Kind) Plural() string {
	d := k.Dir()
	return string(d[0]-'a'+'A') + d[1:]
}

// KindOfDir is the inverse of Kind.Dir.
func KindOfDir(dir string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Dir() == dir {
			return k, true
		}
	}
	return "", false
}

// Statuses are the allowed values of an event's status, from most to least
// established.
var Statuses = []string{"confirmed", "reported", "alleged", "disputed"}

// An Entry is one file of content. Fields that do not belong to its kind
// stay zero.
type Entry struct {
	Kind Kind
	ID   string
	Path string // slash-separated, relative to the site root
	// Lang is "" for an entry written in the site's default language, and
	// the language tag of a translation, from its file name ID.TAG.md.
	// In an edition of another language (see package site), it is the
	// language the entry's text fields are shown in, and BodyLang that of
	// its body.
	Lang, BodyLang string
	Raw            []byte // the file as written, for the page that shows its source
	Body           int    // offset of the body, after the closing +++ line, in Raw

	// The body is parsed once, at load, and its parse tree is not kept:
	// at tens of thousands of entries, every tree held until its page
	// renders was most of a build's memory, and parsing each body again
	// as its page renders doubled what Markdown cost a build. Loading
	// takes from the tree what the checks need (Refs, HeadingIDs) and
	// what the pages do: Text, HTML and Classes.

	// Text is the body as plain text, for the search index.
	Text string

	// HTML is the body rendered, with holes for what depends on the page
	// that shows it (see markdown.Body). It is nil when the body was not
	// parsed, as in a file with errors.
	HTML *markdown.Body

	// Classes say what the body's source view highlights in it
	// (Raw[Body:]).
	Classes markdown.Classes

	// HeadingIDs are the ids of the body's headings: the fragments a link
	// to this entry may name. It is nil for a body without headings, as
	// most are.
	HeadingIDs map[string]bool

	Title         string // title, or name for people, organizations and places
	Date, End     date.Date
	After, Before []string // ids of events this one came after or before
	Place         string
	People        []string
	Organizations []string
	Tags          []string
	Status        string
	Sources       []string
	Summary       string
	Roles         map[string]string
	Accounts      []Account
	Aliases       []string
	NativeName    string
	Born, Died    date.Date
	Description   string
	Affiliations  []string
	Type          string // an organization's or a source's "kind"
	Country       string
	Lat, Lon      *float64
	Publisher     string
	Author        string
	URL           string
	Published     date.Date
	Accessed      date.Date
	Language      string
	ArchivedURL   string
	SHA256        string // of the source document as retrieved, lower-case hex
	Weight        int
	Corrections   []Correction

	// Refs lists every id the entry names, in fields and in its body.
	Refs []Ref

	// TagRefs says where each tag is written, with the tag in ID: the
	// site reports there a tag that cannot have a page of its own.
	TagRefs []Ref

	// Original is, in the edition of another language than the default,
	// the entry as written in the default language; nil otherwise.
	Original *Entry
}

// Source returns the entry's file with its front matter blanked out, as
// its body was parsed: offsets in it are the file's. It is a new copy
// each time, since entries do not keep one.
func (e *Entry) Source() []byte {
	src := bytes.Clone(e.Raw)
	blank(src[:e.Body])
	return src
}

// OriginalRole returns the role of person id in event e as the original
// writes it, in the site's default language: the words site.toml's
// [overview] names, such as "killed", whatever language e is shown in.
func (e *Entry) OriginalRole(id string) string {
	if e.Original != nil {
		return e.Original.Roles[id]
	}
	return e.Roles[id]
}

// An Account is one source's version of a fact that sources disagree on.
type Account struct {
	About  string // what the versions differ on ("place", "deaths"), if said
	Source string
	Says   string
}

// A Correction is a public note of what was corrected, and when.
type Correction struct {
	Date date.Date
	Note string
}

// A Ref is one mention of another entry, with where it was written.
type Ref struct {
	Kind      Kind
	ID        string
	Field     string // front matter field, or "citation" or "link" in the body
	Line, Col int

	Locator  string // for citations: "para. 4" in [@id, para. 4]
	Fragment string // for links with a #fragment
}
