package layout

import (
	"strconv"
	"strings"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/layout/pdfdraw"
)

// context is the type and indents blocks are set with: body text, notes or a sidebar.
type context struct {
	font          fontID
	size, leading float64
	left, right   float64
	ragged        bool
	alert         bool // text in the alert colour
	lists         int  // how many lists the text stands in
}

// bodyContext is the main text of a chapter.
func (f *flow) bodyContext() context {
	return context{font: serifRegular, size: f.g.size, leading: f.g.leading}
}

// noteContext is the smaller type of endnotes, on four fifths of the body's leading (five
// lines of notes take four of the grid), the notes following each other with no space.
func (f *flow) noteContext() context {
	return context{font: serifRegular, size: f.g.size * 0.85, leading: f.g.leading * 0.8, ragged: true}
}

func (c context) spec() paraSpec {
	// Ragged-right text (the notes) is not hyphenated: the rag absorbs what a break would save.
	ps := paraSpec{font: c.font, size: c.size, leading: c.leading, left: c.left, right: c.right,
		hyphenate: !c.ragged, alert: c.alert}
	if c.ragged {
		ps.align = raggedRight
	}
	return ps
}

// blocks sets a sequence of blocks, the one at index i with the address textAddr(scope,
// f.ch, from+i). A paragraph that follows a paragraph or a box gets a first-line indent
// (never after headings or lists).
func (f *flow) blocks(bs []book.Block, c context, scope string, from int) {
	prevPara := false
	anchors := f.anchorBlocks
	f.anchorBlocks = ""
	for i, b := range bs {
		if f.reach != nil && scope == "" && !f.reach(from+i) {
			return
		}
		if anchors != "" {
			f.pending = append(f.pending, f.ch.BlockID(i))
		}
		addr := textAddr(scope, f.ch, from+i)
		f.leaf = addr
		switch b.Kind {
		case book.Paragraph:
			ps := c.spec()
			if prevPara {
				ps.first = c.size
			}
			f.paragraph(b.Inlines, ps)
			if i+1 < len(bs) && bs[i+1].Kind == book.List && strings.HasSuffix(strings.TrimSpace(book.PlainText(b.Inlines)), ":") {
				f.keepNext = true // a lead-in stays with its list
			}
		case book.Heading:
			f.sectionHeading(&bs[i], c, i == 0)
		case book.List:
			f.list(b, c, addr)
		case book.Quote:
			q := c
			q.left += 1.5 * c.size
			q.right += 1.5 * c.size
			f.space(f.around(c, c.leading/2), false)
			_, leave := f.enter("BlockQuote")
			f.blocks(b.Children, q, addr, 0)
			leave()
			f.space(f.around(c, c.leading/2), false)
		case book.Box:
			f.box(b, c, addr)
		case book.Credit:
			ps := c.spec()
			ps.font, ps.size, ps.leading, ps.align = serifItalic, c.size*0.85, c.leading*0.85, raggedRight
			f.space(c.leading/3, false)
			f.paragraph(b.Inlines, ps)
		case book.Figure:
			f.figure(&bs[i], c)
		case book.Table:
			f.table(&bs[i], c)
		case book.CodeBlock:
			f.codeBlock(&bs[i], c)
		case book.SectionBreak:
			f.sectionBreak(c)
		}
		// A paragraph after a box is indented too: the box may float away from it.
		prevPara = b.Kind == book.Paragraph || b.Kind == book.Box
	}
}

// sectionHeading sets a level 2 or 3 heading in the sans face.
func (f *flow) sectionHeading(b *book.Block, c context, first bool) {
	ps := paraSpec{font: fontFor(book.HeadingText), align: raggedRight, left: c.left, right: c.right}
	before, after := 1.5*c.leading, 0.5*c.leading
	level := 1
	if b.Level >= 4 {
		f.minorHeading(b, c, first)
		return
	}
	if b.Level >= 3 {
		ps.size, ps.leading = c.size, c.leading
		before, after, level = c.leading, 0.25*c.leading, 2
	} else {
		ps.size = c.size * 1.2
		ps.leading = ps.size * 1.25
	}
	if first {
		before = 0
	}
	f.role = "H" + strconv.Itoa(level+1)
	if k, ok := f.sectionOf[b]; ok {
		f.pending = append(f.pending, sectionID(f.ch.ID, k))
	}
	f.heading(b.Inlines, ps, before, after, &outlineMark{title: book.PlainLabel(b.Inlines), level: level})
}

