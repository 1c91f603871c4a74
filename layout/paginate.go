package layout

import "math"

// placedElem is an element at its position on a page: y is the top of the element below the
// top of the text block.
type placedElem struct {
	e *elem
	y float64
}

// grid is the body's line grid the pages of a section are made up on.
type grid struct {
	height  float64 // the text block's depth
	leading float64 // the body leading
	base    float64 // baseline of a body line below its top
}

// lastBase is the depth of the last body baseline of a page of the given depth.
func (g grid) lastBase(h float64) float64 { return h - g.leading + g.base }

// paginate makes up a section's pages a spread at a time: the section opens on a recto, and
// the two pages of every later spread end on the same baseline. Each page breaks only where
// the elements allow it (no widows, orphans or headings at the foot); the space around
// headings, lists, notes and the box stretches, within a line each, to bring the last
// baseline down to the foot; when a page must still run short, both pages of its spread run
// a line short or a line long, whichever makes them end together. A run of elements that
// cannot break at all is split where it overflows.
func paginate(elems []*elem, g grid) [][]placedElem {
	var pages [][]placedElem
	i := skipDiscard(elems, 0)
	if i < len(elems) { // the opener's recto stands alone
		pg, next := fillPage(elems, i, g, g.height)
		pages = append(pages, pg)
		i = next
	}
	for i < len(elems) {
		spread, next := makeSpread(elems, i, g)
		pages = append(pages, spread...)
		i = next
	}
	return pages
}

// skipDiscard skips the discardable space at the top of a page.
func skipDiscard(elems []*elem, i int) int {
	for i < len(elems) && elems[i].discard {
		i++
	}
	return i
}

// fillPage sets the page that starts at element i with depth h, stretching it to end on the
// last baseline when it is not the section's last page; it returns the page and where the
// next starts.
func fillPage(elems []*elem, i int, g grid, h float64) ([]placedElem, int) {
	deferFloat(elems, i, h)
	end := pageEnd(elems, i, h)
	pg := placeFrom(elems, i, end)
	next := skipDiscard(elems, end)
	if next < len(elems) {
		justifyPage(pg, g.lastBase(h))
		if b, ok := pageBase(pg); ok && b < g.lastBase(h)-1.5*g.leading {
			// Far short (a heading and its lines would not fit): shrink the page's spaces.
			if e2 := pageEndShrink(elems, i, h, maxShrink); e2 > end {
				pg2 := placeFrom(elems, i, e2)
				squeeze(pg2, h)
				n2 := skipDiscard(elems, e2)
				if n2 < len(elems) {
					justifyPage(pg2, g.lastBase(h))
				}
				if b2, ok := pageBase(pg2); ok && b2 > b && b2 <= g.lastBase(h)+0.5 {
					return pg2, n2
				}
			}
		}
	}
	return pg, next
}

// squeeze shrinks the spaces between the lines of a placed page, evenly and by at most
// maxShrink of each, until its elements end within depth h.
func squeeze(pg []placedElem, h float64) {
	if len(pg) == 0 {
		return
	}
	last := pg[len(pg)-1]
	over := last.y + last.e.h - h
	if over <= 0.01 {
		return
	}
	room := 0.0
	for _, pe := range pg[1:] {
		room += shrinkable(pe.e, maxShrink)
	}
	if room <= 0 {
		return
	}
	f := math.Min(1, over/room)
	shift := 0.0
	for k := range pg {
		pg[k].y -= shift
		if k > 0 {
			shift += f * shrinkable(pg[k].e, maxShrink)
		}
	}
}

// makeSpread sets a verso and its recto from element i: at the full depth if both pages then
// end on the foot line, else a line short or long if that makes them end together, else at
// the full depth as they fall.
func makeSpread(elems []*elem, i int, g grid) ([][]placedElem, int) {
	type option struct {
		pages [][]placedElem
		next  int
		cost  float64
	}
	var best *option
	for k, h := range []float64{g.height, g.height - g.leading, g.height + g.leading} {
		v, j := fillPage(elems, i, g, h)
		o := option{pages: [][]placedElem{v}, next: j, cost: float64(k)}
		bv, _ := pageBase(v)
		if j < len(elems) {
			r, n := fillPage(elems, j, g, h)
			o.pages, o.next = append(o.pages, r), n
			br, _ := pageBase(r)
			if n < len(elems) && math.Abs(bv-br) > 0.5 {
				o.cost += 100 + math.Abs(bv-br)
			}
			if n < len(elems) && br < g.lastBase(h)-0.5 {
				o.cost += 10
			}
			if n < len(elems) && endsHyphenated(r) {
				o.cost += 5 // a word split across the leaf turn
			}
		}
		if bv < g.lastBase(h)-0.5 && j < len(elems) {
			o.cost += 10
		}
		if best == nil || o.cost < best.cost {
			best = &o
		}
		if best.cost < 3 {
			break
		}
	}
	return best.pages, best.next
}

