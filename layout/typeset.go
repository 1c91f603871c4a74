package layout

import (
	"slices"
	"strconv"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/layout/pdfdraw"
)

// typesetter holds the state of one Typeset call.
type typesetter struct {
	d      *Document
	m      *metrics
	hy     Hyphenator
	panels int
	// helpers are the metrics of the goroutines that set a chapter's later paragraphs while
	// its flow sets the first ones (see prefetch.go): Options.Jobs-1 of them; crew puts
	// them to work (ahead.go), nil when there are none.
	helpers []*metrics
	crew    *crew
	nodes   int // the structure nodes numbered in reading order (see orderNodes)
}

// section is a stretch of pages that opens on a recto: the contents, a chapter, the notes.
type section struct {
	chapter string // chapter id, "" for generated sections
	head    string // running head on its rectos
	pages   [][]placedElem
}

// run is the driver: front matter, a first contents pass to learn its length, chapters with
// their notes, the notes section, then the contents again with the real page numbers.
func (t *typesetter) run() {
	chapters := t.d.ed.Chapters
	if len(t.helpers) > 0 {
		t.crew = &crew{free: slices.Clone(t.helpers)}
		defer t.crew.wg.Wait()
	}
	// The helpers' work on the chapters (see ahead.go), prepared a chapter ahead of the flow;
	// the first two before the front matter, so that the helpers work while it is set.
	aheads := make([]*chapterAhead, len(chapters))
	for i := range min(2, len(chapters)) {
		aheads[i] = t.ahead(chapters[i], aheads[max(i-1, 0)])
	}
	front := t.frontMatter()
	toc := t.contents(nil)
	first := len(front) + len(toc.pages) + 1
	if first%2 == 0 {
		first++
	}
	var body []section
	for i, ch := range chapters {
		a := aheads[i]
		if i+1 < len(chapters) && aheads[i+1] == nil {
			aheads[i+1] = t.ahead(chapters[i+1], a)
		}
		aheads[i] = nil // let go of its memo once the chapter is done
		body = append(body, t.chapter(ch, a))
	}
	if t.d.opts.Notes == NotesAtEnd {
		if s, ok := t.endNotes(); ok {
			body = append(body, s)
		}
	}
	pageOf := t.pageNumbers(first, body)
	toc = t.contents(pageOf)
	t.assemble(front, toc, body)
}

// chapter sets a chapter and its notes, with the helpers' work a (nil for none), into pages.
func (t *typesetter) chapter(ch *book.Chapter, a *chapterAhead) section {
	s := section{chapter: ch.ID, head: ch.Title}
	f := t.newFlow(ch)
	if a != nil {
		f.memo = a.memo
		f.reach = func(u int) bool { a.reach(u); return true }
	}
	f.onGrid = true
	f.chapterOpener(ch)
	f.anchorBlocks = ch.ID
	f.blocks(ch.Blocks, f.bodyContext(), "", 0)
	if t.notesAfter(ch) {
		f.chapterNotes(ch, t.d.ui.Notes)
	}
	if a != nil {
		a.done()
	}
	s.pages = paginate(f.elems, t.d.g.grid())
	orderNodes(f.elems, &t.nodes)
	for ln, why := range keepLeafTurns(s.pages) {
		t.d.keptHyphens[ln] = why
	}
	dropItems(s.pages...) // the chapter's pages are final: free its paragraphs' items
	return s
}

// notesAfter reports whether a chapter's notes are set after it.
func (t *typesetter) notesAfter(ch *book.Chapter) bool {
	return t.d.opts.Notes == NotesPerChapter && len(ch.Notes) > 0
}

// newFlow starts a flow for a chapter (nil for generated text).
func (t *typesetter) newFlow(ch *book.Chapter) *flow {
	return t.newFlowWith(ch, t.m, t.d.rep, &t.panels)
}

// newFlowWith starts a flow that measures with m, warns to rep and counts panels in panels.
func (t *typesetter) newFlowWith(ch *book.Chapter, m *metrics, rep *reporter, panels *int) *flow {
	f := &flow{rep: rep, m: m, hy: t.hy, lang: t.d.ed.Lang, g: t.d.g, ch: ch, panels: panels,
		missing: t.d.ui.MissingNote, node: &pdfdraw.Node{Role: "Sect"}}
	if ch != nil {
		f.sectionOf = map[*book.Block]int{}
		for k, s := range ch.Sections() {
			f.sectionOf[s.Block] = k
		}
	}
	return f
}

// pageNumbers computes on which physical page every anchor of the body lands, given the page
// the first section starts on; each section opens on a recto.
func (t *typesetter) pageNumbers(first int, body []section) map[string]int {
	pageOf := map[string]int{}
	n := first
	for _, s := range body {
		if n%2 == 0 {
			n++
		}
		for _, pg := range s.pages {
			for _, pe := range pg {
				for _, a := range pe.e.anchors {
					if _, seen := pageOf[a]; !seen {
						pageOf[a] = n
					}
				}
			}
			n++
		}
	}
	return pageOf
}

// assemble numbers the pages, inserting blank versos, and sets running heads and folios.
func (t *typesetter) assemble(front []*Page, toc section, body []section) {
	d := t.d
	d.pages = append(d.pages, front...)
	add := func(s section, kind PageKind) {
		if (len(d.pages)+1)%2 == 0 {
			d.pages = append(d.pages, &Page{Kind: BlankPage, ChapterID: s.chapter})
		}
		for i, pe := range s.pages {
			p := &Page{Kind: kind, ChapterID: s.chapter, elems: pe}
			if i == 0 {
				p.Kind = OpenerPage
			}
			if p.Kind == BodyPage || kind == FrontPage && i > 0 {
				p.Head = s.head
				if startsInNotes(pe) {
					p.Head = d.ui.Notes
				}
			}
			d.pages = append(d.pages, p)
		}
	}
	add(toc, FrontPage)
	for _, s := range body {
		add(s, BodyPage)
	}
	for i, p := range d.pages {
		p.Number = i + 1
		p.Folio = strconv.Itoa(i + 1)
		if p.Kind == BodyPage && p.Number%2 == 0 {
			p.Head = d.ed.Meta.Display().Title // the book's title proper, without its series
		}
		if p.Head != "" {
			p.Head = d.shorten(p.Head, sansRegular, headSize(d.g), d.g.textW*0.8)
		}
	}
}

// startsInNotes reports whether a page's first line is one of a chapter's notes (or their
// heading): the page is headed Notes.
func startsInNotes(pg []placedElem) bool {
	for _, pe := range pg {
		if pe.e.ln != nil {
			return pe.e.notes
		}
	}
	return false
}

// headSize is the type size of running heads.
func headSize(g geometry) float64 { return g.size * 0.8 }
