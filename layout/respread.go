package layout

import (
	"math"
	"sort"
)

// Bounds of a paragraph set a line longer or shorter so that a spread ends together: no line
// but the last with a mean word space wider than maxRelengthSpace of the type size (a line is
// loose from 0.6) or shrunk beyond its glue, and a last line of at least minLastLine of the
// measure.
const (
	maxRelengthSpace = 0.56
	minLastLine      = 0.15
	maxRelengthTries = 8 // paragraphs tried per spread, the longest first
)

// respread is the last resort of makeSpread for a spread from element i whose pages end
// apart: it sets one paragraph that starts on the spread a line or two longer or shorter
// (TeX's \looseness), or two paragraphs a line each, when their lines stay well spaced, and
// keeps the first such setting that makes the pages end together and that accept, when not
// nil, accepts. It returns the spread made on the new elements, or ok false.
func respread(elems []*elem, i, next int, g grid, accept func(spreadOption) bool) (spreadOption, bool) {
	return relengthOn(elems, i, next, accept, func(es []*elem) spreadOption { return trySpread(es, i, g) })
}

// relengthOn is respread with the pages from element i set by set.
func relengthOn(elems []*elem, i, next int, accept func(spreadOption) bool, set func([]*elem) spreadOption) (spreadOption, bool) {
	cands := relengthCandidates(elems, i, next)
	try := func(changes ...relengthChange) (spreadOption, bool) {
		es := elems
		for _, c := range changes {
			nr, ok := c.ref.relength(c.delta)
			if !ok {
				return spreadOption{}, false
			}
			if es = splice(es, i, c.ref.elems, nr.elems); es == nil {
				return spreadOption{}, false
			}
		}
		o := set(es)
		// A recto ending in a hyphen is refused: a paragraph set to a given number of lines
		// may not be broken again to take it away (see keepLeafTurns).
		ok := o.cost < 100 && (len(o.pages) < 2 || !endsHyphenated(o.pages[1]))
		return o, ok && (accept == nil || accept(o))
	}
	for _, delta := range []int{1, -1, 2, -2} {
		for _, ref := range cands {
			if o, ok := try(relengthChange{ref, delta}); ok {
				return o, true
			}
		}
	}
	for _, delta := range []int{1, -1} {
		for a := range cands {
			for b := a + 1; b < len(cands) && b < 5; b++ {
				if o, ok := try(relengthChange{cands[a], delta}, relengthChange{cands[b], delta}); ok {
					return o, true
				}
			}
		}
	}
	return spreadOption{}, false
}

// relengthChange is a paragraph to set delta lines longer.
type relengthChange struct {
	ref   *paraRef
	delta int
}

// relengthCandidates lists the paragraphs that start on elements i to next, the longest
// first: body paragraphs of three lines or more whose breaks only the widow and orphan
// rules constrain.
func relengthCandidates(elems []*elem, i, next int) []*paraRef {
	var out []*paraRef
	seen := map[*paraRef]bool{}
	for j := i; j < next && j < len(elems); j++ {
		ref := elems[j].para
		if ref == nil || seen[ref] || elems[j].idx != 0 {
			continue
		}
		seen[ref] = true
		if len(ref.elems) >= 3 && plainParagraph(ref) {
			out = append(out, ref)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a].elems) > len(out[b].elems) })
	if len(out) > maxRelengthTries {
		out = out[:maxRelengthTries]
	}
	return out
}

// plainParagraph reports whether a paragraph's lines are justified lines of the grid with
// only the widow and orphan keeps (not a heading, not in a box).
func plainParagraph(ref *paraRef) bool {
	if ref.ps.align != justify {
		return false
	}
	n := len(ref.elems)
	for k, e := range ref.elems {
		if !e.grid || e.panel != 0 || e.mark != nil && k > 0 || k > 0 && e.keep != (k < 2 || k > n-2) {
			return false
		}
	}
	return true
}

