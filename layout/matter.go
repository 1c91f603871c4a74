package layout

import (
	"strconv"
	"strings"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/textwrap"
	"github.com/fpc/bindery/layout/pdfdraw"
)

// text wraps a string as inlines.
func text(s string) []book.Inline { return []book.Inline{{Kind: book.Text, Text: s}} }

// link wraps a string as an internal link to id.
func link(s, id string) []book.Inline {
	return []book.Inline{{Kind: book.Link, URL: "#" + id, Children: text(s)}}
}

// displaySpec is the style of chapter titles and of generated section titles.
func (f *flow) displaySpec() paraSpec {
	s := f.g.size * 1.7
	return paraSpec{font: fontFor(book.HeadingText), size: s, leading: s * 1.22, align: raggedRight}
}

// opener starts a section: a sunk title kept with what follows, with an anchor and a bookmark.
func (f *flow) opener(title, id string) {
	f.space(3*f.g.leading, true)
	f.pending = append(f.pending, id)
	if f.ch != nil {
		f.leaf = f.ch.ID
	}
	f.role = "H1"
	spec, in := f.displaySpec(), text(title)
	if lines, ok := f.senseBroken(title, spec); ok {
		in = lines // a title of several lines is broken by sense, as on the title page
	}
	f.heading(in, spec, 0, 0, &outlineMark{title: title, level: 0})
}

// chapterOpener sets a chapter's title and author at the head of its first page.
func (f *flow) chapterOpener(ch *book.Chapter) {
	f.opener(ch.Title, ch.ID)
	if ch.Author != "" {
		f.space(f.g.leading/2, true)
		ps := paraSpec{font: serifItalic, size: f.g.size * 1.1, leading: f.g.leading * 1.1,
			align: raggedRight}
		f.keepNext = true
		f.paragraph(text(ch.Author), ps)
	}
	f.keepNext = true
	f.space(2*f.g.leading, true)
}

// chapterNotes sets a chapter's endnotes under a heading; grouped (at the end of the book)
// the heading is the chapter's title.
func (f *flow) chapterNotes(ch *book.Chapter, title string) {
	c := f.bodyContext()
	ps := paraSpec{font: sansBold, size: c.size * 1.2, leading: c.size * 1.5, align: raggedRight}
	f.leaf = ch.ID + "-notes"
	f.pending = append(f.pending, chapterNotesID(ch.ID))
	f.inNotes = true
	f.role = "H2"
	f.heading(text(title), ps, 2*c.leading, 0.5*c.leading, &outlineMark{title: title, level: 1})
	nc := f.notesContext()
	for i, n := range ch.Notes {
		if f.reach != nil && !f.reach(len(ch.Blocks)+i) {
			return
		}
		if i > 0 {
			f.gap() // a page of notes may stretch here to end at the foot
		}
		f.note(ch, n, nc)
	}
}

// notesContext is the context of a chapter's notes: note type, the text clear of the
// numbers hung before it.
func (f *flow) notesContext() context {
	nc := f.noteContext()
	nc.left = f.m.width(nc.font, nc.size, "000.") + 0.4*nc.size
	return nc
}

// note sets one endnote with its number hung in the margin, linked back to its reference.
func (f *flow) note(ch *book.Chapter, n book.Note, c context) {
	label := (&paraBuilder{m: f.m}).run(c.font, c.size, strconv.Itoa(n.Number)+".")
	if n.Refs > 0 {
		label.link = "#" + ch.RefID(n.Number, 1)
	}
	f.pending = append(f.pending, ch.NoteID(n.Number))
	note, leave := f.enter("Note")
	defer leave()
	note.ID = ch.NoteID(n.Number)
	f.lbl = &pdfdraw.Node{Role: "Lbl", Parent: note}
	blocks := n.Blocks
	if n.Missing || len(blocks) == 0 {
		c.alert = true
		msg := strings.TrimSpace(f.missing)
		blocks = []book.Block{{Kind: book.Paragraph, Inlines: []book.Inline{
			{Kind: book.Emph, Children: text("[" + msg + "]")}}}}
	}
	f.item(blocks, c, label, ch.NoteID(n.Number))
}

