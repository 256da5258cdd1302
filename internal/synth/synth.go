// Package synth writes a synthetic dossier for benchmarks and scale tests.
//
// The corpus is a pure function of its Options: the same Options give
// byte-identical files, so two machines, or two runs a month apart, build
// the same input. It is written either in this project's content format
// (Write: site.toml and content/{events,people,organizations,places,
// sources,pages}/*.md) or as a Hugo site holding the same entries and
// equivalent layouts (WriteHugo), so that the two generators can be timed
// doing comparable work.
//
// The content aims to look like a real dossier to a generator: events spread
// over 2018 to 2025, some dated only to the month or the year; people named
// in many events and people named in one; bodies of a few paragraphs with
// citations ([@src-0003], [@src-0003, para. 4]), relative links to other
// entries (../people/person-0042.md), and now and then a list, a table, a
// heading or a footnote. Every id an entry names exists.
//
// Options.Style "b" (DefaultsB) gives a second corpus of the same kinds of
// entry written differently, with its own words, lengths and Markdown (see
// styleb.go), so that a benchmark is not tuned to one generator of corpora.
package synth

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Options says how many entries of each kind to write, and the seed they
// are drawn from.
type Options struct {
	Events, People, Organizations, Places, Sources int
	Seed                                           int64
	// Style names the generator of the entries: "" or "a" for this
	// file's, "b" for the differently written corpus of styleb.go.
	Style string
}

// Defaults returns the proportions of the reference corpus: 5,000 events
// give 1,000 people, 50 organizations, 50 places and 25 sources (6,125
// entry files), and other sizes scale with the number of events.
func Defaults(events int) Options {
	return Options{
		Events:        events,
		People:        max(4, events/5),
		Organizations: max(2, events/100),
		Places:        max(1, events/100),
		Sources:       max(2, events/200),
		Seed:          1,
	}
}

func (o Options) validate() error {
	if o.Events < 0 || o.People < 0 || o.Organizations < 0 || o.Places < 0 || o.Sources < 0 {
		return fmt.Errorf("synth: negative count in %+v", o)
	}
	if o.Style != "" && o.Style != "a" && o.Style != "b" {
		return fmt.Errorf("synth: unknown style %q (want a or b)", o.Style)
	}
	if o.Events > 0 && (o.People < 1 || o.Places < 1 || o.Sources < 1) {
		return fmt.Errorf("synth: events need at least one person, place and source, have %+v", o)
	}
	return nil
}

// The corpus is generated once, as data, then written in either format, so
// both formats carry the same entries.
type corpus struct {
	people  []person
	orgs    []org
	places  []place
	sources []source
	events  []event
	pages   []page
}

type person struct {
	id, name, native, born, description, place string
	aliases, affiliations, sources             []string
	body                                       string
}

type org struct {
	id, name, kind, description string
	aliases, sources            []string
	body                        string
}

type place struct {
	id, name, country string
	lat, lon          float64
	body              string
}

type source struct {
	id, title, publisher, author, url, published, language, kind string
	body                                                         string
}

type event struct {
	id, title string
	// date is the date at its precision ("2021-08-14", "2021-08", "2021");
	// day is the first day it covers, for Hugo, which needs full dates.
	date, day, end string
	// literal writes date as a TOML date literal, the other accepted form.
	literal            bool
	place              string
	people, orgs, tags []string
	sources            []string
	status, summary    string
	roles              [][2]string // person id, role
	accounts           [][2]string // source id, what it says
	corrections        [][2]string // date, note
	body               string
}

type page struct {
	id, title string
	weight    int
	body      string
}

// pcgStream is fixed so that a seed alone names a corpus.
const pcgStream = 0x64_6f_73_73_69_65_72 // "dossier"

