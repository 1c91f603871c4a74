package layout

import (
	"sync"
	"sync/atomic"

	"github.com/fpc/bindery/book"
)

// The helpers of one chapter (see prefetch.go) and the stretches they walk. A chapter's
// units are its top-level blocks and then, when they follow it, its notes. The flow walks
// every unit in order; a helper walks a stretch of later units that it claims: the back
// part, by the size of their text, of the units nobody has claimed, which lie between the
// flow's position and the first stretch claimed before. When the chapter starts, the
// helpers that can start share it with the flow in equal parts; a helper that has walked
// its stretch claims the back half of what is still unclaimed, and a helper whose token
// frees up while the flow walks (Options.Helpers) starts on the same. A helper stops where
// the flow has caught up with it: the flow sets the rest itself.

// minStretch is the least text, in bytes, that a helper claims a stretch for: starting a
// flow has a cost, and a stretch's first paragraph may be set in vain (its helper does not
// know that a paragraph comes before it, which gives it a first-line indent).
const minStretch = 4 << 10

// crew is the helpers of one typesetting: their metrics, a lock over every chapter's
// claims, and the goroutines at work, which the driver waits for at the end.
type crew struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	free []*metrics // the metrics of the helpers not at work
}

// chapterAhead is the helpers' work on one chapter. The driver prepares a chapter's when it
// starts the chapter before, so a helper with nothing left to claim in one chapter goes on
// to the next (next), which the flow has not begun.
type chapterAhead struct {
	t     *typesetter
	crew  *crew
	ch    *book.Chapter
	notes bool         // the chapter's notes follow it: note k is unit len(ch.Blocks)+k
	memo  *paraMemo    // the paragraphs set by any walker
	text  []int        // text[u] is the bytes of text of the units before u, up to all units
	pos   atomic.Int64 // the unit the flow is in; -1 before it begins the chapter
	// frontier is the first unit claimed by a helper (the number of units when none is),
	// next the chapter after this one once it is prepared; both under crew.mu.
	frontier int
	next     *chapterAhead
}

// ahead prepares the helpers' work on a chapter and starts the idle helpers that find a
// stretch in it; after, when set, is the chapter before, whose helpers may go on to this
// one. It returns nil when the typesetting has no helpers.
func (t *typesetter) ahead(ch *book.Chapter, after *chapterAhead) *chapterAhead {
	if t.crew == nil {
		return nil
	}
	a := newChapterAhead(t, ch)
	t.crew.mu.Lock()
	defer t.crew.mu.Unlock()
	if after != nil {
		after.next = a
	}
	a.start(len(t.crew.free))
	return a
}

// newChapterAhead prepares the helpers' work on a chapter, none of them at work in it yet.
func newChapterAhead(t *typesetter, ch *book.Chapter) *chapterAhead {
	a := &chapterAhead{t: t, crew: t.crew, ch: ch, notes: t.notesAfter(ch), memo: &paraMemo{sets: map[paraKey]*memoEntry{}}}
	a.pos.Store(-1)
	a.text = make([]int, 1, len(ch.Blocks)+len(ch.Notes)+1)
	for i := range ch.Blocks {
		a.text = append(a.text, a.text[i]+textBytes(ch.Blocks[i:i+1]))
	}
	if a.notes {
		for _, nt := range ch.Notes {
			a.text = append(a.text, a.text[len(a.text)-1]+textBytes(nt.Blocks))
		}
	}
	a.frontier = len(a.text) - 1
	return a
}

// reach tells the helpers that the flow is at unit u, and starts a helper if one is idle,
// has a token and finds a stretch to claim, in this chapter or the next.
func (a *chapterAhead) reach(u int) {
	a.pos.Store(int64(u))
	a.crew.mu.Lock()
	for b := a; b != nil && len(a.crew.free) > 0; b = b.next {
		if b.start(1) > 0 {
			break
		}
	}
	a.crew.mu.Unlock()
}

// start starts up to n helpers on the stretches they claim and returns how many it
// started. It is called with crew.mu held.
func (a *chapterAhead) start(n int) int {
	c := a.crew
	claims := a.claim(n)
	for _, st := range claims {
		m := c.free[len(c.free)-1]
		c.free = c.free[:len(c.free)-1]
		c.wg.Go(func() { a.help(m, st[0], st[1]) })
	}
	return len(claims)
}

