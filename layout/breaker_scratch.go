package layout

import "sync"

// kpScratch is the working memory of a pass: the best candidates of the break being tried (see
// tryBreak), the active list, and the chunks the nodes are stored in. Nothing of it outlives
// the pass (kpPass returns only the breaks' indices), so the next pass reuses it all: the
// breaker runs thousands of times an edition and allocates almost nothing.
type kpScratch struct {
	best   [4][maxLadder + 1]breakNode
	found  [4][maxLadder + 1]bool
	active []*breakNode
	chunks [][]breakNode // chunks[cur] is being filled; the later ones are free
	cur    int
	// counted and slot are keepPerLine's: the best candidates of the break per class of
	// line count, fitness and ladder, in the order their classes were first met, and each
	// class's index in counted plus one (0: none yet), cleared after each break.
	counted []breakNode
	slot    []int32
	// rest, sums and breaks are restLines': its bound per break, the running totals before
	// each item and the legal breaks. unbounded is set for a pass without the bound, retry
	// when a pass with it must run again without it.
	rest      []int32
	sums      []totals
	breaks    []legalBreak
	unbounded bool
	retry     bool
	// ordered is set for a pass over items with no negative width, stretch or shrink: the
	// later an active node, the shorter and the looser its line to any break (see tryBreak).
	// readAll, which tests set, leaves it unset: the pass reads every active node.
	ordered, readAll bool
}

// classes is the number of fitness classes times ladder lengths of one line count.
const classes = 4 * (maxLadder + 1)

// kpChunk is the number of nodes a chunk holds.
const kpChunk = 64

// scratches holds the kpScratch of passes that ended, for the next ones (editions may be
// typeset concurrently).
var scratches = sync.Pool{New: func() any { return &kpScratch{} }}

// reset makes a scratch ready for a new pass.
func (s *kpScratch) reset() {
	for k := range s.chunks {
		s.chunks[k] = s.chunks[k][:0]
	}
	s.cur = 0
	s.active = s.active[:0]
	s.counted = s.counted[:0]
	s.retry = false
}

// slots makes keepPerLine's class index ready for paragraphs of up to lines lines.
func (s *kpScratch) slots(lines int) {
	if n := (lines + 1) * classes; len(s.slot) < n {
		s.slot = make([]int32, n)
	}
}

// node stores n in the scratch's current chunk and returns its address, which stays valid
// until the scratch is reset: a full chunk is left to the nodes in it and the next begun.
func (s *kpScratch) node(n *breakNode) *breakNode {
	if len(s.chunks) == 0 {
		s.chunks = append(s.chunks, make([]breakNode, 0, kpChunk))
	}
	if len(s.chunks[s.cur]) == kpChunk {
		s.cur++
		if s.cur == len(s.chunks) {
			s.chunks = append(s.chunks, make([]breakNode, 0, kpChunk))
		}
	}
	c := append(s.chunks[s.cur], *n)
	s.chunks[s.cur] = c
	return &c[len(c)-1]
}

// offer keeps candidate n from a among the best nodes of the break at i, unless a rule of p
// refuses it.
func (s *kpScratch) offer(n breakNode, a *breakNode, i int, p breakParams) {
	if (n.flagged && a.line+1 == p.avoid) || s.hopeless(&n, i, p) {
		return
	}
	if n.hyphens > maxLadder && !p.final {
		return // only the emergency pass may build a longer ladder
	}
	if p.lines > 0 {
		s.keepPerLine(&n)
		return
	}
	f, h := n.fitness, min(n.hyphens, maxLadder)
	if !s.found[f][h] || n.demerits < s.best[f][h].demerits {
		s.best[f][h], s.found[f][h] = n, true
	}
}

// keepPerLine keeps candidate n among the best nodes of one break when the paragraph must have
// exactly p.lines lines: the best per fitness class, ladder length and number of lines, since a
// node with more demerits but another count of lines may be the only one that reaches the
// count (Knuth and Plass's line classes, as for TeX's \looseness). A node past the count is
// dropped.
func (s *kpScratch) keepPerLine(n *breakNode) {
	k := &s.slot[n.class()]
	if *k == 0 {
		s.counted = append(s.counted, *n)
		*k = int32(len(s.counted))
	} else if c := &s.counted[*k-1]; n.demerits < c.demerits {
		*c = *n
	}
}

// class numbers a node's line count, fitness class and ladder length (see keepPerLine).
func (n *breakNode) class() int {
	return n.line*classes + n.fitness*(maxLadder+1) + min(n.hyphens, maxLadder)
}
