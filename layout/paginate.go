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

// top returns where element e starts when the elements before it end at y: a line of body
// text (elem.grid) moves down to the next line of the grid, so that whatever stands above it
// (a heading, a list, the box, a note) is compensated below to a whole number of lines.
func (g grid) top(y float64, e *elem) float64 {
	if !e.grid || g.leading <= 0 {
		return y
	}
	return math.Ceil((y-0.01)/g.leading) * g.leading
}

// paginate makes up a section's pages a spread at a time: the section opens on a recto, and
// the two pages of every later spread end on the same baseline. Each page breaks only where
// the elements allow it (no widows, orphans or headings at the foot); the space around
// headings, lists, notes and the box stretches, within a line each, to bring the last
// baseline down to the foot; when a page must still run short, both pages of its spread run
// a line short or a line long, whichever makes them end together. A spread that cannot end
// together, or only with a page short, has the spread before it set again (see lookBack). A
// run of elements that cannot break at all is split where it overflows.
func paginate(elems []*elem, g grid) [][]placedElem {
	var pages [][]placedElem
	var prev *spreadStart // the spread before, while it can be set again
	i := skipDiscard(elems, 0)
	if i < len(elems) { // the opener's recto stands alone
		o := makeOpener(elems, i, g)
		prev = &spreadStart{elems: elems, i: i, set: o, opener: true}
		pages, elems, i = o.pages, o.elems, o.next
	}
	for i < len(elems) {
		o := makeSpread(elems, i, g)
		if o.cost >= 10 && prev != nil && (prev.opener || len(prev.set.pages) == 2) {
			if p2, o2, ok := lookBack(*prev, o.cost, g); ok {
				pages = append(pages[:len(pages)-len(prev.set.pages)], p2.pages...)
				elems, i, o = p2.elems, p2.next, o2
			}
		}
		prev = &spreadStart{elems: elems, i: i, set: o}
		pages, elems = append(pages, o.pages...), o.elems
		i = o.next
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
// last baseline when it is not the section's last page; it returns the page, where the next
// starts and the elements, in a new order when a box or a figure floats to the next page
// (see floatBox and deferFloat).
func fillPage(elems []*elem, i int, g grid, h float64) ([]placedElem, int, []*elem) {
	elems = deferFloat(floatBox(elems, i, g, h), i, g, h)
	end := pageEnd(elems, i, g, h)
	pg := g.placeFrom(elems, i, end, 0)
	next := skipDiscard(elems, end)
	if next < len(elems) {
		justifyPage(pg, g, g.lastBase(h))
		if b, ok := pageBase(pg); ok && b < g.lastBase(h)-1.5*g.leading {
			// Far short (a heading and its lines would not fit): shrink the page's spaces.
			if e2 := pageEndShrink(elems, i, g, h, maxShrink); e2 > end {
				pg2 := g.placeFrom(elems, i, e2, maxShrink)
				n2 := skipDiscard(elems, e2)
				if n2 < len(elems) {
					justifyPage(pg2, g, g.lastBase(h))
				}
				if b2, ok := pageBase(pg2); ok && b2 > b && b2 <= g.lastBase(h)+0.5 {
					return pg2, n2, elems
				}
			}
		}
	}
	return pg, next, elems
}

// makeSpread sets a verso and its recto from element i: at the full depth if both pages then
// end on the foot line, else a line short or long if that makes them end together, else with
// a paragraph on the spread set a line longer or shorter if that does (see respread), else at
// the full depth as they fall. A spread whose pages end together but short of their depth
// also takes a paragraph set a line longer or shorter where that makes it cheaper.
func makeSpread(elems []*elem, i int, g grid) spreadOption {
	best := trySpread(elems, i, g)
	switch {
	case best.cost >= 100 || len(best.pages) > 1 && best.next < len(best.elems) && stuckHyphen(best.pages[1]):
		if o, ok := respread(elems, i, best.next, g, nil); ok {
			best = o
		}
	case best.cost >= 10: // a page runs short of its depth: a paragraph a line longer or shorter may fill it
		cheaper := func(o spreadOption) bool { return o.cost < best.cost }
		if o, ok := respread(elems, i, best.next, g, cheaper); ok {
			best = o
		}
	}
	return best
}

// spreadOption is a way to set a spread: its pages, where the next spread starts, what it
// costs (100 and more when its pages end apart) and the elements it was made from.
type spreadOption struct {
	pages [][]placedElem
	next  int
	cost  float64
	elems []*elem
}

// spreadDepths are the depths trySpread sets a spread at, by their cost: the full page, a
// line short, a line long (in lines from the full depth).
var spreadDepths = []float64{0, -1, 1}

// trySpread sets the spread from element i at the full depth, a line short and a line long,
// and returns the cheapest.
func trySpread(elems []*elem, i int, g grid) spreadOption {
	var best spreadOption
	for k := range spreadDepths {
		o := spreadAt(elems, i, g, k)
		if k == 0 || o.cost < best.cost {
			best = o
		}
		if best.cost < 3 {
			break
		}
	}
	return best
}

// spreadAt sets the spread from element i at the depth spreadDepths[k], which costs k; its
// pages ending apart cost 100 more, the recto or the verso running short 10, a word split
// across the leaf turn 5.
func spreadAt(elems []*elem, i int, g grid, k int) spreadOption {
	h := g.height + spreadDepths[k]*g.leading
	v, j, es := fillPage(elems, i, g, h)
	o := spreadOption{pages: [][]placedElem{v}, next: j, cost: float64(k), elems: es}
	bv, _ := pageBase(v)
	if j < len(es) {
		r, n, es2 := fillPage(es, j, g, h)
		o.pages, o.next, o.elems = append(o.pages, r), n, es2
		es = es2
		br, _ := pageBase(r)
		if n < len(es) && math.Abs(bv-br) > 0.5 {
			o.cost += 100 + math.Abs(bv-br)
		}
		if n < len(es) && br < g.lastBase(h)-0.5 {
			o.cost += 10
		}
		if n < len(es) && endsHyphenated(r) {
			o.cost += 5 // a word split across the leaf turn
		}
	}
	if bv < g.lastBase(h)-0.5 && j < len(es) {
		o.cost += 10
	}
	return o
}

// stuckHyphen reports whether a page ends with a hyphen that keepLeafTurns cannot take away:
// its paragraph cannot be broken again in as many lines without it (paraRef.rebreak, as for a
// recto: the test must accept what keepLeafTurns would).
func stuckHyphen(pg []placedElem) bool {
	for k := len(pg) - 1; k >= 0; k-- {
		e := pg[k].e
		if e.ln == nil {
			continue
		}
		if !e.ln.hyphenated || e.para == nil {
			return false
		}
		_, why := e.para.rebreak(e.idx, true)
		return why != ""
	}
	return false
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

// maxStretchLines is how much one space of a page may grow, in lines, to bring its last
// baseline down.
const maxStretchLines = 1.0

// justifyPage moves the lines of a page down, by stretching the spaces between them (each by at
// most a line), until the last baseline stands at target; a page that cannot reach it, or has
// no such space, is left as it is. A page that ends on the line grid stays on it: whole lines
// are added to as many spaces, those above headings first.
func justifyPage(pg []placedElem, g grid, target float64) {
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
	grow := make(map[int]float64, len(gaps))
	if n := math.Round(need / g.leading); lastGridLine(pg) && math.Abs(need-n*g.leading) < 0.5 {
		if int(n) > len(gaps) {
			return
		}
		for _, k := range stretchOrder(pg, gaps)[:int(n)] {
			grow[k] = g.leading
		}
	} else {
		// The page ends off the grid (in notes or the box): only the spaces below its last
		// line of body text stretch, so that the lines above stay on the grid.
		gaps = gapsBelow(pg, gaps)
		if len(gaps) == 0 || need > float64(len(gaps))*maxStretchLines*leading {
			return
		}
		for _, k := range gaps {
			grow[k] = need / float64(len(gaps))
		}
	}
	shift := 0.0
	for k := range pg {
		pg[k].y += shift
		shift += grow[k]
	}
}

// lastGridLine reports whether the last line of a page is a line of the body grid.
func lastGridLine(pg []placedElem) bool {
	for k := len(pg) - 1; k >= 0; k-- {
		if pg[k].e.ln != nil {
			return pg[k].e.grid
		}
	}
	return false
}

// gapsBelow returns the gaps below the last line of the grid on a page.
func gapsBelow(pg []placedElem, gaps []int) []int {
	last := -1
	for k, pe := range pg {
		if pe.e.grid {
			last = k
		}
	}
	for len(gaps) > 0 && gaps[0] < last {
		gaps = gaps[1:]
	}
	return gaps
}

// stretchOrder orders the spaces a page may stretch by a line: those above a heading first,
// then the others, each group from the top.
func stretchOrder(pg []placedElem, gaps []int) []int {
	var heads, rest []int
	for _, k := range gaps {
		if n := pg[k+1].e; n.ln != nil && n.mark != nil {
			heads = append(heads, k)
		} else {
			rest = append(rest, k)
		}
	}
	return append(heads, rest...)
}

// pageEnd returns the index of the first element of the next page, for a page starting at i.
func pageEnd(elems []*elem, i int, g grid, height float64) int {
	return pageEndShrink(elems, i, g, height, 0)
}

// pageEndShrink is pageEnd where the spaces between lines count shrink times less (see
// shrinkable).
func pageEndShrink(elems []*elem, i int, g grid, height, shrink float64) int {
	y, j, lastBreak := headHeight(elems, i), i, -1
	for j < len(elems) {
		e := elems[j]
		if j > i && e.brk {
			return j // a floated box starts the next page
		}
		top := g.top(y, e)
		if j > i && top+e.h-shrinkable(e, shrink) > height+0.01 {
			break
		}
		if j > i && !e.keep {
			lastBreak = j
		}
		y = top + e.h - shrinkable(e, shrink)
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

// place positions elements from the top, on the grid, with their spaces shrunk by the given
// share (see shrinkable), dropping discardable space at the foot.
func (g grid) place(es []*elem, shrink float64) []placedElem {
	for len(es) > 0 && es[len(es)-1].discard {
		es = es[:len(es)-1]
	}
	out := make([]placedElem, len(es))
	y := 0.0
	for k, e := range es {
		y = g.top(y, e)
		out[k] = placedElem{e: e, y: y}
		y += e.h - shrinkable(e, shrink)
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
// spread. A section's first page is a recto, so its rectos are its even pages. It returns
// the page-end lines whose hyphen stayed, with why (see Document.keptHyphens).
func keepLeafTurns(pages [][]placedElem) map[*line]string {
	var kept map[*line]string
	for k := 0; k+1 < len(pages); k++ {
		pg := pages[k]
		for j := len(pg) - 1; j >= 0; j-- {
			e := pg[j].e
			if e.ln == nil {
				continue
			}
			if e.ln.hyphenEnd && e.para != nil {
				if why := e.para.avoidHyphen(e.idx, k%2 == 0); why != "" {
					if kept == nil {
						kept = map[*line]string{}
					}
					kept[e.ln] = why
				}
			}
			break
		}
	}
	return kept
}
