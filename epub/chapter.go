package epub

import (
	"github.com/fpc/bindery/book"
)

// Media types of the resources.
const (
	xhtmlType = "application/xhtml+xml"
	cssType   = "text/css"
	ncxType   = "application/x-dtbncx+xml"
	pngType   = "image/png"
	jpegType  = "image/jpeg"
	fontType  = "font/ttf"
	textType  = "text/plain"
)

// tocEntry is one entry of the table of contents.
type tocEntry struct {
	title    string
	href     string
	children []tocEntry
}

// chapterSemantics maps a chapter's kind to its structural semantics: the epub:type and
// the matching DPUB-ARIA role.
func chapterSemantics(kind string) (epubType, role string) {
	switch kind {
	case "introduction":
		return "introduction", "doc-introduction"
	case "conclusions":
		return "conclusion", "doc-conclusion"
	}
	return "chapter", "doc-chapter"
}

// addChapters writes one XHTML document per chapter.
func (p *publication) addChapters() error {
	for _, ch := range p.ed.Chapters {
		data, entry, err := p.chapterDocument(ch)
		if err != nil {
			return err
		}
		p.add(item{id: "c-" + ch.ID, href: chapterHref(ch), mediaType: xhtmlType, data: data, spine: true, compress: true})
		p.toc = append(p.toc, entry)
	}
	return nil
}

// chapterDocument renders a chapter: its title, author, blocks and, unless they go at the
// end of the book, its notes.
func (p *publication) chapterDocument(ch *book.Chapter) ([]byte, tocEntry, error) {
	var m markup
	m.Grow(documentSize(ch))
	m.xhtmlHead(p.ed.Lang, ch.Title, "chapter")
	r := newRenderer(&m, p, ch, chapterHref(ch))
	epubType, role := chapterSemantics(ch.Kind)
	m.openLine("section", "id", ch.ID, "epub:type", epubType, "role", role, "aria-labelledby", ch.ID+"-title")
	r.pageBreaks(ch.ID)
	m.elementLine("h1", ch.Title, "id", ch.ID+"-title")
	if ch.Author != "" {
		m.elementLine("p", ch.Author, "class", "chapter-author")
	}
	r.blocks(ch.Blocks, "", 0)
	r.checkRefs()
	if p.opts.Notes != NotesAtEnd {
		r.endnotes()
	}
	m.closeLine("section")
	m.xhtmlTail()
	entry := tocEntry{title: ch.Title, href: chapterHref(ch), children: r.sections}
	if p.outlineOf(ch).Notes {
		entry.children = append(entry.children, tocEntry{title: p.ui.Notes, href: chapterHref(ch) + "#" + ch.ID + "-notes"})
	}
	return m.Bytes(), entry, r.err
}
