package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The vocabulary is small on purpose: it is enough to make bodies that look
// like a dossier's (varied sentence lengths, names, places, quotes) while the
// corpus stays a pure function of its seed.

// A name pairs a Latin transliteration with its Persian spelling, so that
// some people carry a native_name and aliases that differ by transliteration.
type name struct{ latin, native string }

var firstNames = []name{
	{"Mohammad", "محمد"}, {"Ali", "علی"}, {"Hassan", "حسن"}, {"Hossein", "حسین"},
	{"Reza", "رضا"}, {"Mehdi", "مهدی"}, {"Ahmad", "احمد"}, {"Mahmoud", "محمود"},
	{"Javad", "جواد"}, {"Amir", "امیر"}, {"Hamid", "حمید"}, {"Saeed", "سعید"},
	{"Fatemeh", "فاطمه"}, {"Zahra", "زهرا"}, {"Maryam", "مریم"}, {"Sara", "سارا"},
	{"Leila", "لیلا"}, {"Nasrin", "نسرین"}, {"Shirin", "شیرین"}, {"Parisa", "پریسا"},
	{"Narges", "نرگس"}, {"Mina", "مینا"}, {"Omid", "امید"}, {"Babak", "بابک"},
	{"Kaveh", "کاوه"}, {"Navid", "نوید"}, {"Farhad", "فرهاد"}, {"Dariush", "داریوش"},
	{"Karim", "کریم"}, {"Yousef", "یوسف"}, {"Ikramuddin", "اکرام‌الدین"}, {"Amin", "امین"},
}

var lastNames = []name{
	{"Karimi", "کریمی"}, {"Ahmadi", "احمدی"}, {"Hosseini", "حسینی"}, {"Rezaei", "رضایی"},
	{"Mohammadi", "محمدی"}, {"Hashemi", "هاشمی"}, {"Moradi", "مرادی"}, {"Jafari", "جعفری"},
	{"Rahimi", "رحیمی"}, {"Sadeghi", "صادقی"}, {"Tehrani", "تهرانی"}, {"Shirazi", "شیرازی"},
	{"Ebrahimi", "ابراهیمی"}, {"Najafi", "نجفی"}, {"Kazemi", "کاظمی"}, {"Azizi", "عزیزی"},
	{"Amini", "امینی"}, {"Nouri", "نوری"}, {"Ghasemi", "قاسمی"}, {"Bagheri", "باقری"},
	{"Sharifi", "شریفی"}, {"Mousavi", "موسوی"}, {"Akbari", "اکبری"}, {"Safavi", "صفوی"},
	{"Rostami", "رستمی"}, {"Yazdani", "یزدانی"}, {"Soltani", "سلطانی"}, {"Mirzaei", "میرزایی"},
	{"Hakimi", "حکیمی"}, {"Almas", "الماس"}, {"Sari", "ساری"}, {"Zand", "زند"},
}

// spellings are transliteration variants, applied to make aliases.
var spellings = [][2]string{
	{"Mohammad", "Muhammad"}, {"Hossein", "Husayn"}, {"Hassan", "Hasan"},
	{"Mahmoud", "Mahmud"}, {"Yousef", "Yusuf"}, {"Saeed", "Said"}, {"Fatemeh", "Fatima"},
	{"ei", "ey"}, {"ou", "u"}, {"ee", "i"}, {"eh", "a"}, {"Gh", "Q"}, {"kh", "x"},
	{"ie", "iye"}, {"sh", "ş"}, {"a", "â"},
}

var placeSyllables = []string{
	"kar", "ab", "ad", "shah", "ri", "mar", "zan", "bol", "dar", "ghaz", "is", "fa",
	"han", "ker", "man", "sa", "bad", "jan", "ten", "qom", "yaz", "hir", "gor", "dan",
}

var countries = []string{"Iran", "Iraq", "Afghanistan", "Turkey", "Syria", "Lebanon", "Pakistan", "Armenia"}

var orgKinds = []string{"state body", "armed group", "party", "militia", "ministry", "ngo", "media"}

var orgPatterns = map[string][]string{
	"state body":  {"Office of %s Affairs", "%s Security Council", "Directorate of %s"},
	"armed group": {"%s Brigade", "%s Front", "Army of %s"},
	"party":       {"%s Democratic Party", "Movement for %s", "%s People's Party"},
	"militia":     {"%s Guard", "%s Volunteers", "%s Defence Units"},
	"ministry":    {"Ministry of %s", "%s Ministry of the Interior", "%s Judiciary"},
	"ngo":         {"%s Human Rights Monitor", "Friends of %s", "%s Legal Aid"},
	"media":       {"%s Daily", "%s News Agency", "Radio %s"},
}

