package layout

import (
	"fmt"
	"math"
	"strings"
)

// mm is one millimetre in points, the engine's unit.
const mm = 72 / 25.4

// geometry is the trim size, the margins of a recto page and the body type of one edition.
type geometry struct {
	paper                     string
	trimW, trimH              float64
	inner, outer, top, bottom float64
	textW, textH              float64
	size, leading             float64 // body type
	lines                     int     // body lines per page
}

// paperSpec is a trim size in millimetres with its type size and margins.
type paperSpec struct {
	w, h, size, leading, inner, outer, top, bottom float64
}

// papers are the supported trim sizes. Text blocks keep 60–80 characters a line.
var papers = map[string]paperSpec{
	"a5":     {148, 210, 10, 13, 17, 21, 19, 23},
	"b5":     {176, 250, 10.5, 13.6, 20, 25, 22, 27},
	"royal":  {156, 234, 10, 13, 18, 22, 20, 25},
	"6x9":    {152.4, 228.6, 10, 13, 18, 22, 20, 25},
	"a4":     {210, 297, 11, 14.6, 27, 34, 26, 32},
	"letter": {215.9, 279.4, 11, 14.6, 28, 34, 24, 30},
}

// Papers lists the trim sizes Typeset accepts, in a stable order.
func Papers() []string { return []string{"a4", "a5", "b5", "royal", "letter", "6x9"} }

// newGeometry returns the page geometry of a trim size name.
func newGeometry(paper string) (geometry, error) {
	p, ok := papers[strings.ToLower(paper)]
	if !ok {
		return geometry{}, fmt.Errorf("layout: unknown paper size %q (want one of %s)",
			paper, strings.Join(Papers(), ", "))
	}
	g := geometry{paper: strings.ToLower(paper), trimW: p.w * mm, trimH: p.h * mm,
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
