package epub

import (
	"fmt"
	"strconv"

	"github.com/fpc/bindery/book"
)

// chapterHref is the file of a chapter, relative to the package directory.
func chapterHref(ch *book.Chapter) string { return ch.ID + ".xhtml" }

// noteHref is the link from a reference in the chapter's text to note n.
func (p *publication) noteHref(ch *book.Chapter, n int) string {
	if p.opts.Notes == NotesAtEnd {
		return notesFile + "#" + ch.NoteID(n)
	}
	return "#" + ch.NoteID(n)
}

// refHref is the link from note n back to its k-th reference in the chapter's text.
func (p *publication) refHref(ch *book.Chapter, n, k int) string {
	if p.opts.Notes == NotesAtEnd {
		return chapterHref(ch) + "#" + ch.RefID(n, k)
	}
	return "#" + ch.RefID(n, k)
}

// noteRef writes a reference to a note as a superscript number.
func (r *renderer) noteRef(in *book.Inline) {
	n, k := in.Note, in.Ref
	if n < 1 || n >= len(r.refs) {
		r.fail("%s: reference to note %d, which the chapter does not have", in.Pos, n)
		return
	}
	r.refs[n]++
	if k != r.refs[n] {
		r.fail("%s: reference %d to note %d comes in place %d", in.Pos, k, n, r.refs[n])
	}
	num := strconv.Itoa(n)
	m := r.m
	if r.afterRef {
		m.element("sup", ",", "class", "noteref-sep")
	}
	r.afterRef = true
	m.open("sup", "class", "noteref")
	m.open("a", "epub:type", "noteref", "role", "doc-noteref", "id", r.ch.RefID(n, k),
		"href", r.p.noteHref(r.ch, n), "aria-label", r.p.ui.Note+" "+num)
	m.text(num)
	m.close("a")
	m.close("sup")
}

// checkRefs makes sure the text referred to every note as often as the note says, so
// that every backlink has a target.
func (r *renderer) checkRefs() {
	for i := range r.ch.Notes {
		note := &r.ch.Notes[i]
		if note.Number != i+1 {
			r.fail("note %d is in place %d", note.Number, i+1)
			return
		}
		if got := r.refs[i+1]; got != note.Refs || got == 0 {
			r.fail("note %d has %d references in the text, the model says %d", note.Number, got, note.Refs)
			return
		}
	}
}

// endnotes writes a chapter's notes as the endnotes section at the chapter's end.
func (r *renderer) endnotes() {
	if len(r.ch.Notes) == 0 {
		return
	}
	m := r.m
	id := r.ch.ID + "-notes"
	m.open("section", "id", id, "class", "endnotes", "epub:type", "endnotes", "role", "doc-endnotes",
		"aria-labelledby", id+"-title")
	m.WriteByte('\n')
	r.pageBreaks(id)
	m.elementLine("h2", r.p.ui.Notes, "id", id+"-title")
	r.level = 2
	r.noteList()
	m.closeLine("section")
}

// noteList writes the numbered list of a chapter's notes.
func (r *renderer) noteList() {
	m := r.m
	m.openLine("ol", "class", "notes")
	for i := range r.ch.Notes {
		r.note(&r.ch.Notes[i])
	}
	m.closeLine("ol")
}

