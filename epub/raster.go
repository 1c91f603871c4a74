package epub

import (
	"math"
	"slices"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/fpc/bindery/fonts"
)

// The cover's text is drawn with a small scanline rasterizer over the outlines sfnt reads:
// curves are flattened into edges, each pixel row is sampled on rasterSamples sub-rows,
// spans are filled by the non-zero winding rule with exact horizontal coverage.
const rasterSamples = 8

// edge is a line segment of an outline, top to bottom; dir is +1 if the outline runs down.
type edge struct {
	x0, y0, x1, y1 float64
	dir            int
}

// outline collects the edges of the glyphs of one line of text (or of a rectangle), and
// then rasterizes itself a pixel row at a time, top down.
type outline struct {
	edges       []edge
	top, bottom int // the pixel rows it covers, [top, bottom)
	left, right int // the coverage cells a row can touch, [left, right]
	sc          scanner
}

// line adds a segment.
func (o *outline) line(ax, ay, bx, by float64) {
	if ay == by {
		return
	}
	dir := 1
	if ay > by {
		ax, ay, bx, by = bx, by, ax, ay
		dir = -1
	}
	o.edges = append(o.edges, edge{ax, ay, bx, by, dir})
}

// curve adds a quadratic or cubic Bézier curve as a run of segments.
func (o *outline) curve(pts ...[2]float64) {
	span := 0.0
	for i := 1; i < len(pts); i++ {
		span += math.Hypot(pts[i][0]-pts[i-1][0], pts[i][1]-pts[i-1][1])
	}
	n := max(2, min(64, int(math.Sqrt(span)*1.5)))
	prev := pts[0]
	for i := 1; i <= n; i++ {
		p := bezier(pts, float64(i)/float64(n))
		o.line(prev[0], prev[1], p[0], p[1])
		prev = p
	}
}

// bezier evaluates a quadratic or cubic Bézier curve at t by de Casteljau's construction.
func bezier(pts [][2]float64, t float64) [2]float64 {
	var buf [4][2]float64
	tmp := buf[:copy(buf[:], pts)]
	for n := len(tmp) - 1; n > 0; n-- {
		for i := range n {
			tmp[i][0] += (tmp[i+1][0] - tmp[i][0]) * t
			tmp[i][1] += (tmp[i+1][1] - tmp[i][1]) * t
		}
	}
	return tmp[0]
}

// glyph adds the outline of one glyph with its origin at (x, y).
func (o *outline) glyph(segs sfnt.Segments, x, y float64) {
	pt := func(p fixed.Point26_6) [2]float64 {
		return [2]float64{x + float64(p.X)/64, y + float64(p.Y)/64}
	}
	var start, cur [2]float64
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if cur != start {
				o.line(cur[0], cur[1], start[0], start[1])
			}
			start, cur = pt(s.Args[0]), pt(s.Args[0])
		case sfnt.SegmentOpLineTo:
			p := pt(s.Args[0])
			o.line(cur[0], cur[1], p[0], p[1])
			cur = p
		case sfnt.SegmentOpQuadTo:
			p := pt(s.Args[1])
			o.curve(cur, pt(s.Args[0]), p)
			cur = p
		case sfnt.SegmentOpCubeTo:
			p := pt(s.Args[2])
			o.curve(cur, pt(s.Args[0]), pt(s.Args[1]), p)
			cur = p
		}
	}
	if cur != start {
		o.line(cur[0], cur[1], start[0], start[1])
	}
}

// prepare sorts the edges and finds the rows and columns the outline covers in an image
// of w × h pixels, before row is called for its rows.
func (o *outline) prepare(w, h int) {
	o.sc = scanner{edges: o.edges}
	if len(o.edges) == 0 {
		return
	}
	slices.SortFunc(o.edges, func(a, b edge) int { // the tops are never NaN
		if a.y0 < b.y0 {
			return -1
		}
		if a.y0 > b.y0 {
			return 1
		}
		return 0
	})
	top, bottom := o.edges[0].y0, o.edges[0].y1
	left, right := o.edges[0].x0, o.edges[0].x0
	for _, e := range o.edges {
		bottom = max(bottom, e.y1)
		left, right = min(left, e.x0, e.x1), max(right, e.x0, e.x1)
	}
	o.top, o.bottom = max(int(math.Floor(top)), 0), min(int(math.Ceil(bottom)), h)
	// A crossing lies between its edge's ends; one cell of slack on each side covers
	// the rounding of its interpolation.
	o.right = max(min(int(math.Ceil(right))+1, w), 0)
	o.left = min(max(int(math.Floor(left))-1, 0), o.right)
	o.sc.edges = o.edges
}

// row adds the outline's coverage of pixel row py to dst, keeping the larger value per
// pixel; it reports whether the outline covers that row. Rows must come top down. cov is
// scratch space for len(dst) pixels (see newCoverage).
func (o *outline) row(py int, dst []uint8, cov *coverage) bool {
	if py < o.top || py >= o.bottom {
		return false
	}
	clear(cov.part[o.left : o.right+1])
	clear(cov.full[o.left : o.right+1])
	o.sc.cov = cov
	for s := range rasterSamples {
		o.sc.subRow(float64(py) + (float64(s)+0.5)/rasterSamples)
	}
	full := int32(0) // the sub-rows covering the whole of pixel x
	for x := o.left; x < min(o.right+1, len(dst)); x++ {
		full += cov.full[x]
		if c := cov.part[x] + float64(full); c > 0 { // most cells of a line of text are blank
			dst[x] = max(dst[x], uint8(min(1, c/rasterSamples)*255))
		}
	}
	if py == o.bottom-1 {
		o.edges, o.sc = nil, scanner{} // done: let the edges go
	}
	return true
}

