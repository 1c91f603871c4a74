package typo

import (
	"strings"
	"sync"
)

// style holds one language's conventions.
type style struct {
	open, close [2]rune // quotation marks for even and odd nesting levels
	singles     bool    // ‘…’ are quotation marks that take part in nesting (English)
	dash        rune    // the spaced dash between words
	// groupDigits puts a no-break space between digit groups ("10 000"), as the Cyrillic
	// languages group thousands with spaces.
	groupDigits bool
	// tieCounted puts a no-break space between a numeral and the word it counts ("117 человек",
	// "200 protestors"): a word of three or more small letters that is not in notCounted.
	tieCounted bool
	// notCounted lists words (lower case) that follow a numeral without being counted by it:
	// the English conjunctions, articles and prepositions after a year or a number ("in 2019
	// the", "Article 405 and").
	notCounted map[string]bool
	// glueNext lists short words (lower case) that a no-break space ties to the next word:
	// Russian and Tajik prepositions and conjunctions of one or two letters.
	glueNext map[string]bool
	// glueBack lists particles (lower case) that a no-break space ties to the word before
	// them: Russian ли, же, бы.
	glueBack map[string]bool
	// units lists words (lower case) that a no-break space ties to the number before them.
	units map[string]bool
	// numberAbbr lists abbreviations (lower case, with their full stop) that a no-break space
	// ties to the number after them ("ст. 174", "p. 12").
	numberAbbr map[string]bool
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// englishNotCounted are the English words that follow a numeral without being what it counts.
var englishNotCounted = set(`and the for about which with that was were when while has had have
	his her she they their its into over before after but nor from than then are not this
	those these since until against between during under also where who whom whose would could
	should will shall may might must did does saw see became remained began`)

const (
	latinUnits    = "% km kg g m cm mm ha km2 t mln bn million billion per"
	cyrillicUnits = "% км кг г м см мм га т млн млрд тыс тыс. руб. долл. "
)

// styles holds every language's conventions, built once per process.
var styles = sync.OnceValue(func() map[string]*style {
	return map[string]*style{
		"en": {
			open: [2]rune{'‘', '“'}, close: [2]rune{'’', '”'}, singles: true, dash: '–',
			glueNext:   set("mr mrs ms dr prof"),
			tieCounted: true, notCounted: englishNotCounted,
			units:      set(latinUnits),
			numberAbbr: set("p. pp. no. nos. para. art. vol. ch."),
		},
		"en-us": {
			open: [2]rune{'“', '‘'}, close: [2]rune{'”', '’'}, singles: true, dash: '—',
			glueNext:   set("mr mrs ms dr prof"),
			tieCounted: true, notCounted: englishNotCounted,
			units:      set(latinUnits),
			numberAbbr: set("p. pp. no. nos. para. art. vol. ch."),
		},
		"ru": {
			open: [2]rune{'«', '„'}, close: [2]rune{'»', '“'}, dash: '—', groupDigits: true, tieCounted: true,
			glueNext:   set("а в и к о с у я во ко со об от до на по за из не ни но"),
			glueBack:   set("ли ль же ж бы б"),
			units:      set(cyrillicUnits + "г. гг. в. вв. сомони тенге сом"),
			numberAbbr: set("ст. п. пп. ч. гл. с. т. рис. табл."),
		},
		"kk": {
			open: [2]rune{'«', '“'}, close: [2]rune{'»', '”'}, dash: '—', groupDigits: true, tieCounted: true,
			units:      set(cyrillicUnits + "ж. жж. мың теңге"),
			numberAbbr: set("б. т."),
		},
		"ky": {
			open: [2]rune{'«', '„'}, close: [2]rune{'»', '“'}, dash: '—', groupDigits: true, tieCounted: true,
			units:      set(cyrillicUnits + "ж. жж. миң сом"),
			numberAbbr: set("б. т."),
		},
		"tg": {
			open: [2]rune{'«', '„'}, close: [2]rune{'»', '“'}, dash: '—', groupDigits: true, tieCounted: true,
			glueNext:   set("ба аз бо то ва ё дар"),
			units:      set(cyrillicUnits + "сомонӣ ҳаз."),
			numberAbbr: set("м. с."),
		},
	}
})

// styleFor returns the conventions for a BCP 47 tag, matched on its language subtag, or nil
// for a language without rules. The result is shared and must not be changed.
func styleFor(lang string) *style {
	tag := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	base, rest, _ := strings.Cut(tag, "-")
	if base == "en" && (rest == "us" || strings.HasSuffix(rest, "-us")) {
		return styles()["en-us"]
	}
	return styles()[base]
}
