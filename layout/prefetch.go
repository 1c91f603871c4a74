package layout

import (
	"sync"

	"github.com/fpc/bindery/book"
)

// Typesetting one chapter on more than one core. Paginating is sequential, but what a
// paragraph's lines are depends only on its inlines and its paraSpec: building its items,
// breaking them and setting the lines (paraSet) is a pure function of those. While the
// chapter's flow walks its blocks in order, helpers walk later stretches of the same blocks
// and notes (ahead.go says which) in flows of their own and set the paragraphs they meet into a
// memo shared with the flow, each paragraph once, by whichever walker reaches it first. The
// flow then takes a paragraph from the memo instead of setting it, or waits while a helper
// finishes it. Every walker has its own metrics (the word cache is not safe for concurrent
// use) and the helpers' elements, warnings and structure nodes are thrown away, so the pages
// are the same as when the flow sets every paragraph itself, whatever the timing.

// paraSet is what setting a paragraph makes: its items and the manuscript places of its
// words, its breaks, whether only the emergency pass found them, and the lines set from them
// (never changed: a flow that takes them works on a copy, see cloneLines).
type paraSet struct {
	items     []item
	anchors   []anchor
	wides     []*wideWord
	breaks    []int
	emergency bool
	lines     []line
}

// paraKey names a paragraph: its inlines (the first one's address and their number) and its
// paraSpec without the label, which only the flow's own finish step reads.
type paraKey struct {
	first *book.Inline
	n     int
	ps    paraSpec
}

// paraMemo is the paragraphs of one chapter set by any of its walkers.
type paraMemo struct {
	mu   sync.Mutex
	sets map[paraKey]*memoEntry
}

// memoEntry is one paragraph of the memo; done is closed once set holds it.
type memoEntry struct {
	done chan struct{}
	set  paraSet
}

// get returns the paragraph's setting from the memo, waiting while another walker makes it,
// or makes it with set when no walker has begun it.
func (pm *paraMemo) get(k paraKey, set func() paraSet) paraSet {
	pm.mu.Lock()
	e, ok := pm.sets[k]
	if !ok {
		e = &memoEntry{done: make(chan struct{})}
		pm.sets[k] = e
	}
	pm.mu.Unlock()
	if ok {
		<-e.done
		return e.set
	}
	e.set = set()
	close(e.done)
	return e.set
}

// cloneLines copies lines so that the flow's finish step can change them (their fields, and
// runs appended to a copy of the runs) without touching the memo's.
func cloneLines(lines []line) []line {
	out := make([]line, len(lines))
	for k, ln := range lines {
		ln.runs = ln.runs[:len(ln.runs):len(ln.runs)]
		out[k] = ln
	}
	return out
}

// textBytes is about how much text blocks hold: the bytes of their inlines, nested ones too.
func textBytes(bs []book.Block) int {
	n := 0
	var inlines func([]book.Inline)
	inlines = func(in []book.Inline) {
		for _, x := range in {
			n += len(x.Text)
			inlines(x.Children)
		}
	}
	book.EachBlock(bs, func(b *book.Block) {
		inlines(b.Inlines)
		inlines(b.Title)
		inlines(b.Caption)
	})
	return n
}