// frontMatter makes the half title, its blank verso, the title page and the imprint.
func (t *typesetter) frontMatter() []*Page {
	meta := t.d.ed.Meta
	f := t.newFlow(nil)
	f.leaf = "titlepage"
	half := f.centredBlock(meta.Title, sansBold, 1.4)
	f = t.newFlow(nil)
	f.leaf = "titlepage"
	var title []*elem
	disp := meta.Display()
	series, main, sub := disp.Series, disp.Title, disp.Subtitle
	if series != "" {
		title = append(title, f.centredBlock(series, sansRegular, 1)...)
		title = append(title, &elem{h: 2 * t.d.g.leading})
	}
	title = append(title, f.centredBlock(main, sansBold, 2)...)
	if sub != "" {
		title = append(title, &elem{h: t.d.g.leading})
		title = append(title, f.centredBlock(sub, serifItalic, 1.3)...)
	}
	for i, names := range t.d.ed.TitleCredits() {
		title = append(title, &elem{h: t.d.g.leading * float64(2-min(i, 1))})
		title = append(title, f.centredBlock(names, serifRegular, 1.2)...)
	}
	pub := f.centredBlock(meta.Publisher, sansRegular, 1)
	th := t.d.g.textH
	titlePage := append(placeAt(title, th*0.18), placeAt(pub, th-height(pub))...)
	imprint := t.imprint()
	return []*Page{
		{Kind: FrontPage, elems: placeAt(half, th*0.3)},
		{Kind: BlankPage},
		{Kind: FrontPage, elems: titlePage},
		{Kind: FrontPage, elems: placeAt(imprint, th-height(imprint))},
	}
}

// centredBlock sets a display paragraph centred in the measure and returns its lines, broken
// by sense (textwrap.Display: balanced, no preposition, article or conjunction at a line end,
// no word alone on the last line, after a colon where there is one).
func (f *flow) centredBlock(s string, font fontID, scale float64) []*elem {
	size := f.g.size * scale
	ps := paraSpec{font: font, size: size, leading: size * 1.25, align: centred}
	width := func(l string) float64 { return f.m.width(font, size, l) }
	start := len(f.elems)
	f.paragraph(lineBroken(textwrap.Display(s, f.lang, width, f.g.textW)), ps)
	return f.elems[start:]
}

// lineBroken sets lines broken by sense as one text with a line break after each but the
// last.
func lineBroken(lines []string) []book.Inline {
	var in []book.Inline
	for i, l := range lines {
		if i > 0 {
			in = append(in, book.Inline{Kind: book.Break})
		}
		in = append(in, book.Inline{Kind: book.Text, Text: l})
	}
	return in
}

// placeAt stacks elements from a given depth below the top of the text block.
func placeAt(es []*elem, y float64) []placedElem {
	out := make([]placedElem, len(es))
	for i, e := range es {
		out[i] = placedElem{e: e, y: y}
		y += e.h
	}
	return out
}

// imprint sets the imprint page's small print from the edition's imprint: the draft notice,
// then a paragraph per row, its label in bold.
func (t *typesetter) imprint() []*elem {
	im := t.d.ed.Imprint()
	f := t.newFlow(nil)
	f.leaf = "imprint"
	c := f.noteContext()
	if im.Draft != "" {
		f.paragraph([]book.Inline{{Kind: book.Strong, Children: text(im.Draft)}}, c.spec())
		f.space(c.leading/2, false)
	}
	for _, row := range im.Rows {
		f.paragraph([]book.Inline{{Kind: book.Strong, Children: text(row.Label + ": ")},
			{Kind: book.Text, Text: strings.Join(row.Values, " ")}}, c.spec())
		f.space(c.leading/2, false)
	}
	return f.elems
}

// contributorNames lists every contributor by name, for the document's metadata.
func contributorNames(cs []book.Contributor) string {
	var names []string
	for _, c := range cs {
		if c.Name != "" {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, ", ")
}
