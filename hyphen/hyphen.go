package hyphen

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// maxLetters is the longest word segment (in letters) that is hyphenated; longer runs of
// letters are not words of any supported language and get no break points.
const maxLetters = 64

// Hyphenator finds the break points of words in one language. It is immutable after
// construction and safe for concurrent use.
type Hyphenator struct {
	lang       string
	leftMin    int // letters before the first break
	rightMin   int // letters after the last break
	cyrillic   bool
	vowels     runeSet        // vowel letters, for checking the fragments that patterns leave
	trie       *trie          // Liang patterns (en, ru); nil for rule-based languages
	rules      *syllableRules // syllable rules (kk, ky, tg); nil for pattern languages
	exceptions map[string][]uint8
	// stems are bindery's own entries (extra/), which also govern the start of longer words:
	// the inflected forms of a compound (Жаңаөзенде, кәсіподақтар) break inside the stem only
	// where the entry does.
	stems []stem
}

// stem is a word of bindery's exception lists as a prefix: its lower-cased letters and the
// letter counts before which it may break.
type stem struct {
	key    string
	n      int // letters
	breaks []uint8
}

// Lang returns the tag of the pattern or rule set in use, such as "en-gb" or "kk".
func (h *Hyphenator) Lang() string { return h.lang }

// MinFragments returns the minimum number of letters before the first and after the last
// break point.
func (h *Hyphenator) MinFragments() (left, right int) { return h.leftMin, h.rightMin }

// Hyphenate returns the byte offsets inside word where a break with a hyphen is allowed,
// ascending, honouring the language's minimum fragment lengths. A break at offset i prints
// word[:i] + "-" and then word[i:] on the next line. Words with letters of another script,
// digits, URLs and other symbols, all-capital abbreviations and mixed-case names get no points.
// If word contains U+00AD soft hyphens, they are the only break points, reported at the offset
// of each U+00AD (renderers never draw U+00AD).
func (h *Hyphenator) Hyphenate(word string) []int {
	var buf [maxLetters]int
	pts := h.AppendPoints(buf[:0], word)
	if len(pts) == 0 {
		return nil
	}
	return slices.Clone(pts)
}

// AppendPoints appends the break points of word, as Hyphenate returns them, to dst. With a
// reused dst it does not allocate.
func (h *Hyphenator) AppendPoints(dst []int, word string) []int {
	start, end := trimWord(word)
	if start >= end {
		return dst
	}
	core := word[start:end]
	if hasSoftHyphen(core) {
		return appendSoftHyphens(dst, core, start)
	}
	if !h.acceptable(core) {
		return dst
	}
	seg := -1
	for i, r := range core {
		if isSeparator(r) {
			if seg >= 0 {
				dst = h.segment(dst, word, start+seg, start+i)
			}
			seg = -1
		} else if seg < 0 {
			seg = i
		}
	}
	if seg >= 0 {
		dst = h.segment(dst, word, start+seg, end)
	}
	return dst
}

// trimWord returns the bounds of word without leading and trailing runes that are neither
// letters nor digits (quotes, brackets, punctuation), so digits still disqualify the word.
func trimWord(word string) (start, end int) {
	start, end = 0, len(word)
	for start < end {
		r, n := utf8.DecodeRuneInString(word[start:])
		if props(r).is(propLetter | propDigit) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(word[start:end])
		if props(r).is(propLetter | propDigit | propMark) {
			break
		}
		end -= n
	}
	return start, end
}

const softHyphen = '\u00ad'

func hasSoftHyphen(s string) bool {
	for _, r := range s {
		if r == softHyphen {
			return true
		}
	}
	return false
}

func appendSoftHyphens(dst []int, core string, base int) []int {
	for i, r := range core {
		if r == softHyphen && i > 0 && i+utf8.RuneLen(r) < len(core) {
			dst = append(dst, base+i)
		}
	}
	return dst
}

// isSeparator reports the characters that split a word into separately hyphenated segments:
// hyphens (a line may already break after them, without an added hyphen) and apostrophes.
func isSeparator(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\'', '\u2019', '\u02bc':
		return true
	}
	return false
}

// acceptable reports whether core is a word this hyphenator may break: only letters of its
// script, combining marks and separators.
func (h *Hyphenator) acceptable(core string) bool {
	script := propLatin
	if h.cyrillic {
		script = propCyrillic
	}
	for _, r := range core {
		p := props(r)
		switch {
		case isSeparator(r) || p.is(propMark):
		case !p.is(propLetter) || !p.is(script):
			return false
		}
	}
	return true
}

