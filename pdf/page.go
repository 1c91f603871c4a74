package pdf

import (
	"strconv"
)

// Rect is a rectangle in PDF user space: lower left (X0, Y0), upper right (X1, Y1), points.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// appendArray appends the rectangle as an array.
func (r Rect) appendArray(b []byte) []byte {
	b = append(b, '[')
	for i, v := range [4]float64{r.X0, r.Y0, r.X1, r.Y1} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, v)
	}
	return append(b, ']')
}

// PageBoxes are a page's boxes (ISO 32000-1, 14.11.2). Media is required; a zero box is not
// written. They are written in a fixed order: MediaBox, CropBox, BleedBox, TrimBox, ArtBox.
type PageBoxes struct {
	Media, Crop, Bleed, Trim, Art Rect
}

// appendDict appends the boxes' entries of the page dictionary.
func (b PageBoxes) appendDict(d []byte) []byte {
	d = b.Media.appendArray(append(d, "/MediaBox "...))
	for _, nb := range [...]struct {
		name string
		r    Rect
	}{{" /CropBox ", b.Crop}, {" /BleedBox ", b.Bleed}, {" /TrimBox ", b.Trim}, {" /ArtBox ", b.Art}} {
		if nb.r != (Rect{}) {
			d = nb.r.appendArray(append(d, nb.name...))
		}
	}
	return d
}

// Page is the page being written. Its content is collected in memory and written, with the
// page object and its annotations, when it is closed.
type Page struct {
	w       *Writer
	ref     ref
	index   int
	boxes   PageBoxes
	content []byte
	annots  []*Annot
	font    *Font
	size    float64
	fill    Color
	mcid    int
	marked  []bool // open marked-content sequences: true for a tagged one (with MCID)
	parents []*StructElem
}

// NewPage starts a page; the previous page, if still open, is closed first.
func (w *Writer) NewPage(boxes PageBoxes) *Page {
	if w.open != nil {
		w.open.Close()
	}
	p := &Page{w: w, ref: w.alloc(), index: len(w.pages), boxes: boxes, fill: Gray(0), content: w.spare[:0]}
	w.pages = append(w.pages, p.ref)
	w.open = p
	return p
}

// Index returns the page's position in the document, from 0.
func (p *Page) Index() int { return p.index }

// Close writes the page's content stream, annotations and page object.
func (p *Page) Close() {
	w := p.w
	if w.open != p {
		return
	}
	w.open = nil
	for len(p.marked) > 0 {
		p.EndMarked()
	}
	content := w.alloc()
	w.stream(content, "", p.content, true)
	d := append(w.dict[:0], "<</Type /Page /Parent "...)
	d = append(w.pagesRef.append(d), " /Resources "...)
	d = append(w.resources.append(d), " /Contents "...)
	d = p.boxes.appendDict(append(content.append(d), ' '))
	if len(p.annots) > 0 {
		d = append(d, " /Annots ["...)
		for i, a := range p.annots {
			if i > 0 {
				d = append(d, ' ')
			}
			d = a.ref.append(d)
		}
		d = append(d, ']')
	}
	if w.structs != nil {
		d = append(d, " /Tabs /S"...)
		if len(p.parents) > 0 {
			d = strconv.AppendInt(append(d, " /StructParents "...), int64(w.structs.pageParents(p.parents)), 10)
		}
	}
	w.dict = append(d, ">>"...)
	w.object(p.ref, w.dict)
	p.writeAnnots()
	w.spare, p.content = p.content[:0], nil
}

// op appends content operators.
func (p *Page) op(s string) { p.content = append(p.content, s...) }

// nums appends numbers, each followed by a space, for the operator after them.
func (p *Page) nums(vs ...float64) {
	for _, v := range vs {
		p.content = append(appendNum(p.content, v), ' ')
	}
}

// SetFill sets the colour that fills shapes and text.
func (p *Page) SetFill(c Color) {
	if c == p.fill {
		return
	}
	p.fill = c
	p.w.registration = p.w.registration || c.Space == SeparationAll
	p.content = append(c.appendOp(p.content, false), '\n')
}

// FillRect fills a rectangle in the fill colour.
func (p *Page) FillRect(r Rect) {
	p.nums(r.X0, r.Y0, r.X1-r.X0, r.Y1-r.Y0)
	p.op("re f\n")
}

// Line strokes a straight line of the given width and colour.
func (p *Page) Line(x0, y0, x1, y1, width float64, c Color) {
	p.w.registration = p.w.registration || c.Space == SeparationAll
	p.op("q ")
	p.nums(width)
	p.content = append(c.appendOp(append(p.content, "w "...), true), ' ')
	p.nums(x0, y0)
	p.op("m ")
	p.nums(x1, y1)
	p.op("l S Q\n")
}

