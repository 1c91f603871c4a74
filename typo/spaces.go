package typo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' }

// dashWidth returns how many runes the dash starting at rs[i] spans (2 for "--"), or 0 if
// rs[i] is no dash.
func dashWidth(rs []rune, i int) int {
	switch {
	case i >= len(rs):
		return 0
	case rs[i] == '-' && i+1 < len(rs) && rs[i+1] == '-':
		return 2
	case rs[i] == '-' || rs[i] == '–' || rs[i] == '—':
		return 1
	}
	return 0
}

// spacedDashAt reports whether a dash starts at rs[i] with a space or the segment's end
// after it.
func spacedDashAt(rs []rune, i int) bool {
	w := dashWidth(rs, i)
	return w > 0 && (i+w == len(rs) || isSpace(rs[i+w]))
}

// countedWord reports whether the word at rs[j] is what a numeral before it counts: a word of
// at least three small letters (not a conjunction such as и), and not one of the language's
// notCounted words (English "and", "the": "in 2019 the").
func (f *Fixer) countedWord(rs []rune, j int) bool {
	n := 0
	for j+n < len(rs) && unicode.IsLower(rs[j+n]) {
		n++
	}
	if n < 3 || (j+n < len(rs) && isLetter(rs[j+n])) {
		return false
	}
	return f.st.notCounted == nil || !f.st.notCounted[string(rs[j:j+n])]
}

// strayBefore reports whether the space at rs[i] is residue a typesetter removes: before
// punctuation that closes what precedes it ("год ."), or before a hyphen that joins a suffix or
// the second part of a compound to the word before ("мінез -құлқын", "ЕҚЫҰ -дағы", "99% -ға").
func (f *Fixer) strayBefore(rs []rune, i int) bool {
	p, nx := f.prev(), next(rs, i)
	if p == 0 || isSpace(p) || rs[i] != ' ' || i+1 >= len(rs) || rs[i+1] != nx {
		return false
	}
	if f.inAddress() {
		return false // after an address the space stays, so the address ends visibly
	}
	after := next(rs, i+1)
	switch {
	case strings.ContainsRune(".,;:!?)", nx):
		return after == 0 || isSpace(after) || strings.ContainsRune("»”’\")", after)
	case nx == '-' && dashWidth(rs, i+1) == 1:
		return isLetter(after) && (isLetter(p) || unicode.IsDigit(p) || p == '%')
	}
	return false
}

// inAddress reports whether the word being written looks like an address (it has a slash):
// a URL the URL rule did not catch, such as one written straight after a comma.
func (f *Fixer) inAddress() bool { return f.address }

// suffixHyphen reports whether the hyphen at rs[i] joins a suffix to a numeral or an acronym
// (8-март, 2017-жылы, EPCA-ны, 30-процентном): it becomes a non-breaking hyphen, U+2011.
func (f *Fixer) suffixHyphen(rs []rune, i int) bool {
	if i+1 >= len(rs) || !unicode.IsLower(rs[i+1]) {
		return false
	}
	p := f.prev()
	if f.inAddress() {
		return false
	}
	if unicode.IsDigit(p) || p == '%' {
		return true
	}
	k := 0
	for unicode.IsUpper(f.back(k)) {
		k++
	}
	return k >= 2 && !isLetter(f.back(k)) && !unicode.IsDigit(f.back(k))
}

// dash converts the dash at rs[i] and returns how many further runes it consumed.
func (f *Fixer) dash(rs []rune, i int) (rune, int) {
	w := dashWidth(rs, i)
	p := f.prev()
	if spacedRange(rs, i-1) { // the space before was dropped: 2005 – 2020
		return '–', 1
	}
	if w == 1 && rs[i] == '-' && unicode.IsDigit(p) && i+2 < len(rs) && rs[i+1] == ' ' &&
		unicode.IsDigit(rs[i+2]) && f.numberRange(append(rs[:i+1:i+1], rs[i+2:]...), i) {
		return '–', 1 // a range with a stray space after its hyphen: 1964- 1986
	}
	if w == 1 && rs[i] == '-' && f.suffixHyphen(rs, i) {
		return '\u2011', 0
	}
	if (p == 0 || isSpace(p)) && spacedDashAt(rs, i) {
		return f.st.dash, w - 1
	}
	if w == 1 && rs[i] == '-' && f.numberRange(rs, i) {
		return '–', 0
	}
	return rs[i], 0
}

// spacedRange reports whether the space at rs[i] begins " - ", " – " or " — " between two
// numbers (2005 – 2020, 2017 – 19), which is a range: the spaces go and the dash is an en dash.
func spacedRange(rs []rune, i int) bool {
	return i > 0 && i+3 < len(rs) && rs[i] == ' ' && unicode.IsDigit(rs[i-1]) &&
		dashWidth(rs, i+1) == 1 && rs[i+2] == ' ' && unicode.IsDigit(rs[i+3])
}

