package synth

// The vocabulary of corpus b. It shares nothing with corpus a's on
// purpose: a corpus written by someone else names other people and places,
// in other words and other sentence shapes, and a benchmark tuned to one
// set of words should not be able to tell.

var firstNamesB = []name{
	{"Abdul Rahman", "عبدالرحمن"}, {"Gulalai", "گلالی"}, {"Hawre", "هاوڕێ"}, {"Shilan", "شیلان"},
	{"Rebin", "ڕێبین"}, {"Zainab", "زینب"}, {"Mustafa", "مصطفی"}, {"Haider", "حیدر"},
	{"Nasima", "نسیمه"}, {"Wahid", "وحید"}, {"Soraya", "ثریا"}, {"Bashir", "بشیر"},
	{"Jamila", "جمیله"}, {"Latif", "لطیف"}, {"Khalid", "خالد"}, {"Roya", "رویا"},
	{"Samira", "سمیره"}, {"Qadir", "قادر"}, {"Farzana", "فرزانه"}, {"Hewa", "هیوا"},
	{"Dilan", "دیلان"}, {"Nabil", "نبیل"}, {"Rahima", "رحیمه"}, {"Tariq", "طارق"},
	{"Yasmin", "یاسمین"}, {"Zaher", "ظاهر"}, {"Malalai", "ملالی"}, {"Sirwan", "سیروان"},
	{"Aziz", "عزیز"}, {"Hamida", "حمیده"}, {"Idris", "ادریس"}, {"Osman", "عثمان"},
	{"Parwin", "پروین"}, {"Sabir", "صابر"}, {"Wazhma", "وژمه"}, {"Homayoun", "همایون"},
	{"Ruqia", "رقیه"}, {"Lokman", "لقمان"}, {"Shahla", "شهلا"}, {"Qasim", "قاسم"},
	{"Nazanin", "نازنین"}, {"Kamal", "کمال"}, {"Suhaila", "سهیله"}, {"Waheeda", "وحیده"},
}

var lastNamesB = []name{
	{"Noorzai", "نورزی"}, {"Baluch", "بلوچ"}, {"Qaderi", "قادری"}, {"Rasuli", "رسولی"},
	{"Hamidi", "حمیدی"}, {"Mahmoudi", "محمودی"}, {"Kakar", "کاکړ"}, {"Zazai", "زازی"},
	{"Popal", "پوپل"}, {"Rahmani", "رحمانی"}, {"Osmani", "عثمانی"}, {"Faizi", "فیضی"},
	{"Wardak", "وردک"}, {"Amiri", "امیری"}, {"Haidari", "حیدری"}, {"Naseri", "ناصری"},
	{"Zamani", "زمانی"}, {"Farahmand", "فرهمند"}, {"Qureshi", "قریشی"}, {"Dehqan", "دهقان"},
	{"Bakhtiari", "بختیاری"}, {"Hawrami", "هورامی"}, {"Mukri", "موکری"}, {"Shwani", "شوانی"},
	{"Karimzadeh", "کریم‌زاده"}, {"Ghafoori", "غفوری"}, {"Niazi", "نیازی"}, {"Yusufzai", "یوسفزی"},
	{"Durrani", "درانی"}, {"Ahmadzai", "احمدزی"}, {"Sangari", "سنگری"}, {"Kohistani", "کوهستانی"},
	{"Shinwari", "شینواری"}, {"Mangal", "منگل"}, {"Safi", "صافی"}, {"Barakzai", "بارکزی"},
}

// transliterationsB are the spelling variants that give people many
// aliases: each that applies is used with some chance.
var transliterationsB = [][2]string{
	{"Abdul ", "Abd al-"}, {"Abdul Rahman", "Abdurrahman"}, {"ou", "oo"}, {"ai", "ay"},
	{"Q", "K"}, {"q", "k"}, {"zai", "zay"}, {"ee", "i"}, {"W", "V"}, {"w", "v"},
	{"Kh", "H"}, {"u", "o"}, {"i", "ee"}, {"ya", "ia"}, {"h", ""}, {"Gh", "G"},
	{"a", "e"}, {"dh", "z"}, {"Z", "Dh"}, {"sh", "ş"},
}

var honorificsB = []string{"Haji", "Mullah", "Sheikh", "Dr.", "Mawlawi", "Kak", "Ustad", "Engineer"}

var placeStemsB = []string{
	"qal", "sar", "bagh", "kand", "shin", "gul", "dasht", "mir", "zar", "kot", "nar",
	"ab", "rud", "sang", "pul", "khar", "bal", "tar", "haw", "ran", "dez", "kul", "zeb",
}

var placeFormsB = []string{
	"%s", "%s", "%s", "%s", "Qala-i %s", "%s Bazaar", "%s District", "New %s",
	"Camp %s", "Upper %s", "%s Crossing", "%s Valley",
}

var countriesB = []string{
	"Iraq", "Iran", "Afghanistan", "Pakistan", "Turkey", "Syria", "Lebanon", "Jordan",
	"Armenia", "Azerbaijan", "Georgia", "Tajikistan", "Uzbekistan", "Turkmenistan",
	"Kuwait", "Oman", "Yemen", "Qatar",
}

var orgKindsB = []string{
	"state body", "armed group", "party", "militia", "ministry", "ngo", "media",
	"court", "prison", "union", "university", "company", "police force", "tribal council",
}

var orgFormsB = []string{
	"%s Council", "%s Commission", "%s Authority", "%s Front", "%s Union",
	"Committee for %s", "%s Watch", "%s Press", "%s Tribunal", "%s Detention Centre",
	"%s Institute", "%s Trading Company", "%s Police", "%s Shura",
}

