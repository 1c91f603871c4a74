package wpimport

import (
	"strings"
	"unicode"
)

// letterCounts tallies the letters that tell the languages apart.
type letterCounts struct {
	latin, cyrillic int
	kazakh          int // ә ғ қ ұ һ і: Kazakh only among the series' languages
	kyrgyz          int // ө ү ң: Kyrgyz, and Kazakh
	tajik           int // ҷ ӣ ӯ ҳ: Tajik only
}

func countLetters(s string) letterCounts {
	var c letterCounts
	for _, r := range s {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				c.latin++
			}
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
			switch unicode.ToLower(r) {
			case 'ә', 'ғ', 'қ', 'ұ', 'һ', 'і':
				c.kazakh++
			case 'ө', 'ү', 'ң':
				c.kyrgyz++
			case 'ҷ', 'ӣ', 'ӯ', 'ҳ':
				c.tajik++
			}
		case unicode.Is(unicode.Latin, r):
			c.latin++
		}
	}
	return c
}

// DetectLanguage guesses the language of a text from its letters: English
// for Latin script; among Cyrillic texts, Tajik by ҷ ӣ ӯ ҳ, Kazakh by
// ә ғ қ ұ һ і, Kyrgyz by ө ү ң without the Kazakh letters, and Russian by
// the absence of all of them. It returns "" when the text has no letters.
func DetectLanguage(s string) string {
	c := countLetters(s)
	switch {
	case c.latin == 0 && c.cyrillic == 0:
		return ""
	case c.latin > c.cyrillic:
		return "en"
	}
	threshold := max(2, c.cyrillic/500)
	switch {
	case c.tajik >= threshold:
		return "tg"
	case c.kazakh >= threshold:
		return "kk"
	case c.kyrgyz >= threshold:
		return "ky"
	}
	return "ru"
}

// countries maps each report folder to the stems of the country's name in
// the languages of the series.
var countries = []struct {
	report string
	stems  []string
}{
	{"kazakhstan", []string{"kazakhstan", "қазақстан", "казахстан", "казакстан"}},
	{"kyrgyzstan", []string{"kyrgyzstan", "kyrgyz republic", "кыргызстан", "қырғызстан", "киргизия", "кыргыз республикасы"}},
	{"tajikistan", []string{"tajikistan", "таджикистан", "тәжікстан", "тажикстан", "тоҷикистон"}},
}

// seriesReport is the report folder of posts that cover every country.
const seriesReport = "series"

// ClassifyReport names the report a post belongs to: the country its title
// names, "series" when the title names several, and otherwise the country
// its body names most (at least five times and twice as often as any
// other). It returns "" for posts about none of the countries.
func ClassifyReport(title, body string) string {
	named := mentions(title)
	switch n := len(named); {
	case n == 1:
		return named[0].report
	case n > 1:
		return seriesReport
	}
	counts := mentions(body)
	if len(counts) == 0 || counts[0].n < 5 || len(counts) > 1 && counts[0].n < 2*counts[1].n {
		return ""
	}
	return counts[0].report
}

type mention struct {
	report string
	n      int
}

// mentions counts the country names in s, most mentioned first.
func mentions(s string) []mention {
	s = strings.ToLower(s)
	var out []mention
	for _, c := range countries {
		n := 0
		for _, stem := range c.stems {
			n += strings.Count(s, stem)
		}
		if n > 0 {
			out = append(out, mention{c.report, n})
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].n > out[j-1].n; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Chapter kinds, as the manuscript format names them.
const (
	KindSummary      = "executive-summary"
	KindIntroduction = "introduction"
	KindConclusions  = "conclusions"
	KindOverview     = "overview"
)

// kindWords lists, per chapter kind, the title words that name it in
// English, Kazakh, Kyrgyz, Russian and Tajik. Summaries come first: the
// Russian "Краткий обзор" is a summary, not an overview.
var kindWords = []struct {
	kind  string
	words []string
}{
	{KindSummary, []string{"executive summary", "summary", "талдамалы жазба", "қысқаша мазмұн", "кыскача мазмун", "краткий обзор", "резюме", "хулосаи мухтасар"}},
	{KindIntroduction, []string{"introduction", "кіріспе", "киришүү", "введение", "муқаддима"}},
	{KindConclusions, []string{"conclusions", "recommendations", "қорытынды", "ұсыныстар", "корутунду", "сунуштар", "выводы", "рекомендации", "хулосаҳо", "тавсияҳо"}},
	{KindOverview, []string{"overview", "responding to", "шолу", "обзор", "сереп", "шарҳ"}},
}

// ClassifyTitle returns the chapter kind a post title names and the part of
// the title that names it ("Retreating Rights - Kazakhstan: Introduction"
// gives "introduction", "Introduction"). A title that names no kind gives
// "" and the whole title.
func ClassifyTitle(title string) (kind, chapterTitle string) {
	parts := titleParts(title)
	for _, k := range kindWords {
		for _, p := range parts {
			lp := strings.ToLower(p)
			for _, w := range k.words {
				if strings.Contains(lp, w) {
					if k.kind == KindOverview {
						return k.kind, strings.TrimSpace(title)
					}
					return k.kind, p
				}
			}
		}
	}
	return "", strings.TrimSpace(title)
}

// titleParts splits a post title at colons and spaced dashes.
func titleParts(title string) []string {
	f := func(r rune) bool { return r == ':' }
	var out []string
	for _, p := range strings.FieldsFunc(title, f) {
		for _, q := range strings.Split(strings.NewReplacer(" – ", " - ", " — ", " - ").Replace(p), " - ") {
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}