// Glyph is one glyph to show: its ID in the font, the Unicode text it stands for (several
// characters for a ligature, "" for a glyph that adds nothing to the text) and its origin's
// distance from the run's origin, in points.
type Glyph struct {
	ID   uint16
	Text string
	X    float64
}

// ShowGlyphs shows glyphs of font f at size points on the baseline y, the run starting at x:
// one BT/TJ/ET with the adjustments that put every glyph at its X, the codes as literal
// strings of two bytes a glyph (half the size of hexadecimal, so less to compress).
func (p *Page) ShowGlyphs(f *Font, size, x, y float64, gs []Glyph) {
	if len(gs) == 0 {
		return
	}
	b := p.content
	b = append(b, "BT /"...)
	b = append(b, f.name...)
	b = append(b, ' ')
	b = appendNum(b, size)
	b = append(b, " Tf "...)
	b = appendNum(b, x+gs[0].X)
	b = append(b, ' ')
	b = appendNum(b, y)
	b = append(b, " Td ["...)
	cursor := gs[0].X
	open := false
	for _, g := range gs {
		f.use(g.ID, g.Text)
		if adj := -(g.X - cursor) * 1000 / size; adj > 0.005 || adj < -0.005 {
			if open {
				b = append(b, ')')
				open = false
			}
			b = appendAdjust(b, adj)
		}
		if !open {
			b = append(b, '(')
			open = true
		}
		b = appendCode(b, g.ID)
		cursor = g.X + f.tt.width(g.ID)*size/1000
	}
	if open {
		b = append(b, ')')
	}
	b = append(b, "] TJ ET\n"...)
	p.content = b
}

// appendCode appends a glyph's two-byte code to a literal string: the bytes themselves, but
// for the delimiters and the backslash, and the line ends, which a reader would normalise.
func appendCode(b []byte, v uint16) []byte {
	for _, c := range [2]byte{byte(v >> 8), byte(v)} {
		switch c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	return b
}

func appendHex4(b []byte, v uint16) []byte {
	const digits = "0123456789ABCDEF"
	return append(b, digits[v>>12&0xF], digits[v>>8&0xF], digits[v>>4&0xF], digits[v&0xF])
}

// DrawImage paints an image into the rectangle r.
func (p *Page) DrawImage(im *Image, r Rect) {
	p.op("q ")
	p.nums(r.X1-r.X0, 0, 0, r.Y1-r.Y0, r.X0, r.Y0)
	p.op("cm /" + im.name + " Do Q\n")
}

// Link puts a link annotation over r to a URI.
func (p *Page) Link(r Rect, uri string) *Annot {
	return p.annot(r, "/A <</S /URI /URI "+literal(uri)+">>")
}

// LinkDest puts a link annotation over r to a named destination.
func (p *Page) LinkDest(r Rect, name string) *Annot {
	return p.annot(r, "/Dest "+textString(name))
}

// Annot is a link annotation, written with its page.
type Annot struct {
	ref      ref
	dict     string
	contents string // alternate description
	parent   int    // StructParent key, -1 for none
}

// SetContents sets the annotation's alternate description (/Contents).
func (a *Annot) SetContents(s string) { a.contents = s }

func (p *Page) annot(r Rect, action string) *Annot {
	d := r.appendArray(append(make([]byte, 0, 64+len(action)), "/Type /Annot /Subtype /Link /Rect "...))
	a := &Annot{ref: p.w.alloc(), parent: -1, dict: string(append(append(d, " /Border [0 0 0] /F 4 "...), action...))}
	p.annots = append(p.annots, a)
	return a
}

// writeAnnots writes the page's annotations.
func (p *Page) writeAnnots() {
	w := p.w
	for _, a := range p.annots {
		d := append(append(w.dict[:0], "<<"...), a.dict...)
		d = p.ref.append(append(d, " /P "...))
		if a.contents != "" {
			d = appendTextString(append(d, " /Contents "...), a.contents)
		}
		if a.parent >= 0 {
			d = strconv.AppendInt(append(d, " /StructParent "...), int64(a.parent), 10)
		}
		w.dict = append(d, ">>"...)
		w.object(a.ref, w.dict)
	}
}

// Dest defines a named destination at height y of this page.
func (p *Page) Dest(name string, y float64) {
	if _, ok := p.w.dests[name]; ok {
		return
	}
	p.w.dests[name] = "[" + p.ref.String() + " /XYZ null " + num(y) + " null]"
}
