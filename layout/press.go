package layout

import (
	"fmt"
	"io"
	"iter"
	"strconv"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/icc"
	"github.com/fpc/bindery/layout/pdfdraw"
	"github.com/fpc/bindery/pdf"
)

// PadPages appends blank pages, which carry no running head or folio, until the page count
// is a multiple of n (4 for the signatures of a printed book), and returns how many it added.
func (d *Document) PadPages(n int) int {
	added := 0
	for n > 1 && len(d.pages)%n != 0 {
		num := len(d.pages) + 1
		d.pages = append(d.pages, &Page{Number: num, Folio: strconv.Itoa(num), Kind: BlankPage})
		added++
	}
	return added
}

// TrimSize returns the trim size of the document's pages, in points.
func (d *Document) TrimSize() (w, h float64) { return d.g.trimW, d.g.trimH }

// Process colours of the print interior: everything on the black plate.
var (
	printTint  = pdf.CMYK(0, 0, 0, 0.10)       // the sidebar's tint, K 10 %
	printAlert = pdf.CMYK(0, 0.73, 0.73, 0.41) // the draft red (drafts only print with --drafts)
)

// WritePrintPDF writes the document as a PDF/X-4 print interior (docs/print.md): the screen
// PDF's pages without links, in DeviceGray and DeviceCMYK on the black plate (the tint at
// K 10 %), a BleedBox of the trim plus the bleed on every page, crop marks in the
// registration colour outside it, blank pages bare, and the output intent in.
func (d *Document) WritePrintPDF(w io.Writer, in icc.Intent) error {
	doc := d.drawing()
	o := &doc.Options
	o.Info.Trapped = "False"
	o.Info.DocumentID = book.StableUUID(d.ed.Report, d.ed.Lang+"/print")
	o.Conformance = pdf.Conformance{PDFX: pdf.PDFX4} // the screen PDF's PDF/A and PDF/UA claims are not checked here
	o.OutputIntent = &pdf.OutputIntent{Subtype: "GTS_PDFX", Identifier: in.Identifier, Info: in.Condition,
		Registry: in.Registry, Components: 4, Profile: in.Data}
	off, g, b := d.offset(), d.g, d.opts.Bleed*mm
	doc.Boxes.Trim = pdf.Rect{X0: off, Y0: off, X1: off + g.trimW, Y1: off + g.trimH}
	doc.Boxes.Bleed = pdf.Rect{X0: off - b, Y0: off - b, X1: off + g.trimW + b, Y1: off + g.trimH + b}
	if err := pdfdraw.Write(w, doc, d.printPages(doc.Boxes)); err != nil {
		return fmt.Errorf("layout: draw: %w", err)
	}
	return nil
}

// printPages turns the screen pages into print pages.
func (d *Document) printPages(boxes pdf.PageBoxes) iter.Seq[*pdfdraw.Page] {
	return func(yield func(*pdfdraw.Page) bool) {
		i := 0
		for p := range d.displayPages() {
			pg := d.pages[i]
			i++
			p.Links = nil
			if pg.Kind == BlankPage && len(pg.elems) == 0 {
				p.Runs = nil // no furniture, not even a draft notice
			}
			for k := range p.Runs {
				p.Runs[k].Color = printColor(p.Runs[k].Color)
			}
			for k := range p.Tints {
				p.Tints[k].Color = printColor(p.Tints[k].Color)
			}
			for k, r := range p.Rules {
				p.Rules[k].Color = printColor(r.Color)
				if outsideBox(r, boxes.Bleed, boxes.Media.Y1) {
					p.Rules[k].Color = pdf.Registration // a printer's mark
				}
			}
			if !yield(p) {
				return
			}
		}
	}
}

// printColor maps the screen PDF's colours to process colours on the black plate.
func printColor(c pdf.Color) pdf.Color {
	switch {
	case c == tintColor:
		return printTint
	case c == alertColor:
		return printAlert
	case c.Space == pdf.DeviceRGB: // any other: its luminance as grey
		return pdf.Gray(0.299*c.C[0] + 0.587*c.C[1] + 0.114*c.C[2])
	}
	return c
}

// outsideBox reports whether a rule (top-down coordinates on a page of height h) lies
// wholly outside the box (PDF coordinates).
func outsideBox(r pdfdraw.Rule, box pdf.Rect, h float64) bool {
	x0, x1 := min(r.X0, r.X1), max(r.X0, r.X1)
	y0, y1 := h-max(r.Y0, r.Y1), h-min(r.Y0, r.Y1)
	const eps = 0.01
	return x1 <= box.X0+eps || x0 >= box.X1-eps || y1 <= box.Y0+eps || y0 >= box.Y1-eps
}
