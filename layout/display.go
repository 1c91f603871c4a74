package layout

import (
	"fmt"
	"io"
	"iter"
	"strings"
	"time"
	"unicode/utf8"

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
	if err := pdfdraw.Write(w, d.drawing(), d.displayPages()); err != nil {
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
			Lang:       d.ed.Lang,
			PageLayout: "TwoPageRight",
		},
		Boxes: pdf.PageBoxes{Media: pdf.Rect{X1: g.trimW + 2*off, Y1: g.trimH + 2*off}},
	}
	if off > 0 {
		doc.Boxes.Trim = pdf.Rect{X0: off, Y0: off, X1: off + g.trimW, Y1: off + g.trimH}
	}
	for id := fontID(0); id < numFonts; id++ {
		doc.Fonts = append(doc.Fonts, id.face().Data())
	}
	return doc
}

// displayPages yields every page as complete data for the draw step.
func (d *Document) displayPages() iter.Seq[*pdfdraw.Page] {
	return func(yield func(*pdfdraw.Page) bool) {
		targets := d.targets()
		for i, p := range d.pages {
			if !yield(d.display(i, p, targets)) {
				return
			}
		}
	}
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
			if pe.e.ln != nil {
				for _, r := range pe.e.ln.runs {
					if r.g.anchor != "" {
						ids[r.g.anchor] = true
					}
				}
			}
		}
	}
	return ids
}

// display places everything page i shows: tints, text, links, destinations, bookmarks,
// running head, folio, draft notice and crop marks.
func (d *Document) display(i int, p *Page, targets map[string]bool) *pdfdraw.Page {
	off := d.offset()
	left, top := off+d.g.left(p.Number), off+d.g.top
	out := &pdfdraw.Page{Tints: d.tints(i, left, top)}
	for _, pe := range p.elems {
		y := top + pe.y
		if m := pe.e.mark; m != nil {
			out.Marks = append(out.Marks, pdfdraw.Mark{Title: m.title, Level: m.level, Y: y})
		}
		for _, a := range pe.e.anchors {
			out.Dests = append(out.Dests, pdfdraw.Dest{Name: a, Y: y})
		}
		if ln := pe.e.ln; ln != nil {
			d.displayLine(out, ln, left+ln.indent, y, y+pe.e.base, targets)
		}
	}
	d.furniture(out, p, left)
	if d.opts.CropMarks {
		out.Rules = d.cropMarks()
	}
	return out
}

// displayLine places a line's runs with their baseline at y (top is the line's top, where
// the destinations of its anchors point): consecutive runs in one face, size and colour
// become one run, with every glyph at its place.
func (d *Document) displayLine(out *pdfdraw.Page, ln *line, x, top, y float64, targets map[string]bool) {
	for i := 0; i < len(ln.runs); {
		r := ln.runs[i]
		if r.g.anchor != "" {
			out.Dests = append(out.Dests, pdfdraw.Dest{Name: r.g.anchor, Y: top})
		}
		run := pdfdraw.Run{Font: int(r.g.font), Size: r.g.size, X: x + r.x, Y: y - r.g.rise, Color: inkColor}
		if r.g.alert {
			run.Color = alertColor
		}
		run.Glyphs = d.m.glyphs(r.g, 0, nil)
		j := i + 1
		for ; j < len(ln.runs) && sameText(ln.runs[j-1], ln.runs[j]); j++ {
			n := ln.runs[j]
			if n.g.anchor != "" {
				out.Dests = append(out.Dests, pdfdraw.Dest{Name: n.g.anchor, Y: top})
			}
			run.Glyphs = d.m.glyphs(n.g, n.x-r.x, run.Glyphs)
		}
		out.Runs = append(out.Runs, run)
		i = j
	}
	d.lineLinks(out, ln, x, y, targets)
}

// sameText reports whether b can continue a's run: same face, size, baseline and colour, to
// its right.
func sameText(a, b placed) bool {
	return a.g.font == b.g.font && a.g.size == b.g.size && a.g.rise == b.g.rise && a.g.alert == b.g.alert &&
		b.x >= a.x+a.g.width-0.01
}

// lineLinks puts one link area over each stretch of consecutive runs of a line that share
// a target, so a URL broken into many boxes still gets a single annotation.
func (d *Document) lineLinks(out *pdfdraw.Page, ln *line, x, y float64, targets map[string]bool) {
	for i := 0; i < len(ln.runs); {
		r := ln.runs[i]
		j, width := i+1, r.g.width
		for j < len(ln.runs) && r.g.link != "" && ln.runs[j].g.link == r.g.link && ln.runs[j].g.rise == r.g.rise {
			width = ln.runs[j].x + ln.runs[j].g.width - r.x
			j++
		}
		if l := r.g.link; l != "" && (!strings.HasPrefix(l, "#") || targets[l[1:]]) {
			out.Links = append(out.Links, pdfdraw.Link{X: x + r.x, Y: y - r.g.rise - 0.8*r.g.size,
				W: width, H: r.g.size, Target: l})
		}
		i = j
	}
}

// glyphs appends the glyphs of a run, its origin dx from the run they join, with the face's
// standard ligatures (fi, fl, ff, ffi, ffl) inside a piece: never across a kern, a
// hyphenation point or in a letter-spaced line, whose letters stand in pieces of their own.
func (m *metrics) glyphs(g *glyphs, dx float64, out []pdf.Glyph) []pdf.Glyph {
	f := m.faces[g.font]
	ligs := ligaturesOf(g.font, func(r rune) uint16 { return uint16(f.glyph(r)) })
	for _, pc := range g.pieces {
		x := dx + pc.dx
		for k := 0; k < len(pc.text); {
			if seq, id, ok := ligs.at(pc.text[k:]); ok {
				// One glyph for the letters, which it still reports as text; the letters
				// after it keep the places the engine measured.
				out = append(out, pdf.Glyph{ID: id, Text: seq, X: x})
				for _, r := range seq {
					x += f.advance(r) * g.size / 1000
				}
				k += len(seq)
				continue
			}
			r, n := utf8.DecodeRuneInString(pc.text[k:])
			out = append(out, pdf.Glyph{ID: uint16(f.glyph(r)), Text: pc.text[k : k+n], X: x})
			x += f.advance(r) * g.size / 1000
			k += n
		}
	}
	return out
}
