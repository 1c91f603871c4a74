package wpimport

import (
	"testing"
)

// TestGluedHeading covers headings glued to their paragraph (INVENTORY
// §3.2, T6).
func TestGluedHeading(t *testing.T) {
	known := knownHeadings([]string{"Extra heading"})
	tests := []struct{ in, head, rest string }{
		{"A very brief history of KazakhstanThe vast expanse", "A very brief history of Kazakhstan", "The vast expanse"},
		{"Тәуелсіз ҚазақстанҚазақстан тәуелсіздік алғаннан", "Тәуелсіз Қазақстан", "Қазақстан тәуелсіздік алғаннан"},
		{"1997-2014Несмотря на это", "1997-2014", "Несмотря на это"},
		{"COVID-19COVID-19 дағдарысы", "COVID-19", "COVID-19 дағдарысы"},
		{"Права женщин и меньшинствВ таджикском обществе", "Права женщин и меньшинств", "В таджикском обществе"},
		{"Key recommendations Based on the findings", "Key recommendations", "Based on the findings"},
		{"Рекомендации правительству Таджикистана Существует", "Рекомендации правительству Таджикистана", "Существует"},
		{"Extra heading Then a paragraph", "Extra heading", "Then a paragraph"},
		{"YouTube channels were blocked in 2020.", "", ""},
		{"McCloskey wrote that the state", "", ""},
		{"The state. ThenKazakhstan glued later", "", ""},
		{"openDemocracy reported", "", ""},
		{"Recommendations are not a heading here", "", ""},
	}
	for _, tt := range tests {
		h, rest := gluedHeading(tt.in, known)
		if h != tt.head || rest != tt.rest {
			t.Errorf("gluedHeading(%q) = %q, %q; want %q, %q", tt.in, h, rest, tt.head, tt.rest)
		}
	}
}

func TestLooksLikeHeading(t *testing.T) {
	for in, want := range map[string]bool{
		"Жапаровдун көтөрүлүшү":                               true,
		"The situation today: Politics and protest":           true,
		"Analysis of the period showed the following trends:": false,
		"A full sentence.":                         false,
		"ends with a marker[12]":                   false,
		"lower-case start":                         false,
		"Visit https://example.org for the report": false,
	} {
		if got := looksLikeHeading(in); got != want {
			t.Errorf("looksLikeHeading(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestCredits covers image credits, alone and glued to a link word (T6).
func TestCredits(t *testing.T) {
	for in, want := range map[string]bool{
		"Image by Jussi Toivanen under (CC).":                                 true,
		"Фотография Rjruiziii под лицензией Creative Commons (CC).":           true,
		"Photo by David Mulder, published under Creative Commons.":            true,
		"Image quality of the reports was poor, as everyone noted at length.": false,
	} {
		if got := isCredit(in); got != want {
			t.Errorf("isCredit(%q) = %v, want %v", in, got, want)
		}
	}
	before, credit, ok := splitGluedCredit("can be accessed herePhoto by David Mulder, published under")
	if !ok || before != "can be accessed here" || credit != "Photo by David Mulder, published under" {
		t.Errorf("splitGluedCredit = %q, %q, %v", before, credit, ok)
	}
}

func TestEndsSentence(t *testing.T) {
	for in, want := range map[string]bool{
		"ill-treatment.’[3]": true, "коом": false, "here": false, "(CC).": true, "кармалган.”’[21]": true,
	} {
		if got := endsSentence(in); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", in, got, want)
		}
	}
}
