package layout

import (
	"fmt"
	"math"

	"github.com/fpc/bindery/book"
)

// mm is one millimetre in points, the engine's unit.
const mm = 72 / 25.4

// geometry is the trim size, the margins of a recto page and the body type of one edition.
type geometry struct {
	paper                     book.Paper
	trimW, trimH              float64
	inner, outer, top, bottom float64
	textW, textH              float64
	size, leading             float64 // body type
	lines                     int     // body lines per page
}

// paperSpec is the type size and the margins, in millimetres, of a trim size.
type paperSpec struct {
	size, leading, inner, outer, top, bottom float64
}

// papers are the type and margins of the trim sizes. Text blocks keep 60–75 characters a line
// of English (A4 and letter take wide outer margins for it).
var papers = map[book.Paper]paperSpec{
	book.PaperA5:     {10, 13, 17, 21, 19, 23},
	book.PaperB5:     {10.5, 13.6, 20, 25, 22, 27},
	book.PaperRoyal:  {10, 13, 18, 22, 20, 25},
	book.Paper6x9:    {10, 13, 18, 22, 20, 25},
	book.PaperA4:     {11, 14.6, 30, 48, 26, 32},
	book.PaperLetter: {11, 14.6, 30, 52, 24, 30},
}

// newGeometry returns the page geometry of a trim size.
func newGeometry(paper book.Paper) (geometry, error) {
	p, ok := papers[paper]
	w, h, known := paper.Size()
	if !ok || !known {
		return geometry{}, fmt.Errorf("layout: %w %q (want one of %s)", book.ErrUnknownPaper, paper, book.PaperNames())
	}
	g := geometry{paper: paper, trimW: w * mm, trimH: h * mm,
		inner: p.inner * mm, outer: p.outer * mm, top: p.top * mm, bottom: p.bottom * mm,
		size: p.size, leading: p.leading}
	g.textW = g.trimW - g.inner - g.outer
	g.lines = int(math.Floor((g.trimH - g.top - g.bottom) / g.leading))
	g.textH = float64(g.lines) * g.leading
	return g, nil
}

// left returns the left edge of the text block on page n (1-based; odd pages are rectos).
func (g geometry) left(n int) float64 {
	if n%2 == 1 {
		return g.inner
	}
	return g.outer
}

// grid is the line grid of the body text the pages are made up on.
func (g geometry) grid() grid {
	return grid{height: g.textH, leading: g.leading, base: g.leading/2 + g.size*0.32}
}
