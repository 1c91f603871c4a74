package wpimport

import (
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := map[string]string{
		"Kazakhstan is a country that has worked hard": "en",
		"Қазақстан – бұл өз халқы мен бүкіл әлемге өзін Орталық Азияны":    "kk",
		"Бул басылма Кыргызстандагы адам укуктарынын абалы жөнүндө":        "ky",
		"Таджикистан расположен между Кыргызстаном на севере":              "ru",
		"Ҷумҳурии Тоҷикистон давлати соҳибихтиёр, демократӣ ва ҳуқуқбунёд": "tg",
		"1234 — !!": "",
		"Қазақстанның LGBTQ+ құқықтары, COVID-19 and QDT, Vlast.kz сайтында": "kk",
	}
	for in, want := range tests {
		if got := DetectLanguage(in); got != want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClassifyTitle(t *testing.T) {
	tests := []struct{ title, kind, name string }{
		{"Retreating Rights - Kazakhstan: Executive Summary", KindSummary, "Executive Summary"},
		{"Retreating Rights - Kazakhstan: Introduction", KindIntroduction, "Introduction"},
		{"Retreating Rights - Kazakhstan: Conclusions and Recommendations", KindConclusions, "Conclusions and Recommendations"},
		{"Құқықтық шегініс - Қазақстанд: Талдамалы жазба", KindSummary, "Талдамалы жазба"},
		{"Кіріспе: Қазақстандағы адам құқықтарына қысым көрсету туралы зерттеу", KindIntroduction, "Кіріспе"},
		{"Құқықтық шегініс - Қазақстанд: Қорытынды мен ұсыныстар", KindConclusions, "Қорытынды мен ұсыныстар"},
		{"Исчезающие права - Таджикистане: Краткий обзор", KindSummary, "Краткий обзор"},
		{"Введение: Как исчезают права в Таджикистане", KindIntroduction, "Введение"},
		{"Исчезающие права - Таджикистане: Выводы и рекомендации", KindConclusions, "Выводы и рекомендации"},
		{"Retreating Rights - Кыскача мазмун", KindSummary, "Кыскача мазмун"},
		{"Responding to retreating rights in Kyrgyzstan, Tajikistan and Kazakhstan", KindOverview, "Responding to retreating rights in Kyrgyzstan, Tajikistan and Kazakhstan"},
		{"Hello world!", "", "Hello world!"},
	}
	for _, tt := range tests {
		kind, name := ClassifyTitle(tt.title)
		if kind != tt.kind || name != tt.name {
			t.Errorf("ClassifyTitle(%q) = %q, %q; want %q, %q", tt.title, kind, name, tt.kind, tt.name)
		}
	}
}

func TestClassifyReport(t *testing.T) {
	tests := []struct{ title, body, want string }{
		{"Retreating Rights - Kazakhstan: Introduction", "", "kazakhstan"},
		{"Введение: Как исчезают права в Таджикистане", "", "tajikistan"},
		{"Responding to retreating rights in Kyrgyzstan, Tajikistan and Kazakhstan", "", "series"},
		{"Retreating Rights - Кыскача мазмун", "Кыргызстан Кыргызстандын Кыргызстанда Кыргызстанга Кыргызстан", "kyrgyzstan"},
		{"", "Кыргызстан Кыргызстан Кыргызстан Кыргызстан Кыргызстан Қазақстан", "kyrgyzstan"},
		{"", "Kazakhstan Kazakhstan Kazakhstan Kyrgyzstan Kyrgyzstan Kyrgyzstan", ""},
		{"Fragile and conflict-affected states", "The UK should engage in FCACs.", ""},
	}
	for _, tt := range tests {
		if got := ClassifyReport(tt.title, tt.body); got != tt.want {
			t.Errorf("ClassifyReport(%q, …) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestUnprintable(t *testing.T) {
	n, scripts := unprintable("Kazakh Қазақ Ελληνικά Հայերեն ✓")
	if n != 16 || strings.Join(scripts, ",") != "Greek,Armenian,U+2713" {
		t.Errorf("unprintable = %d, %v", n, scripts)
	}
	if n, _ := unprintable("Қазақстан – «Көше» £ € façade"); n != 0 {
		t.Errorf("the corpus's characters must be printable, %d are not", n)
	}
}
