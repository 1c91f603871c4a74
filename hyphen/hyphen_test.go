package hyphen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// hyph shows the break points of word with "-" inserted, for readable test tables.
func hyph(h *Hyphenator, word string) string {
	var b strings.Builder
	last := 0
	for _, o := range h.Hyphenate(word) {
		b.WriteString(word[last:o])
		b.WriteByte('-')
		last = o
	}
	b.WriteString(word[last:])
	return b.String()
}

func TestHyphenate(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		// Patterns and exceptions.
		{"en", "hyphenation", "hy-phen-a-tion"},
		{"en", "university", "uni-ver-sity"}, // hyph-en-gb exception list
		{"en-us", "university", "uni-ver-sity"},
		{"en", "Government", "Gov-ern-ment"},     // capitalised
		{"en", "Kazakhstan’s", "Ka-zakh-stan’s"}, // extra/en.txt, not Kaza-kh-stan
		{"en-us", "Kazakhstan", "Ka-zakh-stan"},
		{"en", "Eurasianet", "Eur-asia-net"},
		{"ru", "республика", "рес-пуб-ли-ка"},
		{"ru", "Конституция", "Кон-сти-ту-ция"},
		// Pattern breaks that leave a fragment without a vowel are dropped (keepSyllables).
		{"ru", "патронажными", "пат-ро-наж-ны-ми"}, // patterns: па-т-ро-наж-ны-ми
		{"ru", "Маджлиси", "Мадж-ли-си"},           // patterns: Ма-дж-ли-си
		{"ru", "Рашт", "Рашт"},                     // patterns: Ра-шт
		{"ru", "межэтнического", "меж-эт-ни-че-ско-го"},
		// Minimum fragments: en keeps 3 letters after the last break, ru 2.
		{"en", "protests", "protests"},
		{"ru", "вопль", "вопль"},
		// Punctuation around the word is ignored; offsets still index the word as given.
		{"ru", "«правозащитники»,", "«пра-во-за-щит-ни-ки»,"},
		{"en", "(government)", "(gov-ern-ment)"},
		// Hyphens and apostrophes split the word; each part keeps its minimum fragments.
		{"en", "human-rights", "hu-man-rights"},
		{"en", "government’s", "gov-ern-ment’s"},
		{"kk", "Қазақстан-Ресей", "Қа-зақ-стан-Ре-сей"},
		// Not hyphenated: other script, digits, URLs, abbreviations, mixed case.
		{"ru", "Facebook", "Facebook"},
		{"kk", "Human", "Human"},
		{"en", "республика", "республика"},
		{"en", "COVID-19", "COVID-19"},
		{"ru", "2021-го", "2021-го"},
		{"en", "https://fpc.org.uk/retreating-rights", "https://fpc.org.uk/retreating-rights"},
		{"en", "www.hrw.org", "www.hrw.org"},
		{"en", "info@fpc.org.uk", "info@fpc.org.uk"},
		{"kk", "ЕҚЫҰ", "ЕҚЫҰ"},
		{"en", "UNESCO", "UNESCO"},
		{"en", "YouTube", "YouTube"},
		{"kk", "ЕҚЫҰ-ның", "ЕҚЫҰ-ның"},
		// Soft hyphens are the only break points when present.
		{"en", "gov\u00adernment", "gov-\u00adernment"},
		{"ru", "\u00adрес\u00adпублика\u00ad", "\u00adрес-\u00adпублика\u00ad"},
		// Stress marks belong to the letter before them.
		{"ru", "приме\u0301р", "при-ме\u0301р"},
		// Rule-based languages.
		{"kk", "тәуелсіздік", "тә-уел-сіз-дік"},
		{"kk", "уақытта", "уа-қытта"},
		{"kk", "шаруашылық", "ша-ру-а-шы-лық"},
		{"ky", "маалымат", "маа-лы-мат"},
		{"ky", "Кыргызстандагы", "Кыр-гыз-стан-дагы"},
		{"tg", "Тоҷикистон", "То-ҷи-кис-тон"},
		{"tg", "ҷамъият", "ҷамъ-и-ят"},
		{"tg", "ҲУҚУҚ", "ҲУҚУҚ"},
		{"tg", "Ӯзбекистон", "Ӯз-бе-кис-тон"},
		// Degenerate input.
		{"ru", "", ""},
		{"ru", "...", "..."},
		{"kk", "ь", "ь"},
		{"kk", "бсткр", "бсткр"}, // no vowel, no syllables
	}
	for _, tt := range tests {
		h := For(tt.lang)
		if got := hyph(h, tt.word); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestKeepSyllables(t *testing.T) {
	tests := []struct {
		word string
		in   []int
		want []int
	}{
		{"патронаж", []int{2, 3, 5}, []int{3, 5}},
		{"рашт", []int{2}, []int{}},
		{"абвгд", []int{1, 2, 3}, []int{}}, // the only vowel is first: no fragment after it
		{"мадьяр", []int{3, 4}, []int{4}},  // ь never begins a fragment: мадь-яр
		{"ме", nil, []int{}},
	}
	for _, tt := range tests {
		ks := slices.Clone(tt.in)
		vowels := newRuneSet("аеёиоуыэюя")
		n := keepSyllables([]rune(tt.word), ks, &vowels)
		if got := ks[:n]; !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("%s %v: got %v, want %v", tt.word, tt.in, got, tt.want)
		}
	}
}

