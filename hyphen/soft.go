package hyphen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinWord is the fewest letters a word must have to be hyphenated at all, in print and in
// soft hyphens alike.
const MinWord = 5

// SoftHyphens returns text with a U+00AD soft hyphen inserted at every break point of every
// word of at least MinWord letters. It is meant for output read on devices that may lack hyphenation for the language:
// EPUB reading systems have no Kazakh, Kyrgyz or Tajik dictionaries. Words that already hold a
// soft hyphen, URLs, e-mail addresses and words this hyphenator does not break are copied
// unchanged.
func (h *Hyphenator) SoftHyphens(text string) string {
	var b strings.Builder
	var buf [maxLetters]int
	done := 0 // text[:done] is in b
	for start, end := nextWord(text, 0); start < len(text); start, end = nextWord(text, end) {
		word := text[start:end]
		if strings.ContainsRune(word, softHyphen) || looksLikeAddress(word) || shortWord(word) {
			continue
		}
		pts := h.AppendPoints(buf[:0], word)
		if len(pts) == 0 {
			continue
		}
		b.WriteString(text[done:start])
		last := 0
		for _, p := range pts {
			b.WriteString(word[last:p])
			b.WriteRune(softHyphen)
			last = p
		}
		b.WriteString(word[last:])
		done = end
	}
	if done == 0 {
		return text
	}
	b.WriteString(text[done:])
	return b.String()
}

// shortWord reports a word with fewer than MinWord letters between its first and last.
func shortWord(word string) bool {
	s, e := trimWord(word)
	return utf8.RuneCountInString(word[s:e]) < MinWord
}

// nextWord returns the bounds of the first run of non-space characters in text at or after
// from, or len(text) twice if there is none.
func nextWord(text string, from int) (start, end int) {
	start = from
	for start < len(text) {
		r, n := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	end = start
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += n
	}
	return start, end
}

// looksLikeAddress reports URLs and e-mail addresses, which must not change.
func looksLikeAddress(word string) bool {
	return strings.Contains(word, "://") || strings.Contains(word, "@") ||
		strings.HasPrefix(strings.ToLower(strings.TrimLeft(word, "(<[«\"“„‘'")), "www.")
}
