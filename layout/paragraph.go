package layout

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/hyphen"
)

// Hyphenator finds the places inside a word where a hyphen may go, as ascending byte
// offsets. The hyphen package's patterns satisfy it; tests pass fakes.
type Hyphenator interface {
	Hyphenate(word string) []int
}

// byLang hyphenates each word with the patterns of its run's language (book.Inline.Lang,
// which the model sets on every run, Latin-script parts of a Cyrillic edition included),
// and a word without one with the edition's.
type byLang struct {
	lang string // the edition's language
}

// Hyphenate hyphenates a word in the edition's language.
func (h byLang) Hyphenate(w string) []int {
	if hy := h.forLang(""); hy != nil {
		return hy.Hyphenate(w)
	}
	return nil
}

// forLang returns the hyphenation of a language ("" for the edition's), nil when bindery
// has no patterns for it.
func (h byLang) forLang(lang string) Hyphenator {
	if lang == "" {
		lang = h.lang
	}
	if p := hyphen.For(lang); p != nil {
		return p
	}
	return nil
}

// textStyle is the state an inline is set in.
type textStyle struct {
	font  fontID
	size  float64
	link  string
	url   bool   // break after URL punctuation, never hyphenate
	alert bool   // the alert colour
	lang  string // the run's language, "" for the edition's
}

// paraBuilder turns inlines into a paragraph's items.
type paraBuilder struct {
	m       *metrics
	hy      Hyphenator
	lang    string // the language of the word being set
	items   []item
	ragged  bool
	measure float64       // the line width, to spot words that can never fit
	ch      *book.Chapter // for note identifiers; nil outside chapters
	pos     int           // characters of the paragraph's text consumed so far
	anchors []anchor      // manuscript places of the paragraph's words, for warnings
	wides   []*wideWord   // the words too wide for a line, for warnings (see item.wide)
	rep     *reporter     // where warnings go; nil for none
	// midSentence is set after a word that does not end a sentence: a capitalised word there
	// is a proper name, hyphenated only in the emergency pass.
	midSentence bool
	// cache is the word cache of cacheStyle, the style of the last word set: [0] for a short
	// word, [1] for one that may be too wide for the measure (see mayBeTooWide).
	cache      [2]map[string]wordEntry
	cacheStyle [2]wordStyle
	// hyFor is the hyphenation of hyLang, the language of the last word hyphenated by byLang.
	hyFor  Hyphenator
	hyLang string
}

// Penalties of the break opportunities inside words.
const (
	hyphenPenalty    = 300
	enHyphenPenalty  = 120
	exHyphenPenalty  = 50
	urlPenalty       = 40
	urlLetterPenalty = 2000
)

// langHyphenPenalty is the cost of a hyphenation point in a language. English words are
// short and its patterns find few points, so at the Cyrillic languages' cost English text
// hyphenated about 1% of its lines and set the rest tight or loose; at enHyphenPenalty it
// hyphenates about 4% (issue 13 allows 10%) with evener spaces. The Kazakh, Kyrgyz and
// Russian patterns find many points in long agglutinated words: they keep the higher cost.
func langHyphenPenalty(lang string) float64 {
	if lang == "en" || strings.HasPrefix(lang, "en-") {
		return enHyphenPenalty
	}
	return hyphenPenalty
}

// spaceGlue is an interword space in the style: a third of an em in TeX; PT Serif's own space
// is narrower, so the engine uses the font's space with TeX's proportions of stretch and shrink.
func (b *paraBuilder) spaceGlue(st textStyle) item {
	w := b.m.faces[st.font].advance(' ') * st.size / 1000
	if b.ragged {
		return glue(w, 0, 0)
	}
	return glue(w, w*0.8, w*0.33)
}

