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
		if strings.ContainsRune(word, softHyphen) || shortWord(word) || looksLikeAddress(word) {
			continue
		}
		pts := h.AppendPoints(buf[:0], word)
		if len(pts) == 0 {
			continue
		}
		if done == 0 {
			b.Grow(len(text) + len(text)/8) // room for a soft hyphen (2 bytes) every 16 bytes
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
		space, n := spaceAt(text, start)
		if !space {
			break
		}
		start += n
	}
	end = start
	for end < len(text) {
		space, n := spaceAt(text, end)
		if space {
			break
		}
		end += n
	}
	return start, end
}

// spaceAt reports whether the character at text[i] is a space (unicode.IsSpace) and its
// length in bytes; ASCII needs no decoding.
func spaceAt(text string, i int) (bool, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r', 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r), n
}

// looksLikeAddress reports URLs and e-mail addresses, which must not change.
func looksLikeAddress(word string) bool {
	if strings.Contains(word, "://") || strings.Contains(word, "@") {
		return true
	}
	w := strings.TrimLeft(word, "(<[«\"“„‘'")
	return len(w) >= 4 && strings.EqualFold(w[:4], "www.") // only W lower-cases to w
}
