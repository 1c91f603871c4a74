package layout

// A pass asked for exactly p.lines lines keeps the best node of every line count at every
// break (see keepPerLine): most of them have too many lines already to end the paragraph in
// p.lines, and their candidates are most of the pass's work. restLines bounds, for each
// break, how many lines the rest of the paragraph needs at least, and tryBreak drops a
// candidate that cannot end in p.lines lines with it. The settings in p.lines lines that
// remain are the same nodes, compared in the same order, so the pass returns the same breaks:
//
//   - the bound counts every line the pass could take from a break: a node stays active from
//     its break up to the first break where its line is overfull (r < -1) or forced, and its
//     line to a break is a candidate when it is not overfull and, but in the emergency pass,
//     within the tolerance; the other rules (p.avoid, the ladder) only refuse more lines;
//   - so a candidate's own candidates cannot end in p.lines lines either, and candidates
//     compete only within a class of one line count at one break, where all or none are
//     dropped: the nodes kept are exactly those of the full pass that can still end in
//     p.lines lines, in the same order;
//   - the one rule that looks at every node is the emergency pass's overfull line, taken
//     when no node is left and none was added (see tryBreak): where the pass with the bound
//     comes to that, it is run again without it (s.unbounded), so that the full pass decides.

// noRest is the bound of a break from which the paragraph cannot be ended.
const noRest = 1 << 30

// restLines fills s.rest: s.rest[i+1] is a lower bound of the lines after a break at item i
// (s.rest[0] those of the paragraph, from its start), 0 at the paragraph's last item and
// noRest where no line the pass could take leads on to its end.
func (s *kpScratch) restLines(items []item, p breakParams) {
	n := len(items)
	s.rest = growTo(s.rest, n+1)
	s.sums = growTo(s.sums, n+1)
	s.breaks = s.breaks[:0]
	var sum totals
	for i := range items {
		s.sums[i] = sum
		s.rest[i+1] = noRest
		if ok, pen := legal(items, i, p); ok {
			s.breaks = append(s.breaks, legalBreak{i, pen})
		}
		it := &items[i]
		sum.add(it)
	}
	s.sums[n] = sum
	if k := len(s.breaks) - 1; k >= 0 && s.breaks[k].at == n-1 {
		s.rest[n] = 0
	}
	for k := len(s.breaks) - 2; k >= -1; k-- {
		var a breakNode
		a.pos = -1
		if k >= 0 {
			a.pos = s.breaks[k].at
			finishTotals(&a, items, a.pos, s.sums[a.pos])
		}
		s.rest[a.pos+1] = s.restFrom(items, &a, s.breaks[k+1:], p)
	}
}

// restFrom is the bound of a node a: one more than the least bound of the breaks its line
// may end at, noRest for none.
func (s *kpScratch) restFrom(items []item, a *breakNode, next []legalBreak, p breakParams) int32 {
	best := int32(noRest)
	for _, b := range next {
		r := ratio(items, b.at, a, s.sums[b.at], p)
		if r < -1 {
			break // overfull: the node leaves the active list
		}
		if (p.final || badness(r) <= p.tolerance) && s.rest[b.at+1] < best {
			best = s.rest[b.at+1]
		}
		if b.pen <= -infPenalty {
			break // a forced break ends every line
		}
	}
	if best == noRest {
		return noRest
	}
	return best + 1
}

// legalBreak is a legal breakpoint of a paragraph and its penalty.
type legalBreak struct {
	at  int
	pen float64
}

// growTo returns a slice of length n, reusing s when it is large enough.
func growTo[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// hopeless reports whether a candidate of n lines at a break at item i cannot end the
// paragraph in p.lines lines (see restLines); without p.lines, whether it has too many.
func (s *kpScratch) hopeless(n *breakNode, i int, p breakParams) bool {
	if p.lines == 0 {
		return false
	}
	if s.unbounded {
		return n.line > p.lines
	}
	return n.line+int(s.rest[i+1]) > p.lines
}