func (b *paraBuilder) addInlines(in []book.Inline, st textStyle) {
	for _, x := range in {
		st := st
		if x.Lang != "" {
			st.lang = x.Lang
		}
		b.anchor(x)
		switch x.Kind {
		case book.Text:
			b.addText(x.Text, st)
		case book.Emph:
			s := st
			s.font = st.font.withStyle(true, false)
			b.addInlines(x.Children, s)
		case book.Strong:
			s := st
			s.font = st.font.withStyle(false, true)
			b.addInlines(x.Children, s)
		case book.Code, book.URLText:
			s := st
			s.url = true
			if x.Kind == book.URLText && strings.Contains(x.Text, "://") && s.link == "" {
				s.link = x.Text // a bare address is a link to itself
			}
			b.addText(x.Text, s)
		case book.Link:
			s := st
			s.link = x.URL
			s.url = isURLish(x.Children, x.URL)
			b.addInlines(x.Children, s)
		case book.NoteRef:
			b.addNoteRef(x, st)
		case book.Picture:
			b.addPicture(x, st)
		case book.Break: // the glue after the break marks the line end as a word's end: the text keeps a space there
			b.items = append(b.items, glue(0, fill, 0), penalty(0, -infPenalty, false, nil), glue(0, 0, 0))
		}
	}
}

// isURLish reports whether a link's text is its address (or looks like one), to be broken
// like a URL rather than hyphenated.
func isURLish(children []book.Inline, url string) bool {
	var sb strings.Builder
	for _, c := range children {
		sb.WriteString(c.Text)
	}
	t := sb.String()
	return t == url || strings.Contains(t, "://") || strings.HasPrefix(t, "www.")
}

func (b *paraBuilder) addNoteRef(x book.Inline, st textStyle) {
	// A note reference never starts a line: a space the source put before it goes, or, between
	// two references, becomes a space no line breaks at.
	n := len(b.items)
	j := n - 2 // the item before the space, behind the protrusion a ")" or "." put there
	if j > 0 && b.items[j].kind == penaltyItem && b.items[j].protrude > 0 && !b.items[j].hangSet {
		j--
	}
	if n > 1 && b.items[n-1].kind == glueItem && b.items[j].kind == boxItem {
		if g := b.items[j].ink; g != nil && g.rise > 0 {
			b.items = append(b.items[:n-1], nbsp(), b.items[n-1])
		} else {
			b.items = b.items[:j+1]
		}
	}
	size := st.size * 0.62
	font := st.font.withStyle(false, false)
	if font >= sansRegular {
		font = serifRegular
	}
	g := b.run(font, size, strconv.Itoa(x.Note))
	g.rise = st.size * 0.36
	if b.ch != nil {
		g.link = "#" + b.ch.NoteID(x.Note)
		g.anchor = b.ch.RefID(x.Note, x.Ref)
	}
	b.items = append(b.items, item{kind: boxItem, width: g.width, ink: g, at: int32(b.pos)})
}

// run shapes a string into glyphs.
func (b *paraBuilder) run(font fontID, size float64, s string) *glyphs {
	w, pieces := b.m.shape(font, size, s)
	g := b.m.newGlyphs()
	*g = glyphs{font: font, size: size, text: s, pieces: pieces, width: w}
	return g
}

// addText splits text at spaces into words and glue. A no-break space is glue no line may
// break at.
func (b *paraBuilder) addText(s string, st textStyle) {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == ' ' || r == '\n' || r == '\t':
			b.pos++
			if len(b.items) > 0 && b.items[len(b.items)-1].kind == glueItem {
				s = s[n:]
				continue
			}
			b.hang()
			b.items = append(b.items, b.spaceGlue(st))
		case r == '\u00a0':
			b.pos++
			b.items = append(b.items, nbsp(), b.spaceGlue(st))
		case r == '\u202f':
			b.pos++
			w := b.m.faces[st.font].advance(' ') * st.size / 2000
			b.items = append(b.items, nbsp(), glue(w, 0, 0))
		default:
			end := strings.IndexAny(s, " \n\t\u00a0\u202f")
			if end < 0 {
				end = len(s)
			}
			b.addWord(s[:end], st)
			b.midSentence = !endsSentence(s[:end])
			s = s[end:]
			continue
		}
		s = s[n:]
	}
}

// endsSentence reports whether a word closes a sentence (a stop, question or exclamation mark,
// perhaps followed by closing quotes or brackets).
func endsSentence(w string) bool {
	w = strings.TrimRight(w, "»”’\"')]")
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") ||
		strings.HasSuffix(w, "…") || strings.HasSuffix(w, ":")
}

