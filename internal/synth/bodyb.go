package synth

import (
	"fmt"
	"strings"
)

// prose writes the Markdown of one corpus b body. It knows what the
// entry may link to and cite, and collects the footnotes and reference
// links that go at the end.
type prose struct {
	g       *genB
	from    string   // the entry's kind, for relative links
	people  []string // ids the text may name
	orgs    []string
	place   string
	sources []string
	events  int // events before this one, which it may link to
	cited   map[string]bool
	notes   []string
	refs    []string
}

func (g *genB) prose(from string, people, orgs []string, place string, sources []string, events int) *prose {
	return &prose{g: g, from: from, people: people, orgs: orgs, place: place, sources: sources, events: events, cited: map[string]bool{}}
}

// cite returns " [@id]" or " [@id, locator]" some of the time, and "" the
// rest; a locator is used once per entry, as the checker warns of a
// passage cited twice.
func (p *prose) cite() string {
	g := p.g
	if len(p.sources) == 0 || !g.chance(0.45) {
		return ""
	}
	id := p.sources[g.r.IntN(len(p.sources))]
	c := "[@" + id + "]"
	if g.chance(0.4) {
		n := 1 + g.r.IntN(40)
		loc := [...]string{
			fmt.Sprintf("para. %d", n), fmt.Sprintf("p. %d", n), fmt.Sprintf("pp. %d–%d", n, n+1+g.r.IntN(3)),
			fmt.Sprintf("at 0%d:%02d", n%10, g.r.IntN(60)), fmt.Sprintf("section %d", n), fmt.Sprintf("exhibit %d", n),
		}[g.r.IntN(6)]
		if lc := "[@" + id + ", " + loc + "]"; !p.cited[lc] {
			p.cited[lc] = true
			c = lc
		}
	}
	return " " + c
}

func (p *prose) personLink() string {
	g := p.g
	if len(p.people) == 0 {
		return capitalize(g.pick(witnessesB))
	}
	id := p.people[g.r.IntN(len(p.people))]
	per := g.c.person(id)
	text := per.name
	if len(per.aliases) > 0 && g.chance(0.3) {
		text = per.aliases[g.r.IntN(len(per.aliases))]
	}
	return link(text, p.from, "people", id)
}

func (p *prose) orgLink() string {
	if len(p.orgs) == 0 {
		return p.g.pick(actorsB)
	}
	id := p.orgs[p.g.r.IntN(len(p.orgs))]
	return "the " + link(p.g.c.org(id).name, p.from, "organizations", id)
}

func (p *prose) placeLink() string {
	id := p.place
	if id == "" || p.g.chance(0.3) {
		id = p.g.c.places[p.g.r.IntN(len(p.g.c.places))].id
	}
	return link(p.g.c.place(id).name, p.from, "places", id)
}

func (p *prose) eventLink() string {
	if p.events == 0 {
		return "an earlier case"
	}
	e := &p.g.c.events[p.g.r.IntN(p.events)]
	return link(e.title, p.from, "events", e.id)
}

func (p *prose) external() string {
	g := p.g
	return fmt.Sprintf("[%s](https://example.com/%s/%d)", g.pick([]string{"a statement", "the full ruling", "the recorded interview", "the family's letter", "a video"}), slugB(g.pick(publishersB)), 1000+g.r.IntN(9000))
}

// emph sometimes wraps s in emphasis or strong emphasis.
func (p *prose) emph(s string) string {
	switch p.g.r.IntN(12) {
	case 0:
		return "*" + s + "*"
	case 1:
		return "**" + s + "**"
	case 2:
		return "_" + s + "_"
	}
	return s
}

func (p *prose) subject() string {
	switch x := p.g.r.IntN(10); {
	case x < 4:
		return p.personLink()
	case x < 5:
		return capitalize(p.orgLink())
	default:
		return capitalize(p.g.pick(witnessesB))
	}
}

// sentence returns one sentence, of one of a dozen shapes, ending in a
// citation some of the time.
func (p *prose) sentence() string {
	g := p.g
	var s string
	switch g.r.IntN(12) {
	case 0, 1:
		s = fmt.Sprintf("%s %s that %s", p.subject(), g.pick(reportVerbsB), p.emph(g.pick(detailsB)))
	case 2:
		s = fmt.Sprintf("%s, %s, and %s", capitalize(g.pick(hedgesB)), g.pick(detailsB), g.pick(detailsB))
	case 3:
		s = fmt.Sprintf("%s was %s %s by %s %s", p.personLink(), p.emph(g.pick(hedgesB)), g.pick(eventActsB), g.pick(actorsB), g.pick(timesB))
	case 4:
		s = fmt.Sprintf("According to %s, %s; %s %s that %s", g.pick(witnessesB), g.pick(detailsB), g.pick(witnessesB), g.pick(reportVerbsB), g.pick(detailsB))
	case 5:
		return fmt.Sprintf("\"%s,\" %s %s.%s", capitalize(g.pick(detailsB)), g.pick(witnessesB), g.pick([]string{"said", "recalled", "told us", "wrote"}), p.cite())
	case 6:
		s = fmt.Sprintf("%s did not answer questions about it, and has published only %s", capitalize(p.orgLink()), p.external())
	case 7:
		s = fmt.Sprintf("In %s, %s; %s; %s", p.placeLink(), g.pick(detailsB), g.pick(detailsB), g.pick(detailsB))
	case 8:
		s = fmt.Sprintf("This follows %s, in which %s", p.eventLink(), g.pick(detailsB))
	case 9:
		a, b := p.personLink(), p.personLink()
		if a == b {
			b = g.pick(witnessesB)
		}
		s = fmt.Sprintf("%s and %s were seen together %s", a, b, g.pick(timesB))
	default:
		s = fmt.Sprintf("%s %s", capitalize(g.pick(actorsB)), g.pick(eventActsB))
	}
	return s + p.cite() + "."
}

