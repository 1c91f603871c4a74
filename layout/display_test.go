package layout

import (
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/fpc/bindery/layout/pdfdraw"
)

// TestDisplayPagesStops checks the display goroutine's life: a draw step that stops after the
// first page, as pdfdraw.Write does on an error, gets no more pages and leaves no goroutine
// behind; a whole run yields every page, in order, as one goroutine displays them (in pages
// that take the slices of those drawn before them).
func TestDisplayPagesStops(t *testing.T) {
	d, err := Typeset(cleanEditions(t)[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.pages) <= displayAhead+2 {
		t.Fatalf("the fixture has %d pages, want more than %d (so that pages are reused)", len(d.pages), displayAhead+2)
	}
	before := runtime.NumGoroutine()
	n := 0
	for range d.displayPages() {
		n++
		break
	}
	if n != 1 {
		t.Errorf("got %d pages after stopping at the first", n)
	}
	for deadline := time.Now().Add(10 * time.Second); runtime.NumGoroutine() > before; {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines after the draw step stopped, %d before", runtime.NumGoroutine(), before)
		}
		time.Sleep(time.Millisecond)
	}
	ds := d.newDisplayer()
	n = 0
	for p := range d.displayPages() {
		if want := ds.page(n, d.pages[n], nil); !reflect.DeepEqual(withoutEmpty(*p), withoutEmpty(*want)) {
			t.Errorf("page %d differs from the one displayed without the goroutine", n+1)
		}
		n++
	}
	if n != len(d.pages) {
		t.Errorf("got %d pages, want %d", n, len(d.pages))
	}
}

// withoutEmpty is a page with nil for its empty slices, which a reused page keeps non-nil.
func withoutEmpty(p pdfdraw.Page) pdfdraw.Page {
	p.Tints, p.Images, p.Rules = nilIfEmpty(p.Tints), nilIfEmpty(p.Images), nilIfEmpty(p.Rules)
	p.Runs, p.Links, p.Dests, p.Marks = nilIfEmpty(p.Runs), nilIfEmpty(p.Links), nilIfEmpty(p.Dests), nilIfEmpty(p.Marks)
	return p
}

func nilIfEmpty[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}
