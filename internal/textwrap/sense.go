package textwrap

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Display breaks a display line (a title, a subtitle, a series name) into lines by sense, as
// a typographer sets a title page: as few lines as fit the measure, balanced (of about the
// same width, not a long line over a short one), with no preposition, article or conjunction
// of lang at a line end, no word alone on the last line, a numeral kept with the word it
// counts, and a break after a colon, a dash or a comma where there is one (a line more than the
// fewest is taken for these, never for a text that fits on one line). width measures a
// line; a word wider than measure stands alone on its line. No-break spaces hold.
func Display(text, lang string, width func(line string) float64, measure float64) []string {
	words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' })
	if len(words) == 0 {
		return nil
	}
	fewest := len(Lines(text, func(l string) bool { return width(l) <= measure }))
	var best []string
	bestCost := math.Inf(1)
	most := min(fewest+1, len(words))
	if fewest == 1 {
		most = 1 // what fits on one line stays on it
	}
	for n := fewest; n <= most; n++ {
		lines, cost := bestSplit(words, n, lang, width, measure)
		cost += float64(n-fewest) * extraLineCost
		if lines != nil && cost < bestCost {
			best, bestCost = lines, cost
		}
	}
	if best == nil {
		return Lines(text, func(l string) bool { return width(l) <= measure })
	}
	return best
}

// The costs of Display's choices, in units of a line's squared shortfall from the widest,
// as a share of the measure (so 1 is a line empty beside a full one).
const (
	weakEndCost   = 2    // a preposition, article or conjunction at a line end
	numeralCost   = 2    // a numeral at a line end before the word it counts
	weakStartCost = 0.5  // a postposition (kk, ky) at a line start
	orphanCost    = 1.5  // one word alone on the last of several lines
	extraLineCost = 0.6  // a line more than the fewest that fit
	senseBonus    = 0.3  // a line end after a comma, a dash or a semicolon
	colonBonus    = 0.8  // a line end after a colon
	overCost      = 1e6  // a line wider than the measure (only a word that cannot fit)
	tooLongCost   = 1e-3 // per word beyond the table's reach (see bestSplit)
)

// bestSplit finds the least costly way to set words in exactly n lines, by dynamic
// programming over the line ends; the balance term compares each line with the measure's
// share that an even split would give.
func bestSplit(words []string, n int, lang string, width func(string) float64, measure float64) ([]string, float64) {
	k := len(words)
	line := func(i, j int) string { return strings.Join(words[i:j], " ") }
	total := width(line(0, k))
	target := math.Min(measure, total/float64(n))
	// cost[m][j]: the least cost of the first j words in m lines; from[m][j]: where the
	// last of those lines starts.
	cost := make([][]float64, n+1)
	from := make([][]int, n+1)
	for m := range cost {
		cost[m] = make([]float64, k+1)
		from[m] = make([]int, k+1)
		for j := range cost[m] {
			cost[m][j] = math.Inf(1)
		}
	}
	cost[0][0] = 0
	for m := 1; m <= n; m++ {
		for j := m; j <= k-(n-m); j++ {
			for i := m - 1; i < j; i++ {
				if math.IsInf(cost[m-1][i], 1) {
					continue
				}
				c := cost[m-1][i] + lineCost(words, i, j, k, n, m, lang, width(line(i, j)), target, measure)
				if c < cost[m][j] {
					cost[m][j], from[m][j] = c, i
				}
			}
		}
	}
	if math.IsInf(cost[n][k], 1) {
		return nil, math.Inf(1)
	}
	out := make([]string, n)
	for m, j := n, k; m > 0; m-- {
		i := from[m][j]
		out[m-1] = line(i, j)
		j = i
	}
	return out, cost[n][k]
}

// lineCost is the cost of words[i:j] as line m of n.
func lineCost(words []string, i, j, k, n, m int, lang string, w, target, measure float64) float64 {
	c := 0.0
	if w > measure {
		if j-i > 1 {
			return math.Inf(1)
		}
		c += overCost
	}
	d := (w - target) / measure
	c += d * d
	if j < k { // the line ends inside the text
		last := words[j-1]
		switch {
		case weakWord(lang, trimWord(last)):
			c += weakEndCost
		case isNumeral(last) && startsLower(words[j]):
			c += numeralCost
		}
		switch r, _ := utf8.DecodeLastRuneInString(last); r {
		case ':':
			c -= colonBonus
		case ',', ';', '–', '—':
			c -= senseBonus
		}
		if words[j] == "–" || words[j] == "—" {
			c -= senseBonus // a line that starts with a spaced dash
		}
	}
	if i > 0 && postposition(lang, trimWord(words[i])) {
		c += weakStartCost
	}
	if m == n && n > 1 && j-i == 1 {
		c += orphanCost
	}
	return c
}

// trimWord lowercases a word and strips the punctuation around it.
func trimWord(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

func isNumeral(w string) bool {
	w = strings.TrimRight(w, ",.;:")
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// weakWord reports whether a word of lang is a preposition, an article or a conjunction,
// which a display line may not end with.
func weakWord(lang, w string) bool {
	base, _, _ := strings.Cut(lang, "-")
	return weakEnd[base][w]
}

// WeakEnd reports whether a word of lang (punctuation around it and case aside) is one a
// line broken by sense may not end with: a preposition, an article or a conjunction.
func WeakEnd(lang, word string) bool { return weakWord(lang, trimWord(word)) }

// postposition reports whether a word of lang follows the noun it governs (kk, ky), so that
// a line had better not start with it.
func postposition(lang, w string) bool {
	base, _, _ := strings.Cut(lang, "-")
	return weakStart[base][w]
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// weakEnd lists, per language, the words a display line may not end with: articles,
// prepositions and conjunctions (Kazakh and Kyrgyz have postpositions instead of
// prepositions: their conjunctions and the particles that join the next word).
var weakEnd = map[string]map[string]bool{
	"en": set("a an the of in on at to for by with from into onto upon over under about after " +
		"before between among against across through during without within and or but nor as " +
		"via per than that its their our his her this these those"),
	"ru": set("в во на и а но с со к ко о об обо от до по за из изо у для без при про под над " +
		"через перед между или либо что как не ни же ли"),
	"tg": set("ба бо аз дар то ва ё ки барои бе"),
	"kk": set("және мен бен пен немесе әрі бірақ не яғни сондай-ақ"),
	"ky": set("жана менен же бирок же болбосо анткени ошондой эле"),
}

// weakStart lists the postpositions of Kazakh and Kyrgyz, which follow the word they govern.
var weakStart = map[string]map[string]bool{
	"kk": set("туралы үшін бойынша арқылы жөнінде қарсы сияқты дейін кейін бері"),
	"ky": set("жөнүндө үчүн боюнча аркылуу каршы сыяктуу чейин кийин бери тууралуу"),
}
