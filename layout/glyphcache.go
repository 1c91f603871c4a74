package layout

import (
	"unicode/utf8"

	"github.com/fpc/bindery/pdf"
)

// The display step looks up every character it draws: its glyph in the face and its advance.
// The face's own maps answer that, but a page has thousands of characters, so a displayer
// keeps the answers for the characters of the scripts the reports are written in (Latin,
// Cyrillic and general punctuation) in small arrays, one per face it draws in.

// cachedRunes are the characters a glyphCache keeps: U+0000-U+04FF (Latin, Greek and
// Cyrillic) and, after them, U+2000-U+207F (general punctuation: dashes, quotes, ellipsis).
const (
	cachedLow   = 0x500
	punctFirst  = 0x2000
	punctEnd    = 0x2080
	cachedRunes = cachedLow + punctEnd - punctFirst
)

// cachedGlyph is a character's glyph and advance (a whole number of thousandths of an em,
// as faceMetrics.advance rounds it, so float32 holds it exactly); known is set once looked up.
type cachedGlyph struct {
	id    uint16
	known bool
	adv   float32
}

// glyphCache keeps the glyphs and advances of the characters a displayer draws, and each
// face's ligatures. Its tables are filled from the document's metrics on first use.
type glyphCache struct {
	m     *metrics
	faces [numFonts]*[cachedRunes]cachedGlyph
	ligs  [numFonts]ligatures
	read  [numFonts]bool // ligs[font] is read
}

// slot returns r's index in the tables, or -1 for a character they do not keep.
func slot(r rune) int {
	switch {
	case r >= 0 && r < cachedLow:
		return int(r)
	case r >= punctFirst && r < punctEnd:
		return int(r-punctFirst) + cachedLow
	}
	return -1
}

// lookup returns the glyph of r in a face and its advance in thousandths of an em, the
// values of faceMetrics.glyph and advance.
func (c *glyphCache) lookup(font fontID, r rune) (uint16, float64) {
	i := slot(r)
	if i < 0 {
		f := c.m.faces[font]
		return uint16(f.glyph(r)), f.advance(r)
	}
	t := c.faces[font]
	if t == nil {
		t = new([cachedRunes]cachedGlyph)
		c.faces[font] = t
	}
	if e := t[i]; e.known {
		return e.id, float64(e.adv)
	}
	f := c.m.faces[font]
	id, adv := uint16(f.glyph(r)), f.advance(r)
	t[i] = cachedGlyph{id: id, known: true, adv: float32(adv)}
	return id, adv
}

// ligatures returns a face's ligatures.
func (c *glyphCache) ligatures(font fontID) ligatures {
	if !c.read[font] {
		f := c.m.faces[font]
		c.ligs[font] = ligaturesOf(font, func(r rune) uint16 { return uint16(f.glyph(r)) })
		c.read[font] = true
	}
	return c.ligs[font]
}

// glyphs appends the glyphs of a run, its origin dx from the run they join, with the face's
// standard ligatures (fi, fl, ff, ffi, ffl) inside a piece: never across a kern, a
// hyphenation point or in a letter-spaced line, whose letters stand in pieces of their own.
func (c *glyphCache) glyphs(g *glyphs, dx float64, out []pdf.Glyph) []pdf.Glyph {
	if g.track != 0 {
		return c.trackedGlyphs(g, dx, out)
	}
	ligs := c.ligatures(g.font)
	var one [1]piece
	for _, pc := range g.kerned(&one) {
		x := dx + pc.dx
		for k := 0; k < len(pc.text); {
			if seq, id, ok := ligs.at(pc.text[k:]); ok {
				// One glyph for the letters, which it still reports as text; the letters
				// after it keep the places the engine measured.
				out = append(out, pdf.Glyph{ID: id, Text: seq, X: x})
				for _, r := range seq {
					_, adv := c.lookup(g.font, r)
					x += adv * g.size / 1000
				}
				k += len(seq)
				continue
			}
			r, n := rune(pc.text[k]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(pc.text[k:])
			}
			id, adv := c.lookup(g.font, r)
			out = append(out, pdf.Glyph{ID: id, Text: pc.text[k : k+n], X: x})
			x += adv * g.size / 1000
			k += n
		}
	}
	return out
}
