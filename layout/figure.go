package layout

import (
	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/layout/pdfdraw"
)

// This file sets figures, pictures inside text, #### headings, section breaks and the
// labels of nested lists.

// maxListIndents is how many lists inside one another are indented: the manuscript's
// nesting limit (book.MaxNesting, docs/manuscript.md). A list nested deeper, which check
// refuses but a model made by hand may hold, hangs its labels in the indent of the list it
// stands in, so its text keeps its measure.
const maxListIndents = book.MaxNesting

// bullets are the labels of unordered lists by depth: a bullet, then a dash, in turn.
var bullets = []string{"•", "–"}

// captionGap is the space between a figure's image and its caption, in leadings of the
// caption's type.
const captionGap = 0.5

// figure sets an image alone in its paragraph as one piece that does not break: the image,
// centred in the measure, at the model's size (book.Image.FigureWidth: the measure, or its
// natural size at 300 ppi, whichever is smaller), no taller than the page leaves room for,
// and its caption below in the notes' type. It floats: when it does not fit where it falls,
// it opens the next page and the text after it fills this one.
func (f *flow) figure(b *book.Block, c context) {
	im := b.Image
	if im == nil || len(im.Data) == 0 || im.Width == 0 || im.Height == 0 {
		return // check has reported it; nothing to draw
	}
	measure := f.g.textW - c.left - c.right
	w := im.FigureWidth(measure)
	nc := f.noteContext()
	a := &art{float: true}
	capW := measure
	if w >= measure/2 {
		capW = w
	}
	var caption []line
	if len(b.Caption) > 0 {
		ps := nc.spec()
		ps.left = c.left + (measure-capW)/2
		ps.right = f.g.textW - ps.left - capW
		f.role = "Caption"
		caption = f.detached(func() []line { return f.paragraph(b.Caption, ps) })
	}
	capH := 0.0
	if len(caption) > 0 {
		capH = captionGap*nc.leading + float64(len(caption))*nc.leading
	}
	h := im.FigureHeight(w)
	if room := f.g.grid().height - capH - f.g.leading; h > room && room > 0 {
		w, h = w*room/h, room // no taller than a page leaves room for
	}
	img := artImage{x: c.left + (measure-w)/2, w: w, h: h, data: im.Data, jpeg: im.Format == book.JPEG}
	if !im.Decorative {
		img.tag = &pdfdraw.Node{Role: "Figure", Parent: f.node, Alt: im.Alt}
	}
	a.images = append(a.images, img)
	top := h + captionGap*nc.leading
	for i := range caption {
		a.lines = append(a.lines, subLine{ln: &caption[i], top: top + float64(i)*nc.leading, b: baseline(nc.spec())})
	}
	base := h
	if len(caption) > 0 {
		base = top + float64(len(caption)-1)*nc.leading + baseline(nc.spec())
	}
	f.air(c.leading) // a line of air above and below
	f.add(&elem{h: h + capH, base: base, ln: artLine(a, f.leaf)})
	f.space(c.leading, false)
}

// detached runs set, which adds lines to the flow, and takes them out again: the caller
// places the lines inside an art piece. What the flow had pending for its next line
// (anchors, a bookmark, a keep) waits for the piece itself.
func (f *flow) detached(set func() []line) []line {
	start, pending, mark, keep := len(f.elems), f.pending, f.mark, f.keepNext
	f.pending, f.mark = nil, nil
	lines := set()
	for _, e := range f.elems[start:] {
		f.pending = append(f.pending, e.anchors...)
	}
	f.elems = f.elems[:start]
	f.pending, f.mark, f.keepNext = append(pending, f.pending...), mark, keep
	return lines
}

// minorHeading sets a #### heading: the body's size in italic, run in over less space than
// a subsection's, tagged H4 and not in the outline (the contents stop at ##).
func (f *flow) minorHeading(b *book.Block, c context, first bool) {
	ps := paraSpec{font: serifItalic, size: c.size, leading: c.leading, align: raggedRight, left: c.left, right: c.right}
	before := 0.75 * c.leading
	if first {
		before = 0
	}
	f.role = "H4"
	if k, ok := f.sectionOf[b]; ok {
		f.pending = append(f.pending, sectionID(f.ch.ID, k))
	}
	f.heading(b.Inlines, ps, before, 0, nil)
}

// sectionBreak sets a thematic break as an ornament of three spaced asterisks, centred on
// a line of its own with half a line above and below; it is decoration (an artifact) and
// stays with the text it introduces.
func (f *flow) sectionBreak(c context) {
	pb := &paraBuilder{m: f.m}
	star := pb.run(c.font, c.size, "*")
	gap := 1.5 * c.size
	width := 3*star.width + 2*gap
	measure := f.g.textW - c.left - c.right
	ln := &line{indent: c.left + (measure-width)/2, measure: measure, natural: width, set: width,
		first: true, last: true, src: f.leaf}
	for k := range 3 {
		ln.runs = append(ln.runs, placed{x: float64(k) * (star.width + gap), g: star, artifact: true})
	}
	f.space(c.leading/2, false)
	f.add(&elem{h: c.leading, base: baseline(c.spec()), ln: ln})
	f.keepNext = true
	f.space(c.leading/2, true)
}

// addPicture adds a picture inside text: a box as wide as the image is at text height (the
// type size), which the line draws as the image (displayer.picture).
func (b *paraBuilder) addPicture(x book.Inline, st textStyle) {
	im := x.Image
	if im == nil || len(im.Data) == 0 {
		return
	}
	w := im.PictureWidth(st.size)
	g := &glyphs{font: st.font, size: st.size, width: w, pic: im}
	b.items = append(b.items, item{kind: boxItem, width: w, ink: g, at: int32(b.pos)})
}

// picture draws a picture inside text with its baseline at y: from a fifth of the type size
// below the baseline to four fifths above, as tall as the type. It is a Figure in the
// line's text block, with its alt text, or an artifact when it is decorative.
func (ds *displayer) picture(out *pdfdraw.Page, ln *line, r placed, x, y float64) {
	im := r.g.pic
	pi := pdfdraw.Image{X: x + r.x, Y: y - 0.8*r.g.size, W: r.g.width, H: r.g.size, Data: im.Data,
		JPEG: im.Format == book.JPEG, Before: len(out.Runs)}
	if im.Decorative || ln.tag == nil {
		pi.Artifact = "Layout"
	} else {
		pi.Tag = &pdfdraw.Node{Role: "Figure", Parent: ln.tag, Alt: im.Alt}
	}
	out.Images = append(out.Images, pi)
}

// air adds discardable space of height h, or makes the space the flow ends with that tall
// when it is shorter: the spaces around two figures in a row do not add up.
func (f *flow) air(h float64) {
	if n := len(f.elems); n > 0 {
		if last := f.elems[n-1]; last.ln == nil && last.discard {
			last.h = max(last.h, h)
			return
		}
	}
	f.space(h, false)
}