var orgStemsB = []string{
	"Reconstruction", "Highland", "Lowland", "Frontier", "Solidarity", "Truth", "Martyrs",
	"Salvation", "Green", "Independent", "Transitional", "Civil Defence", "Tribal",
	"Women's", "Students'", "Farmers'", "Lawyers'", "Teachers'", "Migrants'", "Desert",
	"River", "Crescent", "Republican", "Federal", "Regional",
}

var publishersB = []string{
	"Frontier Post Example", "Valley Gazette", "Crossroads Radio", "The Example Observer",
	"Mountain Wire", "Example Rights Watch", "Bulletin of the Example Bar", "Provincial Courier",
	"Example Television", "Open Ledger Collective", "Example Legal Monitor", "Border Voices",
	"The Weekly Example", "Example Evidence Project", "Radio Free Example", "Example Herald",
}

var sourceKindsB = []string{
	"article", "statement", "post", "report", "interview", "video", "court filing",
	"letter", "analysis", "press release",
}

var languagesB = []string{"en", "en", "fa", "ps", "ckb", "ar", "tr", "ur"}

// tagsB is a larger vocabulary than corpus a's, of topics and regions.
var tagsB = []string{
	"abduction", "administrative-detention", "airstrike", "amnesty", "arbitrary-arrest",
	"arson", "asylum", "bail", "blasphemy", "bombing", "border", "censorship", "checkpoint",
	"child-detention", "civil-society", "confession", "corruption", "court-martial",
	"curfew", "death-in-custody", "death-sentence", "defamation", "deportation",
	"displacement", "drone", "due-process", "election", "enforced-disappearance",
	"espionage-charge", "ethnic-minority", "eviction", "execution", "exile", "extortion",
	"family-harassment", "fine", "flogging", "forced-confession", "hostage", "house-arrest",
	"hunger-strike", "internet-shutdown", "interrogation", "journalists", "judiciary",
	"kidnapping", "labour", "landmine", "lawyers", "leaked-documents", "looting",
	"mass-arrest", "media-ban", "medical-neglect", "militia", "minors", "mob-violence",
	"pardon", "parole", "passport-confiscation", "police", "political-prisoners",
	"prison-conditions", "property-seizure", "protest", "raid", "refugees", "religious-minority",
	"retrial", "sexual-violence", "shooting", "solitary-confinement", "students",
	"surveillance", "teachers", "terrorism-charge", "torture", "trade-union", "travel-ban",
	"trial", "tribal-dispute", "unlawful-killing", "verdict", "vigil", "women", "workers",
	"north", "south", "east", "west", "capital", "borderlands", "highlands", "delta",
}

var statusesB = []string{"confirmed", "reported", "reported", "alleged", "alleged", "disputed"}

var rolesB = []string{
	"killed", "injured", "detained", "witness", "suspect", "spokesperson", "lawyer",
	"judge", "prosecutor", "relative", "organizer", "interrogator", "released", "sentenced",
	"missing", "doctor", "guard",
}

var eventActsB = []string{
	"taken from a bus", "held without charge", "beaten during questioning",
	"sentenced in a closed hearing", "released on bail", "transferred to solitary confinement",
	"summoned for a second time", "barred from leaving the country", "shot at a protest",
	"arrested at a wedding", "forced from their homes", "charged with espionage",
	"detained at the airport", "questioned about a social media post", "abducted by masked men",
	"acquitted on appeal", "denied medical care", "fined and flogged", "found dead in custody",
}

var actorsB = []string{
	"plain-clothes agents", "the district police", "a patrol of the border guard",
	"men in an unmarked pickup", "prison officials", "the public prosecutor",
	"a revolutionary court", "local militiamen", "the intelligence directorate",
	"a military tribunal", "security forces", "unidentified gunmen",
}

var witnessesB = []string{
	"a cousin who was there", "two neighbours", "a fellow detainee", "the driver",
	"a nurse at the clinic", "the village elder", "a colleague at the newspaper",
	"the family's lawyer", "a former guard", "a shopkeeper across the street",
	"an official who asked not to be named", "students at the campus",
}

var reportVerbsB = []string{
	"told us", "wrote in a statement", "said in a recorded message", "testified",
	"posted the same evening", "confirmed by telephone", "claimed", "maintains",
	"disputes this and says", "repeated in court",
}

var detailsB = []string{
	"the arrest took place without a warrant", "no lawyer was present",
	"the detainee was blindfolded for the whole transfer", "the hearing lasted under ten minutes",
	"the family was not told where he was held", "the charges were read out only in Arabic",
	"the cell held more than forty people", "the body bore marks of beating",
	"the confession was broadcast on state television", "the bail was set at an unusual sum",
	"the internet was cut in the district for three days", "the phones of relatives were seized",
	"the checkpoint had been set up that morning", "the ambulance was held back for an hour",
	"the court refused to hear the defence witnesses", "the release came after a large payment",
}

var hedgesB = []string{
	"reportedly", "apparently", "according to several accounts", "it seems",
	"by most accounts", "allegedly", "as far as can be established",
}

var timesB = []string{
	"at dawn", "shortly before the evening call to prayer", "on a market day",
	"in the middle of the night", "during the holiday", "while the curfew was in force",
	"a week after the elections", "on the first day of the trial", "as the crowd dispersed",
}

var headingsB = []string{
	"Background", "What happened", "The arrest", "Detention", "Trial", "Accounts of witnesses",
	"Official response", "The family's account", "Legal proceedings", "Aftermath",
	"Timeline", "Open questions", "Documents", "Medical evidence", "Related cases",
}

var languagesCodeB = []string{"json", "yaml", "text"}
