package layout

import (
	"bytes"
	"slices"
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
		opts := Options{Notes: r.notes, Jobs: r.jobs}
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

// TestCutBlocks checks that the stretches the flow and its helpers walk divide a chapter's
// text about evenly, the notes counted in the last.
func TestCutBlocks(t *testing.T) {
	para := func(n int) book.Block {
		return book.Block{Kind: book.Paragraph, Inlines: []book.Inline{{Kind: book.Text, Text: string(bytes.Repeat([]byte("x"), n))}}}
	}
	note := book.Note{Blocks: []book.Block{para(40)}}
	for _, c := range []struct {
		sizes []int
		parts int
		notes bool
		want  []int
	}{
		{[]int{10, 10, 10, 10}, 2, false, []int{0, 2, 4}},
		{[]int{10, 10, 10, 10}, 2, true, []int{0, 4, 4}},
		{[]int{10, 10, 10, 10, 10, 10}, 3, false, []int{0, 2, 4, 6}},
		{[]int{50, 10, 10, 10}, 2, false, []int{0, 1, 4}},
		{[]int{10}, 3, false, []int{0, 1, 1, 1}},
	} {
		ch := &book.Chapter{Notes: []book.Note{note}}
		for _, n := range c.sizes {
			ch.Blocks = append(ch.Blocks, para(n))
		}
		if got := cutBlocks(ch, c.parts, c.notes); !slices.Equal(got, c.want) {
			t.Errorf("cutBlocks(%v, %d, notes %v) = %v, want %v", c.sizes, c.parts, c.notes, got, c.want)
		}
	}
}

// TestTakeHelpers checks how many helpers a chapter gets: Jobs-1 without a pool, no more
// than its blocks less one, and with a pool only as many as it has tokens free, which it
// takes.
func TestTakeHelpers(t *testing.T) {
	blocks := func(n int) *book.Chapter { return &book.Chapter{Blocks: make([]book.Block, n)} }
	for _, c := range []struct {
		jobs, blocks, tokens int // tokens -1: no pool
		want, left           int
	}{
		{jobs: 3, blocks: 10, tokens: -1, want: 2},
		{jobs: 3, blocks: 2, tokens: -1, want: 1},
		{jobs: 3, blocks: 1, tokens: -1, want: 0},
		{jobs: 1, blocks: 10, tokens: -1, want: 0},
		{jobs: 3, blocks: 10, tokens: 1, want: 1, left: 0},
		{jobs: 3, blocks: 10, tokens: 5, want: 2, left: 3},
		{jobs: 3, blocks: 2, tokens: 5, want: 1, left: 4},
		{jobs: 3, blocks: 10, tokens: 0, want: 0, left: 0},
	} {
		opts := Options{Jobs: c.jobs}
		if c.tokens >= 0 {
			opts.Helpers = NewTokens(c.tokens)
		}
		ts := &typesetter{d: &Document{opts: opts}, helpers: make([]*metrics, max(0, c.jobs-1))}
		got := ts.takeHelpers(blocks(c.blocks))
		left := 0
		if opts.Helpers != nil {
			left = drain(opts.Helpers)
		}
		if got != c.want || left != c.left {
			t.Errorf("jobs %d, %d blocks, %d tokens: %d helpers and %d tokens left, want %d and %d",
				c.jobs, c.blocks, c.tokens, got, left, c.want, c.left)
		}
	}
}
