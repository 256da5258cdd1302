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

// Corpus b is a second dossier of the same kinds of entry, written the way
// another contributor would write it rather than the way corpus a is: a
// benchmark that only ever builds one generator's corpus can be tuned to it
// without anyone noticing. Where a is regular, b varies what real dossiers
// vary: bodies from one line to twenty blocks, three to ten people and
// three to eight tags an event out of a vocabulary of ninety-four, more
// organizations, places and sources per event, many accounts and
// corrections, people with up to ten aliases, ids that describe the
// event, and Markdown that nests (lists in lists, quotes in quotes), with
// long tables, fenced code, footnotes and reference links.

// DefaultsB returns the proportions of corpus b: 5,000 events give 1,250
// people, 125 organizations, 200 places and 125 sources, and three pages
// (6,703 entry files).
func DefaultsB(events int) Options {
	return Options{
		Events:        events,
		People:        max(10, events/4),
		Organizations: max(2, events/40),
		Places:        max(2, events/25),
		Sources:       max(6, events/40),
		Seed:          1,
		Style:         "b",
	}
}

// pcgStreamB differs from corpus a's so that the same seed gives unrelated
// draws.
const pcgStreamB = 0x63_6f_72_70_75_73_62 // "corpusb"

type genB struct {
	r    *rand.Rand
	c    *corpus
	base *gen // for unique and sample
}

func generateB(o Options) *corpus {
	r := rand.New(rand.NewPCG(uint64(o.Seed), pcgStreamB))
	c := &corpus{}
	g := &genB{r: r, c: c, base: &gen{r: r, c: c}}
	g.places(o.Places)
	g.sources(o.Sources)
	g.orgs(o.Organizations)
	g.people(o.People)
	g.events(o.Events)
	for i := range c.events {
		c.events[i].body = g.eventBody(&c.events[i], i)
	}
	for i := range c.people {
		c.people[i].body = g.personBody(&c.people[i])
	}
	for i := range c.orgs {
		c.orgs[i].body = g.orgBody(&c.orgs[i])
	}
	for i := range c.places {
		if g.chance(0.6) {
			c.places[i].body = g.plainBody(1+r.IntN(3), nil)
		}
	}
	for i := range c.sources {
		c.sources[i].body = g.sourceBody()
	}
	c.pages = g.pages()
	return c
}

func (g *genB) pick(list []string) string { return list[g.r.IntN(len(list))] }
func (g *genB) chance(p float64) bool     { return g.r.Float64() < p }

// between returns an integer in [lo, hi].
func (g *genB) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// popular skews less than corpus a's: a few entries are named often, the
// long tail still gets named.
func (g *genB) popular(n int) int {
	return int(float64(n) * math.Pow(g.r.Float64(), 2.2))
}

// pick k distinct indexes in [0,n), the first being first.
func (g *genB) pickIDs(first, k, n int, id func(int) string) []string {
	k = min(k, n)
	chosen := []int{first}
	for len(chosen) < k {
		j := g.popular(n)
		if g.chance(0.4) {
			j = g.r.IntN(n)
		}
		if !slices.Contains(chosen, j) {
			chosen = append(chosen, j)
		}
	}
	out := make([]string, k)
	for i, j := range chosen {
		out[i] = id(j)
	}
	return out
}

func (g *genB) places(n int) {
	for i := range n {
		p := place{
			id:      ident("place", i, n),
			name:    g.base.unique(g.placeName),
			country: g.pick(countriesB),
		}
		if g.chance(0.85) {
			p.lat = math.Round((12+g.r.Float64()*30)*1e5) / 1e5
			p.lon = math.Round((30+g.r.Float64()*45)*1e5) / 1e5
		}
		g.c.places = append(g.c.places, p)
	}
}

func (g *genB) placeName() string {
	var b strings.Builder
	for range g.between(2, 3) {
		b.WriteString(g.pick(placeStemsB))
	}
	s := b.String()
	return fmt.Sprintf(g.pick(placeFormsB), strings.ToUpper(s[:1])+s[1:])
}

