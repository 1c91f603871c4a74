package hyphen

import (
	"strings"
	"sync"
	"unicode"
)

// runeSet is a set of letters with a constant-time test for Latin and Cyrillic letters.
type runeSet struct {
	bits [tableSize/64 + 1]uint64
	rest string // members outside the table
}

func newRuneSet(letters string) runeSet {
	var s runeSet
	for _, r := range letters {
		if r >= 0 && r < tableSize {
			s.bits[r/64] |= 1 << (r % 64)
		} else {
			s.rest += string(r)
		}
	}
	return s
}

func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < tableSize {
		return s.bits[r/64]&(1<<(r%64)) != 0
	}
	return s.rest != "" && strings.ContainsRune(s.rest, r)
}

func (i runeInfo) is(flag uint8) bool { return i.props&flag != 0 }

// Letter properties of the runes below tableSize, looked up instead of computed: the unicode
// package's range tables dominate the cost of hyphenating a word otherwise.
const (
	propLetter uint8 = 1 << iota
	propUpper
	propMark
	propDigit
	propCyrillic
	propLatin
)

type runeInfo struct {
	lower rune
	props uint8
}

var runeTable = sync.OnceValue(func() *[tableSize]runeInfo {
	var t [tableSize]runeInfo
	for r := rune(0); r < tableSize; r++ {
		t[r] = computeProps(r)
	}
	return &t
})

// props returns the properties and lower case of r.
func props(r rune) runeInfo {
	if r >= 0 && r < tableSize {
		return runeTable()[r]
	}
	return computeProps(r)
}

func computeProps(r rune) runeInfo {
	info := runeInfo{lower: unicode.ToLower(r)}
	set := func(flag uint8, is bool) {
		if is {
			info.props |= flag
		}
	}
	set(propLetter, unicode.IsLetter(r))
	set(propUpper, unicode.IsUpper(r))
	set(propMark, unicode.Is(unicode.Mn, r))
	set(propDigit, unicode.IsDigit(r))
	set(propCyrillic, unicode.Is(unicode.Cyrillic, r))
	set(propLatin, unicode.Is(unicode.Latin, r))
	return info
}