func TestHyphenateNoPointsIsNil(t *testing.T) {
	if p := For("ru").Hyphenate("мир"); p != nil {
		t.Errorf("Hyphenate(мир) = %v, want nil", p)
	}
}

func TestLongWord(t *testing.T) {
	long := strings.Repeat("ба", maxLetters/2+1)
	if p := For("kk").Hyphenate(long); p != nil {
		t.Errorf("a %d-letter word got %d points, want none", maxLetters+2, len(p))
	}
	ok := strings.Repeat("ба", maxLetters/2)
	// Kazakh carries three letters, so the break before the last "ба" is not taken.
	if p := For("kk").Hyphenate(ok); len(p) != maxLetters/2-2 {
		t.Errorf("a %d-letter word got %d points, want %d", maxLetters, len(p), maxLetters/2-2)
	}
}

func TestFor(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"en", "en-gb"}, {"en-GB", "en-gb"}, {"EN_gb", "en-gb"}, {"en-AU", "en-gb"},
		{"en-US", "en-us"}, {"en-Latn-US", "en-us"}, {"ru", "ru"}, {"ru-RU", "ru"},
		{"kk", "kk"}, {"kk-Cyrl-KZ", "kk"}, {"ky", "ky"}, {"ky-KG", "ky"}, {"tg", "tg"},
		{"tg-Cyrl", "tg"},
		{"kk-Latn", ""}, {"en-Cyrl", ""}, {"de", ""}, {"", ""}, {"uz", ""},
	}
	for _, tt := range tests {
		h := For(tt.tag)
		got := ""
		if h != nil {
			got = h.Lang()
		}
		if got != tt.want {
			t.Errorf("For(%q) = %q, want %q", tt.tag, got, tt.want)
		}
	}
	if For("ru") != For("ru-RU") {
		t.Error("For returns a new hyphenator per call; want one per process")
	}
}