var orgWords = []string{
	"Northern", "Southern", "Eastern", "Western", "National", "Popular", "Free",
	"United", "Revolutionary", "Provincial", "Central", "Border", "Mountain", "Coastal",
	"Intelligence", "Justice", "Unity", "Liberty", "Dawn", "Homeland",
}

var publishers = []string{
	"Example Times", "The Daily Record", "Radio Example", "Example Wire",
	"Human Rights Example", "The Evening Ledger", "Example Monitor", "Open Report",
}

var sourceKinds = []string{"article", "statement", "post", "report", "interview"}

var languages = []string{"en", "en", "en", "fa", "ar", "tr"}

var statuses = []string{"confirmed", "confirmed", "reported", "reported", "reported", "alleged", "disputed"}

var tagVocabulary = []string{
	"arrest", "assassination", "attack", "detention", "disappearance", "execution",
	"explosion", "protest", "release", "sentence", "threat", "trial",
}

// Event verbs, past participles that fit "NAME VERB in PLACE".
var eventVerbs = []string{
	"detained", "shot dead", "arrested", "released", "attacked", "reported missing",
	"deported", "sentenced", "injured", "threatened", "summoned", "abducted",
	"killed in an explosion", "questioned", "charged", "acquitted",
}

var roles = []string{"killed", "injured", "detained", "witness", "suspect", "spokesperson", "lawyer"}

var subjects = []string{
	"Witnesses", "Local residents", "A spokesperson", "Officials", "Relatives",
	"A neighbour", "Reporters", "The family", "Investigators", "Two bystanders",
	"A lawyer for the family", "The provincial governor", "Medical staff", "Activists",
}

var sayVerbs = []string{
	"said", "reported", "told reporters", "stated", "recalled", "alleged",
	"later confirmed", "denied", "wrote", "insisted",
}

var nounPhrases = []string{
	"the convoy", "two men", "a motorcycle", "the victim", "the suspects", "a patrol",
	"a white car", "the guards", "three vehicles", "the detainees", "a crowd",
	"the officers", "an unmarked van", "the driver", "his brother", "the court",
}

var verbPhrases = []string{
	"had been stopped", "was seen", "arrived", "left in a hurry", "was detained",
	"opened fire", "was released", "had been waiting", "drove away",
	"was taken to hospital", "refused to comment", "blocked the road",
	"was questioned for hours", "had received threats", "disappeared",
}

var placePhrases = []string{
	"near the market", "outside his home", "on the main road", "at the checkpoint",
	"in the northern district", "behind the mosque", "close to the border crossing",
	"at the courthouse", "in front of the university", "by the river", "",
}

var timePhrases = []string{
	"shortly after midnight", "in the early morning", "later that day",
	"two days earlier", "around noon", "during the evening prayers", "the next week", "",
}

var listLeads = []string{
	"The accounts agree on the following points:",
	"What is known so far:",
	"The sources differ on several details:",
	"A reconstruction of the day:",
}

// text generates Markdown prose from one random source.
type text struct{ r *rand.Rand }

func (t text) pick(list []string) string { return list[t.r.IntN(len(list))] }

// clause is "that NOUN VERB PLACE TIME", the reported content of a sentence.
func (t text) clause() string {
	parts := []string{"that", t.pick(nounPhrases), t.pick(verbPhrases)}
	if p := t.pick(placePhrases); p != "" {
		parts = append(parts, p)
	}
	if p := t.pick(timePhrases); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

// sentence returns one sentence whose subject is subject (a plain phrase or
// a Markdown link), sometimes quoting, sometimes with a citation.
func (t text) sentence(subject string, cite func() string) string {
	var s string
	switch t.r.IntN(6) {
	case 0:
		s = fmt.Sprintf("%s %s %s, and %s.", subject, t.pick(sayVerbs), t.clause(), t.clause()[len("that "):])
	case 1:
		s = fmt.Sprintf("According to %s, %s.", strings.ToLower(t.pick(subjects)), t.clause()[len("that "):])
	case 2:
		s = fmt.Sprintf("%s %s: \"We saw %s %s.\"", subject, t.pick(sayVerbs), t.pick(nounPhrases), t.pick(placePhrases))
	default:
		s = fmt.Sprintf("%s %s %s.", subject, t.pick(sayVerbs), t.clause())
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	s = strings.Replace(s, " .", ".", 1)
	if cite != nil && t.r.IntN(5) < 2 {
		if strings.HasSuffix(s, "\"") {
			return s + " " + cite()
		}
		return s[:len(s)-1] + " " + cite() + "."
	}
	return s
}

// paragraph returns n sentences; subjects supplies a subject for each, which
// is where links to entries enter the text.
func (t text) paragraph(n int, subject func() string, cite func() string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.sentence(subject(), cite))
	}
	return b.String()
}
