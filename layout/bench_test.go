package layout

import (
	"io"
	"testing"

	"github.com/fpc/bindery/book"
)

// BenchmarkTypeset sets every edition of the corpus once per iteration.
func BenchmarkTypeset(b *testing.B) {
	eds := corpus(b)
	for b.Loop() {
		for _, ed := range eds {
			if _, err := Typeset(ed, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(eds)), "ms/edition")
}

// BenchmarkPDF typesets and draws every edition of the corpus once per iteration.
func BenchmarkPDF(b *testing.B) {
	eds := corpus(b)
	for b.Loop() {
		for _, ed := range eds {
			d, err := Typeset(ed, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if err := d.WritePDF(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(eds)), "ms/edition")
}

// BenchmarkLargestEdition typesets and draws the edition with the most words.
func BenchmarkLargestEdition(b *testing.B) {
	var big *book.Edition
	for _, ed := range corpus(b) {
		if big == nil || len(sourceText(ed)) > len(sourceText(big)) {
			big = ed
		}
	}
	b.Logf("%s", big.Name())
	for b.Loop() {
		d, err := Typeset(big, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.WritePDF(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
