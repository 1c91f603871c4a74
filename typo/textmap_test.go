package typo

import (
	"slices"
	"testing"
	"unicode"
)

// TestTextMap checks where TextMap moves every byte offset of its input: a rune that
// becomes longer (" " to U+00A0, '-' to U+2011), two runes that become one ("--" to '–'), a
// space that goes (" -ға", to where the next rune's output starts), a rune taken into the
// one before it (the second '-' of "--", to the end of the dash), a URL copied verbatim and a byte of invalid UTF-8 (one U+FFFD).
func TestTextMap(t *testing.T) {
	tests := []struct {
		lang, in, want string
		offs           []int // offs[i]: where byte i of in went
	}{
		{"en", `see https://x.org/a-b -- 1932-33`, "see https://x.org/a-b\u00a0– 1932–33",
			[]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 26, 26, 27, 28, 29, 30, 31, 34, 35, 36}},
		{"kk", "\xff№5 99% -ға", "\ufffd№\u00a05 99%\u2011ға",
			[]int{0, 3, 3, 3, 8, 9, 10, 11, 12, 13, 13, 16, 16, 18, 18, 20}},
		{"en", `He said 'no'`, `He said ‘no’`, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 16}},
		{"xx", `no "rules"`, `no "rules"`, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
	}
	for _, tt := range tests {
		at := make([]int, len(tt.in)+1)
		for i := range at {
			at[i] = i
		}
		got := New(tt.lang).TextMap(tt.in, at)
		if got != tt.want || !slices.Equal(at, tt.offs) {
			t.Errorf("%s %q:\n got %q %v\nwant %q %v", tt.lang, tt.in, got, at, tt.want, tt.offs)
		}
	}
}

// TestFixerReuse checks that a Fixer reset for a new paragraph converts it as a new Fixer
// does, whatever the paragraph before it left open or in its buffers.
func TestFixerReuse(t *testing.T) {
	paras := []string{`он сказал "незакрытая цитата - в 1994 году`, `"новый" абзац`, `ст. 174 УК, А. С. Пушкин`, ``, `55 000 домов (875-999 гг.)`}
	f := New("ru")
	for _, p := range paras {
		f.Reset()
		if got, want := f.Text(p), New("ru").Text(p); got != want {
			t.Errorf("reused Fixer: %q, new Fixer: %q", got, want)
		}
	}
}

// TestIsLetter checks the fast paths of isLetter and whiteSpace against the unicode tables
// for every character.
func TestIsLetter(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("isLetter(%U) = %v", r, isLetter(r))
		}
		if whiteSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("whiteSpace(%U) = %v", r, whiteSpace(r))
		}
	}
}