func (p *prose) paragraph(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = p.sentence()
		if p.g.chance(0.04) {
			p.notes = append(p.notes, capitalize(p.g.pick(detailsB))+", "+p.g.pick(hedgesB)+"."+p.cite())
			parts[i] += fmt.Sprintf("[^%d]", len(p.notes))
		}
	}
	return strings.Join(parts, " ")
}

// block returns one block of a long body: a paragraph most often, else a
// heading, a nested list, a quote, a table or a code block.
func (p *prose) block(long bool) string {
	g := p.g
	switch x := g.r.IntN(100); {
	case x < 50:
		return p.paragraph(g.between(2, 8))
	case x < 58:
		return "## " + g.pick(headingsB) + "\n\n" + p.paragraph(g.between(2, 5))
	case x < 67:
		return p.list()
	case x < 72:
		return p.orderedList()
	case x < 82:
		return p.quote()
	case x < 90:
		rows := g.between(3, 8)
		if long {
			rows = g.between(10, 40)
		}
		return p.table(rows)
	case x < 94:
		return p.code()
	default:
		return "### " + g.pick(headingsB) + "\n\n" + p.refParagraph()
	}
}

func (p *prose) item() string {
	g := p.g
	switch g.r.IntN(4) {
	case 0:
		return p.personLink() + " " + g.pick(eventActsB) + p.cite()
	case 1:
		return capitalize(p.emph(g.pick(detailsB))) + p.cite()
	default:
		return capitalize(g.pick(detailsB)) + ", " + g.pick(hedgesB) + p.cite()
	}
}

// list is a bulleted list nested up to three deep.
func (p *prose) list() string {
	g := p.g
	var b strings.Builder
	b.WriteString(g.pick([]string{"What the sources agree on:", "The sequence, as far as it is known:", "Points still in dispute:", "Those named in the file:"}) + "\n")
	for range g.between(2, 6) {
		b.WriteString("\n- " + p.item())
		for range g.r.IntN(3) {
			b.WriteString("\n  - " + p.item())
			if g.chance(0.25) {
				b.WriteString("\n    - " + p.item())
			}
		}
	}
	return b.String()
}

func (p *prose) orderedList() string {
	g := p.g
	var b strings.Builder
	b.WriteString("The steps of the case:\n")
	for i := range g.between(3, 7) {
		fmt.Fprintf(&b, "\n%d. %s", i+1, p.item())
		if g.chance(0.4) {
			b.WriteString("\n   - " + p.item())
		}
	}
	return b.String()
}

// quote is a blockquote of one to three paragraphs, sometimes holding
// another, and attributed.
func (p *prose) quote() string {
	g := p.g
	var b strings.Builder
	for i := range g.between(1, 3) {
		if i > 0 {
			b.WriteString("\n>\n")
		}
		fmt.Fprintf(&b, "> \"%s. %s.\"", capitalize(g.pick(detailsB)), capitalize(g.pick(detailsB)))
	}
	if g.chance(0.25) {
		fmt.Fprintf(&b, "\n>\n> > %s %s that %s.", capitalize(g.pick(witnessesB)), g.pick(reportVerbsB), g.pick(detailsB))
	}
	fmt.Fprintf(&b, "\n>\n> — %s%s", g.pick(witnessesB), p.cite())
	return b.String()
}

func (p *prose) table(rows int) string {
	g := p.g
	var b strings.Builder
	b.WriteString("| Date | Who | What | Where | Source |\n|---|---|---|---|---|")
	for range rows {
		src := strings.TrimSpace(p.cite())
		if src == "" {
			src = "—"
		}
		fmt.Fprintf(&b, "\n| %d-%02d-%02d | %s | %s | %s | %s |", 2010+g.r.IntN(16), 1+g.r.IntN(12), 1+g.r.IntN(28), p.personLink(), g.pick(eventActsB), p.placeLink(), src)
	}
	return b.String()
}

