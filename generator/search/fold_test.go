package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldCases are folded by Go here and by search.js in TestNodeFoldsAlike.
var foldCases = []struct{ in, want string }{
	{"Péter", "peter"},
	{"Pe\u0301ter", "peter"}, // already decomposed
	{"Ekramuddin", "ekramuddin"},
	{"Khosh-Eghbal", "khosh-eghbal"},
	{"ḤASAN", "hasan"},
	{"ʿAlī", "ʿali"},
	{"Straße", "strasse"},
	{"İstanbul", "istanbul"},
	{"Kırıkkale", "kirikkale"},
	{"Łódź", "lodz"},
	{"Ørsted", "orsted"},
	{"Ćosić", "cosic"},
	{"São Paulo", "sao paulo"},
	{"Nguyễn Văn", "nguyen van"},
	{"Æsir Œuvre", "aesir oeuvre"},
	{"ΟΔΟΣ", "οδοσ"},
	{"Ёлка", "елка"},
	{"عَلِي", "علی"},
	{"كابل", "کابل"},
	{"تهران", "تهران"},
	{"ساري", "ساری"},   // Arabic yeh, as an Arabic keyboard types it
	{"مدرسة", "مدرسه"}, // teh marbuta
	{"خانۀ", "خانه"},   // heh with yeh above
	{"آذر أفغانستان إسلام", "اذر افغانستان اسلام"}, // madda and hamza carriers
	{"سؤال مسئول", "سوال مسیول"},
	{"مـحـمـد", "محمد"},                // tatweel
	{"مُحَمَّد", "محمد"},               // harakat and shadda
	{"می\u200cخواهم", "می\u200cخواهم"}, // ZWNJ is left to the tokenizer
	{"۲۴ اسد ۱۴۰۰", "24 اسد 1400"},     // Persian digits
	{"٢٠٢١", "2021"},                   // Arabic-Indic digits
	{"ﬁnance", "ﬁnance"},               // compatibility ligatures are left alone, as NFD does
	{"𝐀bc", "𝐀bc"},
	{"</script>", "</script>"},
	{"", ""},
}

func TestFold(t *testing.T) {
	for _, c := range foldCases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Khosh-Eghbal", []string{"khosh", "eghbal", "khosheghbal"}},
		{"Ikramuddin Saree", []string{"ikramuddin", "saree"}},
		{"ʿAlī ibn Abī Ṭālib", []string{"ali", "ibn", "abi", "talib"}},
		{"Taliban’s reach", []string{"taliban", "s", "talibans", "reach"}},
		{"Jabha-ye Moqawemat-e Milli", []string{"jabha", "ye", "jabhaye", "moqawemat", "e", "moqawemate", "milli"}},
		{"2025-12-24", []string{"2025", "12", "24", "20251224"}},
		{"war - peace -- x-", []string{"war", "peace", "x"}},
		{"می\u200cخواهم", []string{"می", "خواهم", "میخواهم"}},
		{"ساري\u200cها ۱۴۰۴", []string{"ساری", "ها", "ساریها", "1404"}},
		{"(Tehran), Iran.", []string{"tehran", "iran"}},
		{"</script><script>alert(1)</script>", []string{"script", "script", "alert", "1", "script"}},
	} {
		if got := tokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTerms(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"  Khosh-Eghbal ", []string{"khosh", "eghbal"}},
		{"ʿAlī", []string{"ali"}},
		{"Saree, Ikramuddin", []string{"saree", "ikramuddin"}},
	} {
		if got := terms(c.in); !slices.Equal(got, c.want) {
			t.Errorf("terms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCompareUTF16(t *testing.T) {
	// U+FB01 sorts after U+1D400 in UTF-16 (surrogates are 0xD8xx),
	// before it in UTF-8.
	words := []string{"ﬁ", "𝐀", "b", "a", "ab"}
	slices.SortFunc(words, compareUTF16)
	want := []string{"a", "ab", "b", "𝐀", "ﬁ"}
	if !slices.Equal(words, want) {
		t.Errorf("sorted %q, want %q", words, want)
	}
}

// TestTokensASCII checks every ASCII character between two letters:
// letters and digits are in the word, joiners join two parts, anything
// else splits it.
func TestTokensASCII(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		s := "x" + string(rune(c)) + "y"
		var want []string
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			want = []string{s}
		case 'A' <= c && c <= 'Z':
			want = []string{"x" + string(rune(c+'a'-'A')) + "y"}
		case c == '-' || c == '\'' || c == '`':
			want = []string{"x", "y", "xy"}
		default:
			want = []string{"x", "y"}
		}
		if got := tokens(s); !slices.Equal(got, want) {
			t.Errorf("tokens(%q) = %q, want %q", s, got, want)
		}
	}
}

// foldWhole is Fold as it was written first: the whole text normalized,
// then folded a rune at a time. Fold normalizes each run of non-ASCII
// runes on its own, which FuzzFold holds to the same result.
func foldWhole(s string) string {
	var b []byte
	for _, r := range norm.NFD.String(s) {
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(unicode.ToLower(r)))
		case isStrippedMark(r):
		case digit(r) >= 0:
			b = append(b, byte('0'+digit(r)))
		default:
			r = unicode.ToLower(r)
			if f, ok := folds[r]; ok {
				b = append(b, f...)
			} else {
				b = utf8.AppendRune(b, r)
			}
		}
	}
	return string(b)
}

func FuzzFold(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.in)
	}
	for _, s := range []string{
		"e\u0327\u0301x", "Ae\u0301\u0327B", "a\u0301\u0301\u0301" + strings.Repeat("\u0301", 40) + "b",
		"“Quoted” — Kābul’s", "\xe2(\xff)\xc3", "x\u0345\u0301", "Ǆ ǅ ǆ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldWhole(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
