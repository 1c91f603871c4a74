package layout

import (
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

func TestPadPages(t *testing.T) {
	ch := &book.Chapter{ID: "ch01", Title: "One", Blocks: []book.Block{{Kind: book.Paragraph,
		Inlines: []book.Inline{{Kind: book.Text, Text: "A short chapter."}}}}}
	ed := &book.Edition{Report: "demo", Lang: "en", Chapters: []*book.Chapter{ch},
		Meta: book.Metadata{Title: "Demo", Publisher: "P", Date: time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC), Paper: "a5"}}
	doc, err := Typeset(ed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := len(doc.Pages())
	if before%4 == 0 {
		t.Fatalf("the fixture has %d pages; it must need padding", before)
	}
	added := doc.PadPages(4)
	pages := doc.Pages()
	if len(pages)%4 != 0 || len(pages) != before+added || added > 3 {
		t.Fatalf("%d pages + %d = %d", before, added, len(pages))
	}
	for i, p := range pages[before:] {
		if p.Kind != BlankPage || p.Head != "" || len(p.elems) != 0 || p.Number != before+i+1 {
			t.Errorf("padding page %+v", p)
		}
	}
	if doc.PadPages(4) != 0 {
		t.Error("padding twice added pages")
	}
}
