package layout

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fpc/bindery/book"
)

// TestJobsSamePDF typesets editions with helpers setting paragraphs ahead of the flow
// (Options.Jobs, and Options.Helpers lending some or no tokens) and checks that the PDF is
// byte for byte the one a single goroutine makes, with the notes after each chapter and at
// the end, and that the helpers gave back every token they took. Under -race (make test)
// it runs on the clean fixture; the full run adds kazakhstan-en, whose introduction the
// helpers share.
func TestJobsSamePDF(t *testing.T) {
	type run struct {
		ed     *book.Edition
		notes  NotePlacement
		jobs   int
		tokens int // tokens of Options.Helpers; -1 for none
	}
	var runs []run
	for _, ed := range cleanEditions(t) {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			runs = append(runs, run{ed, notes, 2, -1}, run{ed, notes, 3, -1}, run{ed, notes, 3, 1}, run{ed, notes, 2, 0})
		}
	}
	for _, ed := range contentEditions(t) {
		if ed.Name() == "kazakhstan-en" {
			runs = append(runs, run{ed, NotesPerChapter, 2, -1}, run{ed, NotesPerChapter, 3, 1})
		}
	}
	for _, r := range runs {
		one := pdfBytes(t, r.ed, Options{Notes: r.notes})
		opts := Options{Notes: r.notes, Jobs: r.jobs, minStretch: 1} // helpers on the smallest chapters too
		if r.tokens >= 0 {
			opts.Helpers = NewTokens(r.tokens)
		}
		if many := pdfBytes(t, r.ed, opts); !bytes.Equal(one, many) {
			t.Errorf("%s, notes %v: the PDF set with Jobs %d and %d tokens differs from the one set with one goroutine",
				r.ed.Name(), r.notes, r.jobs, r.tokens)
		}
		if opts.Helpers != nil {
			if free := drain(opts.Helpers); free != r.tokens {
				t.Errorf("%s, notes %v: %d of %d tokens free after typesetting", r.ed.Name(), r.notes, free, r.tokens)
			}
		}
	}
}

// drain takes every free token of tk and returns how many it took.
func drain(tk *Tokens) int {
	n := 0
	for tk.TryAcquire() {
		n++
	}
	return n
}

// TestTokens checks the semaphore's count: TryAcquire fails exactly when every token is
// taken, Release frees one, Acquire waits for one, and a Release without a token panics.
func TestTokens(t *testing.T) {
	tk := NewTokens(2)
	if !tk.TryAcquire() || !tk.TryAcquire() {
		t.Fatal("TryAcquire failed with tokens free")
	}
	if tk.TryAcquire() {
		t.Fatal("TryAcquire took a third token of two")
	}
	got := make(chan struct{})
	go func() { tk.Acquire(); close(got) }()
	tk.Release()
	<-got // Acquire took the released token
	tk.Release()
	tk.Release()
	if n := drain(tk); n != 2 {
		t.Errorf("%d tokens free after every one was released, want 2", n)
	}
	tk.Release()
	tk.Release()
	defer func() {
		if recover() == nil {
			t.Error("a Release without a token taken did not panic")
		}
	}()
	tk.Release()
}

// TestParaMemo checks that each paragraph is set once however many walkers ask for it, and
// that every walker gets the same setting.
func TestParaMemo(t *testing.T) {
	memo := &paraMemo{sets: map[paraKey]*memoEntry{}}
	in := []book.Inline{{Kind: book.Text, Text: "a"}, {Kind: book.Text, Text: "b"}}
	keys := []paraKey{{first: &in[0], n: 2}, {first: &in[0], n: 1}, {first: &in[1], n: 1},
		{first: &in[0], n: 2, ps: paraSpec{size: 9}}}
	var mu sync.Mutex
	made := map[paraKey]int{}
	var wg sync.WaitGroup
	got := make([][]paraSet, 4)
	for w := range got {
		wg.Go(func() {
			for k, key := range keys {
				s := memo.get(key, func() paraSet {
					mu.Lock()
					made[key]++
					mu.Unlock()
					return paraSet{breaks: []int{k}}
				})
				got[w] = append(got[w], s)
			}
		})
	}
	wg.Wait()
	for k, key := range keys {
		if made[key] != 1 {
			t.Errorf("key %d was set %d times, want once", k, made[key])
		}
		for w := range got {
			if b := got[w][k].breaks; len(b) != 1 || b[0] != k {
				t.Errorf("walker %d got breaks %v for key %d, want [%d]", w, b, k, k)
			}
		}
	}
}