func generate(o Options) *corpus {
	if o.Style == "b" {
		return generateB(o)
	}
	r := rand.New(rand.NewPCG(uint64(o.Seed), pcgStream))
	t := text{r}
	c := &corpus{}
	g := &gen{r: r, t: t, c: c}

	for i := range o.Places {
		c.places = append(c.places, place{
			id:      ident("place", i, o.Places),
			name:    g.unique(g.placeName),
			country: t.pick(countries),
			lat:     math.Round((25+r.Float64()*15)*1e4) / 1e4,
			lon:     math.Round((35+r.Float64()*30)*1e4) / 1e4,
		})
	}
	for i := range o.Sources {
		pub := t.pick(publishers)
		id := ident("src", i, o.Sources)
		c.sources = append(c.sources, source{
			id:        id,
			title:     g.sourceTitle(),
			publisher: pub,
			author:    g.maybe(0.5, func() string { return g.personName().latin }),
			url:       "https://example.org/" + slug(pub) + "/" + id,
			published: g.day(time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), 8*365).Format(time.DateOnly),
			language:  t.pick(languages),
			kind:      t.pick(sourceKinds),
		})
	}
	for i := range o.Organizations {
		kind := t.pick(orgKinds)
		og := org{
			id:      ident("org", i, o.Organizations),
			name:    g.unique(func() string { return fmt.Sprintf(t.pick(orgPatterns[kind]), t.pick(orgWords)) }),
			kind:    kind,
			sources: g.sample(1+r.IntN(2), c.sourceIDs()),
		}
		if r.IntN(3) == 0 {
			og.aliases = []string{initials(og.name)}
		}
		og.description = fmt.Sprintf("%s %s active in %s.", article(kind), kind, t.pick(countries))
		c.orgs = append(c.orgs, og)
	}
	for i := range o.People {
		var n name
		p := person{
			id:      ident("person", i, o.People),
			name:    g.unique(func() string { n = g.personName(); return n.latin }),
			place:   c.places[g.popular(len(c.places))].id,
			sources: g.sample(1+r.IntN(2), c.sourceIDs()),
		}
		if p.name == n.latin && r.IntN(3) == 0 {
			p.native = n.native
		}
		p.aliases = g.aliases(p.name)
		if len(c.orgs) > 0 {
			p.affiliations = g.sample(r.IntN(3), c.orgIDs())
		}
		if r.IntN(2) == 0 {
			p.born = strconv.Itoa(1950 + r.IntN(50))
		}
		p.description = fmt.Sprintf("%s from %s.", t.pick([]string{"Journalist", "Activist", "Lawyer", "Official", "Student", "Commander", "Cleric", "Businessman"}), c.places[g.popular(len(c.places))].name)
		c.people = append(c.people, p)
	}
	g.events(o.Events)

	// Bodies come last: they link to entries of every kind.
	for i := range c.events {
		c.events[i].body = g.eventBody(&c.events[i], i)
	}
	for i := range c.people {
		c.people[i].body = g.personBody(&c.people[i])
	}
	for i := range c.orgs {
		c.orgs[i].body = g.simpleBody(c.orgs[i].sources)
	}
	for i := range c.places {
		if r.IntN(2) == 0 {
			c.places[i].body = g.simpleBody(nil)
		}
	}
	for i := range c.sources {
		c.sources[i].body = g.simpleBody(nil)
	}
	c.pages = g.pages()
	return c
}

// gen holds the state of one generation.
type gen struct {
	r    *rand.Rand
	t    text
	c    *corpus
	seen map[string]bool
}

func (c *corpus) sourceIDs() []string { return ids(c.sources, func(s source) string { return s.id }) }
func (c *corpus) orgIDs() []string    { return ids(c.orgs, func(o org) string { return o.id }) }

func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = id(v)
	}
	return out
}