// code is a fenced block with a language, as a contributor pastes a
// document's metadata or a transcript.
func (p *prose) code() string {
	g := p.g
	lang := g.pick(languagesCodeB)
	var b strings.Builder
	b.WriteString("```" + lang + "\n")
	switch lang {
	case "json":
		fmt.Fprintf(&b, "{\n  \"case\": \"%d/%d\",\n  \"court\": %q,\n  \"pages\": %d,\n  \"charges\": [%q, %q]\n}", 1390+g.r.IntN(15), g.r.IntN(9000), g.pick(actorsB), 1+g.r.IntN(80), g.pick(tagsB), g.pick(tagsB))
	case "yaml":
		fmt.Fprintf(&b, "case: %d/%d\nheard: %d-%02d-%02d\ndefendants: %d\nverdict: %s", 1390+g.r.IntN(15), g.r.IntN(9000), 2010+g.r.IntN(16), 1+g.r.IntN(12), 1+g.r.IntN(28), 1+g.r.IntN(9), g.pick([]string{"guilty", "acquitted", "adjourned"}))
	default:
		for range g.between(3, 9) {
			fmt.Fprintf(&b, "%02d:%02d  %s\n", g.r.IntN(24), g.r.IntN(60), capitalize(g.pick(detailsB)))
		}
		b.WriteString("[end of transcript]")
	}
	b.WriteString("\n```")
	return b.String()
}

// refParagraph uses reference-style links, defined at the end of the body.
func (p *prose) refParagraph() string {
	g := p.g
	n := len(p.refs) + 1
	p.refs = append(p.refs, fmt.Sprintf("[r%d]: https://example.org/archive/%d \"%s\"", n, 10000+g.r.IntN(90000), g.pick(publishersB)))
	return fmt.Sprintf("The [original report][r%d] %s that %s. %s", n, g.pick(reportVerbsB), g.pick(detailsB), p.paragraph(g.between(1, 3)))
}

// end appends the reference definitions and the footnotes.
func (p *prose) end(b *strings.Builder) {
	if len(p.refs) > 0 {
		b.WriteString("\n\n" + strings.Join(p.refs, "\n"))
	}
	for i, n := range p.notes {
		fmt.Fprintf(b, "\n\n[^%d]: %s", i+1, n)
	}
}

// blocks writes n blocks, the first a paragraph.
func (p *prose) blocks(n int, long bool) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if i == 0 {
			b.WriteString(p.paragraph(p.g.between(1, 6)))
		} else {
			b.WriteString(p.block(long))
		}
	}
	p.end(&b)
	return b.String()
}

// eventBody is one line for some events and twenty blocks for others.
func (g *genB) eventBody(e *event, index int) string {
	p := g.prose("events", e.people, e.orgs, e.place, e.sources, index)
	switch x := g.r.IntN(100); {
	case x < 15:
		return p.sentence()
	case x < 50:
		return p.blocks(g.between(1, 2), false)
	case x < 83:
		return p.blocks(g.between(3, 7), false)
	case x < 95:
		return p.blocks(g.between(8, 14), false)
	default:
		return p.blocks(g.between(15, 20), true)
	}
}

func (g *genB) personBody(per *person) string {
	c := g.c
	var others []string
	for range g.between(1, 3) {
		if q := c.people[g.r.IntN(len(c.people))].id; q != per.id {
			others = append(others, q)
		}
	}
	p := g.prose("people", others, per.affiliations, per.place, per.sources, len(c.events))
	var b strings.Builder
	fmt.Fprintf(&b, "%s comes from %s.", per.name, link(c.place(per.place).name, "people", "places", per.place))
	if len(per.affiliations) > 0 {
		b.WriteString("\n\nPositions held:\n")
		for _, id := range per.affiliations {
			fmt.Fprintf(&b, "\n- %d–%d: %s of %s", 2005+g.r.IntN(10), 2015+g.r.IntN(10), g.pick([]string{"member", "spokesperson", "deputy head", "adviser", "employee"}), link(c.org(id).name, "people", "organizations", id))
			if g.chance(0.3) {
				b.WriteString("\n  - " + p.item())
			}
		}
	}
	b.WriteString("\n\n" + p.paragraph(g.between(1, 6)))
	for range g.r.IntN(4) {
		b.WriteString("\n\n" + p.block(false))
	}
	p.end(&b)
	return b.String()
}

func (g *genB) orgBody(o *org) string {
	var people []string
	for range g.between(1, 4) {
		people = append(people, g.c.people[g.r.IntN(len(g.c.people))].id)
	}
	p := g.prose("organizations", people, nil, "", o.sources, len(g.c.events))
	var b strings.Builder
	b.WriteString(p.paragraph(g.between(1, 5)))
	for range g.r.IntN(4) {
		b.WriteString("\n\n" + p.block(false))
	}
	p.end(&b)
	return b.String()
}

func (g *genB) plainBody(paras int, sources []string) string {
	p := g.prose("places", nil, nil, "", sources, 0)
	parts := make([]string, paras)
	for i := range parts {
		parts[i] = p.paragraph(g.between(1, 4))
	}
	var b strings.Builder
	b.WriteString(strings.Join(parts, "\n\n"))
	p.end(&b)
	return b.String()
}

func (g *genB) sourceBody() string {
	if !g.chance(0.7) {
		return ""
	}
	p := g.prose("sources", nil, nil, "", nil, 0)
	s := p.paragraph(g.between(1, 4))
	if g.chance(0.3) {
		s += "\n\n" + p.quote()
	}
	return s
}
