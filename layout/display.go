package layout

import (
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/fpc/bindery/layout/pdfdraw"
	"github.com/fpc/bindery/pdf"
)

// cropSlug is the room outside the bleed that crop marks need.
const cropSlug = 24

// Colours of the page.
var (
	inkColor   = pdf.Gray(0)
	alertColor = pdf.RGB(150.0/255, 40.0/255, 40.0/255) // the draft notice, placeholders of missing notes
	tintColor  = pdf.RGB(236.0/255, 236.0/255, 232.0/255)
)

// WritePDF draws the document as a PDF: the layout turns every page into complete data
// (display) and the draw step, layout/pdfdraw, writes it.
func (d *Document) WritePDF(w io.Writer) error {
	sh := d.startDisplay() // the first pages are made while the draw step reads the fonts
	defer sh.end()
	if err := pdfdraw.Write(w, d.drawing(), sh.pages); err != nil {
		return fmt.Errorf("layout: draw: %w", err)
	}
	return nil
}

// offset is the distance from the media box's corner to the trim box's.
func (d *Document) offset() float64 {
	off := d.opts.Bleed * mm
	if d.opts.CropMarks {
		off += cropSlug
	}
	return off
}

// drawing is what every page of the PDF shares: metadata, fonts and page boxes.
func (d *Document) drawing() pdfdraw.Document {
	meta := d.ed.Meta
	date := d.opts.Modified
	if date.IsZero() {
		date = meta.Date
	}
	if date.IsZero() {
		date = time.Unix(0, 0).UTC() // never the clock: the bytes must not change
	}
	subject := meta.Description
	if subject == "" {
		subject = meta.Series
	}
	off, g := d.offset(), d.g
	doc := pdfdraw.Document{
		Options: pdf.Options{
			Info: pdf.Info{Title: meta.Title, Author: contributorNames(meta.Contributors), Subject: subject,
				Keywords: strings.Join(meta.Keywords, ", "), Creator: "bindery", Producer: "bindery",
				Created: date, Modified: date},
			Lang:            d.ed.Lang,
			Tagged:          true,
			DisplayDocTitle: true,
			PageLayout:      "TwoPageRight",
			// The screen PDF: tagged, with an sRGB output intent; the claims are checked by
			// pdf/pdfcheck in the layout's tests.
			OutputIntent: pdf.SRGBIntent(),
			Conformance:  pdf.Conformance{PDFAPart: 2, PDFALevel: "A", PDFUAPart: 1},
			// PDF 1.5 object and cross-reference streams, which PDF/A-2, PDF/UA-1 and the
			// print file's PDF/X-4 allow: a third smaller.
			ObjectStreams: true,
		},
		Boxes: pdf.PageBoxes{Media: pdf.Rect{X1: g.trimW + 2*off, Y1: g.trimH + 2*off}},
	}
	if off > 0 {
		doc.Boxes.Trim = pdf.Rect{X0: off, Y0: off, X1: off + g.trimW, Y1: off + g.trimH}
	}
	for id := fontID(0); id < numFonts; id++ {
		if id == monoRegular && !d.usesFace(monoRegular) {
			break // the last face: the fonts before it keep their indexes
		}
		doc.Fonts = append(doc.Fonts, id.face().Data())
	}
	return doc
}

// displayAhead is how many pages the display step may have ready before the draw step takes
// them.
const displayAhead = 2

// displayPages yields every page as complete data for the draw step. The pages are made in a
// goroutine of their own, at most displayAhead ahead of the one being drawn, so on a machine
// with a spare core the two steps run side by side; they come in order, so the file's bytes
// are those of one goroutine doing both. A page yielded is the consumer's only until it asks
// for the next: its slices are then reused for a later page.
func (d *Document) displayPages() iter.Seq[*pdfdraw.Page] {
	return func(yield func(*pdfdraw.Page) bool) {
		sh := d.startDisplay()
		defer sh.end()
		sh.pages(yield)
	}
}

// showing is a display goroutine at work (see displayPages).
type showing struct {
	out, free chan shownPage
	stop      chan struct{}
}

// startDisplay starts the display goroutine, which makes the pages up to displayAhead ahead
// of the draw step; end must be called when they are drawn, or not wanted any more.
func (d *Document) startDisplay() *showing {
	sh := &showing{out: make(chan shownPage, displayAhead), free: make(chan shownPage, displayAhead+2),
		stop: make(chan struct{})}
	go d.display(sh.out, sh.free, sh.stop)
	return sh
}

// pages yields the pages in order, once.
func (sh *showing) pages(yield func(*pdfdraw.Page) bool) {
	for s := range sh.out {
		if s.panic != nil {
			panic(s.panic)
		}
		if !yield(s.page) {
			return
		}
		sh.free <- s // drawn: its slices and glyph buffer can take another page's
	}
}