func (g *genB) sources(n int) {
	start := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		id := ident("src", i, n)
		s := source{
			id:       id,
			title:    g.sourceTitle(),
			language: g.pick(languagesB),
			kind:     g.pick(sourceKindsB),
		}
		d := start.AddDate(0, 0, g.r.IntN(16*365))
		s.published = d.Format(time.DateOnly)
		if g.chance(0.2) {
			s.published = d.Format("2006-01")
		}
		if g.chance(0.9) {
			s.publisher = g.pick(publishersB)
			s.url = fmt.Sprintf("https://example.net/%s/%d/%s-%s", slugB(s.publisher), d.Year(), slugB(s.kind), id)
		}
		if g.chance(0.6) {
			s.author = g.personName().latin
		}
		g.c.sources = append(g.c.sources, s)
	}
}

func (g *genB) sourceTitle() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("%s: %s accused of abuses in %s", capitalize(strings.ReplaceAll(g.pick(tagsB), "-", " ")), g.pick(actorsB), g.pick(countriesB))
	case 1:
		return fmt.Sprintf("Statement by %s on the case of %s", g.pick(publishersB), g.personName().latin)
	case 2:
		return fmt.Sprintf("\"They came %s\": %s", g.pick(timesB), g.pick(detailsB))
	default:
		return fmt.Sprintf("Annual report on %s and %s in %s", g.pick(tagsB), g.pick(tagsB), g.pick(countriesB))
	}
}

func (g *genB) orgs(n int) {
	for i := range n {
		kind := g.pick(orgKindsB)
		o := org{
			id:      ident("org", i, n),
			name:    g.base.unique(func() string { return fmt.Sprintf(g.pick(orgFormsB), g.pick(orgStemsB)) }),
			kind:    kind,
			sources: g.base.sample(g.between(1, 3), g.c.sourceIDs()),
		}
		if g.chance(0.6) {
			o.aliases = append(o.aliases, initials(o.name))
		}
		if g.chance(0.3) {
			o.aliases = append(o.aliases, "The "+o.name)
		}
		if g.chance(0.2) {
			o.aliases = append(o.aliases, "Former "+o.name)
		}
		o.description = fmt.Sprintf("%s %s in %s, named in reports of %s and %s.", article(kind), kind, g.pick(countriesB), strings.ReplaceAll(g.pick(tagsB), "-", " "), strings.ReplaceAll(g.pick(tagsB), "-", " "))
		g.c.orgs = append(g.c.orgs, o)
	}
}

func (g *genB) personName() name {
	f, l := firstNamesB[g.r.IntN(len(firstNamesB))], lastNamesB[g.r.IntN(len(lastNamesB))]
	if g.chance(0.25) {
		m := firstNamesB[g.r.IntN(len(firstNamesB))]
		return name{f.latin + " " + m.latin + " " + l.latin, f.native + " " + m.native + " " + l.native}
	}
	return name{f.latin + " " + l.latin, f.native + " " + l.native}
}

