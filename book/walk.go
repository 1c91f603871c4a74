package book

// EachInline calls f for every inline of the edition's text, children after their parent:
// the blocks of every chapter (their inlines, box titles and bylines, captions, table
// cells, nested blocks and list items) and of every note.
func (e *Edition) EachInline(f func(Inline)) {
	var inlines func([]Inline)
	inlines = func(ins []Inline) {
		for _, in := range ins {
			f(in)
			inlines(in.Children)
		}
	}
	for _, ch := range e.Chapters {
		eachInlineList(ch.Blocks, inlines)
		for _, nt := range ch.Notes {
			eachInlineList(nt.Blocks, inlines)
		}
	}
}

// EachBlock calls f for every block of bs and every block nested in them, parents first,
// in reading order: the one walk the renderers share.
func EachBlock(bs []Block, f func(*Block)) { eachBlock(bs, f) }

// eachBlock calls f for every block of bs and every block nested in them, parents first,
// in reading order.
func eachBlock(bs []Block, f func(*Block)) {
	for i := range bs {
		b := &bs[i]
		f(b)
		eachBlock(b.Children, f)
		for _, it := range b.Items {
			eachBlock(it, f)
		}
	}
}

// eachInlineList calls f with every list of inlines of bs, in reading order: a box's title
// and byline before its children, a block's inlines, a table's caption, header cells and
// rows left to right, a figure's caption, list items and nested blocks. f may change the
// inlines in place (the slices share the model's arrays).
func eachInlineList(bs []Block, f func([]Inline)) {
	for i := range bs {
		b := &bs[i]
		ownInlineLists(b, f)
		for _, it := range b.Items {
			eachInlineList(it, f)
		}
		eachInlineList(b.Children, f)
	}
}

// InlineLists calls f with the inline lists of b itself, not of the blocks inside it: its
// title and byline, its inlines, its caption, and its header and row cells left to right.
func (b *Block) InlineLists(f func([]Inline)) { ownInlineLists(b, f) }

// ownInlineLists calls f with the inline lists of b itself, not of the blocks inside it.
func ownInlineLists(b *Block, f func([]Inline)) {
	f(b.Title)
	f(b.Byline)
	f(b.Inlines)
	f(b.Caption)
	for _, c := range b.Header {
		f(c.Inlines)
	}
	for _, row := range b.Rows {
		for _, c := range row {
			f(c.Inlines)
		}
	}
}
