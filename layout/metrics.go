package layout

import (
	"fmt"
	"math"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontID names one of the six embedded faces the engine sets type in.
type fontID uint8

// The faces, in the order the draw step registers them.
const (
	serifRegular fontID = iota
	serifItalic
	serifBold
	serifBoldItalic
	sansRegular
	sansBold
	monoRegular // code blocks; embedded only in documents that have one (see Document.drawing)
	numFonts
)

// face returns the embedded face of a fontID.
func (id fontID) face() *fonts.Face {
	switch id {
	case serifItalic:
		return fonts.Get(fonts.Serif, fonts.Italic)
	case serifBold:
		return fonts.Get(fonts.Serif, fonts.Bold)
	case serifBoldItalic:
		return fonts.Get(fonts.Serif, fonts.BoldItalic)
	case sansRegular:
		return fonts.Get(fonts.Sans, fonts.Regular)
	case sansBold:
		return fonts.Get(fonts.Sans, fonts.Bold)
	case monoRegular:
		return fonts.Get(fonts.Mono, fonts.Regular)
	}
	return fonts.Get(fonts.Serif, fonts.Regular)
}

// fontFor returns the face the model names for a role of text.
func fontFor(r book.Role) fontID {
	f := r.Face()
	id := serifRegular
	switch f.Family {
	case fonts.Sans:
		id = sansRegular
	case fonts.Mono:
		return monoRegular
	}
	return id.withStyle(f.Style == fonts.Italic || f.Style == fonts.BoldItalic, f.Style == fonts.Bold || f.Style == fonts.BoldItalic)
}

// withStyle returns the serif face with italic and bold switched on as asked.
func (id fontID) withStyle(italic, bold bool) fontID {
	if id == monoRegular {
		return id
	}
	if id >= sansRegular {
		if bold {
			return sansBold
		}
		return id
	}
	it := id == serifItalic || id == serifBoldItalic || italic
	bd := id == serifBold || id == serifBoldItalic || bold
	switch {
	case it && bd:
		return serifBoldItalic
	case it:
		return serifItalic
	case bd:
		return serifBold
	}
	return serifRegular
}

// faceMetrics caches the advances and kerning of one face for one typesetting run.
// Advances are kept in thousandths of an em, rounded the way the PDF's /W array rounds
// them, so that the widths the engine computes are the widths a viewer uses.
type faceMetrics struct {
	font *sfnt.Font
	upem float64
	buf  sfnt.Buffer
	// dense holds the characters below denseRunes in blocks of runeBlock, each block
	// allocated when one of its characters is first measured; others go to sparse.
	dense  [denseRunes / runeBlock]*[runeBlock]runeMetrics
	sparse map[rune]runeMetrics
	kern   map[uint64]float64 // by pairKey
}

// runeMetrics is what a face says about one character: its glyph and advance; known is
// set once they are read.
type runeMetrics struct {
	adv   float64
	gid   sfnt.GlyphIndex
	known bool
}

// The characters kept in dense tables: every script bindery sets (Latin, Cyrillic, general
// punctuation, currency and letterlike symbols, arrows) lies below denseRunes.
const (
	denseRunes = 0x2200
	runeBlock  = 128
)

// pairKey packs a pair of characters into one map key.
func pairKey(a, b rune) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// metrics measures text in all faces. It is not safe for concurrent use: every
// Typeset call makes its own.
type metrics struct {
	faces [numFonts]*faceMetrics
	words map[wordStyle]map[string]wordEntry // words already set, with their break opportunities
	hyph  map[string]map[string][]int        // by language, the hyphenation points of words (see hyphenation)
	// wordItems is where the word cache's items are kept: chunks of wordChunk items that
	// the cached words' items are slices of, one allocation for many words.
	wordItems []item
	// scratch is the item list a paragraph is built in (see takeScratch): only its items,
	// at their number, are copied out.
	scratch []item
	runs    []glyphs // the chunk newGlyphs takes runs from
}

// takeScratch lends the scratch item list, empty; a builder that takes it while another
// has it gets none, and builds in a list of its own.
func (m *metrics) takeScratch() []item {
	s := m.scratch
	m.scratch = nil
	return s[:0]
}

// hyphenation returns the points where the patterns hy of lang hyphenate word, once per
// word and language: a word set in several styles misses the word cache each time, and the
// patterns give it the same points.
func (m *metrics) hyphenation(hy Hyphenator, word, lang string) []int {
	words := m.hyph[lang]
	if at, ok := words[word]; ok {
		return at
	}
	if words == nil {
		if m.hyph == nil {
			m.hyph = map[string]map[string][]int{}
		}
		words = map[string][]int{}
		m.hyph[lang] = words
	}
	at := hy.Hyphenate(word)
	words[word] = at
	return at
}

// newMetrics prepares the (parse-once) faces for measuring.
func newMetrics() (*metrics, error) {
	m := &metrics{}
	for id := fontID(0); id < numFonts; id++ {
		f, err := id.face().SFNT()
		if err != nil {
			return nil, fmt.Errorf("layout: %w", err)
		}
		m.faces[id] = &faceMetrics{font: f, upem: float64(f.UnitsPerEm()),
			sparse: map[rune]runeMetrics{}, kern: map[uint64]float64{}}
	}
	return m, nil
}

// ppem asks sfnt for results in font units (26.6 fixed point).
func (f *faceMetrics) ppem() fixed.Int26_6 { return fixed.Int26_6(f.upem * 64) }

// of returns the glyph and advance of r, reading them from the font on first use.
func (f *faceMetrics) of(r rune) runeMetrics {
	if r >= 0 && r < denseRunes {
		blk := f.dense[r/runeBlock]
		if blk == nil {
			blk = new([runeBlock]runeMetrics)
			f.dense[r/runeBlock] = blk
		}
		rm := &blk[r%runeBlock]
		if !rm.known {
			*rm = f.read(r)
		}
		return *rm
	}
	rm, ok := f.sparse[r]
	if !ok {
		rm = f.read(r)
		f.sparse[r] = rm
	}
	return rm
}

// read looks r up in the font: its glyph (0 when the face has none) and the glyph's
// advance in thousandths of an em, rounded as the PDF records it (0 when unreadable).
func (f *faceMetrics) read(r rune) runeMetrics {
	g, _ := f.font.GlyphIndex(&f.buf, r)
	rm := runeMetrics{gid: g, known: true}
	if adv, err := f.font.GlyphAdvance(&f.buf, g, f.ppem(), font.HintingNone); err == nil {
		rm.adv = math.Round(float64(adv) / 64 * 1000 / f.upem)
	}
	return rm
}

func (f *faceMetrics) glyph(r rune) sfnt.GlyphIndex { return f.of(r).gid }

// advance returns the advance of r in thousandths of an em, as the PDF records it.
func (f *faceMetrics) advance(r rune) float64 { return f.of(r).adv }

// kerning returns the GPOS or kern adjustment between a and b in thousandths of an em.
func (f *faceMetrics) kerning(a, b rune) float64 {
	key := pairKey(a, b)
	if k, ok := f.kern[key]; ok {
		return k
	}
	k := 0.0
	ga, gb := f.glyph(a), f.glyph(b)
	if ga != 0 && gb != 0 {
		if d, err := f.font.Kern(&f.buf, ga, gb, f.ppem(), font.HintingNone); err == nil {
			k = float64(d) / 64 * 1000 / f.upem
		}
	}
	f.kern[key] = k
	return k
}

// piece is a run of glyphs drawn with one Text call, at x offset dx from its box's origin.
type piece struct {
	dx   float64
	text string
}

// shape measures s in font id at size pt and splits it where kerning moves a glyph, so the
// draw step can place each kerned segment itself. It returns the total width in points, and
// no pieces when nothing inside s is kerned: the whole of s is then the one piece, at 0 (see
// glyphs.kerned), which spares most words an allocation.
func (m *metrics) shape(id fontID, size float64, s string) (float64, []piece) {
	return m.measure(id, size, s, true)
}

// width returns the kerned width of s in points.
func (m *metrics) width(id fontID, size float64, s string) float64 {
	w, _ := m.measure(id, size, s, false)
	return w
}

// measure is shape, which makes the pieces only when split is set.
func (m *metrics) measure(id fontID, size float64, s string, split bool) (float64, []piece) {
	f := m.faces[id]
	var pieces []piece
	start, x, segX := 0, 0.0, 0.0
	prev := rune(-1)
	for i, r := range s {
		if prev >= 0 {
			if k := f.kerning(prev, r); k != 0 {
				if split {
					pieces = append(pieces, piece{dx: segX, text: s[start:i]})
				}
				x += k * size / 1000
				start, segX = i, x
			}
		}
		x += f.advance(r) * size / 1000
		prev = r
	}
	if split && start > 0 && start < len(s) {
		pieces = append(pieces, piece{dx: segX, text: s[start:]})
	}
	return x, pieces
}

// ascent returns the font's ascent at size, in points.
func (m *metrics) ascent(id fontID, size float64) float64 {
	f := m.faces[id]
	mt, err := f.font.Metrics(&f.buf, f.ppem(), font.HintingNone)
	if err != nil {
		return 0.75 * size
	}
	return float64(mt.Ascent) / 64 / f.upem * size
}