func (g *gen) events(n int) {
	c, r := g.c, g.r
	start := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	// Each person, place, organization and source is named by at least one
	// event when there are enough events: the first slot of event i cycles
	// through a shuffled list of each.
	peoplePerm := r.Perm(len(c.people))
	placePerm := r.Perm(len(c.places))
	orgPerm := r.Perm(len(c.orgs))
	sourcePerm := r.Perm(len(c.sources))
	for i := range n {
		d := g.day(start, days)
		e := event{day: d.Format(time.DateOnly)}
		switch p := r.IntN(20); {
		case p < 2:
			e.date = d.Format("2006-01")
			e.day = d.Format("2006-01") + "-01"
		case p < 3:
			e.date = d.Format("2006")
			e.day = d.Format("2006") + "-01-01"
		default:
			e.date = e.day
			e.literal = r.IntN(10) == 0
			if r.IntN(20) == 0 {
				e.end = d.AddDate(0, 0, 1+r.IntN(5)).Format(time.DateOnly)
			}
		}
		e.place = c.places[cover(g, i, placePerm)].id
		e.people = g.pickWith(cover(g, i, peoplePerm), 1+r.IntN(4), len(c.people), func(j int) string { return c.people[j].id })
		if len(c.orgs) > 0 {
			if k := r.IntN(3); k > 0 || i < len(c.orgs) {
				e.orgs = g.pickWith(cover(g, i, orgPerm), max(k, 1), len(c.orgs), func(j int) string { return c.orgs[j].id })
			}
		}
		e.sources = g.pickWith(cover(g, i, sourcePerm), 1+r.IntN(2), len(c.sources), func(j int) string { return c.sources[j].id })
		e.tags = g.sample(1+r.IntN(3), tagVocabulary)
		slices.Sort(e.tags)
		e.status = g.t.pick(statuses)
		c.events = append(c.events, e)
	}
	// Ids carry the date, so number the events in date order, as a dossier
	// that grew over time would be.
	slices.SortStableFunc(c.events, func(a, b event) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(len(a.date), len(b.date)))
	})
	width := max(5, len(strconv.Itoa(n)))
	for i := range c.events {
		e := &c.events[i]
		e.id = fmt.Sprintf("%s-event-%0*d", e.date, width, i+1)
		g.describe(e)
	}
}

// cover returns perm[i] while i is within perm, so that every entry is used
// once, and a popular index after that.
func cover(g *gen, i int, perm []int) int {
	if i < len(perm) {
		return perm[i]
	}
	return g.popular(len(perm))
}

// popular picks an index in [0,n) with a skew, so that some entries are named
// far more often than others, as in a real dossier.
func (g *gen) popular(n int) int {
	u := g.r.Float64()
	return int(float64(n) * u * u * u)
}

// pickWith returns k distinct ids, the first being first, the rest popular.
func (g *gen) pickWith(first, k, n int, id func(int) string) []string {
	k = min(k, n)
	chosen := []int{first}
	for len(chosen) < k {
		j := g.popular(n)
		if g.r.IntN(2) == 0 {
			j = g.r.IntN(n)
		}
		if !slices.Contains(chosen, j) {
			chosen = append(chosen, j)
		}
	}
	out := make([]string, len(chosen))
	for i, j := range chosen {
		out[i] = id(j)
	}
	return out
}

// sample returns k distinct values of list, in list order.
func (g *gen) sample(k int, list []string) []string {
	k = min(k, len(list))
	if k == 0 {
		return nil
	}
	idx := g.r.Perm(len(list))[:k]
	slices.Sort(idx)
	out := make([]string, k)
	for i, j := range idx {
		out[i] = list[j]
	}
	return out
}