// claim returns the stretches of up to n helpers, as many as are idle, get a token and
// find one: the unclaimed units cut into one part more than the helpers, the helpers taking
// the back parts. It is called with crew.mu held.
func (a *chapterAhead) claim(n int) [][2]int {
	n = min(n, len(a.crew.free))
	for n > 0 && !a.enough(n) {
		n--
	}
	k := 0
	for k < n && a.token() {
		k++
	}
	if k == 0 {
		return nil
	}
	cuts := cutText(a.text, a.first(), a.frontier, k+1)
	a.frontier = cuts[1]
	out := make([][2]int, k)
	for h := range out {
		out[h] = [2]int{cuts[h+1], cuts[h+2]}
	}
	return out
}

// first is the first unit the flow has not begun.
func (a *chapterAhead) first() int { return int(a.pos.Load()) + 1 }

// enough reports whether the unclaimed units are at least one and minStretch of text for
// the flow and for each of n helpers.
func (a *chapterAhead) enough(n int) bool {
	lo := min(a.first(), a.frontier)
	least := minStretch
	if o := a.t.d.opts.minStretch; o > 0 {
		least = o
	}
	return a.frontier-lo >= n+1 && a.text[a.frontier]-a.text[lo] >= (n+1)*least
}

// token takes a token of Options.Helpers, or reports true when there is no pool.
func (a *chapterAhead) token() bool {
	pool := a.t.d.opts.Helpers
	return pool == nil || pool.TryAcquire()
}

// help walks the stretch [from, to) of the chapter with metrics m, then claims the back
// half of the unclaimed units of the chapter, or else of the next one, and walks that, until
// there is none to claim; then it gives back its token and its metrics.
func (a *chapterAhead) help(m *metrics, from, to int) {
	c, pool := a.crew, a.t.d.opts.Helpers
	for {
		a.walk(m, from, to)
		c.mu.Lock()
		b := a
		for b != nil && !b.enough(1) {
			b = b.next
		}
		if b != nil {
			a = b
			cuts := cutText(a.text, a.first(), a.frontier, 2)
			from, to = cuts[1], a.frontier
			a.frontier = from
		} else {
			c.free = append(c.free, m)
			if pool != nil {
				pool.Release()
			}
		}
		c.mu.Unlock()
		if b == nil {
			return
		}
	}
}

// walk sets the paragraphs of units [from, to) into the memo in a flow of its own, which it
// throws away, and stops at the first unit the flow has reached.
func (a *chapterAhead) walk(m *metrics, from, to int) {
	ch, blocks := a.ch, len(a.ch.Blocks)
	panels := 0
	f := a.t.newFlowWith(ch, m, &reporter{}, &panels)
	f.memo = a.memo
	f.onGrid = true
	f.reach = func(u int) bool { return int(a.pos.Load()) < u }
	if from < blocks {
		f.blocks(ch.Blocks[from:min(to, blocks)], f.bodyContext(), "", from)
	}
	if to <= blocks {
		return
	}
	f.inNotes = true
	nc := f.notesContext()
	for u := max(from, blocks); u < to && f.reach(u); u++ {
		f.note(ch, ch.Notes[u-blocks], nc)
	}
}

// done tells the helpers that the flow has walked the whole chapter: nothing in it is left
// to claim, and a helper still at work in it stops at its next unit.
func (a *chapterAhead) done() { a.pos.Store(int64(len(a.text))) }

// cutText cuts units [lo, hi) into parts stretches of about the same text, where text[u] is
// the text before unit u: it returns parts+1 unit indices from lo to hi, each stretch at
// least one unit long when there are as many units as parts.
func cutText(text []int, lo, hi, parts int) []int {
	cuts := []int{lo}
	total := text[hi] - text[lo]
	for k := 1; k < parts; k++ {
		prev := cuts[len(cuts)-1]
		target := text[lo] + total*k/parts
		u := prev + 1
		for u < hi-(parts-k) && text[u] < target {
			u++
		}
		if u > prev+1 && target-text[u-1] < text[u]-target {
			u-- // the cut before is nearer the target
		}
		cuts = append(cuts, min(u, hi))
	}
	return append(cuts, hi)
}
