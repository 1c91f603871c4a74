package layout

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"github.com/fpc/bindery/book"
)

// TestJobsSamePDF typesets editions with helpers setting paragraphs ahead of the flow
// (Options.Jobs) and checks that the PDF is byte for byte the one a single goroutine makes,
// with the notes after each chapter and at the end. Under -race (make test) it runs on the
// clean fixture; the full run adds kazakhstan-en, whose introduction the helpers share.
func TestJobsSamePDF(t *testing.T) {
	type run struct {
		ed    *book.Edition
		notes NotePlacement
		jobs  int
	}
	var runs []run
	for _, ed := range cleanEditions(t) {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			runs = append(runs, run{ed, notes, 2}, run{ed, notes, 3})
		}
	}
	for _, ed := range contentEditions(t) {
		if ed.Name() == "kazakhstan-en" {
			runs = append(runs, run{ed, NotesPerChapter, 2})
		}
	}
	for _, r := range runs {
		one := pdfBytes(t, r.ed, Options{Notes: r.notes})
		if many := pdfBytes(t, r.ed, Options{Notes: r.notes, Jobs: r.jobs}); !bytes.Equal(one, many) {
			t.Errorf("%s, notes %v: the PDF set with Jobs %d differs from the one set with one goroutine",
				r.ed.Name(), r.notes, r.jobs)
		}
	}
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