// endsHyphenated reports whether a page's last line ends with a hyphen, inserted or a
// compound's own.
func endsHyphenated(pg []placedElem) bool {
	for k := len(pg) - 1; k >= 0; k-- {
		if ln := pg[k].e.ln; ln != nil {
			return ln.hyphenEnd
		}
	}
	return false
}

// pageBase returns the baseline of a page's last line.
func pageBase(pg []placedElem) (float64, bool) {
	for k := len(pg) - 1; k >= 0; k-- {
		if pg[k].e.ln != nil {
			return pg[k].y + pg[k].e.base, true
		}
	}
	return 0, false
}

// maxStretch is how much one space of a page may grow to bring its last baseline down.
const maxStretchLines = 1.0

// justifyPage moves the lines of a page down, by stretching the spaces between them (each by at
// most a line), until the last baseline stands at target; a page that cannot reach it, or has
// no such space, is left as it is.
func justifyPage(pg []placedElem, target float64) {
	last, ok := pageBase(pg)
	need := target - last
	if !ok || need < 0.01 {
		return
	}
	var gaps []int
	seenLine := false
	leading := 0.0
	for k, pe := range pg {
		if pe.e.ln != nil {
			seenLine = true
			leading = math.Max(leading, pe.e.h)
		} else if seenLine && k+1 < len(pg) {
			gaps = append(gaps, k)
		}
	}
	if len(gaps) == 0 || need > float64(len(gaps))*maxStretchLines*leading {
		return
	}
	each := need / float64(len(gaps))
	shift := 0.0
	for k := range pg {
		pg[k].y += shift
		if len(gaps) > 0 && gaps[0] == k {
			shift += each
			gaps = gaps[1:]
		}
	}
}

// pageEnd returns the index of the first element of the next page, for a page starting at i.
func pageEnd(elems []*elem, i int, height float64) int { return pageEndShrink(elems, i, height, 0) }

// pageEndShrink is pageEnd where the spaces between lines count shrink times less (see
// shrinkable).
func pageEndShrink(elems []*elem, i int, height, shrink float64) int {
	y, j, lastBreak := headHeight(elems, i), i, -1
	for j < len(elems) && (j == i || y+elems[j].h-shrinkable(elems[j], shrink) <= height+0.01) {
		if j > i && !elems[j].keep {
			lastBreak = j
		}
		y += elems[j].h - shrinkable(elems[j], shrink)
		j++
	}
	switch {
	case j == len(elems), !elems[j].keep:
		return j
	case lastBreak > i:
		return lastBreak
	}
	return j
}

// shrinkable is how much a space may give up when a page would otherwise run short: the
// given share of its height. Lines never shrink.
func shrinkable(e *elem, share float64) float64 {
	if e.ln != nil {
		return 0
	}
	return e.h * share
}

// maxShrink is the share of their height the spaces of a page may give up (the space above a
// heading shrinks from a line and a half to three quarters of a line).
const maxShrink = 0.5

// place positions elements from the top, dropping discardable space at the foot.
func place(es []*elem) []placedElem {
	for len(es) > 0 && es[len(es)-1].discard {
		es = es[:len(es)-1]
	}
	out := make([]placedElem, len(es))
	y := 0.0
	for k, e := range es {
		out[k] = placedElem{e: e, y: y}
		y += e.h
	}
	return out
}

// height returns the total height of a list of elements.
func height(es []*elem) float64 {
	h := 0.0
	for _, e := range es {
		h += e.h
	}
	return h
}

// keepLeafTurns has a paragraph broken again where a page, other than a section's last,
// ends with a hyphen (see paraRef.avoidHyphen): on a recto the word would be split across the
// turn of the leaf, which makeSpread also avoids; on a verso the eye has to go across the
// spread. A section's first page is a recto, so its rectos are its even pages.
func keepLeafTurns(pages [][]placedElem) {
	for k := 0; k+1 < len(pages); k++ {
		pg := pages[k]
		for j := len(pg) - 1; j >= 0; j-- {
			e := pg[j].e
			if e.ln == nil {
				continue
			}
			if e.ln.hyphenEnd && e.para != nil {
				e.para.avoidHyphen(e.idx, k%2 == 0)
			}
			break
		}
	}
}
