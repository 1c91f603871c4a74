package layout

import "math"

// breakParams tunes the Knuth–Plass line breaker. Widths are in points.
type breakParams struct {
	measure         float64 // the width of every line
	tolerance       float64 // the largest badness a line may have
	linePenalty     float64
	flaggedDemerits float64  // two hyphenated lines in a row
	fitnessDemerits float64  // adjacent lines of very different tightness
	finalHyphen     float64  // the second-last line ending with a hyphen
	ragged          float64  // right-side stretch per line; interword glue is then rigid
	noHyphens       bool     // ignore flagged penalties (a first, hyphen-free pass)
	final           bool     // accept an overfull line when nothing else fits
	expand          bool     // loose lines may use font expansion (justified text)
	avoid           int      // 1 + the index of a line that must not end with a hyphen; 0 for none
	lines           int      // the number of lines the paragraph must have; 0 for any
	m               *metrics // for setting expanded lines
}

type breakNode struct {
	pos                    int // index of the break item (-1 for the start)
	line                   int // lines ended by this break
	fitness                int
	width, stretch, shrink float64 // running totals after the break
	boxes                  float64 // running width of glyph boxes, for font expansion
	demerits               float64
	flagged                bool
	hyphens                int // consecutive hyphenated lines ending here
	prev                   *breakNode
}

// maxLadder is the most hyphenated lines in a row the breaker accepts before it prefers
// almost anything else; ladderDemerits is what each further one costs.
const (
	maxLadder      = 2
	ladderDemerits = 1e7
)

// A last line shorter than runtFraction of the measure costs runtDemerits, about as much
// as a loose line: worth avoiding when the paragraph can be set otherwise.
const (
	runtFraction = 0.12
	runtDemerits = 1e5
)

// lastWordDemerits is what the emergency pass charges for hyphenating a paragraph's last
// word (the other passes refuse it): about as much as a line stretched to badness 1000, so it
// takes one only to avoid a line as bad as that. compressDemerits is what a line costs whose
// letters are squeezed all the way (font compression, maxExpansion), in proportion to the
// share used: compression is a last resort, and a line that needs it is worse than one whose
// spaces alone absorb the excess.
// lastResortDemerits is what the emergency pass charges for the other breaks only it may take
// (a hyphen in a proper name, a no-break space): a paragraph that needs the pass for one line
// does not hyphenate every name in it, only where that spares a line of about badness 1000.
const (
	lastWordDemerits   = 1e8
	lastResortDemerits = 1e6
	compressDemerits   = 3e4
)

type totals struct{ width, stretch, shrink, boxes float64 }

// add counts one more item into the totals: its width, the width of an inked box, and a
// glue's stretch and shrink.
func (t *totals) add(it *item) {
	t.width += widthOf(*it)
	if it.kind == boxItem && it.ink != nil {
		t.boxes += it.width
	}
	if it.kind == glueItem {
		t.stretch += it.stretch
		t.shrink += it.shrink
	}
}

// breakLines chooses the breakpoints of a paragraph with the total-fit algorithm, trying a
// strict pass, then one with hyphenation, then one that allows lines up to the badness that is
// reported (maxBadness), then an emergency pass that never fails, which alone may hyphenate
// proper names and the last word and break no-break spaces (each at lastResortDemerits or
// lastWordDemerits, so as few as it can): those are kept for the paragraphs that cannot be
// set otherwise without a line the warnings name. It returns the indices of the items where
// lines end.
func breakLines(items []item, p breakParams) []int {
	b, _ := breakLinesPass(items, p)
	return b
}

// breakLinesPass is breakLines that also says whether only the emergency pass succeeded.
func breakLinesPass(items []item, p breakParams) ([]int, bool) {
	passes := []breakParams{p, p, p, p}
	passes[0].noHyphens, passes[0].tolerance = true, math.Min(p.tolerance, 100)
	passes[2].tolerance = math.Max(p.tolerance, maxBadness)
	passes[3].tolerance, passes[3].final = 10000, true
	for i, pass := range passes {
		if i == 1 && !hasFlagged(items) && pass.tolerance <= passes[0].tolerance {
			continue // the same as the first pass: no hyphen to add, no wider tolerance
		}
		if i == 2 && pass.tolerance <= passes[1].tolerance {
			continue
		}
		if b := kpPass(items, pass); b != nil {
			return b, pass.final
		}
	}
	return nil, true
}

