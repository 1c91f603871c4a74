package epub

import (
	"bytes"
	"cmp"
	"fmt"
	"image"
	"image/color"
	"strconv"
	"strings"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/internal/textwrap"
)

// The generated cover is a 1600 × 2560 PNG (the 1:1.6 ratio e-book stores ask for), laid
// out on a grid with a fixed margin.
const (
	coverW      = 1600
	coverH      = 2560
	coverMargin = 150
	coverLevels = 64 // anti-aliasing levels per ink in the palette
)

// Default cover colours, used for any the manifest leaves out.
const (
	defaultBackground = "#1d3557"
	defaultForeground = "#ffffff"
	defaultAccent     = "#e63946"
)

// ink is one of the two colours drawn over the cover's background.
type ink int

// The inks: text in the foreground colour, marks in the accent colour.
const (
	fgInk ink = iota
	accentInk
)

// coverCanvas is the cover being drawn: the outlines of each ink over the background,
// rasterized a pixel row at a time when the PNG is written (no whole-cover buffers).
type coverCanvas struct {
	bg, fg, accent color.RGBA
	shapes         [2][]*outline // per ink, in drawing order
	err            error         // the first error while drawing
	lang           string        // the edition's language, for breaking the display lines by sense
	scratch        []edge        // room for the edges of a line being drawn
}

// renderCover draws the generated cover: series, title, subtitle, the editors, the draft mark, and at
// the foot the edition's language and publisher, in PT Sans and PT Serif.
func renderCover(ed *book.Edition, ui book.Strings) ([]byte, error) {
	c, err := drawCover(ed, ui)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := c.writePNG(&buf); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	return buf.Bytes(), nil
}

// drawCover lays out the generated cover's text and marks as outlines on a canvas.
func drawCover(ed *book.Edition, ui book.Strings) (*coverCanvas, error) {
	c, err := newCoverCanvas(ed.Meta.Cover)
	if err != nil {
		return nil, err
	}
	meta := ed.Meta.Display()
	width := coverW - 2*coverMargin
	y := 300
	if meta.Series != "" {
		y = c.paragraph(fgInk, fonts.Sans, fonts.Regular, 72, meta.Series, y, width, 6)
	}
	c.rect(accentInk, image.Rect(coverMargin, y+10, coverMargin+360, y+26))
	y += 200
	c.lang = ed.Lang
	size := titleSize(meta.Title, ed.Lang, width)
	y = c.paragraph(fgInk, fonts.Sans, fonts.Bold, size, meta.Title, y, width, 100)
	if meta.Subtitle != "" {
		y = c.paragraph(fgInk, fonts.Serif, fonts.Italic, 68, meta.Subtitle, y+60, width, 8)
	}
	for i, by := range ed.TitleCredits() { // "Edited by …", as on the printed cover
		y = c.paragraph(fgInk, fonts.Serif, fonts.Regular, 56, by, y+60*(1-min(i, 1)), width, 3)
	}
	if ed.Draft() {
		c.paragraph(accentInk, fonts.Sans, fonts.Bold, 96, strings.ToUpper(ui.Draft), y+120, width, 1)
	}
	foot := coverH - coverMargin - 90
	if ed.Meta.Publisher != "" {
		c.paragraph(fgInk, fonts.Sans, fonts.Regular, 56, ed.Meta.Publisher, foot, width, 1)
		foot -= 110
	}
	c.paragraph(accentInk, fonts.Sans, fonts.Bold, 64, ui.Language, foot, width, 1)
	if c.err != nil {
		return nil, c.err
	}
	return c, nil
}

func newCoverCanvas(cv book.Cover) (*coverCanvas, error) {
	var c coverCanvas
	var err error
	for _, x := range []struct {
		dst       *color.RGBA
		val, def  string
		fieldName string
	}{{&c.bg, cv.Background, defaultBackground, "background"},
		{&c.fg, cv.Foreground, defaultForeground, "foreground"},
		{&c.accent, cv.Accent, defaultAccent, "accent"}} {
		if x.val == "" {
			x.val = x.def
		}
		if *x.dst, err = parseColor(x.val); err != nil {
			return nil, fmt.Errorf("cover %s: %w", x.fieldName, err)
		}
	}
	return &c, nil
}

// parseColor reads a colour written #rrggbb or #rgb.
func parseColor(s string) (color.RGBA, error) {
	hex := strings.TrimPrefix(s, "#")
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || len(hex) != 6 || !strings.HasPrefix(s, "#") {
		return color.RGBA{}, fmt.Errorf("colour %q is not #rrggbb", s)
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}, nil
}

// rect draws a rectangle in an ink, fully covering the pixels inside it.
func (c *coverCanvas) rect(k ink, r image.Rectangle) {
	var o outline
	x0, y0, x1, y1 := float64(r.Min.X), float64(r.Min.Y), float64(r.Max.X), float64(r.Max.Y)
	o.line(x0, y0, x1, y0)
	o.line(x1, y0, x1, y1)
	o.line(x1, y1, x0, y1)
	o.line(x0, y1, x0, y0)
	c.shapes[k] = append(c.shapes[k], &o)
}

// errNoFont reports a face missing from the embedded fonts.
func errNoFont(family string, style fonts.Style) error {
	return fmt.Errorf("cover: no font %s %s", family, style)
}

// titleSize is the largest title size, in pixels, at which the title fits in six lines.
func titleSize(title, lang string, width int) float64 {
	for size := 136.0; size > 72; size -= 8 {
		face, err := newTypeface(fonts.Sans, fonts.Bold, size)
		if err != nil {
			return 72
		}
		if len(wrap(face, title, lang, width)) <= 6 {
			return size
		}
	}
	return 72
}

// paragraph draws text wrapped to width from the baseline y, at most maxLines lines, and
// returns the baseline after the last line. An error is kept for renderCover to return.
func (c *coverCanvas) paragraph(k ink, family string, style fonts.Style, size float64, text string, y, width, maxLines int) int {
	face, err := newTypeface(family, style, size)
	if err != nil {
		c.err = cmp.Or(c.err, err)
		return y
	}
	lead := int(size * 1.18)
	for i, line := range wrap(face, text, c.lang, width) {
		if i == maxLines {
			break
		}
		if i > 0 {
			y += lead
		}
		c.shapes[k] = append(c.shapes[k], face.outline(line, coverMargin, float64(y), &c.scratch))
	}
	return y + lead
}

// wrap breaks a display line of lang (every text of the cover is one) into lines no wider
// than width pixels, by sense (textwrap.Display), as the title page does.
func wrap(face *typeface, text, lang string, width int) []string {
	return textwrap.Display(text, lang, face.width, float64(width))
}

// blend mixes two colours, a/255 of the second.
func blend(from, to color.RGBA, a int) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8((int(x)*(255-a) + int(y)*a + 127) / 255) }
	return color.RGBA{R: mix(from.R, to.R), G: mix(from.G, to.G), B: mix(from.B, to.B), A: 0xff}
}
