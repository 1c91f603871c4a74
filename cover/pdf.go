package cover

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/icc"
	"github.com/fpc/bindery/pdf"
)

// PDFOptions are the choices of the cover's PDF.
type PDFOptions struct {
	Intent    icc.Intent // the output intent; zero = icc.Default()
	CropMarks bool       // crop and fold marks outside the bleed box
	Modified  time.Time  // the file's dates
}

// cropSlug is the room outside the bleed box that the marks take.
const cropSlug = 24

// WritePDF writes the cover as a one-page PDF/X-4 file: MediaBox holding the BleedBox
// (the trim box and the bleed on all four sides) and, with marks, the slug around it;
// colour in DeviceCMYK; the marks in the registration colour; no annotations.
func (d *Design) WritePDF(w io.Writer, ed *book.Edition, o PDFOptions) error {
	in := o.Intent
	if in.Data == nil {
		in = icc.Default()
	}
	meta := ed.Meta
	pw := pdf.New(w, pdf.Options{
		Info: pdf.Info{Title: meta.Title, Author: authors(meta.Contributors), Subject: "Cover",
			Creator: "bindery", Producer: "bindery", Created: o.Modified, Modified: o.Modified, Trapped: "False",
			DocumentID: book.StableUUID(ed.Report, ed.Lang+"/cover")},
		Lang:         ed.Lang,
		OutputIntent: &pdf.OutputIntent{Subtype: "GTS_PDFX", Identifier: in.Identifier, Info: in.Condition, Registry: in.Registry, Components: 4, Profile: in.Data},
		Conformance:  pdf.Conformance{PDFX: pdf.PDFX4},
	})
	off := d.Bleed
	if o.CropMarks {
		off += cropSlug
	}
	trim := pdf.Rect{X0: off, Y0: off, X1: off + d.Width, Y1: off + d.TrimH}
	bleed := pdf.Rect{X0: off - d.Bleed, Y0: off - d.Bleed, X1: trim.X1 + d.Bleed, Y1: trim.Y1 + d.Bleed}
	p := pw.NewPage(pdf.PageBoxes{Media: pdf.Rect{X1: trim.X1 + off, Y1: trim.Y1 + off}, Bleed: bleed, Trim: trim})
	for _, f := range d.Fills {
		p.SetFill(cmyk(f.Color))
		p.FillRect(pdf.Rect{X0: off + f.R.X0, Y0: off + f.R.Y0, X1: off + f.R.X1, Y1: off + f.R.Y1})
	}
	dr := &coverDrawer{w: pw, p: p, off: off, fonts: map[string]*pdf.Font{}, faces: map[string]*face{}}
	for _, t := range d.Texts {
		if err := dr.text(t); err != nil {
			return err
		}
	}
	if d.Barcode != nil {
		if err := dr.barcode(d.Barcode); err != nil {
			return err
		}
	}
	if o.CropMarks {
		marks(p, trim, d)
	}
	return pw.Close()
}

func cmyk(c book.CMYK) pdf.Color { return pdf.CMYK(c.C, c.M, c.Y, c.K) }

func authors(cs []book.Contributor) string {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}

// coverDrawer puts the design's text on the page with the embedded fonts.
type coverDrawer struct {
	w     *pdf.Writer
	p     *pdf.Page
	off   float64
	fonts map[string]*pdf.Font
	faces map[string]*face
}

func (dr *coverDrawer) font(family string, style fonts.Style) (*pdf.Font, *face, error) {
	key := family + style.String()
	if f, ok := dr.fonts[key]; ok {
		return f, dr.faces[key], nil
	}
	fc, err := newFace(family, style)
	if err != nil {
		return nil, nil, err
	}
	f, err := dr.w.AddTrueType(fc.f.Data())
	if err != nil {
		return nil, nil, fmt.Errorf("cover: %w", err)
	}
	dr.fonts[key], dr.faces[key] = f, fc
	return f, fc, nil
}

// glyphs positions the glyphs of s by their advances, as face.width measures them.
func glyphs(fc *face, s string, size float64) []pdf.Glyph {
	var gs []pdf.Glyph
	x := 0.0
	for _, r := range s {
		g := fc.glyph(r)
		gs = append(gs, pdf.Glyph{ID: g.id, Text: string(r), X: x})
		x += g.adv * size
	}
	return gs
}

func (dr *coverDrawer) text(t Text) error {
	f, fc, err := dr.font(t.Family, t.Style)
	if err != nil {
		return err
	}
	dr.p.SetFill(cmyk(t.Color))
	gs := glyphs(fc, t.S, t.Size)
	if !t.Vertical {
		dr.p.ShowGlyphs(f, t.Size, dr.off+t.X, dr.off+t.Y, gs)
		return nil
	}
	dr.p.Save()
	dr.p.Transform(0, -1, 1, 0, dr.off+t.X, dr.off+t.Y) // a quarter turn clockwise: top to bottom
	dr.p.SetFill(cmyk(t.Color))
	dr.p.ShowGlyphs(f, t.Size, 0, 0, gs)
	dr.p.Restore()
	return nil
}

// barcode draws the bars in black ink alone and the human-readable digits under them.
func (dr *coverDrawer) barcode(b *Barcode) error {
	black := pdf.CMYK(0, 0, 0, 1)
	dr.p.SetFill(black)
	for _, r := range b.Symbol.Bars {
		x, y := dr.off+b.X+r.X*mm, dr.off+b.Y+r.Y*mm
		dr.p.FillRect(pdf.Rect{X0: x, Y0: y, X1: x + r.W*mm, Y1: y + r.H*mm})
	}
	f, fc, err := dr.font(fonts.Sans, fonts.Regular)
	if err != nil {
		return err
	}
	for _, dg := range b.Symbol.Digits {
		size := dg.Height * mm / fc.cap
		s := string(rune(dg.Char))
		w := fc.width(s, size)
		dr.p.ShowGlyphs(f, size, dr.off+b.X+dg.X*mm-w/2, dr.off+b.Y+dg.Y*mm, glyphs(fc, s, size))
	}
	return nil
}

// marks draws crop marks at the four corners of the trim and fold marks at the spine's
// edges, all in the registration colour and outside the bleed box.
func marks(p *pdf.Page, trim pdf.Rect, d *Design) {
	const length, width = 18.0, 0.25
	b := d.Bleed
	gap := b + 3 // from the trim to where a mark starts: clear of the bleed
	for _, x := range []float64{trim.X0, trim.X1} {
		for _, y := range []float64{trim.Y0, trim.Y1} {
			dx, dy := 1.0, 1.0
			if x == trim.X0 {
				dx = -1
			}
			if y == trim.Y0 {
				dy = -1
			}
			p.Line(x+dx*gap, y, x+dx*(gap+length-6), y, width, pdf.Registration)
			p.Line(x, y+dy*gap, x, y+dy*(gap+length-6), width, pdf.Registration)
		}
	}
	for _, x := range []float64{trim.X0 + d.TrimW, trim.X0 + d.TrimW + d.Spine} {
		p.Line(x, trim.Y1+gap, x, trim.Y1+gap+length-6, width, pdf.Registration)
		p.Line(x, trim.Y0-gap, x, trim.Y0-gap-length+6, width, pdf.Registration)
	}
}
