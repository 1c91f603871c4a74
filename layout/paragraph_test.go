package layout

import (
	"reflect"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/hyphen"
)

// fakeHyphenator hyphenates the words it knows at fixed offsets.
type fakeHyphenator map[string][]int

func (f fakeHyphenator) Hyphenate(w string) []int { return f[w] }

func testMetrics(t testing.TB) *metrics {
	t.Helper()
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestURLBreaks(t *testing.T) {
	tests := []struct {
		url  string
		want []string // the pieces between breaks that cost urlPenalty
	}{
		{"https://www.osce.org/odihr", []string{"https://", "www.", "osce.", "org/", "odihr"}},
		{"a_b?x=1&y=2#top", []string{"a_", "b?", "x=", "1&", "y=", "2#", "top"}},
		{"example.org/a//b", []string{"example.", "org/", "a//", "b"}},
		{"hrw.org/human-rights-2020", []string{"hrw.", "org/", "human", "-rights", "-2020"}},
	}
	for _, p := range urlBreaks("https://fpc.org.uk") {
		if p.at < len("https://") {
			t.Errorf("break at %d inside the scheme", p.at)
		}
	}
	for _, tc := range tests {
		var got []string
		start := 0
		for _, p := range urlBreaks(tc.url) {
			if p.hyphen {
				t.Errorf("%s: URL break at %d adds a hyphen", tc.url, p.at)
			}
			if p.penalty <= urlLetterPenalty && strings.ContainsRune("/._?&=#:", rune(tc.url[p.at])) {
				t.Errorf("%s: a line would start with %q", tc.url, tc.url[p.at])
			}
			if p.penalty <= urlLetterPenalty && tc.url[p.at-1] == '-' {
				t.Errorf("%s: a line would end with its hyphen", tc.url)
			}
			if p.penalty == urlPenalty {
				got = append(got, tc.url[start:p.at])
				start = p.at
			}
		}
		got = append(got, tc.url[start:])
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: pieces %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestWordBreaks(t *testing.T) {
	hy := fakeHyphenator{"зорлық": {4}, "зомбылық": {4, 10}, "бостандығын": {4, 10, 16}}
	b := &paraBuilder{m: testMetrics(t), hy: hy}
	tests := []struct {
		word string
		want []breakPoint
	}{
		{"зорлық-зомбылық", []breakPoint{{13, false, exHyphenPenalty, false, true}}}, // only at its own hyphen
		{"«бостандығын»,", []breakPoint{{2 + 4, true, hyphenPenalty, false, false}, {2 + 10, true, hyphenPenalty, false, false},
			{2 + 16, true, hyphenPenalty, false, false}}},
		{"2019", nil},
		{"-ші", nil},
		{"8-март", nil},        // a numeral keeps its suffix
		{"30-процентном", nil}, // likewise
		{"EPCA-ны", nil},       // an acronym keeps its suffix
		{"2005–2020", []breakPoint{{len("2005–"), false, exHyphenPenalty, false, false}}},
	}
	for _, tc := range tests {
		if got := b.wordBreaks(tc.word); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.word, got, tc.want)
		}
	}
}

// TestParagraphItems checks the collect step: no-break spaces never break, note references
// are raised, linked and anchored, and URLs break without hyphens.
func TestParagraphItems(t *testing.T) {
	ch := &book.Chapter{ID: "ch01"}
	b := &paraBuilder{m: testMetrics(t), ch: ch, hy: fakeHyphenator{}}
	b.addInlines([]book.Inline{
		{Kind: book.Text, Text: "5\u00a0km"},
		{Kind: book.NoteRef, Note: 3, Ref: 2},
		{Kind: book.Text, Text: " see "},
		{Kind: book.URLText, Text: "https://x.org/a"},
	}, textStyle{font: serifRegular, size: 10})
	items := finish(b.items)
	var kinds []string
	for i, it := range items {
		switch it.kind {
		case boxItem:
			if n := len(kinds); n > 0 && strings.HasPrefix(kinds[n-1], "box:") {
				kinds[n-1] += it.ink.text // pieces of one word, split at costly breaks
			} else {
				kinds = append(kinds, "box:"+it.ink.text)
			}
			if it.ink.text == "3" {
				if it.ink.rise <= 0 || it.ink.link != "#ch01-note-3" || it.ink.anchor != "ch01-ref-3-2" {
					t.Errorf("note reference %+v", *it.ink)
				}
			}
		case glueItem:
			if ok, _ := legal(items, i, breakParams{}); ok {
				kinds = append(kinds, "space")
			} else {
				kinds = append(kinds, "nbsp")
			}
		case penaltyItem:
			if it.penalty < urlLetterPenalty && it.penalty > -infPenalty {
				kinds = append(kinds, "break")
			}
		}
	}
	want := "box:5 nbsp box:km3 space box:see space box:https:// break box:x. break box:org/ break box:a nbsp"
	if got := strings.Join(kinds, " "); !strings.HasPrefix(got, want) {
		t.Errorf("items\n got %s\nwant %s", got, want)
	}
}

// TestKerning checks that shaping applies the font's kerning: "AV" is narrower than the sum of
// its letters and is split into two pieces.
func TestKerning(t *testing.T) {
	m := testMetrics(t)
	w, pieces := m.shape(serifRegular, 10, "AV")
	sep := m.width(serifRegular, 10, "A") + m.width(serifRegular, 10, "V")
	if w >= sep || len(pieces) != 2 || pieces[1].dx >= m.width(serifRegular, 10, "A") {
		t.Errorf("AV: width %.3f (letters %.3f), pieces %+v", w, sep, pieces)
	}
	if w, p := m.shape(serifRegular, 10, "нн"); p != nil || w != 2*m.width(serifRegular, 10, "н") {
		t.Errorf("нн should not kern (no pieces: the text is its one piece): %v %+v", w, p)
	}
}

// TestByLang checks that each word is hyphenated with its run's language: the English part
// of a Kazakh note with English patterns, the Kazakh text with Kazakh ones.
func TestByLang(t *testing.T) {
	h := byLang{lang: "kk"}
	if h.forLang("") != hyphen.For("kk") || h.forLang("en") != hyphen.For("en") || h.forLang("kk-Latn") != nil {
		t.Error("forLang picks the wrong patterns")
	}
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	breaks := func(ins []book.Inline) []int {
		b := paraBuilder{m: m, hy: h, measure: 1000}
		b.addInlines(ins, textStyle{font: serifRegular, size: 10})
		var at []int
		for _, it := range b.items {
			if it.kind == penaltyItem && it.flagged {
				at = append(at, int(it.at))
			}
		}
		return at
	}
	word := "international"
	en := breaks([]book.Inline{{Kind: book.Text, Text: word, Lang: "en"}})
	kk := breaks([]book.Inline{{Kind: book.Text, Text: word, Lang: "kk"}})
	if len(en) == 0 || reflect.DeepEqual(en, kk) {
		t.Errorf("%q: en breaks %v, kk breaks %v: the run's language is not used", word, en, kk)
	}
}

// TestWideBreaks checks that a compound too wide for a line breaks at its own hyphen at the
// usual cost, and elsewhere only at the cost of a break between letters.
func TestWideBreaks(t *testing.T) {
	b := &paraBuilder{m: testMetrics(t), hy: fakeHyphenator{}, measure: 120}
	w := "водопроводно-канализационного"
	st := textStyle{font: serifRegular, size: 9}
	if !b.tooWide(w, st) {
		t.Fatalf("%s is not too wide at %g pt", w, b.measure)
	}
	b.setWord(w, st)
	own := 0
	for i, it := range b.items {
		if it.kind != penaltyItem {
			continue
		}
		before := b.items[i-1].ink.text
		switch {
		case strings.HasSuffix(before, "-"):
			own++
			if !it.flagged || it.hyphen() != nil || it.penalty != exHyphenPenalty {
				t.Errorf("the break after the hyphen: %+v", it)
			}
		case it.penalty < urlLetterPenalty:
			t.Errorf("a break after %q costs only %g", before, it.penalty)
		}
	}
	if own != 1 {
		t.Errorf("%d breaks after the word's hyphen, want 1", own)
	}
}
