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
// behind; a whole run yields every page, in order, as one goroutine displays them.
func TestDisplayPagesStops(t *testing.T) {
	d, err := Typeset(cleanEditions(t)[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.pages) < 2 {
		t.Fatalf("the fixture has %d pages, want at least 2", len(d.pages))
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
	ds := &displayer{d: d, targets: d.targets(), links: map[*pdfdraw.Node]*openLink{},
		spans: map[*pdfdraw.Node]*pdfdraw.Node{}}
	ds.words, ds.cont = d.brokenWords()
	n = 0
	for p := range d.displayPages() {
		if want := ds.page(n, d.pages[n]); !reflect.DeepEqual(p, want) {
			t.Errorf("page %d differs from the one displayed without the goroutine", n+1)
		}
		n++
	}
	if n != len(d.pages) {
		t.Errorf("got %d pages, want %d", n, len(d.pages))
	}
}
