package hyphen

// syllableRules describe the phonology a rule-based language needs for syllable division.
type syllableRules struct {
	vowels    runeSet // letters that always write a vowel
	glideU    bool    // у next to a vowel writes the consonant /w/ (Kazakh)
	sonorants runeSet // consonants that are not obstruents
	signs     runeSet // letters that never begin a syllable (ь, ъ)
	// longVowels: a doubled vowel letter writes one long vowel (Kyrgyz маа-лы-мат).
	longVowels bool
	// loanOnsets: an obstruent followed by р or л at the end of a longer cluster begins the
	// next syllable (экс-тре-мизм, кон-тра-бан-да). Native Kazakh and Kyrgyz words never join
	// such a pair across a syllable boundary; Tajik compounds do (даст-ра-сӣ).
	loanOnsets bool
}

func kazakhRules() *syllableRules {
	return &syllableRules{vowels: newRuneSet("аәеёиоөұүыіэюя"), glideU: true,
		sonorants: newRuneSet("йрлмнңу"), signs: newRuneSet("ьъ"), loanOnsets: true}
}

func kyrgyzRules() *syllableRules {
	return &syllableRules{vowels: newRuneSet("аеёиоөуүыэюя"), sonorants: newRuneSet("йрлмнң"),
		signs: newRuneSet("ьъ"), longVowels: true, loanOnsets: true}
}

func tajikRules() *syllableRules {
	return &syllableRules{vowels: newRuneSet("аеёиоуӯӣэюя"), sonorants: newRuneSet("йрлмн"),
		signs: newRuneSet("ьъ")}
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
		case s.vowels.has(r):
			cls[i] = vowel
		case s.signs.has(r):
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
	n, last, prev := 0, -1, -1 // how many consonants; the last and the one before it
	for i := b - 1; i >= a; i-- {
		if cls[i] != consonant {
			continue
		}
		n++
		switch n {
		case 1:
			last = i
		case 2:
			prev = i
		}
	}
	switch {
	case n <= 2: // ба-ла, ал-ма
		return last
	case word[prev] == 'с' && word[last] == 'т' && hasAt(word, b, "ан"): // Қа-зақ-стан
		return prev
	case s.loanOnsets && !s.sonorant(word[prev]) && (word[last] == 'р' || word[last] == 'л'):
		return prev // экс-тре-мизм
	default: // айт-ты, ко-декс-тің, ми-нистр-лер, даст-гир
		return last
	}
}

// hasAt reports whether word continues with s at index i.
func hasAt(word []rune, i int, s string) bool {
	for _, r := range s {
		if i >= len(word) || word[i] != r {
			return false
		}
		i++
	}
	return true
}

func (s *syllableRules) sonorant(r rune) bool { return s.sonorants.has(r) }
