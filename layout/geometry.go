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

// newGeometry returns the page geometry of a trim size: its type and margins are the
// model's (book.Paper.Page), so that check measures figures against the same text block.
func newGeometry(paper book.Paper) (geometry, error) {
	p, ok := paper.Page()
	w, h, known := paper.Size()
	if !ok || !known {
		return geometry{}, fmt.Errorf("layout: %w %q (want one of %s)", book.ErrUnknownPaper, paper, book.PaperNames())
	}
	g := geometry{paper: paper, trimW: w * mm, trimH: h * mm,
		inner: p.Inner * mm, outer: p.Outer * mm, top: p.Top * mm, bottom: p.Bottom * mm,
		size: p.Size, leading: p.Leading}
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
