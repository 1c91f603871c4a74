package hyphen

import (
	"strings"
	"unicode"
)

// SoftHyphens returns text with a U+00AD soft hyphen inserted at every break point of every
// word. It is meant for output read on devices that may lack hyphenation for the language:
// EPUB reading systems have no Kazakh, Kyrgyz or Tajik dictionaries. Words that already hold a
// soft hyphen, URLs, e-mail addresses and words this hyphenator does not break are copied
// unchanged.
func (h *Hyphenator) SoftHyphens(text string) string {
	var b strings.Builder
	var buf [maxLetters]int
	changed := false
	start := -1
	flush := func(end int) {
		word := text[start:end]
		pts := buf[:0]
		if !strings.ContainsRune(word, softHyphen) && !looksLikeAddress(word) {
			pts = h.AppendPoints(pts, word)
		}
		if len(pts) > 0 && !changed {
			changed = true
			b.Grow(len(text) + 16)
			b.WriteString(text[:start])
		}
		if !changed {
			return
		}
		last := 0
		for _, p := range pts {
			b.WriteString(word[last:p])
			b.WriteRune(softHyphen)
			last = p
		}
		b.WriteString(word[last:])
	}
	for i, r := range text {
		switch {
		case !unicode.IsSpace(r) && start < 0:
			start = i
		case unicode.IsSpace(r) && start >= 0:
			flush(i)
			start = -1
		}
		if start < 0 && changed {
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		flush(len(text))
	}
	if !changed {
		return text
	}
	return b.String()
}

// looksLikeAddress reports URLs and e-mail addresses, which must not change.
func looksLikeAddress(word string) bool {
	return strings.Contains(word, "://") || strings.Contains(word, "@") ||
		strings.HasPrefix(strings.ToLower(strings.TrimLeft(word, "(<[«\"“„‘'")), "www.")
}
