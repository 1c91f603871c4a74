// Package typo applies each language's typographic conventions (quotation marks, dashes,
// no-break spaces) to running text.
//
// It is a step of the book stage in bindery's pipeline (content/ -> book -> renderers (epub,
// layout) -> files): the book package runs it once while building the document model, so the
// EPUB and the PDF print the same characters. It never sees code spans or link URLs, and it
// copies anything that looks like a URL (http://, https://, www.) verbatim.
//
// Rules, by language (en, ru, kk, ky, tg; other tags are returned unchanged):
//
//   - Quotation marks are set by nesting level, whatever the source used (straight " or curly
//     “”, «», „“): ru, ky and tg «…» with „…“ inside, kk «…» with “…” inside, en ‘…’ with “…”
//     inside (the British house style of the reports; en-US gets “…” with ‘…’ inside and a
//     spaced em dash). A straight " opens after a space, an opening bracket or dash, or at the
//     start of a paragraph, and closes elsewhere. In English ’ between letters is an
//     apostrophe, and ' becomes ’ or ‘ by the same context; in the Cyrillic languages single
//     quotes are left alone except that ' between letters becomes ’.
//   - A hyphen, double hyphen, en dash or em dash with spaces on both sides becomes the
//     language's dash, an en dash in English and an em dash elsewhere, with a no-break space
//     before it. A hyphen between two numbers (1990-1995, 12-15) becomes an en dash, unless the
//     numbers are part of a longer chain such as a date (2021-07-22); so does a spaced dash
//     between two numbers, without the spaces (2005 – 2020 becomes 2005–2020).
//   - No-break spaces (U+00A0; never U+202F, which the fonts lack) after №; after an initial
//     before a capital (А. С. Пушкин, N. Nazarbayev); between a number and a unit or number
//     word (15 %, 5 млн, 2021 ж., 1.5 million); between an abbreviation and its number (ст. 174,
//     p. 12); between a numeral and the word it counts (1994 году, 117 человек, 200 protestors;
//     in English not before a conjunction, article or preposition: "in 2019 the"); in ru and tg after one- and two-letter prepositions and conjunctions (в, к, с, о,
//     у, на, по...; tg ба, аз, бо, ва...), in ru before the particles ли, же, бы, in en after
//     Mr, Mrs, Ms, Dr and Prof; and in ru, kk, ky and tg between groups of thousands (10 000,
//     1 500 000).
//
// Text expects valid UTF-8; invalid bytes come out as U+FFFD.
package typo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// histLen is how many output runes the Fixer remembers across segments for look-behind.
const histLen = 24

// ringLen is the size of the ring that holds them, a power of two at least histLen.
const ringLen = 32

// Fixer converts the text segments of one paragraph, remembering quote nesting and the
// preceding characters across segments. It is not safe for concurrent use. A Fixer can be
// reused for any number of paragraphs (Reset); it keeps its working buffers, which grow to
// the longest segment it has seen.
type Fixer struct {
	st    *style // nil: a language without rules
	stack []rune // source kind of each open quotation mark: '"' double, '„' low, '\'' single
	// hist holds the last output runes in a ring: the newest at hist[(head-1)%ringLen]; nhist
	// of them (at most histLen) count.
	hist        [ringLen]rune
	head, nhist int
	// lastOpened tells whether the last quotation mark written opened a quotation; it
	// disambiguates “ and ‘, which open in some languages and close in others.
	lastOpened bool
	// address is set while the word being written has a slash in it (see inAddress).
	address bool
	// Working buffers of TextMap: the runes of the segment, the byte offset of each (and
	// the segment's length after them), the output offset of each byte, and the output.
	rs   []rune
	at   []int
	offs []int
	out  []byte
}

// New returns a Fixer for a BCP 47 language tag. For a language without rules the Fixer
// returns every segment unchanged.
func New(lang string) *Fixer {
	return &Fixer{st: styleFor(lang), stack: make([]rune, 0, 8)}
}

// Reset starts a new paragraph: no quotation is open and nothing precedes the next segment.
func (f *Fixer) Reset() {
	f.stack = f.stack[:0]
	f.head, f.nhist = 0, 0
	f.lastOpened = false
	f.address = false
}

// Text returns s with the language's conventions applied. Segments of one paragraph must
// arrive in order; quote nesting and the preceding characters carry over between calls.
func (f *Fixer) Text(s string) string { return f.TextMap(s, nil) }