// TestCloneLines checks that a copy's runs can grow without changing the original's.
func TestCloneLines(t *testing.T) {
	runs := make([]placed, 1, 4)
	orig := []line{{runs: runs, indent: 1}}
	cp := cloneLines(orig)
	cp[0].runs = append(cp[0].runs, placed{x: 7})
	cp[0].indent = 2
	if orig[0].indent != 1 || len(orig[0].runs) != 1 || runs[:2][1].x == 7 {
		t.Errorf("changing the copy changed the original: %+v", orig[0])
	}
}

// TestCutText checks that units are cut into stretches of about the same text.
func TestCutText(t *testing.T) {
	prefix := func(sizes ...int) []int {
		out := []int{0}
		for _, n := range sizes {
			out = append(out, out[len(out)-1]+n)
		}
		return out
	}
	for _, c := range []struct {
		sizes         []int
		lo, hi, parts int
		want          []int
	}{
		{[]int{10, 10, 10, 10}, 0, 4, 2, []int{0, 2, 4}},
		{[]int{10, 10, 10, 10, 10, 10}, 0, 6, 3, []int{0, 2, 4, 6}},
		{[]int{50, 10, 10, 10}, 0, 4, 2, []int{0, 1, 4}},
		{[]int{10}, 0, 1, 3, []int{0, 1, 1, 1}},
		{[]int{10, 10, 10, 10, 10, 10}, 2, 6, 2, []int{2, 4, 6}},
		{[]int{10, 10, 10, 40}, 1, 4, 2, []int{1, 3, 4}},
		{[]int{10, 10, 10, 40}, 0, 4, 3, []int{0, 2, 3, 4}},
		{[]int{100, 1, 1}, 0, 3, 3, []int{0, 1, 2, 3}},
	} {
		if got := cutText(prefix(c.sizes...), c.lo, c.hi, c.parts); !slices.Equal(got, c.want) {
			t.Errorf("cutText(%v, %d, %d, %d) = %v, want %v", c.sizes, c.lo, c.hi, c.parts, got, c.want)
		}
	}
}

// TestClaim checks which stretches helpers claim: the back parts of what no walker has,
// as many as there are idle helpers, tokens and text for, and the back half of the rest
// for a helper that comes later.
func TestClaim(t *testing.T) {
	para := book.Block{Kind: book.Paragraph, Inlines: []book.Inline{{Kind: book.Text, Text: strings.Repeat("x", minStretch/2)}}}
	chapter := func(n int) *book.Chapter { return &book.Chapter{Blocks: slices.Repeat([]book.Block{para}, n)} }
	type step struct {
		pos, n int // the flow's unit, helpers asked for
		want   [][2]int
	}
	for _, c := range []struct {
		name    string
		blocks  int
		helpers int
		tokens  int // -1: no pool
		steps   []step
	}{
		{"two helpers share with the flow", 13, 2, -1, []step{{0, 2, [][2]int{{5, 9}, {9, 13}}}}},
		{"a chapter the flow has not begun", 12, 1, -1, []step{{-1, 1, [][2]int{{6, 12}}}}},
		{"one helper, later the back half of the rest", 17, 2, -1,
			[]step{{0, 1, [][2]int{{9, 17}}}, {2, 1, [][2]int{{6, 9}}}}},
		{"a token short", 13, 2, 1, []step{{0, 2, [][2]int{{7, 13}}}, {1, 1, nil}}},
		{"no token", 13, 2, 0, []step{{0, 2, nil}}},
		{"too little text", 4, 1, -1, []step{{0, 1, nil}}},
		{"no idle helper", 41, 1, -1, []step{{0, 1, [][2]int{{21, 41}}}, {1, 1, nil}}},
		{"the flow is past it", 41, 2, -1, []step{{0, 1, [][2]int{{21, 41}}}, {19, 1, nil}}},
	} {
		opts := Options{Jobs: c.helpers + 1}
		if c.tokens >= 0 {
			opts.Helpers = NewTokens(c.tokens)
		}
		ts := &typesetter{d: &Document{opts: opts}, crew: &crew{free: make([]*metrics, c.helpers)}}
		a := newChapterAhead(ts, chapter(c.blocks))
		for k, st := range c.steps {
			a.pos.Store(int64(st.pos))
			got := a.claim(st.n)
			ts.crew.free = ts.crew.free[:len(ts.crew.free)-len(got)]
			if !slices.Equal(got, st.want) {
				t.Errorf("%s, step %d: claimed %v, want %v", c.name, k, got, st.want)
			}
		}
	}
}
