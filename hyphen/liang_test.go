package hyphen

import (
	"slices"
	"strings"
	"testing"
)

// TestTrieMatchesPatterns checks the trie against Liang's algorithm done the slow way, with
// the patterns in a map: for every word of the word lists and the letters of every pattern
// (each run inside a longer word too), the points the trie finds are those the patterns give.
func TestTrieMatchesPatterns(t *testing.T) {
	for _, f := range []struct{ file, words string }{
		{"hyph-en-gb.tex", "testdata/en.txt"}, {"hyph-en-us.tex", "testdata/en.txt"},
		{"hyph-ru.tex", "testdata/ru.txt"},
	} {
		src, err := patternFS.ReadFile("patterns/" + f.file)
		if err != nil {
			t.Fatal(err)
		}
		tp, err := parseTeX(string(src))
		if err != nil {
			t.Fatal(err)
		}
		tr, err := newTrie(tp.Patterns)
		if err != nil {
			t.Fatal(err)
		}
		slow := map[string][]uint8{}
		var words []string
		for _, p := range tp.Patterns {
			letters, vals, err := splitPattern(p)
			if err != nil {
				t.Fatal(err)
			}
			slow[string(letters)] = vals
			w := strings.Trim(string(letters), ".")
			words = append(words, w, "x"+w+"y")
		}
		for _, g := range readWordList(t, f.words) {
			words = append(words, g.word)
		}
		for _, w := range words {
			if got, want := triePoints(tr, w), slowPoints(slow, w); !slices.Equal(got, want) {
				t.Fatalf("%s %q: trie gives %v, patterns %v", f.file, w, got, want)
			}
		}
	}
}

// triePoints runs the trie over ".word."; a letter no pattern has gets code 0, where every
// walk stops.
func triePoints(tr *trie, word string) []uint8 {
	rs := []rune("." + word + ".")
	codes := make([]uint8, len(rs))
	for i, r := range rs {
		codes[i] = tr.abc.code(r)
	}
	points := make([]uint8, len(rs)+1)
	tr.apply(codes, points)
	return points
}

// slowPoints is Liang's algorithm from its definition: every substring of ".word." that is a
// pattern raises the points between its letters to the pattern's values.
func slowPoints(patterns map[string][]uint8, word string) []uint8 {
	rs := []rune("." + word + ".")
	points := make([]uint8, len(rs)+1)
	for i := range rs {
		for j := i + 1; j <= len(rs); j++ {
			for k, v := range patterns[string(rs[i:j])] {
				points[i+k] = max(points[i+k], v)
			}
		}
	}
	return points
}
