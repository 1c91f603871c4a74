package book

import (
	"slices"
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

// TestCheckTextCyrillic checks checkText's fast path for the Cyrillic block at its edges:
// valid two-byte characters pass, a lead byte without its continuation is invalid UTF-8.
func TestCheckTextCyrillic(t *testing.T) {
	tests := []struct {
		in   string
		want []string // the messages, in order
	}{
		{"Қазақ ӿ Ѐ", nil},
		{"а\xd0", []string{"invalid UTF-8 (byte 0xD0 at offset 2)"}},
		{"\xd3A \xd1\xd1\x80", []string{"invalid UTF-8 (byte 0xD3 at offset 0)", "invalid UTF-8 (byte 0xD1 at offset 3)"}},
		{"я\u0085я", []string{"control character U+0085"}},
	}
	for _, tt := range tests {
		var ds Diagnostics
		checkText(newSource("t.md", []byte(tt.in)), &ds)
		var got []string
		for _, d := range ds {
			got = append(got, d.Message)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("checkText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