// TextMap is Text that also moves byte offsets of s to the output: each at[k], a byte offset
// in s from 0 to len(s), becomes the byte of the output where the rune at that byte of s (or
// what it became) starts; a rune taken into the conversion of the one before it (the
// second hyphen of "--") goes to the end of that conversion, and len(s) to the output's
// length.
func (f *Fixer) TextMap(s string, at []int) string {
	if f.st == nil || s == "" {
		return s
	}
	f.decode(s)
	rs := f.rs
	f.out = f.out[:0]
	for i := 0; i < len(rs); i++ {
		if plain(rs[i]) {
			f.mark(i, i+1, len(f.out))
			f.emit(rs[i])
			continue
		}
		if n := urlLen(rs, i, f.prev()); n > 0 {
			for k, r := range rs[i : i+n] {
				f.mark(i+k, i+k+1, len(f.out))
				f.emit(r)
			}
			i += n - 1
			continue
		}
		f.mark(i, i+1, len(f.out))
		out, n, skip := f.convert(rs, i)
		for _, r := range out[:n] {
			f.emit(r)
		}
		f.mark(i+1, i+1+skip, len(f.out))
		i += skip
	}
	f.offs[len(s)] = len(f.out)
	for k, j := range at {
		at[k] = f.offs[j]
	}
	if string(f.out) == s {
		return s // unchanged: no copy
	}
	return string(f.out)
}

// decode fills f.rs with the runes of s and f.at with the byte offset of each, decoded as
// range does (a byte of invalid UTF-8 is one U+FFFD of width 1, not the 3 bytes U+FFFD
// takes), with len(s) after them, and sizes f.offs for s.
func (f *Fixer) decode(s string) {
	if cap(f.at) < len(s)+1 { // at most one rune a byte
		f.rs, f.at = make([]rune, len(s)), make([]int, len(s)+1)
	}
	rs, at := f.rs[:len(s)], f.at[:len(s)+1]
	n := 0
	for i, r := range s {
		rs[n], at[n] = r, i
		n++
	}
	at[n] = len(s)
	f.rs, f.at = rs[:n], at[:n+1]
	if cap(f.offs) < len(s)+1 {
		f.offs = make([]int, len(s)+1)
	}
	f.offs = f.offs[:len(s)+1]
}

// mark records that the runes from..to-1 of the segment start at byte out of the output.
func (f *Fixer) mark(from, to, out int) {
	for j := f.at[from]; j < f.at[to]; j++ {
		f.offs[j] = out
	}
}

// plain reports whether r is written as it is wherever it stands: it is none of the
// characters convert changes, nor the first letter of a URL (urlLen).
func plain(r rune) bool {
	switch r {
	case '"', '«', '»', '„', '“', '”', '\'', '‘', '’', ' ', '\u00a0', '-', '–', '—', '№', 'h', 'H', 'w', 'W':
		return false
	}
	return true
}

// convert returns the output for rs[i] (out[:n], at most two runes) and how many further
// runes it consumed.
func (f *Fixer) convert(rs []rune, i int) (out [2]rune, n, skip int) {
	r := rs[i]
	switch r {
	case '"', '«', '»', '„', '“', '”':
		return [2]rune{f.doubleQuote(rs, i)}, 1, 0
	case '\'', '‘', '’':
		return [2]rune{f.singleQuote(rs, i)}, 1, 0
	case ' ', '\u00a0':
		if spacedRange(rs, i) || f.strayBefore(rs, i) {
			return out, 0, 0
		}
		if f.noBreakSpace(rs, i) {
			return [2]rune{'\u00a0'}, 1, 0
		}
	case '-', '–', '—':
		d, skip := f.dash(rs, i)
		return [2]rune{d}, 1, skip
	case '№':
		if i+1 < len(rs) && unicode.IsDigit(rs[i+1]) {
			return [2]rune{'№', '\u00a0'}, 2, 0
		}
	}
	return [2]rune{r}, 1, 0
}

// emit writes r and remembers it.
func (f *Fixer) emit(r rune) {
	if r < utf8.RuneSelf {
		f.out = append(f.out, byte(r))
	} else {
		f.out = utf8.AppendRune(f.out, r)
	}
	switch {
	case r == '/':
		f.address = true
	case whiteSpace(r) || r == '\u00a0':
		f.address = false
	}
	f.hist[f.head] = r
	f.head = (f.head + 1) % ringLen
	f.nhist = min(f.nhist+1, histLen)
}

// back returns the rune output k+1 places back (0 is the last one), or 0 before the start.
func (f *Fixer) back(k int) rune {
	if k >= f.nhist {
		return 0
	}
	return f.hist[(f.head-1-k)&(ringLen-1)]
}

// prev returns the last rune output, or 0 at the start of a paragraph.
func (f *Fixer) prev() rune { return f.back(0) }

// urlLen returns the length in runes of a URL starting at rs[i], or 0.
func urlLen(rs []rune, i int, prev rune) int {
	if r := rs[i]; r != 'h' && r != 'H' && r != 'w' && r != 'W' {
		return 0 // the first letter of neither http:// nor www.
	}
	if prev != 0 && !unicode.IsSpace(prev) && !strings.ContainsRune("(<[«\"“„‘'", prev) {
		return 0
	}
	rest := rs[i:]
	if !hasPrefix(rest, "http://") && !hasPrefix(rest, "https://") && !hasPrefix(rest, "www.") {
		return 0
	}
	n := 0
	for n < len(rest) && !unicode.IsSpace(rest[n]) {
		n++
	}
	return n
}

func hasPrefix(rs []rune, p string) bool {
	i := 0
	for _, r := range p {
		if i >= len(rs) || unicode.ToLower(rs[i]) != r {
			return false
		}
		i++
	}
	return true
}
