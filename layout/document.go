// Package layout is bindery's typesetting engine and the PDF editions it produces. It sits
// after the model in the pipeline (content/ -> book -> renderers (epub, layout) -> files):
// Typeset turns a *book.Edition into pages of set lines in plain data, in phases that are
// testable alone (collect inlines into box/glue/penalty items, measure them with the embedded
// fonts' advances and kerning, break lines with the Knuth–Plass total-fit algorithm, paginate
// without widows and orphans, place endnotes), and WritePDF turns those pages into complete
// page data (display.go) that the draw step, layout/pdfdraw, writes with package pdf.
package layout

import (
	"fmt"
	"strconv"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/hyphen"
)

// NotePlacement is book.NotePlacement, named here for this package's callers.
type NotePlacement = book.NotePlacement

// The note placements, as in book.
const (
	NotesPerChapter = book.NotesPerChapter
	NotesAtEnd      = book.NotesAtEnd
)

// Options are the choices of one PDF build.
type Options struct {
	Paper     book.Paper    // trim size; "" = the edition's (Meta.Paper), else book.DefaultPaper
	Bleed     float64       // in mm, checked by book.CheckBleed; 0 = none
	CropMarks bool          // draw crop marks outside the trim
	Notes     NotePlacement // where endnotes go
	Modified  time.Time     // creation and modification date of the PDF
	// Hyphenator overrides the hyphenation patterns of the edition's language (for tests);
	// nil uses the hyphen package.
	Hyphenator Hyphenator
	// Jobs is how many goroutines may set one chapter's paragraphs at once (see prefetch.go);
	// 0 or 1 sets them in the one. The pages are the same whatever it is. A custom
	// Hyphenator must then be safe for concurrent use.
	Jobs int
	// Helpers, when set, lends the typesetting the goroutines beyond its own: it starts a
	// helper (at most Jobs-1 at a time) only for a token it can take from Helpers without
	// waiting, tried when a chapter starts and again at each of its blocks and notes while
	// a helper could start, and each helper gives its token back as soon as it is done (see
	// ahead.go). nil starts Jobs-1 helpers on every chapter.
	Helpers *Tokens
	// minStretch overrides the least text a helper starts on (see ahead.go), for the tests
	// of small fixtures; 0 is minStretch.
	minStretch int
}

// Document is a typeset edition: its pages in plain data, ready to draw. Documents of
// different editions may be made and drawn concurrently; one Document is not safe for
// concurrent use.
type Document struct {
	ed    *book.Edition
	opts  Options
	g     geometry
	ui    book.Strings
	pages []*Page
	m     *metrics  // measures running heads in the draw step; not shared between documents
	rep   *reporter // the layout's warnings (Diagnostics)
	// keptHyphens holds the page-end lines whose hyphen keepLeafTurns could not take away, with
	// why: the tests report them with the pages they end.
	keptHyphens map[*line]string
}

// PageKind says what a page holds, which decides its running head and folio.
type PageKind int

// The kinds of page.
const (
	BlankPage  PageKind = iota // an empty verso before a recto opener
	FrontPage                  // half title, title and imprint
	OpenerPage                 // first page of a chapter, the contents or the notes
	BodyPage                   // any other page of text
)

// Page is one typeset page.
type Page struct {
	Number    int      // physical page number, from 1
	Folio     string   // the page number as printed (also when the page does not show it)
	Kind      PageKind // what the page holds
	ChapterID string   // the chapter the page belongs to, "" for front matter
	Head      string   // running head, "" for none
	elems     []placedElem
}

// LineStat is the quality data of one set line.
type LineStat struct {
	Page       int     // physical page number
	Natural    float64 // width of the line at natural spacing, in points
	Set        float64 // width as set
	Measure    float64 // the width the line had to fill
	Ratio      float64 // adjustment ratio of its glue: >0 stretched, <0 shrunk
	Justified  bool    // its glue was stretched or shrunk to the measure
	Overfull   bool    // it sticks out of the measure
	Hyphenated bool    // it ends with an inserted hyphen
	Protrude   float64 // how far its last glyph hangs into the right margin (margin kerning)
	Track      float64 // letter-spacing per character from font expansion, in points
	Last       bool    // it ends a paragraph
}