// relength breaks the paragraph again in delta lines more (or fewer), returning a new
// paragraph with its own elements, or ok false when that cannot be done within the bounds
// (see relengthBreaks).
func (r *paraRef) relength(delta int) (*paraRef, bool) {
	n := len(r.elems) + delta
	if n < 2 {
		return nil, false
	}
	var lines []line
	brks, ok := r.relengths[delta]
	if !ok {
		brks, lines = r.relengthBreaks(n)
		if r.relengths == nil {
			r.relengths = map[int][]int{}
		}
		r.relengths[delta] = brks
	}
	if brks == nil {
		return nil, false
	}
	if lines == nil {
		lines = setLines(r.items, r.wides, brks, r.bp)
	}
	nr := *r
	nr.relengths = nil
	nr.finish(lines)
	first := r.elems[0]
	nr.elems = make([]*elem, n)
	for k := range lines {
		e := *first
		e.ln, e.idx, e.para = &lines[k], k, &nr
		if k > 0 {
			e.keep = k < 2 || k > n-2
			e.anchors, e.mark = nil, nil
		}
		nr.elems[k] = &e
	}
	return &nr, true
}

// relengthBreaks finds the breaks of the paragraph in n lines for relength, and the lines set
// from them; nil when there is no setting in that many lines within the bounds. The breaker
// is asked for exactly n lines (breakParams.lines) at the true measure, up to
// relengthTolerance (the word-space bound then decides), first with no hyphen the paragraph
// does not have already, then with hyphens; the emergency pass only for a paragraph that
// needed it. The
// answer depends only on the items, the break parameters and n, so relength keeps it
// (paraRef.relengths): respread tries the same paragraph and change for many spreads and pairs.
func (r *paraRef) relengthBreaks(n int) ([]int, []line) {
	bp := r.bp
	bp.lines, bp.tolerance = n, relengthTolerance
	plain := bp
	plain.noHyphens = true
	brks := kpPass(r.items, plain)
	if brks == nil && hasFlagged(r.items) {
		brks = kpPass(r.items, bp)
	}
	if brks == nil && r.emergency {
		last := bp
		last.tolerance, last.final = 10000, true
		brks = kpPass(r.items, last)
	}
	if len(brks) != n {
		return nil, nil
	}
	lines := setLines(r.items, r.wides, brks, r.bp)
	if !r.relengthFits(lines) {
		return nil, nil
	}
	return brks, lines
}

// relengthTolerance is the badness the breaker accepts in a paragraph set to a given number
// of lines: more than usual, since the word-space bound of relengthFits then decides.
const relengthTolerance = 2000

// relengthFits reports whether lines set for relength stay within its bounds.
func (r *paraRef) relengthFits(lines []line) bool {
	n := len(lines)
	for k := range lines {
		ln := &lines[k]
		// The last line must fit the measure, its spaces shrunk if need be.
		if ln.overfull || k == n-1 && ln.set > r.width+0.01 || k < n-1 && (ln.ratio < -1 || lineWordSpace(ln) > maxRelengthSpace) {
			return false
		}
	}
	return lines[n-1].natural >= minLastLine*r.width
}

// splice returns a copy of elems, from which old (a run starting at or after i) is replaced
// by repl, or nil when old is not found there.
func splice(elems []*elem, i int, old, repl []*elem) []*elem {
	for p := i; p+len(old) <= len(elems); p++ {
		if elems[p] != old[0] {
			continue
		}
		for k := range old {
			if elems[p+k] != old[k] {
				return nil
			}
		}
		out := make([]*elem, 0, len(elems)-len(old)+len(repl))
		out = append(out, elems[:p]...)
		out = append(out, repl...)
		return append(out, elems[p+len(old):]...)
	}
	return nil
}

// lineWordSpace returns the mean space between the words of a set line as a share of its type
// size (0 for a line of one word).
func lineWordSpace(ln *line) float64 {
	sum, n, size := 0.0, 0, 0.0
	end := math.Inf(1)
	for _, r := range ln.runs {
		if r.x < 0 || r.g == nil || r.g.rise != 0 {
			continue
		}
		if size == 0 {
			size = r.g.size
		}
		if gap := r.x - end; gap > 1 {
			sum += gap
			n++
		}
		end = r.x + r.g.width
	}
	if n == 0 || size == 0 {
		return 0
	}
	return sum / float64(n) / size
}
