package epub

import (
	"errors"
	"fmt"
	"github.com/fpc/bindery/book"
	"slices"
	"strconv"
)

// addNav writes the navigation document: the table of contents with a localized heading,
// the landmarks and, when page marks are given, the page list. It is also the visible
// contents page of the spine.
func (p *publication) addNav() error {
	toc := p.toc
	if p.outline.Notes {
		toc = append(toc[:len(toc):len(toc)], p.notesEntry())
	}
	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.Contents, "contents")
	p.pages.write(&m, contentsBlock, navFile)
	m.openLine("nav", "id", "toc", "epub:type", "toc", "role", "doc-toc", "aria-labelledby", "toc-title")
	m.elementLine("h1", p.ui.Contents, "id", "toc-title")
	navList(&m, toc)
	m.closeLine("nav")
	p.landmarks(&m)
	p.pageList(&m)
	m.xhtmlTail()
	// The contents page follows the imprint in reading order, before the first chapter.
	nav := item{id: "nav", href: navFile, mediaType: xhtmlType, props: "nav", data: m.Bytes(), spine: true, compress: true}
	at := slices.IndexFunc(p.items, func(it item) bool { return it.id == "c-"+p.ed.Chapters[0].ID })
	if at < 0 {
		return errors.New("the navigation document is built before the chapters")
	}
	p.items = slices.Insert(p.items, at, nav)
	return nil
}

// notesEntry is the navigation entry of the Notes document, with the notes section of
// every chapter that has notes.
func (p *publication) notesEntry() tocEntry {
	e := tocEntry{title: p.ui.Notes, href: notesFile}
	for _, ch := range p.outline.NotesOf {
		e.children = append(e.children, tocEntry{title: ch.Title, href: notesFile + "#" + ch.ID + "-notes"})
	}
	return e
}

// outlineOf returns the outline entry of a chapter of the edition.
func (p *publication) outlineOf(ch *book.Chapter) book.OutlineChapter {
	for _, oc := range p.outline.Chapters {
		if oc.Chapter == ch {
			return oc
		}
	}
	return book.OutlineChapter{Chapter: ch}
}

// navList writes nested ordered lists of entries.
func navList(m *markup, entries []tocEntry) {
	m.openLine("ol")
	for _, e := range entries {
		m.open("li")
		m.element("a", e.title, "href", e.href)
		if len(e.children) > 0 {
			m.WriteByte('\n')
			navList(m, e.children)
		}
		m.closeLine("li")
	}
	m.closeLine("ol")
}

// landmarks writes the hidden landmarks navigation: cover, title page, contents, the start
// of the body matter and the notes.
func (p *publication) landmarks(m *markup) {
	m.openLine("nav", "epub:type", "landmarks", "aria-labelledby", "landmarks-title", "hidden", "hidden")
	m.elementLine("h2", p.ui.Landmarks, "id", "landmarks-title")
	m.openLine("ol")
	marks := [][3]string{
		{"cover", coverFile, p.ui.Cover},
		{"titlepage", titleFile, p.ui.TitlePage},
		{"toc", navFile + "#toc", p.ui.Contents},
		{"bodymatter", chapterHref(p.ed.Chapters[0]), p.ed.Chapters[0].Title},
	}
	if target := p.notesTarget(); target != "" {
		marks = append(marks, [3]string{"endnotes", target, p.ui.Notes})
	}
	for _, lm := range marks {
		m.open("li")
		m.element("a", lm[2], "epub:type", lm[0], "href", lm[1])
		m.closeLine("li")
	}
	m.closeLine("ol")
	m.closeLine("nav")
}

// pageList writes the hidden page-list navigation of the print edition's pages, in the
// order the caller gave them.
func (p *publication) pageList(m *markup) {
	if len(p.opts.PageList) == 0 {
		return
	}
	m.openLine("nav", "epub:type", "page-list", "aria-labelledby", "pages-title", "hidden", "hidden")
	m.elementLine("h2", p.ui.Pages, "id", "pages-title")
	m.openLine("ol")
	for _, mark := range p.opts.PageList {
		m.open("li")
		m.element("a", mark.Page, "href", p.pages.placed[mark.Page]+"#"+pageID(mark.Page))
		m.closeLine("li")
	}
	m.closeLine("ol")
	m.closeLine("nav")
}

// addNCX writes the EPUB 2 table of contents for older reading systems.
func (p *publication) addNCX() error {
	var m markup
	m.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	m.open("ncx", "xmlns", "http://www.daisy.org/z3986/2005/ncx/", "version", "2005-1", "xml:lang", p.ed.Lang)
	m.WriteString("\n<head>\n")
	entries := append([]tocEntry{{title: p.ui.TitlePage, href: titleFile}}, p.toc...)
	if p.outline.Notes {
		entries = append(entries, p.notesEntry())
	}
	depth := 1
	for _, e := range entries {
		if len(e.children) > 0 {
			depth = 2
		}
	}
	pages, maxPage := strconv.Itoa(len(p.opts.PageList)), 0
	for _, mark := range p.opts.PageList {
		if n, err := strconv.Atoi(mark.Page); err == nil {
			maxPage = max(maxPage, n)
		}
	}
	for _, kv := range [][2]string{{"dtb:uid", p.id}, {"dtb:depth", strconv.Itoa(depth)},
		{"dtb:totalPageCount", pages}, {"dtb:maxPageNumber", strconv.Itoa(maxPage)}} {
		m.emptyLine("meta", "name", kv[0], "content", kv[1])
	}
	m.WriteString("</head>\n<docTitle>")
	m.element("text", p.fullTitle())
	m.WriteString("</docTitle>\n<navMap>\n")
	order := 0
	navPoints(&m, entries, &order)
	m.WriteString("</navMap>\n</ncx>\n")
	p.add(item{id: "ncx", href: ncxFile, mediaType: ncxType, data: m.Bytes(), compress: true})
	return nil
}

// navPoints writes NCX navigation points in play order.
func navPoints(m *markup, entries []tocEntry, order *int) {
	for _, e := range entries {
		*order++
		m.open("navPoint", "id", fmt.Sprintf("np-%d", *order), "playOrder", strconv.Itoa(*order))
		m.WriteString("<navLabel>")
		m.element("text", e.title)
		m.WriteString("</navLabel>")
		m.emptyLine("content", "src", e.href)
		navPoints(m, e.children, order)
		m.closeLine("navPoint")
	}
}