// around is the space above or below a list or a quote: on the line grid none (a list) or a
// line (a quote), so that the lines stay on it, elsewhere (in the box) the given space.
func (f *flow) around(c context, space float64) float64 {
	if !f.onGrid || c.leading != f.g.leading {
		return space
	}
	if space < c.leading/2 {
		return 0
	}
	return c.leading
}

// gap adds a space of no height a page may stretch by a line (see justifyPage).
func (f *flow) gap() { f.add(&elem{discard: true}) }

// list sets items with their bullet or number hung in a hanging indent; item i has the
// address addr.i. On the line grid the items follow each other with no space between them.
func (f *flow) list(b book.Block, c context, addr string) {
	if sp := f.around(c, c.leading/3); sp > 0 {
		f.space(sp, false)
	} else {
		f.gap()
	}
	_, leave := f.enter("L")
	defer leave()
	hang := 1.4 * c.size
	if b.Ordered {
		hang = f.m.width(c.font, c.size, strconv.Itoa(b.Start+len(b.Items))+".") + 0.6*c.size
	}
	if c.lists >= maxListIndents {
		hang = 0 // the label hangs in the indent of the list it stands in
	}
	for i, it := range b.Items {
		ic := c
		ic.left += hang
		ic.lists++
		label := bullets[c.lists%len(bullets)]
		if b.Ordered {
			label = strconv.Itoa(b.Start+i) + "."
		}
		g := (&paraBuilder{m: f.m}).run(c.font, c.size, label)
		li, leaveItem := f.enter("LI")
		f.lbl = &pdfdraw.Node{Role: "Lbl", Parent: li}
		_, leaveBody := f.enter("LBody")
		f.item(it, ic, g, addr+"."+strconv.Itoa(i))
		leaveBody()
		leaveItem()
		if i < len(b.Items)-1 {
			f.space(f.around(c, c.leading/6), false)
		}
	}
	if sp := f.around(c, c.leading/3); sp > 0 {
		f.space(sp, false)
	} else {
		f.gap()
	}
}

// item sets one list item or note, whose blocks are addressed under scope: its first
// paragraph carries the label.
func (f *flow) item(bs []book.Block, c context, label *glyphs, scope string) {
	if len(bs) == 0 || bs[0].Kind != book.Paragraph {
		f.leaf = scope
		f.paragraph(nil, paraSpec{font: c.font, size: c.size, leading: c.leading, left: c.left,
			right: c.right, label: label})
		f.blocks(bs, c, scope, 0)
		return
	}
	ps := c.spec()
	ps.label = label
	f.leaf = textAddr(scope, nil, 0)
	f.paragraph(bs[0].Inlines, ps)
	f.blocks(bs[1:], c, scope, 1)
}

// box sets a sidebar as a tinted panel: title, byline, then its blocks, under addr.
func (f *flow) box(b book.Block, c context, addr string) {
	*f.panels++
	f.space(c.leading, false)
	f.panel = *f.panels
	_, leave := f.enter("Aside") // role-mapped to Sect
	defer leave()
	pad := 0.9 * c.size
	in := c
	in.left += pad
	in.right += pad
	// The panel is set smaller than the body (9/12 against 10/13) so that it reads as a panel.
	in.size, in.leading = c.size*0.9, c.leading*12/13
	start := len(f.elems)
	f.space(pad, false)
	if len(b.Title) > 0 {
		ps := paraSpec{font: fontFor(book.HeadingText), size: c.size * 1.1, leading: c.leading * 1.1, left: in.left,
			right: in.right, align: raggedRight}
		f.leaf = addr + ".title"
		f.role = "H2"
		f.heading(b.Title, ps, 0, 0, &outlineMark{title: book.PlainLabel(b.Title), level: 1})
	}
	if len(b.Byline) > 0 {
		ps := in.spec()
		ps.font, ps.align = serifItalic, raggedRight
		f.leaf = addr + ".byline"
		f.paragraph(b.Byline, ps)
		f.keepNext = true
		f.space(c.leading/2, true)
	}
	f.blocks(b.Children, in, addr, 0)
	f.space(pad, true)
	f.panel = 0
	f.space(c.leading, false)
	keepOpening(f.elems[start:], minBoxLines)
}

// minBoxLines is the fewest lines a box may open with at the foot of a page: with fewer it
// starts on the next page.
const minBoxLines = 6

// keepOpening forbids a page break before any of the first n lines of a run of elements but
// the first, and the spaces among them.
func keepOpening(es []*elem, n int) {
	lines := 0
	for _, e := range es {
		if e.ln != nil {
			lines++
		}
		if lines > n {
			return
		}
		if lines > 1 || (lines == 1 && e.ln == nil) {
			e.keep = true
		}
	}
}