// numberRange reports whether the hyphen at rs[i] joins two plain numbers (1990-1995), not
// a part of a date, code or word (2021-07-22, COVID-19).
func (f *Fixer) numberRange(rs []rune, i int) bool {
	k := 0
	for unicode.IsDigit(f.back(k)) {
		k++
	}
	if k == 0 {
		return false
	}
	if before := f.back(k); before == '-' || isLetter(before) {
		return false
	}
	j := i + 1
	for j < len(rs) && unicode.IsDigit(rs[j]) {
		j++
	}
	if j == i+1 {
		return false
	}
	return j == len(rs) || (rs[j] != '-' && !isLetter(rs[j]))
}

// noBreakSpace reports whether the space at rs[i] must not break.
func (f *Fixer) noBreakSpace(rs []rune, i int) bool {
	if rs[i] == '\u00a0' {
		return true
	}
	nx := next(rs, i)
	p := f.prev()
	switch {
	case nx == 0 || p == 0:
		return false
	case spacedDashAt(rs, i+1), p == '№':
		return true
	case (nx == ',' || nx == ';' || nx == ':') && !isSpace(p):
		return true // a stray space before punctuation: no line may start with it
	case unicode.IsDigit(p) && f.st.tieCounted && f.countedWord(rs, i+1):
		return true // a numeral tied to the word it counts: 1994 году, 117 человек, 200 protestors
	case p == '.' && unicode.IsUpper(f.back(1)) && !isLetter(f.back(2)) && unicode.IsUpper(nx):
		return true // an initial: А. С. Пушкин
	case unicode.IsDigit(p):
		return f.unitAhead(rs, i+1) || f.digitGroupAhead(rs, i)
	case p == '.' && unicode.IsDigit(nx):
		var buf [24]byte
		w := f.wordBack(&buf, 1)
		return len(w) > 0 && f.st.numberAbbr[string(append(w, '.'))]
	case isLetter(p) && f.st.glueNext != nil && !unicode.IsSpace(nx) && f.shortWordBack():
		return true
	}
	return isLetter(p) && f.particleAhead(rs, i+1)
}

// shortWordBack reports whether the word just written is one that glueNext ties to the next.
func (f *Fixer) shortWordBack() bool {
	var buf [24]byte
	w := f.wordBack(&buf, 0)
	return len(w) > 0 && f.st.glueNext[string(w)]
}

// particleAhead reports whether rs[j:] starts with a word that glueBack ties to the word
// before it (Russian ли, же, бы).
func (f *Fixer) particleAhead(rs []rune, j int) bool {
	if f.st.glueBack == nil {
		return false
	}
	var buf [16]byte
	w := buf[:0]
	for e := j; e < len(rs) && isLetter(rs[e]); e++ {
		if e-j == 3 {
			return false
		}
		w = utf8.AppendRune(w, unicode.ToLower(rs[e]))
	}
	return len(w) > 0 && f.st.glueBack[string(w)]
}

// wordBack writes into buf the lower-case word that ends k runes back in the output, if it is
// at most five letters long, and returns the UTF-8 bytes used.
func (f *Fixer) wordBack(buf *[24]byte, k int) []byte {
	n := 0
	for isLetter(f.back(k + n)) {
		if n == 5 {
			return nil
		}
		n++
	}
	out := buf[:0]
	for j := n - 1; j >= 0; j-- {
		out = utf8.AppendRune(out, unicode.ToLower(f.back(k+j)))
	}
	return out
}

// unitAhead reports whether a unit or number word from the language's list starts at rs[j].
func (f *Fixer) unitAhead(rs []rune, j int) bool {
	if j < len(rs) && rs[j] == '%' {
		return true
	}
	e := j
	for e < len(rs) && (isLetter(rs[e]) || unicode.IsDigit(rs[e])) && e-j < 12 {
		e++
	}
	if e == j || (e < len(rs) && isLetter(rs[e])) {
		return false
	}
	var buf [64]byte
	w := buf[:0]
	for _, r := range rs[j:e] {
		w = utf8.AppendRune(w, unicode.ToLower(r))
	}
	if e < len(rs) && rs[e] == '.' && f.st.units[string(append(w, '.'))] {
		return true
	}
	return f.st.units[string(w)]
}

// digitGroupAhead reports whether the space at rs[i] separates groups of thousands: at most
// three digits before it (after a non-digit) and exactly three after it.
func (f *Fixer) digitGroupAhead(rs []rune, i int) bool {
	if !f.st.groupDigits {
		return false
	}
	k := 0
	for unicode.IsDigit(f.back(k)) {
		k++
	}
	if k > 3 || f.back(k) == ',' || f.back(k) == '.' {
		return false
	}
	j := i + 1
	for j < len(rs) && unicode.IsDigit(rs[j]) {
		j++
	}
	return j-i-1 == 3 && (j == len(rs) || !isLetter(rs[j]))
}

// isLetter is unicode.IsLetter with fast paths for ASCII and the Cyrillic letters, nearly all
// of the text.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x481, 0x48a <= r && r <= 0x52f: // Cyrillic and Cyrillic Supplement letters
		return true
	}
	return unicode.IsLetter(r)
}

// whiteSpace is unicode.IsSpace with a fast path for the letters between Latin-1 and U+1680,
// the first space after it (Cyrillic is there).
func whiteSpace(r rune) bool {
	if 0x100 <= r && r < 0x1680 {
		return false
	}
	return unicode.IsSpace(r)
}