// hasFlagged reports whether a paragraph has a place where a hyphen may be inserted.
func hasFlagged(items []item) bool {
	for _, it := range items {
		if it.inserted() && it.penalty < infPenalty {
			return true
		}
	}
	return false
}

// legal reports whether item i is a breakpoint and its penalty.
func legal(items []item, i int, p breakParams) (bool, float64) {
	it := &items[i]
	switch it.kind {
	case glueItem:
		return i > 0 && items[i-1].kind == boxItem, 0
	case penaltyItem:
		if it.last && !p.final {
			return false, 0
		}
		if it.penalty >= infPenalty || (p.noHyphens && it.inserted()) {
			return false, 0
		}
		return true, it.penalty
	}
	return false, 0
}

// kpPass runs one pass of the breaker: the breaks of the least demerits within p, nil when
// there is none. A pass for exactly p.lines lines drops the candidates that cannot end in as
// many (see restLines).
func kpPass(items []item, p breakParams) []int {
	s := scratches.Get().(*kpScratch)
	defer scratches.Put(s)
	s.unbounded = p.lines == 0
	if !s.unbounded {
		s.restLines(items, p)
	}
	b, ok := s.run(items, p)
	if !ok {
		s.unbounded = true
		b, _ = s.run(items, p)
	}
	return b
}