// properName reports whether a word in the middle of a sentence is capitalised.
func (b *paraBuilder) properName(w string) bool {
	if !b.midSentence {
		return false
	}
	i := strings.IndexFunc(w, unicode.IsLetter)
	if i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i:])
	return unicode.IsUpper(r)
}

// protrusion is the share of a character's width that hangs into the right margin at a line
// end, after microtype's defaults: stops, commas and hyphens most, dashes and quotes less.
func protrusion(r rune) float64 {
	switch r {
	case '.', ',', '-', '‑':
		return 0.7
	case ':', ';', '–', '»', '”', '’', '"', '\'':
		return 0.5
	case '!', '?', ')':
		return 0.2
	}
	return 0
}

// hang lets the word before a space reach into the margin by its last character's
// protrusion when a line ends there: a penalty of negative width at the space.
func (b *paraBuilder) hang() {
	n := len(b.items)
	if n == 0 || b.items[n-1].kind != boxItem || b.items[n-1].ink == nil {
		return
	}
	g := b.items[n-1].ink
	r, _ := utf8.DecodeLastRuneInString(g.text)
	if g.rise != 0 || protrusion(r) == 0 {
		return
	}
	pr := protrusion(r) * b.m.faces[g.font].advance(r) * g.size / 1000
	b.items = append(b.items, penalty(-pr, 0, false, nil))
	b.items[n].protrude = pr
}

// hangAt is how far the last character of a word's part hangs into the margin when a line
// ends after it (protrusion).
func (b *paraBuilder) hangAt(part string, st textStyle) float64 {
	r, _ := utf8.DecodeLastRuneInString(part)
	return protrusion(r) * b.m.faces[st.font].advance(r) * st.size / 1000
}

// breakPoint is a place inside a word where a line may end.
type breakPoint struct {
	at        int  // byte offset: the line ends before this byte
	hyphen    bool // a hyphen is inserted when the line ends here
	penalty   float64
	emergency bool // only the emergency pass may break here (a proper name)
	explicit  bool // after the word's own hyphen: the line ends with a hyphen all the same
}

// addWord adds one word as boxes separated by its break opportunities, each box with its
// position in the paragraph's text.
func (b *paraBuilder) addWord(w string, st textStyle) {
	base := b.pos
	b.pos += utf8.RuneCountInString(w)
	start := len(b.items)
	b.lang = st.lang
	ws := wordStyle{font: st.font, size: st.size, url: st.url, hy: b.hy != nil, lang: st.lang,
		alert: st.alert, name: b.properName(w)}
	long := 0
	if mayBeTooWide(w) {
		ws.measure, long = b.measure, 1
	}
	if b.cache[long] == nil || ws != b.cacheStyle[long] {
		b.cache[long], b.cacheStyle[long] = b.m.wordsIn(ws), ws
	}
	cache := b.cache[long]
	cached, ok := cache[w]
	if ok && st.link == "" {
		b.items = append(b.items, cached.items...)
	} else {
		cached.wide = b.setWord(w, st)
		if st.link == "" {
			cached.items = b.m.keep(b.items[start:])
			cache[w] = cached
		}
	}
	var wide int32
	if b.rep != nil && cached.wide {
		b.wides = append(b.wides, &wideWord{word: w, pos: b.wordPos(base)})
		wide = int32(len(b.wides))
	}
	for i := start; i < len(b.items); i++ {
		b.items[i].at += int32(base)
		if wide != 0 && b.items[i].kind == penaltyItem && i > start && betweenLetters(b.items[i-1]) {
			b.items[i].wide = wide
		}
	}
}

