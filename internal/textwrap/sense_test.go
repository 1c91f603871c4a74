package textwrap

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func runes(s string) float64 { return float64(utf8.RuneCountInString(s)) }

// TestDisplay checks that display lines are broken by sense: the exact lines for titles of
// the corpus, and for every case the rules: each line fits, no line ends with a preposition,
// article or conjunction, the last line is not one word, and the lines are balanced.
func TestDisplay(t *testing.T) {
	tests := []struct {
		lang, text string
		measure    float64
		want       []string // nil: only the rules are checked
	}{
		{"en", "Retreating Rights: Examining the pressure on human rights in Kazakhstan", 40,
			[]string{"Retreating Rights:", "Examining the pressure", "on human rights in Kazakhstan"}},
		{"en", "Responding to retreating rights in Kyrgyzstan, Tajikistan and Kazakhstan", 40,
			[]string{"Responding to retreating rights", "in Kyrgyzstan, Tajikistan and Kazakhstan"}},
		{"en", "The state of the rule of law in the region", 24, nil},
		{"ru", "Исчезающие права: Исследование давления на права человека в Таджикистане", 36, nil},
		{"ru", "Доклад о положении с правами человека в Таджикистане", 30, nil},
		{"kk", "Құқықтық шегініс: Қазақстандағы адам құқықтарына қысым көрсету туралы зерттеу", 36, nil},
		{"kk", "Адам құқықтары және демократия туралы баяндама", 28, nil},
		{"ky", "Күчү жоголуп бараткан укуктар: Кыргызстан", 30, nil},
		{"ky", "Кыргызстандагы адам укуктары жана демократия боюнча баяндама", 30, nil},
		{"en", "Kazakhstan", 40, []string{"Kazakhstan"}},
		{"en", "A short title", 40, []string{"A short title"}},
	}
	for _, tc := range tests {
		got := Display(tc.text, tc.lang, runes, tc.measure)
		if tc.want != nil && !slices.Equal(got, tc.want) {
			t.Errorf("%s %q at %g:\n got %q\nwant %q", tc.lang, tc.text, tc.measure, got, tc.want)
		}
		if strings.Join(got, " ") != strings.Join(strings.Fields(tc.text), " ") {
			t.Errorf("%s %q: lines %q lose or change words", tc.lang, tc.text, got)
		}
		fewest := len(Lines(tc.text, func(l string) bool { return runes(l) <= tc.measure }))
		if len(got) > fewest+1 {
			t.Errorf("%s %q: %d lines where %d fit", tc.lang, tc.text, len(got), fewest)
		}
		widest, narrowest := 0.0, tc.measure
		for i, l := range got {
			w := runes(l)
			widest, narrowest = max(widest, w), min(narrowest, w)
			if w > tc.measure {
				t.Errorf("%s %q: line %q wider than %g", tc.lang, tc.text, l, tc.measure)
			}
			words := strings.Fields(l)
			if i+1 < len(got) && weakWord(tc.lang, trimWord(words[len(words)-1])) {
				t.Errorf("%s %q: line %q ends with a weak word (%q)", tc.lang, tc.text, l, got)
			}
			if i+1 == len(got) && i > 0 && len(words) == 1 {
				t.Errorf("%s %q: the last line %q is one word (%q)", tc.lang, tc.text, l, got)
			}
		}
		if len(got) > 1 && narrowest < 0.4*widest {
			t.Errorf("%s %q: unbalanced lines %q", tc.lang, tc.text, got)
		}
		t.Logf("%s %g: %q", tc.lang, tc.measure, got)
	}
}

// TestDisplayRules checks each rule against the line a greedy breaker would set.
func TestDisplayRules(t *testing.T) {
	tests := []struct {
		name, lang, text string
		measure          float64
		want             []string
	}{
		{"balanced", "en", "Human rights in the countries of Central Asia today", 40,
			[]string{"Human rights in the countries", "of Central Asia today"}},
		{"no orphan", "en", "Freedom of assembly under pressure everywhere", 38,
			[]string{"Freedom of assembly", "under pressure everywhere"}},
		{"after the colon", "en", "Kazakhstan: the pressure on civil society", 30,
			[]string{"Kazakhstan:", "the pressure on civil society"}},
		{"numeral with its word", "ky", "Кыргызстандагы шайлоо 2020 жылы өттү", 26,
			[]string{"Кыргызстандагы", "шайлоо 2020 жылы өттү"}},
		{"no conjunction at the end", "kk", "Адам құқықтары және демократия", 20,
			[]string{"Адам құқықтары", "және демократия"}},
		{"no preposition at the end", "ru", "Права человека в Центральной Азии", 22,
			[]string{"Права человека", "в Центральной Азии"}},
		{"one line stays one", "kk", "Редактор: Adam Hug", 40, []string{"Редактор: Adam Hug"}},
		{"no-break space holds", "en", "Retreating\u00a0Rights", 5, []string{"Retreating\u00a0Rights"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Display(tc.text, tc.lang, runes, tc.measure); !slices.Equal(got, tc.want) {
				t.Errorf("%q at %g:\n got %q\nwant %q (greedy %q)", tc.text, tc.measure, got, tc.want,
					Lines(tc.text, func(l string) bool { return runes(l) <= tc.measure }))
			}
		})
	}
}