// coverage is the coverage of one pixel row being rasterized, in sub-row units: the parts
// of the cells that spans begin or end in, and, as differences from one cell to the next,
// the count of sub-rows whose spans cover whole cells (a span adds one where its run of
// whole cells begins and takes one away after it ends), so that a span costs the same
// whatever its length. Each has a cell more than the row has pixels, for the spans
// running off the right.
type coverage struct {
	part []float64
	full []int32
}

// newCoverage returns the scratch space of rows of w pixels.
func newCoverage(w int) *coverage {
	return &coverage{part: make([]float64, w+1), full: make([]int32, w+1)}
}

// crossing is an active edge and where it crosses the current sub-row.
type crossing struct {
	edge
	x float64
}

// scanner walks down the edges, sorted by their tops, keeping those that span the current
// sub-row active, in the order of their crossings.
type scanner struct {
	edges  []edge
	next   int
	active []crossing
	cov    *coverage // of the current pixel row
}

// subRow adds the spans of one sub-row at height sy, filled by the non-zero rule.
func (sc *scanner) subRow(sy float64) {
	for sc.next < len(sc.edges) && sc.edges[sc.next].y0 <= sy {
		sc.active = append(sc.active, crossing{edge: sc.edges[sc.next]})
		sc.next++
	}
	active := sc.active[:0] // drop the edges that end above sy, keeping the order
	for _, c := range sc.active {
		if c.y1 > sy {
			c.x = c.x0 + (sy-c.y0)*(c.x1-c.x0)/(c.y1-c.y0)
			active = append(active, c)
		}
	}
	sc.active = active
	sortCrossings(sc.active)
	wind := 0
	for i, c := range sc.active {
		if wind != 0 && i > 0 {
			addSpan(sc.cov, sc.active[i-1].x, c.x)
		}
		wind += c.dir
	}
}

// sortCrossings sorts crossings by x. An insertion sort: the crossings keep their order
// from one sub-row to the next but where edges begin or cross, so they come nearly sorted.
// (Crossings at the same x may come in any order: the spans between them are empty.)
func sortCrossings(cs []crossing) {
	for i := 1; i < len(cs); i++ {
		if cs[i].x >= cs[i-1].x {
			continue
		}
		c, j := cs[i], i
		for ; j > 0 && c.x < cs[j-1].x; j-- {
			cs[j] = cs[j-1]
		}
		cs[j] = c
	}
}

// addSpan adds the coverage of the span [a, b) of one sub-row to a row of pixels.
func addSpan(cov *coverage, a, b float64) {
	a = max(a, 0)
	b = min(b, float64(len(cov.part)-1))
	if b <= a {
		return
	}
	ia, ib := int(a), int(b)
	if ia == ib {
		cov.part[ia] += b - a
		return
	}
	cov.part[ia] += float64(ia+1) - a
	if ia+1 < ib { // the whole cells ia+1 … ib-1
		cov.full[ia+1]++
		cov.full[ib]--
	}
	cov.part[ib] += b - float64(ib)
}

// typeface is an embedded font at one pixel size, for measuring and drawing a line.
type typeface struct {
	f    *sfnt.Font
	buf  sfnt.Buffer
	ppem fixed.Int26_6
}

// newTypeface returns a face of an embedded font at a size in pixels.
func newTypeface(family string, style fonts.Style, size float64) (*typeface, error) {
	face := fonts.Get(family, style)
	if face == nil {
		return nil, errNoFont(family, style)
	}
	f, err := face.SFNT()
	if err != nil {
		return nil, err
	}
	return &typeface{f: f, ppem: fixed.Int26_6(size * 64)}, nil
}

// layout calls fn with each glyph of s and its pen position, and returns the advance.
func (t *typeface) layout(s string, fn func(gi sfnt.GlyphIndex, x float64)) float64 {
	x := fixed.Int26_6(0)
	prev := sfnt.GlyphIndex(0)
	for _, r := range s {
		if r == '\u00a0' || r == '\u202f' {
			r = ' '
		}
		gi, err := t.f.GlyphIndex(&t.buf, r)
		if err != nil || gi == 0 {
			continue // no glyph: leave the character out rather than draw a box
		}
		if prev != 0 {
			if k, err := t.f.Kern(&t.buf, prev, gi, t.ppem, font.HintingNone); err == nil {
				x += k
			}
		}
		if fn != nil {
			fn(gi, float64(x)/64)
		}
		if adv, err := t.f.GlyphAdvance(&t.buf, gi, t.ppem, font.HintingNone); err == nil {
			x += adv
		}
		prev = gi
	}
	return float64(x) / 64
}

// width measures s in pixels.
func (t *typeface) width(s string) float64 { return t.layout(s, nil) }

// outline returns the outline of s with its baseline starting at (x, y). Its edges are
// collected in *scratch, which keeps its room for the next line, and copied out at their
// number (the edges of a line run to a thousand or more, 40 bytes each).
func (t *typeface) outline(s string, x, y float64, scratch *[]edge) *outline {
	o := outline{edges: (*scratch)[:0]}
	t.layout(s, func(gi sfnt.GlyphIndex, gx float64) {
		segs, err := t.f.LoadGlyph(&t.buf, gi, t.ppem, nil)
		if err != nil {
			return
		}
		o.glyph(segs, x+gx, y)
	})
	*scratch = o.edges
	o.edges = slices.Clone(o.edges)
	return &o
}
