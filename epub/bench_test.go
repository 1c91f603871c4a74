package epub

import (
	"io"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/content"
)

// BenchmarkCorpus writes every edition of the corpus once per iteration.
func BenchmarkCorpus(b *testing.B) {
	lib, _ := book.Load(content.FS)
	b.ReportAllocs()
	for b.Loop() {
		for _, ed := range lib.Editions {
			if err := Write(io.Discard, ed, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCover renders one generated cover.
func BenchmarkCover(b *testing.B) {
	ed := fixture("kk", true)
	ui, _ := book.UI("kk")
	for b.Loop() {
		if _, err := renderCover(ed, ui); err != nil {
			b.Fatal(err)
		}
	}
}
