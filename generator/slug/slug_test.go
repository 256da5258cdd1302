package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tehran Shooting", "tehran-shooting"},
		{"  Ikramuddin  Sari  ", "ikramuddin-sari"},
		{"Ikramuddin Sarī", "ikramuddin-sari"}, // accents dropped, letters kept
		{"Ikramuddin Sarı", "ikramuddin-sari"}, // dotless i has no decomposition
		{"Ikramuddin-Sarı.md", "ikramuddin-sari-md"},
		{"Crème Brûlée", "creme-brulee"},
		{"Straße", "strasse"},
		{"Łódź Ærø Þór", "lodz-aero-thor"},
		{"IRAN", "iran"},
		{"2025-12-24 Tehran", "2025-12-24-tehran"},
		{"a--b__c", "a-b-c"},
		{"ایران", "ایران"},         // other scripts are kept
		{"مُحَمَّد", "محمد"},       // Arabic marks go, as accents do
		{"نیم‌فاصله", "نیم-فاصله"}, // the zero-width non-joiner separates
		{"آزادی", "ازادی"},         // alef with madda loses the madda
		{"서울 2024", "서울-2024"},     // Hangul comes back whole
		{"Москва", "москва"},       // Cyrillic is kept, lowercased
		{"۱۴۰۴ year", "۱۴۰۴-year"}, // any digits are kept
		{"!!!", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ikramuddin-Sarı", "ikramuddin-sari"},
		{"Grace Hopper", "grace-hopper"},
		{"Bad Name", "bad-name"},
		{"TEHRAN", "tehran"},
		{"ایران", ""},    // not ASCII: no id to suggest
		{"Москва 2", ""}, // nor here: an id is all ASCII
		{"---", ""},
		{"Éric  Zémmour", "eric-zemmour"},
		{"__src__A__", "src-a"},
		{"2025_12_24 Tehran", "2025-12-24-tehran"},
		{"ناوی", ""},
	}
	for _, tt := range tests {
		got := ID(tt.in)
		if got != tt.want {
			t.Errorf("ID(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got != "" && !IDPattern.MatchString(got) {
			t.Errorf("ID(%q) = %q, which is not an id", tt.in, got)
		}
	}
}

func TestIDPattern(t *testing.T) {
	tests := []struct {
		id string
		ok bool
	}{
		{"grace-hopper", true},
		{"2025-12-24-tehran-shooting", true},
		{"src-a1", true},
		{"Grace-Hopper", false},
		{"grace--hopper", false},
		{"-grace", false},
		{"grace-", false},
		{"grace_hopper", false},
		{"sarī", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IDPattern.MatchString(tt.id); got != tt.ok {
			t.Errorf("IDPattern matches %q = %v, want %v", tt.id, got, tt.ok)
		}
	}
}

func TestSplitDate(t *testing.T) {
	tests := []struct{ id, date, rest string }{
		{"2025-12-24-tehran-shooting", "2025-12-24", "tehran-shooting"},
		{"2025-09-mashhad-killing", "2025-09", "mashhad-killing"},
		{"2021-fall-of-kabul", "2021", "fall-of-kabul"},
		{"2025-12-24", "2025-12-24", ""},
		{"2025", "2025", ""},
		{"tehran-shooting", "", "tehran-shooting"},
		{"202-x", "", "202-x"},
		{"2025-1-x", "2025", "1-x"},
	}
	for _, tt := range tests {
		if d, r := SplitDate(tt.id); d != tt.date || r != tt.rest {
			t.Errorf("SplitDate(%q) = %q, %q; want %q, %q", tt.id, d, r, tt.date, tt.rest)
		}
	}
}
