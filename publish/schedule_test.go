package publish

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/fpc/bindery/book"
)

// sized is a batch of editions standing in with their text sizes only (as Load leaves
// dropped ones), named e0, e1, ...
func sized(sizes ...int) Batch {
	b := Batch{Dropped: map[string]int{}}
	for i, n := range sizes {
		ed := &book.Edition{Report: fmt.Sprint("e", i), Lang: "en"}
		b.Editions = append(b.Editions, ed)
		b.Dropped[ed.Name()] = n
	}
	return b
}

// TestSchedulerTake follows the scheduler step by step: which edition starts when others
// are in flight, and when one finishes.
func TestSchedulerTake(t *testing.T) {
	const kB = 1000 // text bytes; an edition of 100 kB needs 10 MB
	type step struct {
		done int // finish this edition first (-1: none)
		want int // the edition take starts next, -1 for none now
	}
	tests := []struct {
		name   string
		sizes  []int
		budget int
		steps  []step
	}{
		{"largest first while they fit", []int{100 * kB, 300 * kB, 200 * kB}, 100e6,
			[]step{{-1, 1}, {-1, 2}, {-1, 0}, {-1, -1}}},
		{"a small one beside a large one, not two large ones", []int{297 * kB, 267 * kB, 198 * kB, 172 * kB, 18 * kB}, 36 << 20,
			[]step{{-1, 0}, {-1, 4}, {-1, -1}, {4, -1}, {0, 1}, {-1, -1}, {1, 2}, {-1, 3}, {-1, -1}}},
		{"an edition over the budget builds alone", []int{500 * kB, 10 * kB}, 1e6,
			[]step{{-1, 0}, {-1, -1}, {0, 1}, {-1, -1}}},
		{"ties in edition order", []int{5 * kB, 5 * kB, 5 * kB}, 1e6,
			[]step{{-1, 0}, {-1, 1}, {0, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newScheduler(sized(tt.sizes...), tt.budget)
			for k, st := range tt.steps {
				if st.done >= 0 {
					s.done(st.done)
				}
				s.mu.Lock()
				got := s.take()
				s.mu.Unlock()
				if got != st.want {
					t.Fatalf("step %d: took %d, want %d (in flight %d bytes, %d editions)", k, got, st.want, s.inFlight, s.running)
				}
			}
		})
	}
}

// TestSchedulerBudget runs the scheduler with many workers over a batch and checks that
// every edition builds once, and that the editions in flight together never exceed the
// budget unless one builds alone.
func TestSchedulerBudget(t *testing.T) {
	sizes := []int{297e3, 267e3, 198e3, 172e3, 18e3, 297e3, 267e3, 198e3, 172e3, 18e3, 5e3}
	b := sized(sizes...)
	const budget = 36 << 20
	s := newScheduler(b, budget)
	var mu sync.Mutex
	var inFlight, running int
	var built []int
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, ok := s.next(); ok; i, ok = s.next() {
				mu.Lock()
				inFlight += sizes[i] * WorkBytesPerTextByte
				running++
				if running > 1 && inFlight > budget {
					t.Errorf("%d editions in flight need %d bytes, over the budget of %d", running, inFlight, budget)
				}
				built = append(built, i)
				mu.Unlock()
				runtime.Gosched() // let the other workers start what they may meanwhile
				mu.Lock()
				inFlight -= sizes[i] * WorkBytesPerTextByte
				running--
				mu.Unlock()
				s.done(i)
			}
		})
	}
	wg.Wait()
	slices.Sort(built)
	want := make([]int, len(sizes))
	for i := range want {
		want[i] = i
	}
	if !slices.Equal(built, want) {
		t.Errorf("built %v, want each of %v once", built, want)
	}
}

// TestRunMemoryBudget builds the clean fixture under a budget smaller than either edition,
// so that they build one at a time, and checks that every file is written.
func TestRunMemoryBudget(t *testing.T) {
	lib := cleanFixture(t)
	dir := t.TempDir()
	res := Run(context.Background(), Batch{Editions: lib.Editions}, Options{OutDir: dir, Formats: pdfEPUB, Jobs: 2, MemoryBudget: 1})
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	if got, want := len(res.Outputs), 2*len(lib.Editions); got != want {
		t.Errorf("%d outputs, want %d", got, want)
	}
}

// TestMemoryLimit checks the runtime memory limit a batch needs: twice the default budget
// and the base for small editions, twice the largest edition when it needs more.
func TestMemoryLimit(t *testing.T) {
	tests := []struct {
		name   string
		sizes  []int
		budget int
		want   int64
	}{
		{"no edition yet", nil, 0, 80 << 20},
		{"content/", []int{297e3, 267e3, 198e3, 172e3, 18e3}, 0, 80 << 20},
		{"a budget of its own", []int{100e3}, 50 << 20, HeapBase + 100<<20},
		{"an edition over the budget", []int{1e6, 5e3}, 0, HeapBase + 2*1e6*WorkBytesPerTextByte},
	}
	for _, tt := range tests {
		if got := MemoryLimit(sized(tt.sizes...), tt.budget); got != tt.want {
			t.Errorf("%s: MemoryLimit = %d, want %d", tt.name, got, tt.want)
		}
	}
}
