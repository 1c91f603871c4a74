package epub

import "github.com/fpc/bindery/book"

// documentSize estimates the bytes of a chapter's XHTML document from the text of its
// blocks and notes, so that its buffer is allocated about once: the corpus's documents are
// 0.4-1.25 times this estimate (the large ones 0.8-1.25).
func documentSize(ch *book.Chapter) int {
	n := 4 << 10 // the head, the title and the endnotes' heading
	var inlines func(ins []book.Inline)
	inlines = func(ins []book.Inline) {
		for _, in := range ins {
			n += len(in.Text) + 2*len(in.URL) + 16
			inlines(in.Children)
		}
	}
	block := func(b *book.Block) {
		n += 64
		b.InlineLists(inlines)
	}
	book.EachBlock(ch.Blocks, block)
	for _, note := range ch.Notes {
		book.EachBlock(note.Blocks, block)
	}
	return n * 5 / 4
}