// setWord hyphenates and shapes a word into boxes and penalties. It reports whether the word
// is too wide for a line (and not a URL).
func (b *paraBuilder) setWord(w string, st textStyle) (wide bool) {
	var pts []breakPoint
	if st.url {
		pts = urlBreaks(w)
	} else if wide = b.tooWide(w, st); wide {
		pts = wideBreaks(w, b.wordBreaks(w))
	} else {
		pts = b.wordBreaks(w)
		if b.properName(w) {
			for i := range pts {
				pts[i].emergency = pts[i].hyphen
			}
		}
	}
	var hy *glyphs // the hyphen, shaped when the word has a hyphenation point
	start := 0
	for _, p := range pts {
		b.addBox(w[start:p.at], st, utf8.RuneCountInString(w[:start]))
		// The kerning across the split belongs to the word when it is not broken there: it
		// widens the box before, and the penalty takes it back when the line ends here.
		k := b.kernAt(w, p.at, st)
		if n := len(b.items) - 1; n >= 0 && b.items[n].kind == boxItem {
			b.items[n].width += k
		}
		if p.hyphen {
			if hy == nil {
				hy = b.run(st.font, st.size, "-")
				hy.alert, hy.lang = st.alert, st.lang
			}
			pr := protrusion('-') * hy.width
			b.items = append(b.items, penalty(hy.width-k-pr, p.penalty, true, hy))
			b.items[len(b.items)-1].protrude = pr
		} else {
			// A break after the word's own hyphen is flagged like an inserted one: the line
			// ends with a hyphen, which counts in the ladder limit, and is no leaf-turn break.
			// The character before the break (that hyphen, a range's dash, a URL's stop)
			// hangs into the margin once the line is set (item.hangSet).
			b.items = append(b.items, penalty(-k, p.penalty, p.explicit, nil))
			if pr := b.hangAt(w[:p.at], st); pr > 0 {
				b.items[len(b.items)-1].protrude, b.items[len(b.items)-1].hangSet = pr, true
			}
		}
		b.items[len(b.items)-1].last = p.emergency
		start = p.at
	}
	b.addBox(w[start:], st, utf8.RuneCountInString(w[:start]))
	return wide
}

// wideBreaks are the break opportunities of a word too wide for a line: its own (after its
// hyphens, or where it may be hyphenated) at their usual cost, and, so that it can never run
// into the margin, a costly break between any two other characters (see urlBreaks).
func wideBreaks(w string, own []breakPoint) []breakPoint {
	at := map[int]bool{}
	for _, p := range own {
		at[p.at] = true
	}
	pts := slices.Clone(own)
	for _, p := range urlBreaks(w) {
		if !at[p.at] {
			p.penalty = max(p.penalty, urlLetterPenalty)
			pts = append(pts, p)
		}
	}
	slices.SortFunc(pts, func(a, b breakPoint) int { return a.at - b.at })
	return pts
}

// kernAt returns the kerning, in points, between the characters either side of byte at.
func (b *paraBuilder) kernAt(w string, at int, st textStyle) float64 {
	left, _ := utf8.DecodeLastRuneInString(w[:at])
	right, _ := utf8.DecodeRuneInString(w[at:])
	return b.m.faces[st.font].kerning(left, right) * st.size / 1000
}

// addBox adds a box of text that starts at character at of its word.
func (b *paraBuilder) addBox(s string, st textStyle, at int) {
	if s == "" {
		return
	}
	g := b.run(st.font, st.size, s)
	g.link, g.alert, g.lang = st.link, st.alert, st.lang
	b.items = append(b.items, item{kind: boxItem, width: g.width, ink: g, at: int32(at)})
}

// tooWide reports whether a word is so long that it needs breaking like a URL: wider than
// 14 ems or than two thirds of the measure.
func (b *paraBuilder) tooWide(w string, st textStyle) bool {
	if !mayBeTooWide(w) {
		return false
	}
	limit := 14 * st.size
	if b.measure > 0 {
		limit = min(limit, b.measure*2/3)
	}
	return b.m.width(st.font, st.size, w) > limit
}