// run is kpPass on the scratch; ok is false when the bound of restLines may have changed
// the breaks (see tryBreak) and the pass must run without it.
func (s *kpScratch) run(items []item, p breakParams) (breaks []int, ok bool) {
	s.reset()
	s.slots(p.lines)
	s.ordered = !s.readAll && !p.final && nonNegative(items)
	active := append(s.active, s.node(&breakNode{pos: -1, fitness: 1}))
	defer func() { s.active = active[:0] }()
	var sum totals
	for i := range items {
		it := &items[i]
		if ok, pen := legal(items, i, p); ok {
			active = tryBreak(items, i, pen, sum, active, p, s)
			if s.retry {
				return nil, false
			}
			if len(active) == 0 {
				return nil, true
			}
		}
		sum.add(it)
	}
	var best *breakNode
	for _, a := range active {
		if (p.lines == 0 || a.line == p.lines) && (best == nil || a.demerits < best.demerits) {
			best = a
		}
	}
	if best == nil || best.pos != len(items)-1 {
		return nil, true
	}
	var out []int
	for n := best; n.prev != nil; n = n.prev {
		out = append(out, n.pos)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, true
}

// nonNegative reports whether no item adds a negative width, stretch or shrink to the
// running totals (a penalty's width counts only at its own break, the same for every line
// ending there).
func nonNegative(items []item) bool {
	for k := range items {
		it := &items[k]
		if (it.kind != penaltyItem && it.width < 0) || it.stretch < 0 || it.shrink < 0 {
			return false
		}
	}
	return true
}

// widthOf is what an item adds to the running width (penalties only count when broken at).
func widthOf(it item) float64 {
	if it.kind == penaltyItem {
		return 0
	}
	return it.width
}

// compressed returns the share of the letters' compression (0 to 1) that a line from node a
// to the break at i needs beyond shrinking its spaces all the way.
func compressed(items []item, i int, a *breakNode, sum totals, p breakParams) float64 {
	if !p.expand {
		return 0
	}
	w := sum.width - a.width
	if items[i].kind == penaltyItem {
		w += items[i].width
	}
	over := w - p.measure - (sum.shrink - a.shrink)
	room := maxExpansion * (sum.boxes - a.boxes)
	if over <= 0 || room <= 0 {
		return 0
	}
	return math.Min(1, over/room)
}

// ratio computes the adjustment ratio of a line from node a to the break at i.
func ratio(items []item, i int, a *breakNode, sum totals, p breakParams) float64 {
	w := sum.width - a.width
	if items[i].kind == penaltyItem {
		w += items[i].width
	}
	target := p.measure
	stretch, shrink := sum.stretch-a.stretch, sum.shrink-a.shrink
	if p.ragged > 0 {
		stretch += p.ragged
	}
	switch {
	case w < target:
		if stretch <= 0 {
			return math.Inf(1)
		}
		slack := target - w
		if p.expand && slack > expandFrom*stretch {
			slack -= math.Min(slack-expandFrom*stretch, maxExpansion*(sum.boxes-a.boxes))
		}
		return slack / stretch
	case w > target:
		if shrink <= 0 {
			return math.Inf(-1)
		}
		over := w - target
		if p.expand && over > shrink {
			over -= math.Min(over-shrink, maxExpansion*(sum.boxes-a.boxes))
		}
		return -over / shrink
	}
	return 0
}

// badness is Knuth and Plass's badness of a line with adjustment ratio r, at most 10000.
func badness(r float64) float64 {
	if math.IsInf(r, 0) {
		return 10000
	}
	if b := 100 * math.Abs(r*r*r); !(b > 10000) {
		return b // math.Min(b, 10000), NaN included, without its test for a negative zero
	}
	return 10000
}

func fitnessOf(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

// tryBreak updates the active list for a break at item i, in place, with new nodes from s.
func tryBreak(items []item, i int, pen float64, sum totals, active []*breakNode, p breakParams, s *kpScratch) []*breakNode {
	// The best node per fitness class and per length of the hyphen ladder it ends, since both
	// change what the next line costs.
	best, found := &s.best, &s.found
	*found = [4][maxLadder + 1]bool{}
	kept := active[:0]
	var overfull *breakNode
	for k := 0; k < len(active); {
		// The nodes of one break are next to each other and share the line's ratio and cost.
		a, start, end := active[k], k, k+1
		for end < len(active) && active[end].pos == a.pos {
			end++
		}
		group := active[k:end]
		k = end
		r := ratio(items, i, a, sum, p)
		b := badness(r)
		if s.ordered && r > 0 && b > p.tolerance {
			// Too loose, and so is every line from a later node: its running totals are no
			// smaller (the items add nothing negative), so its line is no wider, with no
			// more stretch and no more letters to expand, and its ratio no smaller. None ends
			// here; all stay active but at a forced break.
			if pen > -infPenalty {
				kept = append(kept, active[start:]...)
			}
			break
		}
		if !(r < -1 || (!p.final && b > p.tolerance)) {
			c := costOf(items, i, pen, r, b, a, sum, p)
			for _, a := range group {
				s.offer(c.node(a, p), a, i, p)
			}
		}
		switch {
		case r < -1:
			for _, a := range group {
				if overfull == nil || a.demerits < overfull.demerits {
					overfull = a
				}
			}
		case pen > -infPenalty:
			kept = append(kept, group...) // over the nodes already read
		}
	}
	added := len(s.counted) > 0
	for k := range s.counted {
		n := &s.counted[k]
		s.slot[n.class()] = 0
		finishTotals(n, items, i, sum)
		kept = append(kept, s.node(n))
	}
	s.counted = s.counted[:0]
	for f := range best {
		for h := range best[f] {
			if found[f][h] {
				n := &best[f][h]
				finishTotals(n, items, i, sum)
				kept = append(kept, s.node(n))
				added = true
			}
		}
	}
	if !added && len(kept) == 0 && p.final && !s.unbounded {
		s.retry = true // the full pass may have nodes left here, or another overfull line
		return kept
	}
	if !added && len(kept) == 0 && p.final && overfull != nil {
		n := candidate(items, i, pen, -1, overfull, sum, p)
		n.demerits += 1e9
		finishTotals(&n, items, i, sum)
		kept = append(kept, s.node(&n))
	}
	return kept
}

// finishNode stores a chosen candidate with the totals its next line starts from.
func finishNode(n breakNode, items []item, i int, sum totals) *breakNode {
	finishTotals(&n, items, i, sum)
	return &n
}

// finishTotals gives a chosen candidate the totals its next line starts from.
func finishTotals(n *breakNode, items []item, i int, sum totals) {
	n.width, n.stretch, n.shrink = afterBreak(items, i, sum)
	n.boxes = sum.boxes
}

// candidate makes the node for a break at i after a, with its demerits.
func candidate(items []item, i int, pen, r float64, a *breakNode, sum totals, p breakParams) breakNode {
	c := costOf(items, i, pen, r, badness(r), a, sum, p)
	return c.node(a, p)
}

// lineCost is what a line from a break to the break at item i costs, but for the parts that
// depend on the node it starts from rather than on the break's place (the ladder of hyphens,
// the fitness classes): all the nodes of one break share it (see tryBreak). Its terms are
// added in the order of Knuth and Plass's demerits, so that every node's sum is the same to
// the last bit whichever way it is computed.
type lineCost struct {
	pos     int
	d       float64 // the demerits before the ladder's
	tail    float64 // the emergency pass's own demerits, 0 for none
	squeeze float64 // compressDemerits times the compression, 0 for none
	fit     int
	flagged bool
}

// costOf is the lineCost of a line from a's break to the break at i with ratio r and badness
// b (badness(r)).
func costOf(items []item, i int, pen, r, b float64, a *breakNode, sum totals, p breakParams) lineCost {
	if p.final && r > 0 {
		b = 100 * r * r * r // uncapped, so the emergency pass still ranks loose lines
		if math.IsInf(r, 1) {
			b = 1e12
		}
	}
	d := p.linePenalty + b
	d *= d
	switch {
	case pen >= 0:
		d += pen * pen
	case pen > -infPenalty:
		d -= pen * pen
	}
	flagged := items[i].kind == penaltyItem && items[i].flagged && pen > -infPenalty
	if flagged && a.flagged {
		d += p.flaggedDemerits
	}
	if pen <= -infPenalty && a.flagged {
		d += p.finalHyphen
	}
	if pen <= -infPenalty && a.pos >= 0 && sum.width-a.width < runtFraction*p.measure {
		d += runtDemerits // a last line of a word or two under a full paragraph
	}
	c := lineCost{pos: i, d: d, fit: fitnessOf(r), flagged: flagged}
	switch {
	case p.final && items[i].lastWord:
		c.tail = lastWordDemerits // the paragraph's last line would start with a word's tail
	case p.final && items[i].last && pen > -infPenalty:
		c.tail = lastResortDemerits // a proper name hyphenated, a no-break space broken
	}
	if x := compressed(items, i, a, sum, p); x > 0 {
		c.squeeze = compressDemerits * x // letters squeezed: tighter than any space may be
	}
	return c
}

// node is the candidate for the line of c from a, which must be at the break c was computed
// from (or at one with the same totals and flag).
func (c *lineCost) node(a *breakNode, p breakParams) breakNode {
	d := c.d
	hyphens := 0
	if c.flagged {
		hyphens = a.hyphens + 1
		if hyphens > maxLadder {
			d += ladderDemerits
		}
	}
	if c.tail != 0 {
		d += c.tail
	}
	if c.squeeze != 0 {
		d += c.squeeze
	}
	if abs(c.fit-a.fitness) > 1 {
		d += p.fitnessDemerits
	}
	return breakNode{pos: c.pos, line: a.line + 1, fitness: c.fit, demerits: a.demerits + d, flagged: c.flagged,
		hyphens: hyphens, prev: a}
}

// afterBreak returns the running totals at the start of the line after a break at i: the
// glue and penalties that follow a break are discarded.
func afterBreak(items []item, i int, sum totals) (w, st, sh float64) {
	w, st, sh = sum.width, sum.stretch, sum.shrink
	for j := i; j < len(items); j++ {
		it := &items[j]
		if it.kind == boxItem || (j > i && it.kind == penaltyItem && it.penalty <= -infPenalty) {
			break
		}
		if it.kind == glueItem {
			w += it.width
			st += it.stretch
			sh += it.shrink
		}
	}
	return w, st, sh
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
