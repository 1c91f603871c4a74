package cover

import (
	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/internal/textwrap"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// face measures text in one embedded font: advances only (no kerning), which is also how
// the cover's text is drawn, so measured and drawn widths agree.
type face struct {
	f      *fonts.Face
	sf     *sfnt.Font
	buf    sfnt.Buffer
	upem   float64
	cap    float64 // cap height in em
	glyphs map[rune]glyph
}

type glyph struct {
	id  uint16
	adv float64 // advance in em
}

func newFace(family string, style fonts.Style) (*face, error) {
	f := fonts.Get(family, style)
	if f == nil {
		return nil, errNoFont(family, style)
	}
	sf, err := f.SFNT()
	if err != nil {
		return nil, err
	}
	fc := &face{f: f, sf: sf, upem: float64(sf.UnitsPerEm()), glyphs: map[rune]glyph{}}
	fc.cap = 0.7
	if m, err := sf.Metrics(&fc.buf, fixed.I(int(fc.upem)), 0); err == nil && m.CapHeight > 0 {
		fc.cap = float64(m.CapHeight) / 64 / fc.upem
	}
	return fc, nil
}

// glyph returns the glyph of r; a rune the font lacks gets glyph 0 (book.Load has already
// reported any character the fonts cannot print).
func (fc *face) glyph(r rune) glyph {
	if g, ok := fc.glyphs[r]; ok {
		return g
	}
	var g glyph
	if r == '\u00a0' {
		r = ' '
	}
	if id, err := fc.sf.GlyphIndex(&fc.buf, r); err == nil {
		g.id = uint16(id)
		if adv, err := fc.sf.GlyphAdvance(&fc.buf, id, fixed.I(int(fc.upem)), 0); err == nil {
			g.adv = float64(adv) / 64 / fc.upem
		}
	}
	fc.glyphs[r] = g
	return g
}

// width is the advance of s at size points.
func (fc *face) width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += fc.glyph(r).adv
	}
	return w * size
}

// wrap breaks text into lines no wider than width points, as on the EPUB cover.
func (fc *face) wrap(text string, size, width float64) []string {
	return textwrap.Lines(text, func(line string) bool { return fc.width(line, size) <= width })
}

// wrapDisplay breaks a display line of lang into lines no wider than width points, by sense.
func (fc *face) wrapDisplay(text, lang string, size, width float64) []string {
	return textwrap.Display(text, lang, func(line string) float64 { return fc.width(line, size) }, width)
}