// wordBreaks finds the hyphenation points of a word, or, in a compound, only the places after
// its own hyphens and dashes: a compound breaks at its hyphen, never inside a part. A hyphen
// that joins a suffix to a numeral or an acronym (8-март, EPCA-ны) is no break either.
func (b *paraBuilder) wordBreaks(w string) []breakPoint {
	var pts []breakPoint
	compound := false
	for i, r := range w {
		if (r == '-' || r == '‐' || r == '–' || r == '—') && i > 0 && i+utf8.RuneLen(r) < len(w) {
			end := i + utf8.RuneLen(r)
			compound = compound || r == '-' || r == '‐'
			if r == '–' || r == '—' || !suffixJoin(w[:i], w[end:]) {
				pts = append(pts, breakPoint{at: end, penalty: exHyphenPenalty, explicit: r == '-' || r == '‐'})
			}
		}
	}
	if compound {
		return pts
	}
	return append(pts, b.hyphenate(w, 0)...)
}

// suffixJoin reports whether a hyphen between before and after joins a case or derivational
// suffix to a numeral or an acronym: before ends in digits (or %) or capitals, after starts
// with a small letter.
func suffixJoin(before, after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsLower(r) {
		return false
	}
	stem := before
	if i := strings.LastIndexFunc(before, func(r rune) bool {
		return !unicode.IsDigit(r) && !unicode.IsUpper(r) && r != '%'
	}); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		stem = before[i+n:]
	}
	if stem == "" {
		return false
	}
	if strings.IndexFunc(stem, unicode.IsUpper) >= 0 {
		return utf8.RuneCountInString(stem) >= 2 && strings.IndexFunc(stem, unicode.IsDigit) < 0
	}
	return true
}

// hyphenate returns the hyphenation points of the letters in part, shifted by off.
func (b *paraBuilder) hyphenate(part string, off int) []breakPoint {
	hy, lang := b.hy, b.lang
	bl, patterns := hy.(byLang)
	if patterns {
		if lang == "" {
			lang = bl.lang
		}
		if b.hyFor == nil || b.hyLang != lang {
			b.hyFor, b.hyLang = bl.forLang(lang), lang
		}
		hy = b.hyFor
	}
	if hy == nil {
		return nil
	}
	lo := strings.IndexFunc(part, unicode.IsLetter)
	hi := strings.LastIndexFunc(part, unicode.IsLetter)
	if lo < 0 {
		return nil
	}
	hi += utf8.RuneLen([]rune(part[hi:])[0])
	core := part[lo:hi]
	if utf8.RuneCountInString(core) < hyphen.MinWord || strings.IndexFunc(core, notWordRune) >= 0 {
		return nil
	}
	var at []int
	if patterns && b.m != nil {
		at = b.m.hyphenation(hy, core, lang)
	} else {
		at = hy.Hyphenate(core)
	}
	var pts []breakPoint
	for _, h := range at {
		if h > 0 && h < len(core) && utf8.RuneStart(core[h]) {
			pts = append(pts, breakPoint{at: off + lo + h, hyphen: true, penalty: langHyphenPenalty(lang)})
		}
	}
	return pts
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }

// urlBreaks allows breaks after URL punctuation and before a hyphen of the address, never
// after one (no hyphen is added, so a line ending in one would read as a hyphenated word);
// at a high cost between any two other characters, and at a higher cost anywhere else, so
// that no address can run into the margin. A scheme ("https://") is never split.
func urlBreaks(w string) []breakPoint {
	const punct = "/._?&=#"
	var pts []breakPoint
	prev := rune(0)
	scheme := 0
	if i := strings.Index(w, "://"); i > 0 && i <= 10 {
		scheme = i + 3
	}
	for i, r := range w {
		if i > 0 && i >= scheme {
			next, _ := utf8.DecodeRuneInString(w[i:])
			nextPunct := strings.ContainsRune(punct+":-", next)
			switch {
			case next == '-' && !strings.ContainsRune(punct+":-", prev):
				pts = append(pts, breakPoint{at: i, penalty: urlPenalty})
			case prev == '-':
				pts = append(pts, breakPoint{at: i, penalty: 2 * urlLetterPenalty})
			case strings.ContainsRune(punct, prev) && !nextPunct:
				pts = append(pts, breakPoint{at: i, penalty: urlPenalty})
			case !nextPunct && prev != ':':
				pts = append(pts, breakPoint{at: i, penalty: urlLetterPenalty})
			default:
				pts = append(pts, breakPoint{at: i, penalty: 2 * urlLetterPenalty})
			}
		}
		prev = r
	}
	return pts
}
