package book

import (
	"testing"
	"unicode"
)

// TestScriptOf checks the fast paths of scriptOf against the unicode tables for every
// character.
func TestScriptOf(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := script{
			letter:   unicode.IsLetter(r),
			latin:    unicode.Is(unicode.Latin, r),
			cyrillic: unicode.Is(unicode.Cyrillic, r),
			mark:     unicode.Is(unicode.Mn, r),
		}
		if got := scriptOf(r); got != want {
			t.Fatalf("scriptOf(%U) = %+v, want %+v", r, got, want)
		}
	}
}
