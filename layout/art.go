package layout

import (
	"github.com/fpc/bindery/layout/pdfdraw"
)

// art is what a line holds besides its own runs when it stands for a block that is set as
// one unbreakable piece: a figure (its image and caption), a table row (its cells and
// rules). Such a line is an element of the vertical list like any other line, as tall as
// the piece, so pagination treats it as text that cannot break; everything in it is
// placed relative to the line's top left corner at the text block's left edge.
type art struct {
	images []artImage
	rules  []artRule
	lines  []subLine
	// head, on a table's body row, is the header row, repeated (as an artifact) at the top
	// of every page the table continues on; paginate puts it there.
	head *elem
	// artifact draws everything as decoration: the repeated header, whose text was read
	// already where the table starts.
	artifact bool
	// float lets the piece move to the top of the next page when it does not fit on the
	// page it falls on, while the text after it fills that page (see deferFloat).
	float bool
}

// artImage is a picture in an art piece.
type artImage struct {
	x, y, w, h float64
	data       []byte
	jpeg       bool
	tag        *pdfdraw.Node // the Figure node with the alt text; nil for a decorative image
}

// artRule is a rule of a table, in the ink colour (on the black plate in print).
type artRule struct {
	x0, y0, x1, y1, width float64
}

// subLine is a set line inside an art piece: x from the piece's left, top of the line
// below the piece's top, and its baseline below that.
type subLine struct {
	ln        *line
	x, top, b float64
}

// artLine makes the line of an element that stands for an art piece.
func artLine(a *art, src string) *line {
	return &line{art: a, src: src, first: true, last: true}
}

// lines returns the lines of text an element draws: its own and those inside its art, in
// reading order.
func (e *elem) lines() []*line {
	if e.ln == nil {
		return nil
	}
	if e.ln.art == nil {
		return []*line{e.ln}
	}
	if e.ln.art.artifact {
		return nil
	}
	out := make([]*line, 0, 1+len(e.ln.art.lines))
	out = append(out, e.ln)
	for _, s := range e.ln.art.lines {
		out = append(out, s.ln)
	}
	return out
}

// textLines returns the lines of text of a page, those inside art pieces included.
func (p *Page) textLines() []*line {
	var out []*line
	for _, pe := range p.elems {
		out = append(out, pe.e.lines()...)
	}
	return out
}

// art places an art piece whose top left corner is at (x, top): images (before the text
// that follows them in reading order), rules as layout artifacts, then its lines.
func (ds *displayer) art(out *pdfdraw.Page, a *art, x, top float64) {
	for _, im := range a.images {
		pi := pdfdraw.Image{X: x + im.x, Y: top + im.y, W: im.w, H: im.h, Data: im.data, JPEG: im.jpeg,
			Tag: im.tag, Before: len(out.Runs)}
		if im.tag == nil || a.artifact {
			pi.Tag, pi.Artifact = nil, "Layout"
		}
		out.Images = append(out.Images, pi)
	}
	for _, r := range a.rules {
		out.Rules = append(out.Rules, pdfdraw.Rule{X0: x + r.x0, Y0: top + r.y0, X1: x + r.x1, Y1: top + r.y1,
			Width: r.width, Color: inkColor, Artifact: "Layout"})
	}
	for _, s := range a.lines {
		ln := s.ln
		if a.artifact {
			cp := *ln
			cp.runs = make([]placed, len(ln.runs))
			for k, r := range ln.runs {
				g := *r.g
				g.anchor, g.link = "", "" // the repeat defines nothing and links nowhere
				r.g, r.artifact, r.tag = &g, true, nil
				cp.runs[k] = r
			}
			ln = &cp
		}
		ds.line(out, ln, x+s.x+ln.indent, top+s.top, top+s.top+s.b)
	}
}

// repeatHead returns the header row to repeat above element e when a page starts with it:
// e is a table's body row other than its first. Otherwise nil.
func repeatHead(e *elem) *elem {
	if e.ln == nil || e.ln.art == nil {
		return nil
	}
	return e.ln.art.head
}

// headHeight is the height of the table header repeated at the top of a page that starts
// with element i (0 for none).
func headHeight(elems []*elem, i int) float64 {
	if i < len(elems) {
		if hd := repeatHead(elems[i]); hd != nil {
			return hd.h
		}
	}
	return 0
}

// placeFrom places the elements i to end of a page, below the repeated table header when
// the page starts inside a table.
func (g grid) placeFrom(elems []*elem, i, end int, shrink float64) []placedElem {
	if hd := repeatHead(elems[i]); hd != nil && end > i {
		pg := g.place(append([]*elem{hd}, elems[i:end]...), shrink)
		return pg
	}
	return g.place(elems[i:end], shrink)
}

// deferFloat lets the page that starts at element i run on with the text when a float (a
// figure) on it does not fit in the depth h: the float, with the space below it, moves past
// the text that fills the page, to the break where the next page starts, so that it opens
// that page. A float at the top of a page stays (it is set no taller than a page). It returns
// the elements in their new order (a new slice, the old one is left as it was), or elems when
// nothing moves.
func deferFloat(elems []*elem, i int, g grid, h float64) []*elem {
	y := headHeight(elems, i)
	for j := i; j < len(elems); j++ {
		e := elems[j]
		if y+e.h <= h+0.01 {
			y += e.h
			continue
		}
		if j == i || e.ln == nil || e.ln.art == nil || !e.ln.art.float {
			return elems
		}
		to := j + 1
		for to < len(elems) && elems[to].discard {
			to++
		}
		block := append([]*elem(nil), elems[j:to]...)
		rest := make([]*elem, 0, len(elems)-i-len(block))
		rest = append(append(rest, elems[i:j]...), elems[to:]...)
		k := pageEnd(rest, 0, g, h) // where the next page starts without the float
		if k <= j-i {
			return elems // the page ends before the float all the same
		}
		out := append(make([]*elem, 0, len(elems)), elems[:i]...)
		return append(append(append(out, rest[:k]...), block...), rest[k:]...)
	}
	return elems
}
