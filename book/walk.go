package book

// EachInline calls f for every inline of the edition's text, children after their parent:
// the blocks of every chapter (their inlines, box titles and bylines, nested blocks and list
// items) and of every note.
func (e *Edition) EachInline(f func(Inline)) {
	var inlines func([]Inline)
	inlines = func(ins []Inline) {
		for _, in := range ins {
			f(in)
			inlines(in.Children)
		}
	}
	var blocks func([]Block)
	blocks = func(bs []Block) {
		for _, b := range bs {
			inlines(b.Inlines)
			inlines(b.Title)
			inlines(b.Byline)
			blocks(b.Children)
			for _, it := range b.Items {
				blocks(it)
			}
		}
	}
	for _, ch := range e.Chapters {
		blocks(ch.Blocks)
		for _, nt := range ch.Notes {
			blocks(nt.Blocks)
		}
	}
}
