package layout

import (
	"bytes"
	"os"
	"testing"
)

func TestSmokeKazakh(t *testing.T) {
	ed := kazakhEdition(t)
	d, err := Typeset(ed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/kk.pdf", buf.Bytes(), 0o644)
	over := 0
	for _, l := range d.Lines() {
		if l.Overfull {
			over++
		}
	}
	t.Logf("%d pages, %d lines, %d overfull, %d bytes", len(d.Pages()), len(d.Lines()), over, buf.Len())
}