// TestConcurrent hyphenates from several goroutines at once (run with -race) and checks
// every result against the serial one.
func TestConcurrent(t *testing.T) {
	words := map[string]string{"en": "international", "ru": "республика", "kk": "құқықтарына",
		"ky": "укуктарынын", "tg": "ҷумҳурият"}
	want := map[string][]int{}
	for lang, w := range words {
		want[lang] = For(lang).Hyphenate(w)
		if len(want[lang]) == 0 {
			t.Fatalf("%s: no break points in %q", lang, w)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(words))
	for i := 0; i < 8; i++ {
		wg.Go(func() {
			for lang, w := range words {
				if got := For(lang).Hyphenate(w); !slices.Equal(got, want[lang]) {
					errs <- fmt.Sprintf("%s %q: got %v, want %v", lang, w, got, want[lang])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestAppendPointsNoAllocs(t *testing.T) {
	h := For("ru")
	buf := make([]int, 0, 16)
	allocs := testing.AllocsPerRun(100, func() { buf = h.AppendPoints(buf[:0], "правозащитники") })
	if allocs != 0 {
		t.Errorf("AppendPoints allocates %.0f times per word, want 0", allocs)
	}
	allocs = testing.AllocsPerRun(100, func() { _ = For("kk").Hyphenate("тәуелсіздік") })
	if allocs > 1 {
		t.Errorf("Hyphenate allocates %.0f times per word, want at most 1", allocs)
	}
}

// TestPatternFilesUnmodified checks the embedded files against the checksums in
// patterns/README.md and, where TeX Live is installed, against Debian's copies.
func TestPatternFilesUnmodified(t *testing.T) {
	readme, err := os.ReadFile("patterns/README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^\| ([\w.-]+\.tex) \|.*\| ([0-9a-f]{64}) \|$`)
	rows := row.FindAllStringSubmatch(string(readme), -1)
	if len(rows) != 4 {
		t.Fatalf("README lists %d files with checksums, want 4", len(rows))
	}
	texlive := "/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/tex"
	for _, r := range rows {
		data, err := os.ReadFile(filepath.Join("patterns", r[1]))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != r[2] {
			t.Errorf("%s: checksum differs from README", r[1])
		}
		orig, err := os.ReadFile(filepath.Join(texlive, r[1]))
		if err != nil {
			if r[1] != "lppl.tex" { // lppl.tex lives in tex/latex/base
				t.Logf("%s: no TeX Live copy to compare with (%v); checksum checked only", r[1], err)
			}
			continue
		}
		if !slices.Equal(orig, data) {
			t.Errorf("%s differs from the TeX Live copy", r[1])
		}
	}
}

func TestEmbeddedPatterns(t *testing.T) {
	for _, f := range []struct {
		file           string
		patterns, hyph int
	}{{"hyph-en-gb.tex", 8527, 8}, {"hyph-en-us.tex", 4938, 14}, {"hyph-ru.tex", 7021, 184}} {
		src, err := patternFS.ReadFile("patterns/" + f.file)
		if err != nil {
			t.Fatal(err)
		}
		tp, err := parseTeX(string(src))
		if err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
		if len(tp.Patterns) != f.patterns || len(tp.Exceptions) != f.hyph {
			t.Errorf("%s: %d patterns, %d exceptions; want %d, %d",
				f.file, len(tp.Patterns), len(tp.Exceptions), f.patterns, f.hyph)
		}
	}
}

// checkPoints verifies the invariants of a Hyphenate result.
func checkPoints(t *testing.T, h *Hyphenator, word string, pts []int) {
	t.Helper()
	prev := 0
	for _, p := range pts {
		if p <= prev || p >= len(word) || !utf8.RuneStart(word[p]) {
			t.Fatalf("%s %q: bad points %v", h.Lang(), word, pts)
		}
		prev = p
	}
}

func FuzzHyphenate(f *testing.F) {
	for _, s := range []string{"республика", "hyphenation", "тәуелсіздік", "ҷамъият", "a\u00adb", "ь-ъ", "«мир»", "x\u0301y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for _, lang := range []string{"en", "en-us", "ru", "kk", "ky", "tg"} {
			h := For(lang)
			pts := h.Hyphenate(word)
			checkPoints(t, h, word, pts)
			if !slices.Equal(pts, h.AppendPoints(nil, word)) {
				t.Fatalf("Hyphenate and AppendPoints differ on %q", word)
			}
		}
	})
}

// TestCompoundStems checks the corpus compounds that syllable rules or patterns would divide
// across their parts, in their base and inflected forms, and that Kazakh and Kyrgyz carry at
// least three letters.
func TestCompoundStems(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"kk", "Жаңаөзен", "Жа-ңа-өзен"},
		{"kk", "Жаңаөзендегі", "Жа-ңа-өзен-дегі"},
		{"kk", "кәсіподақ", "кә-сіп-одақ"},
		{"kk", "кәсіподақтар", "кә-сіп-одақ-тар"},
		{"ky", "бейөкмөт", "бей-өк-мөт"},
		{"ky", "бейөкмөттүк", "бей-өк-мөт-түк"},
		{"ru", "Магнитский", "Маг-нит-ский"},
		{"kk", "қазақстандықтар", "қа-зақ-стан-дық-тар"},
		{"kk", "жылы", "жылы"},
		{"ky", "адамдарга", "адам-дарга"},
	}
	for _, tc := range tests {
		h := For(tc.lang)
		got, last := "", 0
		for _, p := range h.Hyphenate(tc.word) {
			got += tc.word[last:p] + "-"
			last = p
		}
		got += tc.word[last:]
		if got != tc.want {
			t.Errorf("%s %s: got %s, want %s", tc.lang, tc.word, got, tc.want)
		}
	}
}
