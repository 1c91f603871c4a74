package epub

import "github.com/fpc/bindery/book"

// documentSize estimates the bytes of a chapter's XHTML document from the text of its
// blocks and notes, so that its buffer is allocated about once: the corpus's documents are
// 0.4-1.25 times this estimate (the large ones 0.8-1.25).
func documentSize(ch *book.Chapter) int {
	n := 4 << 10 // the head, the title and the endnotes' heading
	var blocks func(bs []book.Block)
	var inlines func(ins []book.Inline)
	inlines = func(ins []book.Inline) {
		for _, in := range ins {
			n += len(in.Text) + 2*len(in.URL) + 16
			inlines(in.Children)
		}
	}
	blocks = func(bs []book.Block) {
		for _, b := range bs {
			n += 64
			for _, ins := range [][]book.Inline{b.Inlines, b.Title, b.Byline, b.Caption} {
				inlines(ins)
			}
			for _, item := range b.Items {
				blocks(item)
			}
			blocks(b.Children)
			for _, c := range b.Header {
				inlines(c.Inlines)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					inlines(c.Inlines)
				}
			}
		}
	}
	blocks(ch.Blocks)
	for _, note := range ch.Notes {
		blocks(note.Blocks)
	}
	return n * 5 / 4
}
