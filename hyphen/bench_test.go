package hyphen

import (
	"os"
	"strings"
	"testing"
)

// corpusSeed is the seed with the kk, ru, en and ky chapters (see ../shared/seeds/INVENTORY.md).
const corpusSeed = "../../shared/seeds/002_1d9ec5a14755def2.txt"

type langWords struct {
	h     *Hyphenator
	words []string
}

// loadCorpus splits the seed into words and gives each line range the language of the posts
// it holds (INVENTORY.md §1: kk L28–L86, ru L86–L127, en L127–L194, ky L194–EOF, en L1–L28).
func loadCorpus(tb testing.TB) []langWords {
	data, err := os.ReadFile(corpusSeed)
	if err != nil {
		tb.Skipf("corpus seed not available: %v", err)
	}
	ranges := []struct {
		lang      string
		firstLine int
	}{{"en", 1}, {"kk", 28}, {"ru", 86}, {"en", 127}, {"ky", 194}}
	out := make([]langWords, len(ranges))
	for i, r := range ranges {
		out[i].h = For(r.lang)
	}
	for n, line := range strings.Split(string(data), "\n") {
		i := len(ranges) - 1
		for i > 0 && n+1 < ranges[i].firstLine {
			i--
		}
		out[i].words = append(out[i].words, strings.Fields(line)...)
	}
	return out
}

// BenchmarkCorpus hyphenates every word of seed 002 (about 74,000 words: the chapters of four
// languages with their notes) with the language's hyphenator, as the PDF layout does, and
// reports the time per word and the time for the 63,400 body words of the corpus.
func BenchmarkCorpus(b *testing.B) {
	corpus := loadCorpus(b)
	total := 0
	for _, c := range corpus {
		total += len(c.words)
	}
	buf := make([]int, 0, 32)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range corpus {
			for _, w := range c.words {
				buf = c.h.AppendPoints(buf[:0], w)
			}
		}
	}
	perWord := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(total)
	b.ReportMetric(perWord, "ns/word")
	b.ReportMetric(perWord*63400/1e6, "ms/63400words")
}

// BenchmarkHyphenate measures the allocating API on one long word per language.
func BenchmarkHyphenate(b *testing.B) {
	words := map[string]string{"en": "recommendations", "ru": "правозащитников", "kk": "тәуелсіздігінің", "ky": "кыргызстандагы", "tg": "Тоҷикистонро"}
	for lang, w := range words {
		h := For(lang)
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				h.Hyphenate(w)
			}
		})
	}
}

// TestCorpusHyphenates runs every corpus word through its hyphenator and checks the result's
// invariants, and that most long words of each language get at least one break point.
func TestCorpusHyphenates(t *testing.T) {
	for _, c := range loadCorpus(t) {
		long, broken := 0, 0
		for _, w := range c.words {
			pts := c.h.Hyphenate(w)
			checkPoints(t, c.h, w, pts)
			if len([]rune(w)) >= 8 && isPlainWord(w) {
				long++
				if len(pts) > 0 {
					broken++
				}
			}
		}
		t.Logf("%s: %d words, %d plain words of 8+ letters, %d (%.1f%%) with break points",
			c.h.Lang(), len(c.words), long, broken, 100*float64(broken)/float64(max(1, long)))
		if long == 0 || float64(broken) < 0.9*float64(long) {
			t.Errorf("%s: only %d of %d long words hyphenate", c.h.Lang(), broken, long)
		}
	}
}

// isPlainWord reports a lower-case word of letters only, which every hyphenator should break.
func isPlainWord(w string) bool {
	for _, r := range w {
		if r < 'a' && r != '-' || r >= 'A' && r <= 'Z' || r >= 'А' && r <= 'Я' {
			return false
		}
	}
	return true
}

// TestFragments checks the syllable rules on every corpus word and every Tajik list word: each
// fragment of a hyphenated word holds a vowel, and none begins with ь or ъ. The Russian
// patterns are held to the same rules of Russian orthography.
func TestFragments(t *testing.T) {
	vowels := "аәеёиоөұүыіэюяуӯӣ"
	words := map[string][]string{}
	for _, c := range loadCorpus(t) {
		words[c.h.Lang()] = append(words[c.h.Lang()], c.words...)
	}
	for _, g := range readWordList(t, "testdata/tg.txt") {
		words["tg"] = append(words["tg"], g.word)
	}
	for _, lang := range []string{"kk", "ky", "tg", "ru"} {
		h := For(lang)
		for _, w := range words[lang] {
			pts := h.Hyphenate(w)
			if pts == nil {
				continue
			}
			last := 0
			for _, p := range append(pts, len(w)) {
				frag := strings.ToLower(w[last:p])
				if !strings.ContainsAny(frag, vowels) || strings.HasPrefix(frag, "ь") || strings.HasPrefix(frag, "ъ") {
					t.Errorf("%s: %q has the fragment %q", lang, w, frag)
				}
				last = p
			}
		}
	}
}

// BenchmarkSoftHyphens inserts the soft hyphens of seed 002's Kazakh and Kyrgyz chapters,
// in lines of 12 words, as the EPUB writer does with their text.
func BenchmarkSoftHyphens(b *testing.B) {
	var lines [][]string
	var hs []*Hyphenator
	for _, c := range loadCorpus(b) {
		if l := c.h.Lang(); l != "kk" && l != "ky" {
			continue
		}
		var ls []string
		for i := 0; i < len(c.words); i += 12 {
			ls = append(ls, strings.Join(c.words[i:min(i+12, len(c.words))], " "))
		}
		lines, hs = append(lines, ls), append(hs, c.h)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, h := range hs {
			for _, l := range lines[i] {
				h.SoftHyphens(l)
			}
		}
	}
}
