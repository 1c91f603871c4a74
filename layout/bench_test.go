package layout

import (
	"io"
	"testing"
)

func BenchmarkTypeset(b *testing.B) {
	ed := kazakhEdition(b)
	for b.Loop() {
		if _, err := Typeset(ed, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPDF(b *testing.B) {
	ed := kazakhEdition(b)
	for b.Loop() {
		d, err := Typeset(ed, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.WritePDF(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