// end stops the display goroutine and waits for it to end.
func (sh *showing) end() {
	close(sh.stop)
	for range sh.out {
	}
}

// shownPage is a page made by the display goroutine: the page, the buffer its runs keep
// their glyphs in, or what the goroutine panicked with.
type shownPage struct {
	page   *pdfdraw.Page
	glyphs []pdf.Glyph
	panic  any
}

// display makes the pages one after another and sends them to out, each in a page drawn
// already from free (new ones when none is free), until all are sent or stop is closed.
func (d *Document) display(out chan<- shownPage, free <-chan shownPage, stop <-chan struct{}) {
	defer close(out)
	defer func() {
		if v := recover(); v != nil {
			select {
			case out <- shownPage{panic: v}:
			case <-stop:
			}
		}
	}()
	ds := d.newDisplayer()
	for i, p := range d.pages {
		var s shownPage
		select {
		case s = <-free:
		default: // all in use: a new one, its glyph buffer as large as the last page's grew
			s = shownPage{page: &pdfdraw.Page{}, glyphs: make([]pdf.Glyph, 0, cap(ds.glyphs))}
		}
		ds.glyphs = s.glyphs
		s.page = ds.page(i, p, s.page)
		s.glyphs = ds.glyphs
		select {
		case out <- s:
		case <-stop:
			return
		}
	}
}

// displayer turns pages into display data; it carries what spans pages (links that go on
// across a line break, words broken by a hyphen).
type displayer struct {
	d       *Document
	targets map[string]bool  // identifiers internal links may point at
	words   map[*line]string // a hyphenated line's broken word, whole
	cont    map[*line]int    // a line that continues a broken word: its last run of it
	links   map[*pdfdraw.Node]*openLink
	chars   int // bytes of text of the line being placed: at least its glyphs and spaces
	// glyphs is where the runs of a page keep their glyphs, one run after another; it is
	// reused for a later page once the draw step has drawn this one.
	glyphs  []pdf.Glyph
	counted int // the page's runs whose glyphs are counted in the length of glyphs
	// spans are the open Span nodes of text in another language than the document's, by
	// the node they are in, which the next run of that node and language continues.
	spans map[*pdfdraw.Node]*pdfdraw.Node
	cache *glyphCache // the glyphs and advances of the characters drawn
	// order and roleBuf are the line being placed's run order and roles, reused line by line.
	order   []int
	roleBuf []runRole
}

// newDisplayer starts the display of the document's pages.
func (d *Document) newDisplayer() *displayer {
	ds := &displayer{d: d, targets: d.targets(), links: map[*pdfdraw.Node]*openLink{},
		spans: map[*pdfdraw.Node]*pdfdraw.Node{}, cache: &glyphCache{m: d.m}}
	ds.words, ds.cont = d.brokenWords()
	return ds
}

// openLink is the Link node of a link whose runs may go on in the next run of its block.
type openLink struct {
	target string
	node   *pdfdraw.Node
}

// targets are the identifiers defined anywhere in the document, which internal links may
// point at.
func (d *Document) targets() map[string]bool {
	ids := map[string]bool{}
	for _, p := range d.pages {
		for _, pe := range p.elems {
			for _, a := range pe.e.anchors {
				ids[a] = true
			}
			for _, ln := range pe.e.lines() {
				for _, r := range ln.runs {
					if r.g.anchor != "" {
						ids[r.g.anchor] = true
					}
				}
			}
		}
	}
	return ids
}

// page places everything page i shows: tints, text, links, destinations, bookmarks,
// running head, folio, draft notice and crop marks, into out, a page drawn already whose
// slices it reuses (nil for a new page).
func (ds *displayer) page(i int, p *Page, out *pdfdraw.Page) *pdfdraw.Page {
	d := ds.d
	off := d.offset()
	left, top := off+d.g.left(p.Number), off+d.g.top
	if out == nil {
		out = &pdfdraw.Page{}
	}
	*out = pdfdraw.Page{Tints: d.tints(i, left, top), Images: out.Images[:0], Runs: out.Runs[:0],
		Links: out.Links[:0], Dests: out.Dests[:0], Marks: out.Marks[:0]}
	ds.glyphs, ds.counted = ds.glyphs[:0], 0
	for _, pe := range p.elems {
		y := top + pe.y
		if m := pe.e.mark; m != nil {
			out.Marks = append(out.Marks, pdfdraw.Mark{Title: m.title, Level: m.level, Y: y})
		}
		for _, a := range pe.e.anchors {
			out.Dests = append(out.Dests, pdfdraw.Dest{Name: a, Y: y})
		}
		if ln := pe.e.ln; ln != nil {
			ds.line(out, ln, left+ln.indent, y, y+pe.e.base)
			if ln.art != nil {
				ds.art(out, ln.art, left, y)
			}
		}
	}
	ds.furniture(out, p, left)
	if d.opts.CropMarks {
		out.Rules = d.cropMarks()
	}
	return out
}
