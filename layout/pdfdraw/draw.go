// Package pdfdraw is the layout's draw step. It sits between the layout and the PDF object
// writer (content/ -> book -> layout -> layout/pdfdraw -> pdf -> files): the layout hands it
// complete pages (every glyph, tint, rule, link, destination and bookmark already placed, in
// points from the top left of the media box) and it draws them, page by page, with package
// pdf. It measures, centres and pads nothing; what is on a page is decided by the layout.
package pdfdraw

import (
	"fmt"
	"io"
	"iter"

	"github.com/fpc/bindery/pdf"
)

// Document is what the whole PDF shares.
type Document struct {
	Options pdf.Options
	Fonts   [][]byte      // TrueType programs; Run.Font indexes them
	Boxes   pdf.PageBoxes // every page's boxes, in PDF user space
}

// Page is one page, complete.
type Page struct {
	Tints []Tint
	Rules []Rule
	Runs  []Run
	Links []Link
	Dests []Dest
	Marks []Mark
}

// Tint is a filled rectangle: left, top, width and height in points.
type Tint struct {
	X, Y, W, H float64
	Color      pdf.Color
	Artifact   string // the artifact kind (Layout for a panel's tint)
}

// Rule is a stroked line, such as a crop mark.
type Rule struct {
	X0, Y0, X1, Y1 float64
	Width          float64
	Color          pdf.Color
	Artifact       string
}

// Run is a stretch of glyphs of one font, size and colour on one baseline: X and Y are the
// run's origin; each glyph's X is relative to it.
type Run struct {
	Font     int
	Size     float64
	X, Y     float64
	Color    pdf.Color
	Glyphs   []pdf.Glyph
	Artifact string // "" for text, else the artifact kind (Pagination for heads and folios)
}

// Link is a link area: left, top, width, height; Target is a URL or "#name" for a named
// destination.
type Link struct {
	X, Y, W, H float64
	Target     string
}

// Dest is a named destination at height Y (from the top) of the page.
type Dest struct {
	Name string
	Y    float64
}

// Mark is an outline entry at height Y of the page; Level 0 is the top.
type Mark struct {
	Title string
	Level int
	Y     float64
}

// Write draws the pages to w as one PDF document. Pages come one at a time, so memory does
// not grow with their number.
func Write(w io.Writer, doc Document, pages iter.Seq[*Page]) error {
	pw := pdf.New(w, doc.Options)
	fonts := make([]*pdf.Font, len(doc.Fonts))
	for i, data := range doc.Fonts {
		f, err := pw.AddTrueType(data)
		if err != nil {
			return fmt.Errorf("pdfdraw: font %d: %w", i, err)
		}
		fonts[i] = f
	}
	d := &drawer{w: pw, fonts: fonts, h: doc.Boxes.Media.Y1}
	for p := range pages {
		d.page(p, doc.Boxes)
	}
	return pw.Close()
}

// drawer holds the state of one Write.
type drawer struct {
	w     *pdf.Writer
	fonts []*pdf.Font
	h     float64 // media box height, to turn top-down y into PDF user space
}

// page draws one page: tints, rules, text, then links, destinations and bookmarks.
func (d *drawer) page(p *Page, boxes pdf.PageBoxes) {
	pg := d.w.NewPage(boxes)
	for _, t := range p.Tints {
		d.artifact(pg, t.Artifact, func() {
			pg.SetFill(t.Color)
			pg.FillRect(pdf.Rect{X0: t.X, Y0: d.h - t.Y - t.H, X1: t.X + t.W, Y1: d.h - t.Y})
		})
	}
	for _, r := range p.Rules {
		d.artifact(pg, r.Artifact, func() {
			pg.Line(r.X0, d.h-r.Y0, r.X1, d.h-r.Y1, r.Width, r.Color)
		})
	}
	for _, r := range p.Runs {
		d.artifact(pg, r.Artifact, func() {
			pg.SetFill(r.Color)
			pg.ShowGlyphs(d.fonts[r.Font], r.Size, r.X, d.h-r.Y, r.Glyphs)
		})
	}
	for _, l := range p.Links {
		rect := pdf.Rect{X0: l.X, Y0: d.h - l.Y - l.H, X1: l.X + l.W, Y1: d.h - l.Y}
		if len(l.Target) > 0 && l.Target[0] == '#' {
			pg.LinkDest(rect, l.Target[1:])
		} else {
			pg.Link(rect, l.Target)
		}
	}
	for _, ds := range p.Dests {
		pg.Dest(ds.Name, d.h-ds.Y)
	}
	for _, m := range p.Marks {
		d.w.Bookmark(m.Title, m.Level, pg, d.h-m.Y)
	}
	pg.Close()
}

// artifact draws content, marked as an artifact of a kind when kind is set.
func (d *drawer) artifact(pg *pdf.Page, kind string, draw func()) {
	if kind == "" {
		draw()
		return
	}
	pg.BeginArtifact(kind)
	draw()
	pg.EndMarked()
}
