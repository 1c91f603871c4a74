package layout

import (
	"math"
	"strconv"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/textwrap"
)

// tocEntry is one line of the contents: a title, its level and the anchor it points at.
type tocEntry struct {
	title  string
	author string
	level  int
	anchor string
}

// tocEntries lists the chapters, their sections and the notes section, as the edition's
// outline says (the EPUB navigation lists the same).
func (t *typesetter) tocEntries() []tocEntry {
	var out []tocEntry
	o := t.d.ed.Outline(t.d.opts.Notes)
	for _, oc := range o.Chapters {
		ch := oc.Chapter
		out = append(out, tocEntry{title: ch.Title, author: ch.Author, anchor: ch.ID})
		for k, s := range oc.Sections {
			out = append(out, tocEntry{title: s.Title, level: 1, anchor: sectionID(ch.ID, k)})
		}
		if oc.Notes {
			out = append(out, tocEntry{title: t.d.ui.Notes, level: 1, anchor: chapterNotesID(ch.ID)})
		}
	}
	if o.Notes {
		out = append(out, tocEntry{title: t.d.ui.Notes, anchor: notesID})
		for _, ch := range o.NotesOf {
			out = append(out, tocEntry{title: ch.Title, level: 1, anchor: chapterNotesID(ch.ID)})
		}
	}
	return out
}

// chapterNotesID is the anchor of a chapter's notes, after the chapter or gathered at the end.
func chapterNotesID(ch string) string { return internalPrefix + ch + ":notes" }

// notesID is the anchor of the gathered notes section.
const notesID = internalPrefix + "notes"

// contents sets the table of contents. With pageOf nil the numbers are left out: the first
// pass only learns how many pages the contents take, which the numbers cannot change since
// they sit in a column of fixed width.
func (t *typesetter) contents(pageOf map[string]int) section {
	f := t.newFlow(nil)
	f.leaf = "contents"
	f.opener(t.d.ui.Contents, internalPrefix+"contents")
	f.enter("TOC")
	g := t.d.g
	numCol := f.m.width(serifRegular, g.size, "0000")
	for i, e := range t.tocEntries() {
		ps := paraSpec{font: serifRegular, size: g.size, leading: g.leading, align: raggedRight,
			right: numCol + 1.5*g.size}
		if e.level == 0 {
			if i > 0 {
				f.space(g.leading/2, false)
			}
			ps.font = serifBold
		} else {
			ps.left = 1.5 * g.size
			ps.first = 0
		}
		f.role = "TOCI"
		lines := f.paragraph(f.tocTitle(e.title, e.anchor, ps), ps)
		if e.author != "" {
			f.keepNext = true
			aps := ps
			aps.font, aps.left = serifItalic, ps.left+g.size
			f.role = "TOCI"
			f.paragraph(text(e.author), aps)
		}
		if pageOf != nil && len(lines) > 0 {
			f.leaders(&lines[len(lines)-1], strconv.Itoa(pageOf[e.anchor]), "#"+e.anchor)
		}
	}
	return section{head: t.d.ui.Contents, pages: paginate(f.elems, g.grid())}
}

// tocTitle is a contents entry's title as a link, broken by sense (senseBroken).
func (f *flow) tocTitle(title, anchor string, ps paraSpec) []book.Inline {
	if in, ok := f.senseBroken(title, ps); ok {
		return []book.Inline{{Kind: book.Link, URL: "#" + anchor, Children: in}}
	}
	return link(title, anchor)
}

// senseBroken breaks a display line that takes more than one line of its paragraph (a
// chapter title, a contents entry) by sense (textwrap.Display: no preposition or
// conjunction at a line end, no word alone on the last line, after a colon or a dash where
// there is one), in as many lines as the line breaker would set, so that the page keeps
// its length. It reports false for a text that fits on one line or cannot be so broken.
func (f *flow) senseBroken(s string, ps paraSpec) ([]book.Inline, bool) {
	measure := f.g.textW - ps.left - ps.right
	width := func(l string) float64 { return f.m.width(ps.font, ps.size, l) }
	if width(s) <= measure {
		return nil, false
	}
	lines := textwrap.Display(s, f.lang, width, measure)
	greedy := textwrap.Lines(s, func(l string) bool { return width(l) <= measure })
	if len(lines) != len(greedy) {
		return nil, false
	}
	for _, l := range lines {
		if width(l) > measure {
			return nil, false // a word too wide: the line breaker's business
		}
	}
	return lineBroken(lines), true
}

// leaders adds dot leaders on a grid and the right-aligned page number to a contents line.
func (f *flow) leaders(ln *line, num, target string) {
	g := f.g
	b := &paraBuilder{m: f.m}
	n := b.run(serifRegular, g.size, num)
	n.link = target
	right := g.textW - ln.indent
	ln.runs = append(ln.runs, placed{x: right - n.width, g: n})
	step := 0.6 * g.size
	from := math.Ceil((ln.indent+ln.set+0.5*g.size)/step) * step
	dot := b.run(serifRegular, g.size, ".")
	for x := from; x+dot.width <= g.textW-n.width-0.5*g.size; x += step {
		ln.runs = append(ln.runs, placed{x: x - ln.indent, g: dot, artifact: true})
	}
}

// endNotes gathers every chapter's notes in one section, grouped under the chapter titles.
func (t *typesetter) endNotes() (section, bool) {
	if !t.d.ed.HasNotes() {
		return section{}, false
	}
	f := t.newFlow(nil)
	f.leaf = "notes"
	f.opener(t.d.ui.Notes, notesID)
	f.keepNext = true
	f.space(f.g.leading, true)
	for _, ch := range t.d.ed.Chapters {
		if len(ch.Notes) == 0 {
			continue
		}
		f.ch = ch
		f.chapterNotes(ch, ch.Title)
	}
	return section{head: t.d.ui.Notes, pages: paginate(f.elems, t.d.g.grid())}, true
}
