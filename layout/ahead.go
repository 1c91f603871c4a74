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

// chapterAhead is the helpers of one chapter at work.
type chapterAhead struct {
	t     *typesetter
	ch    *book.Chapter
	notes bool      // the chapter's notes follow it: note k is unit len(ch.Blocks)+k
	memo  *paraMemo // the paragraphs set by any walker
	text  []int     // text[u] is the bytes of text of the units before u, up to all units
	wg    sync.WaitGroup
	pos   atomic.Int64 // the unit the flow is in

	mu       sync.Mutex
	frontier int        // the first unit claimed by a helper (the number of units when none is)
	free     []*metrics // the metrics of the helpers not at work
}

// ahead starts the helpers of a chapter, or returns nil when the typesetting has none.
func (t *typesetter) ahead(ch *book.Chapter) *chapterAhead {
	if len(t.helpers) == 0 {
		return nil
	}
	a := newChapterAhead(t, ch)
	a.mu.Lock()
	a.start(len(a.free))
	a.mu.Unlock()
	return a
}

// newChapterAhead prepares the helpers of a chapter, none of them at work yet.
func newChapterAhead(t *typesetter, ch *book.Chapter) *chapterAhead {
	a := &chapterAhead{t: t, ch: ch, notes: t.notesAfter(ch), memo: &paraMemo{sets: map[paraKey]*memoEntry{}}}
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
	a.free = append(a.free, t.helpers...)
	return a
}

// reach tells the helpers that the flow is at unit u, and starts a helper if one is idle,
// has a token and finds a stretch to claim.
func (a *chapterAhead) reach(u int) {
	a.pos.Store(int64(u))
	a.mu.Lock()
	if len(a.free) > 0 {
		a.start(1)
	}
	a.mu.Unlock()
}

// start starts up to n helpers on the stretches they claim. It is called with mu held.
func (a *chapterAhead) start(n int) {
	for _, st := range a.claim(n) {
		m := a.free[len(a.free)-1]
		a.free = a.free[:len(a.free)-1]
		a.wg.Go(func() { a.help(m, st[0], st[1]) })
	}
}

// claim returns the stretches of up to n helpers, as many as are idle, get a token and
// find one: the unclaimed units cut into one part more than the helpers, the helpers taking
// the back parts. It is called with mu held.
func (a *chapterAhead) claim(n int) [][2]int {
	n = min(n, len(a.free))
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
	cuts := cutText(a.text, a.next(), a.frontier, k+1)
	a.frontier = cuts[1]
	out := make([][2]int, k)
	for h := range out {
		out[h] = [2]int{cuts[h+1], cuts[h+2]}
	}
	return out
}

// next is the first unit the flow has not begun.
func (a *chapterAhead) next() int { return int(a.pos.Load()) + 1 }

// enough reports whether the unclaimed units are at least one and minStretch of text for
// the flow and for each of n helpers.
func (a *chapterAhead) enough(n int) bool {
	lo := min(a.next(), a.frontier)
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

// help walks the stretch [from, to) with metrics m, then claims the back half of the
// unclaimed units and walks it, until there is none to claim; then it gives back its token
// and its metrics.
func (a *chapterAhead) help(m *metrics, from, to int) {
	for {
		a.walk(m, from, to)
		a.mu.Lock()
		ok := a.enough(1)
		if ok {
			cuts := cutText(a.text, a.next(), a.frontier, 2)
			from, to = cuts[1], cuts[2]
			a.frontier = from
		}
		if !ok {
			a.free = append(a.free, m)
			if pool := a.t.d.opts.Helpers; pool != nil {
				pool.Release()
			}
		}
		a.mu.Unlock()
		if !ok {
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

// done waits for the helpers once the flow has walked the whole chapter.
func (a *chapterAhead) done() {
	a.pos.Store(int64(len(a.text))) // past every unit: nothing is left to claim
	a.wg.Wait()
}

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
