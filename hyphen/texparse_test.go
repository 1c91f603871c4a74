package hyphen

import (
	"slices"
	"strings"
	"testing"
)

func TestParseTeX(t *testing.T) {
	tests := []struct {
		name, src      string
		patterns, hyph []string
		err            string
	}{
		{name: "plain", src: "% header\n\\patterns{ % comment\n.ab1r\n4m1p\n}\n\\hyphenation{\nuni-ver-sity\nsome-thing}\n",
			patterns: []string{".ab1r", "4m1p"}, hyph: []string{"uni-ver-sity", "some-thing"}},
		{name: "one line", src: `\patterns{a1b c2d}`, patterns: []string{"a1b", "c2d"}},
		{name: "brace alone", src: "\\patterns{\na1b\n }\n", patterns: []string{"a1b"}},
		{name: "no patterns", src: "% nothing\n", err: "no \\patterns"},
		{name: "unclosed", src: "\\patterns{\na1b\n", err: "unclosed"},
		{name: "stray text", src: "hello \\patterns{a1b}", err: "line 1: unexpected \"hello\""},
		{name: "markup inside", src: "\\patterns{a1b \\relax}", err: "unexpected TeX markup"},
		{name: "not UTF-8", src: "\\patterns{a\xffb}", err: "not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseTeX(tt.src)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Patterns, tt.patterns) || !slices.Equal(got.Exceptions, tt.hyph) {
				t.Errorf("got %q %q, want %q %q", got.Patterns, got.Exceptions, tt.patterns, tt.hyph)
			}
		})
	}
}

func TestSplitPattern(t *testing.T) {
	tests := []struct {
		in      string
		letters string
		vals    []uint8
		bad     bool
	}{
		{in: ".ab1r", letters: ".abr", vals: []uint8{0, 0, 0, 1, 0}},
		{in: "4m1p", letters: "mp", vals: []uint8{4, 1, 0}},
		{in: "аль3я", letters: "алья", vals: []uint8{0, 0, 0, 3, 0}},
		{in: "8я8ю-", letters: "яю-", vals: []uint8{8, 8, 0, 0}},
		{in: "a12b", bad: true},
		{in: "123", bad: true},
		{in: "a\x01b", bad: true},
	}
	for _, tt := range tests {
		letters, vals, err := splitPattern(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: no error", tt.in)
			}
			continue
		}
		if err != nil || string(letters) != tt.letters || !slices.Equal(vals, tt.vals) {
			t.Errorf("%q: got %q %v %v, want %q %v", tt.in, string(letters), vals, err, tt.letters, tt.vals)
		}
	}
}

func TestParseException(t *testing.T) {
	tests := []struct {
		in, word string
		breaks   []uint8
		bad      bool
	}{
		{in: "uni-ver-sity", word: "university", breaks: []uint8{3, 6}},
		{in: "вцспс", word: "вцспс"},
		{in: "-ab", bad: true}, {in: "ab-", bad: true}, {in: "a--b", bad: true}, {in: "", bad: true},
	}
	for _, tt := range tests {
		word, breaks, err := parseException(tt.in)
		if tt.bad != (err != nil) || word != tt.word || !slices.Equal(breaks, tt.breaks) {
			t.Errorf("%q: got %q %v %v", tt.in, word, breaks, err)
		}
	}
}

// TestLiang checks the algorithm on Liang's own example: with the patterns below (from his
// thesis) "hyphenation" divides as hy-phen-ation.
func TestLiang(t *testing.T) {
	src := `\patterns{hy3ph he2n hena4 hen5at 1na n2at 1tio 2io o2n}`
	h, err := newPatternHyphenator("test", src, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got := hyph(h, "hyphenation"); got != "hy-phen-ation" {
		t.Errorf("got %q, want hy-phen-ation", got)
	}
}

func FuzzParseTeX(f *testing.F) {
	f.Add("\\patterns{\n.ab1r\n4m1p\n}\n\\hyphenation{uni-ver-sity}")
	f.Add("% c\n\\patterns{a1b}")
	f.Add("\\patterns{8я8ю- --8}")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return // larger inputs only slow the minimiser down
		}
		h, err := newPatternHyphenator("fuzz", src, 1, 1)
		if err != nil {
			return
		}
		for _, w := range []string{"ab", "university", "абвгд", src} {
			checkPoints(t, h, w, h.Hyphenate(w))
		}
	})
}
