package publish

import (
	"slices"
	"sync"
)

// WorkBytesPerTextByte estimates the memory an edition's build holds at its peak (its
// typesetting: the paragraphs' items and glyph runs of a chapter, and the pages set so
// far) per byte of its text. Measured on content/ with runtime/metrics: typesetting
// tajikistan-ru (297 kB of text) adds about 28 MiB to the live heap, kazakhstan-kk
// (267 kB) about 25 MiB.
const WorkBytesPerTextByte = 100

// DefaultMemoryBudget is how much estimated working memory (WorkBytesPerTextByte times
// the text of each edition in flight) Run lets the editions it builds at once hold
// together, when Options.MemoryBudget is 0. It fits the largest edition of content/
// beside a small one, not two large ones: the Go heap grows to about twice what is
// live, so two large editions in flight took a build of content/ past 120 MiB of
// resident memory, where one at a time stays under 100 MiB.
const DefaultMemoryBudget = 36 << 20

// HeapBase is the Go heap a build holds beside its editions' working memory: the parsed
// fonts and hyphenation patterns, the models Load keeps (KeepBytes of Markdown), buffers.
const HeapBase = 8 << 20

// MemoryLimit is the soft memory limit for the Go runtime (runtime/debug.SetMemoryLimit)
// that a build of the batch needs: HeapBase and twice the most working memory Run lets be
// in flight at once (the budget, or the largest edition when it builds alone over it), so
// that the heap may grow to twice what is live, as with the collector's default GOGC=100,
// but no further: 80 MiB for DefaultMemoryBudget. Under it the collector may run less
// often while the heap is small without the build's peak growing; an edition that needs
// more than the budget raises the limit with it, so that the collector never runs without
// end against a limit below what must be live.
func MemoryLimit(b Batch, budget int) int64 {
	if budget == 0 {
		budget = DefaultMemoryBudget
	}
	peak := budget
	for _, n := range newScheduler(b, budget).need {
		peak = max(peak, n)
	}
	return HeapBase + 2*int64(peak)
}

// scheduler hands out the editions of a batch, largest first, to Run's workers, keeping
// the estimated working memory of the editions in flight within a budget. An edition
// waits while the next largest would exceed the budget, unless a smaller one fits or
// nothing else is in flight (so that an edition over the budget still builds, alone).
type scheduler struct {
	mu       sync.Mutex
	wake     *sync.Cond
	order    []int // the editions not yet started, largest first
	need     []int // each edition's estimated working memory, by index
	inFlight int   // the sum of need over the editions building
	running  int
	budget   int
}

// newScheduler orders the batch's editions by decreasing text size (ties in edition
// order) and estimates each one's working memory.
func newScheduler(b Batch, budget int) *scheduler {
	s := &scheduler{need: make([]int, len(b.Editions)), budget: budget}
	s.wake = sync.NewCond(&s.mu)
	for i, ed := range b.Editions {
		n, dropped := b.Dropped[ed.Name()]
		if !dropped {
			n = textSize(ed)
		}
		s.need[i] = n * WorkBytesPerTextByte
		s.order = append(s.order, i)
	}
	slices.SortStableFunc(s.order, func(a, b int) int { return s.need[b] - s.need[a] })
	return s
}

// next waits until an edition may start and returns it, or false when none is left.
func (s *scheduler) next() (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.order) > 0 {
		if i := s.take(); i >= 0 {
			return i, true
		}
		s.wake.Wait()
	}
	return 0, false
}

// take starts the largest edition not yet started that fits in the budget beside those in
// flight (any edition when none is), and returns it, or -1 when none may start now. The
// caller holds s.mu.
func (s *scheduler) take() int {
	for k, i := range s.order {
		if s.running == 0 || s.inFlight+s.need[i] <= s.budget {
			s.order = slices.Delete(s.order, k, k+1)
			s.inFlight += s.need[i]
			s.running++
			return i
		}
	}
	return -1
}

// done says that edition i has finished building, freeing its share of the budget.
func (s *scheduler) done(i int) {
	s.mu.Lock()
	s.inFlight -= s.need[i]
	s.running--
	s.mu.Unlock()
	s.wake.Broadcast()
}