func (g *gen) describe(e *event) {
	c, t, r := g.c, g.t, g.r
	names := make([]string, len(e.people))
	for i, id := range e.people {
		names[i] = c.person(id).name
	}
	who := names[0]
	switch len(names) {
	case 1:
	case 2:
		who += " and " + names[1]
	default:
		who += fmt.Sprintf(" and %d others", len(names)-1)
	}
	verb := t.pick(eventVerbs)
	pl := c.place(e.place).name
	e.title = fmt.Sprintf("%s %s in %s", who, verb, pl)
	was := "was"
	if len(names) > 1 {
		was = "were"
	}
	e.summary = fmt.Sprintf("%s %s %s %s in %s, according to %s.", who, was, verb, strings.TrimSpace(t.pick(placePhrases)), pl, c.source(e.sources[0]).publisher)
	e.summary = strings.Replace(e.summary, "  ", " ", 1)
	if r.IntN(10) < 3 {
		for _, p := range e.people {
			if r.IntN(2) == 0 {
				e.roles = append(e.roles, [2]string{p, t.pick(roles)})
			}
		}
	}
	if r.IntN(7) == 0 {
		for _, s := range e.sources {
			says := t.sentence(t.pick(subjects), nil)
			e.accounts = append(e.accounts, [2]string{s, says})
		}
	}
	if r.IntN(30) == 0 {
		e.corrections = [][2]string{{"2025-" + fmt.Sprintf("%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)), "Corrected the spelling of a name."}}
	}
}

func (c *corpus) person(id string) *person {
	i, _ := slices.BinarySearchFunc(c.people, id, func(p person, id string) int { return cmp.Compare(p.id, id) })
	return &c.people[i]
}

func (c *corpus) place(id string) *place {
	i, _ := slices.BinarySearchFunc(c.places, id, func(p place, id string) int { return cmp.Compare(p.id, id) })
	return &c.places[i]
}

func (c *corpus) source(id string) *source {
	i, _ := slices.BinarySearchFunc(c.sources, id, func(s source, id string) int { return cmp.Compare(s.id, id) })
	return &c.sources[i]
}

func (c *corpus) org(id string) *org {
	i, _ := slices.BinarySearchFunc(c.orgs, id, func(o org, id string) int { return cmp.Compare(o.id, id) })
	return &c.orgs[i]
}

// link returns a Markdown link from an entry of kind from to the entry id of
// kind to: a relative link to its file, as contributors write them.
func link(text, from, to, id string) string {
	if from == to && to == "events" {
		return fmt.Sprintf("[%s](%s.md)", text, id)
	}
	return fmt.Sprintf("[%s](../%s/%s.md)", text, to, id)
}

func cite(id string, para int) string {
	if para == 0 {
		return "[@" + id + "]"
	}
	return fmt.Sprintf("[@%s, para. %d]", id, para)
}

func (g *gen) citer(sources []string) func() string {
	if len(sources) == 0 {
		return nil
	}
	// A passage is cited once per entry: the generator warns of the same
	// [@id, para. N] twice, as a likely slip.
	used := map[string]bool{}
	return func() string {
		id, para := sources[g.r.IntN(len(sources))], 0
		if g.r.IntN(3) == 0 {
			para = 1 + g.r.IntN(12)
		}
		c := cite(id, para)
		if para != 0 && used[c] {
			return cite(id, 0)
		}
		used[c] = true
		return c
	}
}

func (g *gen) eventBody(e *event, index int) string {
	c, t, r := g.c, g.t, g.r
	citeFn := g.citer(e.sources)
	subject := func() string {
		switch n := r.IntN(20); {
		case n < 6:
			id := e.people[r.IntN(len(e.people))]
			return link(c.person(id).name, "events", "people", id)
		case n < 8 && len(e.orgs) > 0:
			id := e.orgs[r.IntN(len(e.orgs))]
			return "The " + link(c.org(id).name, "events", "organizations", id)
		default:
			return t.pick(subjects)
		}
	}
	var b strings.Builder
	paras := 2 + r.IntN(3)
	footnote := r.IntN(10) == 0
	for i := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		if i == paras-1 && paras > 2 && r.IntN(4) == 0 {
			b.WriteString(t.pick([]string{"## Background", "## Aftermath", "## Conflicting accounts"}) + "\n\n")
		}
		b.WriteString(t.paragraph(2+r.IntN(4), subject, citeFn))
		if i == 0 && r.IntN(8) == 0 {
			fmt.Fprintf(&b, " It happened in %s.", link(c.place(e.place).name, "events", "places", e.place))
		}
		if i == 0 && footnote {
			b.WriteString("[^1]")
		}
		if i == 0 && r.IntN(10) < 3 {
			b.WriteString("\n\n" + t.pick(listLeads) + "\n")
			for range 3 + r.IntN(3) {
				item := t.clause()[len("that "):]
				fmt.Fprintf(&b, "\n- %s%s %s.", strings.ToUpper(item[:1]), item[1:], citeFn())
			}
		}
		if i == 1 && r.IntN(7) == 0 {
			b.WriteString("\n\n| Time | What was seen | Source |\n|---|---|---|")
			for range 2 + r.IntN(3) {
				fmt.Fprintf(&b, "\n| %02d:%02d | %s %s | %s |", r.IntN(24), r.IntN(60), t.pick(nounPhrases), t.pick(verbPhrases), citeFn())
			}
		}
	}
	if index > 0 && r.IntN(4) == 0 {
		other := &c.events[r.IntN(index)]
		fmt.Fprintf(&b, "\n\nSee also %s.", link(other.title, "events", "events", other.id))
	}
	if footnote {
		b.WriteString("\n\n[^1]: The time is given in local time, as the sources report it.")
	}
	return b.String()
}

func (g *gen) personBody(p *person) string {
	c, t, r := g.c, g.t, g.r
	var b strings.Builder
	fmt.Fprintf(&b, "%s is from %s.", p.name, link(c.place(p.place).name, "people", "places", p.place))
	for _, id := range p.affiliations {
		fmt.Fprintf(&b, " %s %s %s.", p.name, t.pick([]string{"is a member of", "has worked for", "was linked to", "left"}), link(c.org(id).name, "people", "organizations", id))
	}
	b.WriteString(" " + t.paragraph(1+r.IntN(3), func() string { return t.pick(subjects) }, g.citer(p.sources)))
	return b.String()
}

func (g *gen) simpleBody(sources []string) string {
	return g.t.paragraph(1+g.r.IntN(3), func() string { return g.t.pick(subjects) }, g.citer(sources))
}

func (g *gen) pages() []page {
	c := g.c
	var b strings.Builder
	b.WriteString("This dossier is synthetic: it was generated for benchmarks, and none of it happened.\n\n")
	b.WriteString("| Kind | Entries |\n|---|---|\n")
	fmt.Fprintf(&b, "| Events | %d |\n| People | %d |\n| Organizations | %d |\n| Places | %d |\n| Sources | %d |\n",
		len(c.events), len(c.people), len(c.orgs), len(c.places), len(c.sources))
	about := page{id: "about", title: "About this dossier", weight: 1, body: b.String()}

	b.Reset()
	b.WriteString("Every event names its sources, and each account is tied to the source that gives it.\n\n")
	b.WriteString("1. An event is *confirmed* when two independent sources agree.\n")
	b.WriteString("2. It is *reported* when one source gives it.\n")
	b.WriteString("3. It is *alleged* or *disputed* when the sources say so.\n")
	if len(c.events) > 0 {
		e := c.events[0]
		fmt.Fprintf(&b, "\nThe earliest entry is %s.\n", link(e.title, "pages", "events", e.id))
	}
	method := page{id: "methodology", title: "Methodology", weight: 2, body: b.String()}
	return []page{about, method}
}

// Names.

func (g *gen) personName() name {
	f, l := firstNames[g.r.IntN(len(firstNames))], lastNames[g.r.IntN(len(lastNames))]
	return name{f.latin + " " + l.latin, f.native + " " + l.native}
}

func (g *gen) placeName() string {
	var b strings.Builder
	for range 2 + g.r.IntN(2) {
		b.WriteString(g.t.pick(placeSyllables))
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (g *gen) sourceTitle() string {
	t := g.t
	return fmt.Sprintf("%s %s %s", t.pick([]string{"Report:", "Statement on", "Witnesses describe", "Inquiry into", "Update:"}), t.pick(nounPhrases), t.pick(verbPhrases))
}

// unique calls next until it returns a name not used before, falling back
// to a numbered name: names need not be unique, but duplicates would make
// the corpus read oddly.
func (g *gen) unique(next func() string) string {
	if g.seen == nil {
		g.seen = map[string]bool{}
	}
	s := next()
	for range 5 {
		if !g.seen[s] {
			break
		}
		s = next()
	}
	for i := 2; g.seen[s]; i++ {
		base := strings.TrimRight(strings.TrimRight(s, "0123456789"), " ")
		s = base + " " + strconv.Itoa(i)
	}
	g.seen[s] = true
	return s
}

func (g *gen) aliases(full string) []string {
	var out []string
	for _, sp := range spellings {
		if len(out) == 2 {
			break
		}
		if strings.Contains(full, sp[0]) && g.r.IntN(2) == 0 {
			out = append(out, strings.Replace(full, sp[0], sp[1], 1))
		}
	}
	if first, last, ok := strings.Cut(full, " "); ok && g.r.IntN(3) == 0 {
		out = append(out, first[:1]+". "+last)
	}
	return slices.Compact(out)
}

func (g *gen) maybe(p float64, f func() string) string {
	if g.r.Float64() < p {
		return f()
	}
	return ""
}

func (g *gen) day(start time.Time, days int) time.Time {
	return start.AddDate(0, 0, g.r.IntN(days))
}

func ident(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%0*d", prefix, max(4, len(strconv.Itoa(n))), i+1)
}

func initials(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

func article(s string) string {
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "An"
	}
	return "A"
}

func slug(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, " ", "-"))
}