// note writes one note: its number with links back to every reference, then its text, or
// a visible placeholder if the source never defined it. The note is a div typed footnote
// with the role doc-footnote inside the list item, the target the reading systems' pop-ups
// look for (Apple Books pops up nothing else; endnote is deprecated in the EPUB structural
// vocabulary and doc-endnote in DPUB-ARIA 1.1; a list item may not have the role
// doc-footnote, and Apple Books hides an aside typed footnote); its section keeps the
// endnotes semantics.
func (r *renderer) note(note *book.Note) {
	m := r.m
	class := "note"
	if note.Missing {
		class = "note missing"
	}
	id := r.ch.NoteID(note.Number)
	r.inNote = true
	defer func() { r.inNote = false }()
	m.open("li", "class", class)
	m.open("div", "id", id, "class", "footnote", "epub:type", "footnote", "role", "doc-footnote")
	r.pageBreaks(id)
	blocks := note.Blocks
	from := 0
	switch {
	case note.Missing || len(blocks) == 0:
		// The print edition words the placeholder its own way: its pages start here.
		r.pageBreaks(r.blockAddr(id, 0))
		m.open("p")
		r.noteMarker(note)
		m.element("span", r.p.ui.MissingNote, "class", "placeholder")
		m.close("p")
	case blocks[0].Kind == book.Paragraph:
		r.startLeaf(r.blockAddr(id, 0))
		m.open("p")
		r.noteMarker(note)
		r.inlines(blocks[0].Inlines)
		r.endLeaf()
		m.close("p")
		blocks, from = blocks[1:], 1
	default:
		m.open("p")
		r.noteMarker(note)
		m.close("p")
	}
	if !note.Missing && len(blocks) > 0 {
		m.WriteByte('\n')
		r.blocks(blocks, id, from)
	}
	m.close("div")
	m.closeLine("li")
}

// noteMarker writes the note's number, in a span the style sheet hangs in the margin. With
// one reference the number links back to it; with several, links lettered a, b, c… follow
// the number, one per reference.
func (r *renderer) noteMarker(note *book.Note) {
	m := r.m
	n := note.Number
	num := strconv.Itoa(n)
	m.open("span", "class", "note-mark")
	if note.Refs <= 1 {
		m.open("a", "class", "backlink", "role", "doc-backlink", "href", r.p.refHref(r.ch, n, 1),
			"aria-label", fmt.Sprintf("%s (%s %d)", r.p.ui.BackToText, r.p.ui.Note, n))
		m.text(num)
		m.close("a")
		m.WriteString(". ")
		m.close("span")
		return
	}
	m.text(num + ".")
	for k := 1; k <= note.Refs; k++ {
		letter := refLetter(k)
		m.WriteByte(' ')
		m.open("a", "class", "backlink", "role", "doc-backlink", "href", r.p.refHref(r.ch, n, k),
			"aria-label", fmt.Sprintf("%s (%s %d, %s)", r.p.ui.BackToText, r.p.ui.Note, n, letter))
		m.text(letter)
		m.close("a")
	}
	m.WriteByte(' ')
	m.close("span")
}

// refLetter names the k-th reference to a note: a … z, then aa, ab …
func refLetter(k int) string {
	if k <= 26 {
		return string(rune('a' + k - 1))
	}
	return refLetter((k-1)/26) + string(rune('a'+(k-1)%26))
}

// addNotes writes the Notes document of an edition whose notes go at the end: one section
// per chapter that has notes, under the chapter's title.
func (p *publication) addNotes() error {
	if !p.outline.Notes {
		return nil
	}
	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.Notes, "notes")
	m.open("section", "id", "notes", "class", "endnotes", "epub:type", "endnotes", "role", "doc-endnotes",
		"aria-labelledby", "notes-title")
	m.WriteByte('\n')
	p.pages.write(&m, "notes", notesFile)
	m.elementLine("h1", p.ui.Notes, "id", "notes-title")
	for _, ch := range p.ed.Chapters {
		if len(ch.Notes) == 0 {
			continue
		}
		r := newRenderer(&m, p, ch, notesFile)
		id := ch.ID + "-notes"
		m.openLine("section", "id", id, "aria-labelledby", id+"-title")
		r.pageBreaks(id)
		m.elementLine("h2", ch.Title, "id", id+"-title")
		r.level = 2
		r.noteList()
		m.closeLine("section")
		if r.err != nil {
			return r.err
		}
	}
	m.closeLine("section")
	m.xhtmlTail()
	p.add(item{id: "notes", href: notesFile, mediaType: xhtmlType, data: m.Bytes(), spine: true, compress: true})
	return nil
}

// notesTarget is where the landmarks' notes entry points: the Notes document, or the
// endnotes of the first chapter that has notes.
func (p *publication) notesTarget() string {
	for _, ch := range p.ed.Chapters {
		if len(ch.Notes) == 0 {
			continue
		}
		if p.opts.Notes == NotesAtEnd {
			return notesFile
		}
		return chapterHref(ch) + "#" + ch.ID + "-notes"
	}
	return ""
}
