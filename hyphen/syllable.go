package hyphen

import "strings"

// syllableRules describe the phonology a rule-based language needs for syllable division.
type syllableRules struct {
	vowels    string // letters that always write a vowel
	glideU    bool   // у next to a vowel writes the consonant /w/ (Kazakh)
	sonorants string // consonants that may close a syllable before an obstruent
	signs     string // letters that never begin a syllable (ь, ъ)
	// codas lists consonant pairs that end a syllable before a third consonant, as they end
	// words (Tajik даст, дошт, шаҳр; loanwords кодекс, протест, субъект, цифр).
	codas [][2]rune
	// longVowels: a doubled vowel letter writes one long vowel (Kyrgyz маа-лы-мат).
	longVowels bool
}

// commonCodas are the final consonant pairs shared by the three languages and the Russian
// loanwords they use.
func commonCodas() [][2]rune {
	return [][2]rune{{'с', 'т'}, {'ш', 'т'}, {'х', 'т'}, {'ф', 'т'}, {'к', 'т'}, {'к', 'с'}, {'ф', 'р'}, {'ҳ', 'р'}}
}

func kazakhRules() *syllableRules {
	return &syllableRules{vowels: "аәеёиоөұүыіэюя", glideU: true, sonorants: "йрлмнңу", signs: "ьъ",
		codas: commonCodas()}
}

func kyrgyzRules() *syllableRules {
	return &syllableRules{vowels: "аеёиоөуүыэюя", sonorants: "йрлмнң", signs: "ьъ",
		codas: commonCodas(), longVowels: true}
}

func tajikRules() *syllableRules {
	return &syllableRules{vowels: "аеёиоуӯӣэюя", sonorants: "йрлмн", signs: "ьъ",
		codas: commonCodas()}
}

type class uint8

const (
	consonant class = iota
	vowel
	sign
)

// classify labels every letter of word as vowel, consonant or sign.
func (s *syllableRules) classify(word []rune, cls []class) {
	for i, r := range word {
		switch {
		case strings.ContainsRune(s.vowels, r):
			cls[i] = vowel
		case strings.ContainsRune(s.signs, r):
			cls[i] = sign
		case r == 'у':
			cls[i] = vowel
		default:
			cls[i] = consonant
		}
	}
	if !s.glideU {
		return
	}
	// Kazakh у is /w/ after a vowel (тау, сауда) and before a vowel at the start of a word
	// (уақыт); after a consonant it is the vowel /uw/ (оқу, шаруа).
	for i, r := range word {
		if r != 'у' {
			continue
		}
		afterVowel := i > 0 && cls[i-1] == vowel && word[i-1] != 'у'
		initialGlide := i == 0 && i+1 < len(word) && cls[i+1] == vowel && word[i+1] != 'у'
		if afterVowel || initialGlide {
			cls[i] = consonant
		}
	}
}

// mark sets marks[k] to 1 where word may break before letter k: once between every two
// syllable nuclei, so that no fragment is without a vowel.
func (s *syllableRules) mark(word []rune, marks []uint8) {
	var buf [maxLetters]class
	cls := buf[:len(word)]
	s.classify(word, cls)
	prev := -1 // last vowel of the previous nucleus
	for i := range word {
		if cls[i] != vowel {
			continue
		}
		switch {
		case prev < 0:
		case i == prev+1:
			if !s.longVowels || word[i] != word[prev] { // Kyrgyz аа, уу...: one long vowel
				marks[i] = 1
			}
		default:
			marks[s.clusterBreak(word, cls, prev+1, i)] = 1
		}
		prev = i
	}
}

// clusterBreak chooses where the consonants word[a:b] between two vowels divide.
func (s *syllableRules) clusterBreak(word []rune, cls []class, a, b int) int {
	for a < b && cls[a] == sign { // a sign right after a vowel closes its syllable (маъ-но)
		a++
	}
	if a == b || cls[b-1] == sign { // a sign before a vowel stays behind (ҷамъ-ият, объ-ект)
		return b
	}
	var starts [3]int // first letters of the first three consonants
	n := 0
	for i := a; i < b && n < len(starts); i++ {
		if cls[i] == consonant {
			starts[n] = i
			n++
		}
	}
	switch {
	case n == 1: // ба-ла
		return starts[0]
	case n == 2: // ал-ма
		return starts[1]
	case s.sonorant(word[starts[0]]) && !s.sonorant(word[starts[1]]): // айт-ты, дарс-хо-на
		return starts[2]
	case s.coda(word[starts[0]], word[starts[1]]): // даст-гир, ко-декс-тің
		return starts[2]
	default: // Қазақ-стан
		return starts[1]
	}
}

func (s *syllableRules) sonorant(r rune) bool { return strings.ContainsRune(s.sonorants, r) }

func (s *syllableRules) coda(a, b rune) bool {
	for _, c := range s.codas {
		if c == [2]rune{a, b} {
			return true
		}
	}
	return false
}