// Typeset runs collect -> measure -> break lines -> paginate -> place notes; pure data, nothing drawn.
func Typeset(ed *book.Edition, opts Options) (*Document, error) {
	paper := opts.Paper
	if paper == "" {
		paper = ed.Meta.Paper
	}
	if paper == "" {
		paper = book.DefaultPaper
	}
	g, err := newGeometry(paper)
	if err != nil {
		return nil, err
	}
	if err := book.CheckBleed(opts.Bleed); err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	ui := ed.Strings()
	m, err := newMetrics()
	if err != nil {
		return nil, err
	}
	hy := opts.Hyphenator
	if hy == nil {
		hy = byLang{lang: ed.Lang}
	}
	d := &Document{ed: ed, opts: opts, g: g, ui: ui, m: m, rep: &reporter{}, keptHyphens: map[*line]string{}}
	t := &typesetter{d: d, m: m, hy: hy}
	for range opts.Jobs - 1 {
		hm, err := newMetrics()
		if err != nil {
			return nil, err
		}
		t.helpers = append(t.helpers, hm)
	}
	t.run()
	d.checkPages()
	d.dropScratch()
	return d, nil
}

// Prepare reads what typesetting an edition in lang needs first and every Typeset shares:
// the embedded fonts and lang's hyphenation patterns. Typeset reads them itself when it
// must; a caller that has a core to spare while it loads the editions (a goroutine that
// would wait) can call Prepare there, and the typesetting starts without that wait.
func Prepare(lang string) {
	for id := fontID(0); id < numFonts; id++ {
		id.face().SFNT() // an error shows again in Typeset
	}
	hyphen.For(lang)
}

// dropScratch lets go of what only typesetting needed once the pages are final and checked:
// every paragraph's item list (kept so that pagination could break it again) and the
// metrics' word cache. They are most of a typeset document's memory, which can then be
// freed before the document is drawn; the lines keep their glyphs. The paragraphs' checks
// (the places of their words) go too: checkPages has read them.
func (d *Document) dropScratch() {
	for _, p := range d.pages {
		dropItems(p.elems)
		for _, pe := range p.elems {
			if r := pe.e.para; r != nil {
				r.check = nil
			}
		}
	}
	d.m.dropWords()
}

// dropItems lets go of the item lists of the paragraphs whose lines are on the pages given,
// once nothing will break them again (see paraRef.avoidHyphen).
func dropItems(pages ...[]placedElem) {
	for _, pg := range pages {
		for _, pe := range pg {
			if r := pe.e.para; r != nil {
				r.items = nil
			}
		}
	}
}

// Pages returns the typeset pages in order.
func (d *Document) Pages() []*Page { return d.pages }

// Paper returns the trim size the document was set for.
func (d *Document) Paper() book.Paper { return d.g.paper }

// PageStarts returns where every printed page starts, in page order, one entry per page
// (book.PageMark says what Block and Offset are). Pages without text (a blank verso) start
// where the next page with text starts.
func (d *Document) PageStarts() []book.PageMark {
	out := make([]book.PageMark, len(d.pages))
	var next *line
	for i := len(d.pages) - 1; i >= 0; i-- {
		p := d.pages[i]
		if ln := p.firstLine(); ln != nil {
			next = ln
		}
		out[i] = book.PageMark{Page: p.Folio, ChapterID: p.ChapterID, Block: "titlepage"}
		if next != nil {
			out[i].Block, out[i].Offset = next.src, next.at
		}
	}
	// Pages after the last line of text (a closing blank page) start where the last did.
	last := len(d.pages) - 1
	for last > 0 && d.pages[last].firstLine() == nil {
		last--
	}
	for k := last + 1; k < len(out); k++ {
		out[k].Block, out[k].Offset = out[last].Block, out[last].Offset
	}
	return out
}

// firstLine returns the first line of text set on the page that has an address, or nil.
func (p *Page) firstLine() *line {
	for _, pe := range p.elems {
		if ln := pe.e.ln; ln != nil && ln.src != "" {
			return ln
		}
	}
	return nil
}

// Lines returns the quality data of every line of text, in page order.
func (d *Document) Lines() []LineStat {
	var out []LineStat
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if ln := pe.e.ln; ln != nil {
				out = append(out, LineStat{Page: p.Number, Natural: ln.natural, Set: ln.set,
					Measure: ln.measure, Ratio: ln.ratio, Justified: ln.justified,
					Overfull: ln.overfull, Hyphenated: ln.hyphenated, Protrude: ln.protrude, Track: ln.track,
					Last: ln.last})
			}
		}
	}
	return out
}

// internalPrefix marks identifiers the engine makes up for its own links.
const internalPrefix = "layout:"

func internal(id string) bool {
	return len(id) >= len(internalPrefix) && id[:len(internalPrefix)] == internalPrefix
}

func sectionID(ch string, n int) string { return internalPrefix + ch + ":" + strconv.Itoa(n) }