// letters holds the lower-cased letters of one segment and their byte offsets in the word.
type letters struct {
	runes [maxLetters]rune
	offs  [maxLetters]int
	key   [maxLetters * 4]byte
	n     int
	nkey  int
}

// collect fills l from word[s:e] and reports whether the segment may be hyphenated: not an
// all-capital abbreviation, no capital after a small letter, not too long.
func (l *letters) collect(word string, s, e int) bool {
	upper, lowerSeen := 0, false
	for i, r := range word[s:e] {
		p := props(r)
		if p.is(propMark) {
			continue // stress accents and other marks belong to the letter before them
		}
		if l.n == maxLetters {
			return false
		}
		if p.is(propUpper) {
			if lowerSeen {
				return false
			}
			upper++
		} else {
			lowerSeen = true
		}
		l.runes[l.n], l.offs[l.n] = p.lower, s+i
		l.n++
		l.nkey += utf8.EncodeRune(l.key[l.nkey:], p.lower)
	}
	return !(upper > 1 && !lowerSeen)
}

// segment appends the break points of the letters word[s:e].
func (h *Hyphenator) segment(dst []int, word string, s, e int) []int {
	var l letters
	if !l.collect(word, s, e) || l.n < h.leftMin+h.rightMin {
		return dst
	}
	var marks [maxLetters + 3]uint8 // marks[k] odd: break before letter k
	brk, exception := h.exceptions[string(l.key[:l.nkey])]
	switch {
	case exception:
		for _, k := range brk {
			marks[k] = 1
		}
	case h.trie != nil:
		h.applyPatterns(&l, marks[:])
	default:
		h.rules.mark(l.runes[:l.n], marks[:])
	}
	if !exception {
		h.applyStem(&l, marks[:])
	}
	var ks [maxLetters]int
	n := 0
	for k := h.leftMin; k <= l.n-h.rightMin; k++ {
		if marks[k]%2 == 1 {
			ks[n] = k
			n++
		}
	}
	if h.trie != nil && !exception {
		n = keepSyllables(l.runes[:l.n], ks[:n], &h.vowels)
	}
	for _, k := range ks[:n] {
		dst = append(dst, l.offs[k])
	}
	return dst
}

// applyStem replaces the marks inside the longest stem the segment starts with by the stem's.
func (h *Hyphenator) applyStem(l *letters, marks []uint8) {
	key := string(l.key[:l.nkey])
	best := -1
	for i, st := range h.stems {
		if st.n < l.n && strings.HasPrefix(key, st.key) && (best < 0 || st.n > h.stems[best].n) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	st := h.stems[best]
	for k := 1; k < st.n; k++ {
		marks[k] = 0
	}
	for _, k := range st.breaks {
		marks[k] = 1
	}
}

// keepSyllables removes pattern breaks that would leave a fragment without a vowel (the
// Russian patterns give па-т-ро-наж, Ма-дж-ли-си, Ра-шт) or start one with ь or ъ. Of two
// breaks around a vowel-less fragment the later one stays (меж-эт-ни-че-ско-го, not
// ме-жэт-), as it usually follows the consonants that close a prefix or stem. It works in
// place and returns how many of ks remain.
func keepSyllables(word []rune, ks []int, vowels *runeSet) int {
	out := ks[:0]
	for _, k := range ks {
		if word[k] == 'ь' || word[k] == 'ъ' {
			continue
		}
		from := 0
		if len(out) > 0 {
			from = out[len(out)-1]
		}
		switch {
		case hasVowel(word[from:k], vowels):
			out = append(out, k)
		case len(out) > 0:
			out[len(out)-1] = k
		}
	}
	for len(out) > 0 && !hasVowel(word[out[len(out)-1]:], vowels) {
		out = out[:len(out)-1]
	}
	return len(out)
}

func hasVowel(rs []rune, vowels *runeSet) bool {
	for _, r := range rs {
		if vowels.has(r) {
			return true
		}
	}
	return false
}

// applyPatterns runs the Liang patterns and leaves in marks[k] the value before letter k.
func (h *Hyphenator) applyPatterns(l *letters, marks []uint8) {
	var codes [maxLetters + 2]uint8
	dot := h.trie.abc.code('.')
	codes[0], codes[l.n+1] = dot, dot
	for i, r := range l.runes[:l.n] {
		codes[i+1] = h.trie.abc.code(r)
	}
	var points [maxLetters + 3]uint8
	h.trie.apply(codes[:l.n+2], points[:l.n+3])
	// points[j] lies before codes[j]; letter k is codes[k+1].
	copy(marks, points[1:l.n+1])
}