func (g *genB) people(n int) {
	c := g.c
	for i := range n {
		var nm name
		p := person{
			id:      ident("person", i, n),
			name:    g.base.unique(func() string { nm = g.personName(); return nm.latin }),
			place:   c.places[g.popular(len(c.places))].id,
			sources: g.base.sample(g.between(1, 4), c.sourceIDs()),
		}
		if p.name == nm.latin && g.chance(0.5) {
			p.native = nm.native
		}
		p.aliases = g.aliases(p.name)
		if len(c.orgs) > 0 {
			p.affiliations = g.base.sample(g.r.IntN(5), c.orgIDs())
		}
		switch x := g.r.IntN(10); {
		case x < 3:
			p.born = strconv.Itoa(1940 + g.r.IntN(65))
		case x < 6:
			p.born = time.Date(1940+g.r.IntN(65), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
		p.description = fmt.Sprintf("%s from %s, %s.", g.pick([]string{
			"Teacher", "Journalist and blogger", "Human rights lawyer", "Provincial official",
			"University student", "Militia commander", "Labour organizer", "Shopkeeper",
			"Former prisoner", "Doctor", "Tribal elder", "Poet", "Police officer", "Judge",
		}), c.place(p.place).name, g.pick([]string{
			"named in several reports", "detained more than once", "whose family has spoken publicly",
			"who has since left the country", "whose case remains open", "known locally by a nickname",
		}))
		c.people = append(c.people, p)
	}
}

// aliases gives up to eight other names: transliterations, honorifics, a
// kunya, an initial, the surname first.
func (g *genB) aliases(full string) []string {
	var out []string
	for _, t := range transliterationsB {
		if len(out) < 6 && strings.Contains(full, t[0]) && g.chance(0.45) {
			out = append(out, strings.Replace(full, t[0], t[1], 1))
		}
	}
	if g.chance(0.25) {
		out = append(out, g.pick(honorificsB)+" "+full)
	}
	if g.chance(0.15) {
		out = append(out, "Abu "+firstNamesB[g.r.IntN(len(firstNamesB))].latin)
	}
	words := strings.Fields(full)
	last := words[len(words)-1]
	if g.chance(0.3) {
		out = append(out, full[:1]+". "+last)
	}
	if g.chance(0.15) {
		out = append(out, last+", "+strings.Join(words[:len(words)-1], " "))
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return slices.DeleteFunc(out, func(s string) bool { return s == full || strings.TrimSpace(s) != s || s == "" })
}

func (g *genB) events(n int) {
	c := g.c
	start := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	peoplePerm, placePerm := g.r.Perm(len(c.people)), g.r.Perm(len(c.places))
	orgPerm, sourcePerm := g.r.Perm(len(c.orgs)), g.r.Perm(len(c.sources))
	for i := range n {
		d := start.AddDate(0, 0, g.r.IntN(days))
		e := event{day: d.Format(time.DateOnly)}
		switch x := g.r.IntN(100); {
		case x < 10:
			e.date, e.day = d.Format("2006-01"), d.Format("2006-01")+"-01"
		case x < 14:
			e.date, e.day = d.Format("2006"), d.Format("2006")+"-01-01"
		default:
			e.date = e.day
			e.literal = g.chance(0.2)
			if g.chance(0.08) {
				e.end = d.AddDate(0, 0, g.between(1, 60)).Format(time.DateOnly)
			}
		}
		e.place = c.places[coverB(g, i, placePerm)].id
		e.people = g.pickIDs(coverB(g, i, peoplePerm), g.between(3, 6)+g.r.IntN(5), len(c.people), func(j int) string { return c.people[j].id })
		if k := g.r.IntN(5); len(c.orgs) > 0 && (k > 0 || i < len(c.orgs)) {
			e.orgs = g.pickIDs(coverB(g, i, orgPerm), max(k, 1), len(c.orgs), func(j int) string { return c.orgs[j].id })
		}
		e.sources = g.pickIDs(coverB(g, i, sourcePerm), g.between(2, 6), len(c.sources), func(j int) string { return c.sources[j].id })
		e.tags = g.base.sample(g.between(3, 8), tagsB)
		e.status = g.pick(statusesB)
		c.events = append(c.events, e)
	}
	slices.SortStableFunc(c.events, func(a, b event) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(len(a.date), len(b.date)))
	})
	used := map[string]bool{}
	for i := range c.events {
		e := &c.events[i]
		act := g.describe(e)
		// Ids name the event, as people write them: the date, the place,
		// who and what happened.
		who := strings.Fields(c.person(e.people[0]).name)
		base := e.date + "-" + slugB(c.place(e.place).name) + "-" + slugB(who[len(who)-1]) + "-" + slugB(strings.Fields(act)[0])
		e.id = base
		for k := 2; used[e.id]; k++ {
			e.id = base + "-" + strconv.Itoa(k)
		}
		used[e.id] = true
	}
}

func coverB(g *genB, i int, perm []int) int {
	if i < len(perm) {
		return perm[i]
	}
	return g.popular(len(perm))
}

// describe sets an event's title, summary, roles, accounts and
// corrections, and returns what happened, for its id.
func (g *genB) describe(e *event) string {
	c := g.c
	act, actor, pl := g.pick(eventActsB), g.pick(actorsB), c.place(e.place).name
	who := c.person(e.people[0]).name
	switch len(e.people) {
	case 1:
	case 2:
		who += " and " + c.person(e.people[1]).name
	default:
		who += ", " + c.person(e.people[1]).name + fmt.Sprintf(" and %d others", len(e.people)-2)
	}
	switch g.r.IntN(3) {
	case 0:
		e.title = fmt.Sprintf("%s %s by %s in %s", who, act, actor, pl)
	case 1:
		e.title = fmt.Sprintf("%s: %s %s %s", pl, who, act, g.pick(timesB))
	default:
		e.title = fmt.Sprintf("%s %s in %s after %s", who, act, pl, g.pick(detailsB))
	}
	e.summary = fmt.Sprintf("%s %s %s in %s, %s.", who, act, g.pick(timesB), pl, g.pick(hedgesB))
	for range g.r.IntN(3) {
		e.summary += " " + capitalize(g.pick(detailsB)) + "."
	}
	if g.chance(0.55) {
		for _, p := range e.people {
			if g.chance(0.65) {
				e.roles = append(e.roles, [2]string{p, g.pick(rolesB)})
			}
		}
	}
	if g.chance(0.35) {
		for j := range g.between(2, 5) {
			says := fmt.Sprintf("%s %s %s.", capitalize(g.pick(actorsB)), g.pick(eventActsB[:len(eventActsB)/2]), g.pick(timesB))
			if g.chance(0.5) {
				says += " " + capitalize(g.pick(detailsB)) + "."
			}
			e.accounts = append(e.accounts, [2]string{e.sources[j%len(e.sources)], says})
		}
	}
	if g.chance(0.12) {
		for range g.between(1, 3) {
			e.corrections = append(e.corrections, [2]string{
				fmt.Sprintf("%d-%02d-%02d", 2024+g.r.IntN(2), 1+g.r.IntN(12), 1+g.r.IntN(28)),
				g.pick([]string{
					"Corrected the date of the hearing, which the first report gave wrongly.",
					"Added a second source for the release.",
					"Removed a name that had been confused with another person's.",
					"The status changed from alleged to reported after a court document was published.",
					"Fixed the transliteration of the family name.",
				}),
			})
		}
	}
	return act
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// slugB makes an id part of a name: lower case, letters and digits, one
// hyphen between words.
func slugB(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

func (g *genB) pages() []page {
	c := g.c
	var b strings.Builder
	b.WriteString("This dossier is **synthetic**: it was generated for benchmarks (corpus b), and none of it happened.\n\n")
	b.WriteString("| Kind | Entries | Notes |\n|---|---:|---|\n")
	for _, row := range []struct {
		kind string
		n    int
	}{{"Events", len(c.events)}, {"People", len(c.people)}, {"Organizations", len(c.orgs)}, {"Places", len(c.places)}, {"Sources", len(c.sources)}} {
		fmt.Fprintf(&b, "| %s | %d | generated |\n", row.kind, row.n)
	}
	about := page{id: "about", title: "About this dossier", weight: 1, body: b.String()}

	b.Reset()
	b.WriteString("How entries are written and checked:\n\n")
	b.WriteString("1. Every event names *at least two* sources.\n   - A source is cited after the fact it supports.\n   - Where sources differ, each version is an account.\n2. The status says how sure we are:\n   - **confirmed**: two independent sources agree;\n   - **reported**: one source gives it;\n   - **alleged** or **disputed**: the sources say so.\n3. Corrections are logged on the entry.\n\n")
	b.WriteString("> We publish what can be sourced, and say where the sources disagree.\n")
	if len(c.events) > 0 {
		fmt.Fprintf(&b, "\nThe first entry is [%s](../events/%s.md).\n", c.events[0].title, c.events[0].id)
	}
	method := page{id: "methodology", title: "Methodology", weight: 2, body: b.String()}

	b.Reset()
	b.WriteString("The tags used in this dossier:\n\n| Tag | Meaning |\n|---|---|\n")
	for _, t := range tagsB {
		fmt.Fprintf(&b, "| `%s` | Events about %s. |\n", t, strings.ReplaceAll(t, "-", " "))
	}
	glossary := page{id: "glossary", title: "Glossary of tags", weight: 3, body: b.String()}
	return []page{about, method, glossary}
}
