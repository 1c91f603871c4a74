package book

import "unicode"

// script tells what the Latin rule (lang.go) and the mixed-script check (inline.go) need to
// know of a character: whether it is a letter, of the Latin script, of the Cyrillic script,
// or a non-spacing mark.
type script struct{ letter, latin, cyrillic, mark bool }

// scriptOf classifies r as the unicode tables do, with fast paths for ASCII and the Cyrillic
// letters of the editions' languages, which make up nearly all of the text.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		l := 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		return script{letter: l, latin: l}
	case 0x400 <= r && r <= 0x481, 0x48a <= r && r <= 0x52f: // Cyrillic and Cyrillic Supplement letters
		return script{letter: true, cyrillic: true}
	}
	return script{
		letter:   unicode.IsLetter(r),
		latin:    unicode.Is(unicode.Latin, r),
		cyrillic: unicode.Is(unicode.Cyrillic, r),
		mark:     unicode.Is(unicode.Mn, r),
	}
}
