package pdf

import (
	"bytes"
	"fmt"
	"testing"
)

// TestAsyncStreams checks that compressing streams in goroutines changes nothing in the file:
// a document of pages with large and small content streams (some compressed while later
// pages are drawn, some inline), in both cross-reference forms, gives the bytes of
// compressing every stream in turn.
func TestAsyncStreams(t *testing.T) {
	for _, packed := range []bool{false, true} {
		write := func(inline bool) []byte {
			var buf bytes.Buffer
			opts := sampleOptions()
			opts.ObjectStreams = packed
			w := New(&buf, opts)
			w.inline = inline
			for i := range 40 {
				p := w.NewPage(PageBoxes{Media: Rect{0, 0, 400, 600}})
				for k := range 1 + (i%5)*60 { // from a few bytes to about 8 KB
					p.FillRect(Rect{float64(k % 37), float64(i), float64(k*i%101) + 0.5, 3})
				}
				p.Dest(fmt.Sprintf("p%d", i), 500)
				p.Close()
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		async, inline := write(false), write(true)
		if !bytes.Equal(async, inline) {
			t.Errorf("object streams %v: %d bytes with streams compressed in goroutines, %d in turn, and they differ",
				packed, len(async), len(inline))
		}
	}
}
