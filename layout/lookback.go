package layout

// spreadStart is a spread as paginate made it: the elements and the index it was made from,
// and how it was set. The opener is a section's first page, a recto standing alone.
type spreadStart struct {
	elems  []*elem
	i      int
	set    spreadOption
	opener bool
}

// maxLookBack is how many other settings of the spread before lookBack tries.
const maxLookBack = 12

// lookBack sets again the spread before one whose pages end apart or run short (it cost
// cost), where both then cost less together and both end together: the spread before at
// another depth or with a paragraph a line longer or shorter (see respread), a section's
// opening page with a paragraph a line longer or shorter, else a line short. It returns the
// spread before and the next one, or ok false.
func lookBack(prev spreadStart, cost float64, g grid) (before, next spreadOption, ok bool) {
	tries := 0
	accept := func(o spreadOption) bool {
		if tries++; tries > maxLookBack || o.next == prev.set.next && len(o.elems) == len(prev.set.elems) {
			return false // no more tries, or the next spread starts where it did
		}
		next = makeSpread(o.elems, o.next, g)
		if next.cost >= 100 || o.cost+next.cost >= prev.set.cost+cost {
			return false
		}
		return true
	}
	if prev.opener {
		set := func(es []*elem) spreadOption { return openerAt(es, prev.i, g, 0) }
		if o, ok := relengthOn(prev.elems, prev.i, prev.set.next, accept, set); ok {
			return o, next, true
		}
		if o := openerAt(prev.elems, prev.i, g, -1); accept(o) {
			return o, next, true
		}
		return spreadOption{}, spreadOption{}, false
	}
	for k := range spreadDepths {
		if o := spreadAt(prev.elems, prev.i, g, k); o.cost < 100 && accept(o) {
			return o, next, true
		}
	}
	if o, ok := respread(prev.elems, prev.i, prev.set.next, g, accept); ok {
		return o, next, true
	}
	return spreadOption{}, spreadOption{}, false
}

// makeOpener sets a section's opening page from element i, with a paragraph on it a line
// longer or shorter (see relengthOn) when it would otherwise run short.
func makeOpener(elems []*elem, i int, g grid) spreadOption {
	o := openerAt(elems, i, g, 0)
	if o.cost >= 10 {
		set := func(es []*elem) spreadOption { return openerAt(es, i, g, 0) }
		cheaper := func(r spreadOption) bool { return r.cost < o.cost }
		if r, ok := relengthOn(elems, i, o.next, cheaper, set); ok {
			return r
		}
	}
	return o
}

// openerAt sets a section's opening page from element i, lines lines longer than the page (0
// or -1), as a spread of one page: its cost is -lines, and 10 more when it runs short of that
// depth.
func openerAt(elems []*elem, i int, g grid, lines float64) spreadOption {
	h := g.height + lines*g.leading
	pg, next, es := fillPage(elems, i, g, h)
	o := spreadOption{pages: [][]placedElem{pg}, next: next, cost: -lines, elems: es}
	if b, _ := pageBase(pg); b < g.lastBase(h)-0.5 && next < len(es) {
		o.cost += 10
	}
	return o
}
