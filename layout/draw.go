package layout

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// fontNames are the family and style names the draw step registers each face under.
var fontNames = [numFonts][2]string{
	{"PTSerif", ""}, {"PTSerif", "I"}, {"PTSerif", "B"}, {"PTSerif", "BI"},
	{"PTSans", ""}, {"PTSans", "B"},
}

// drawer is the state of one WritePDF call: the only code that touches fpdf.
type drawer struct {
	d     *Document
	pdf   *fpdf.Fpdf
	off   float64 // distance from the media box's corner to the trim box's
	pageH float64 // height of the media box
	links map[string]int
	font  fontID
	size  float64
	level int // outline level of the last bookmark
	known [numFonts]map[rune]bool
	raw   []byte
	split map[int]int // panels of the current page cut by a page break (fromPrev, toNext)
}

// WritePDF is the draw step: the only code that touches fpdf.
func (d *Document) WritePDF(w io.Writer) error {
	dr := &drawer{d: d, off: d.opts.Bleed * mm, font: numFonts, level: -1}
	if d.opts.CropMarks {
		dr.off += cropSlug
	}
	dr.setup()
	dr.registerLinks()
	for i, p := range d.pages {
		dr.split = splitPanels(d.pages, i)
		dr.page(p)
	}
	if err := dr.pdf.Error(); err != nil {
		return fmt.Errorf("layout: draw: %w", err)
	}
	var buf bytes.Buffer
	if err := dr.pdf.Output(&buf); err != nil {
		return fmt.Errorf("layout: draw: %w", err)
	}
	out, err := finishPDF(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// cropSlug is the room outside the bleed that crop marks need.
const cropSlug = 24

// setup creates the document with its metadata, fonts and page boxes.
func (dr *drawer) setup() {
	d, g := dr.d, dr.d.g
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt",
		Size: fpdf.SizeType{Wd: g.trimW + 2*dr.off, Ht: g.trimH + 2*dr.off}})
	pdf.SetCompression(false) // finishPDF compresses, with one compressor
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	date := d.opts.Modified
	if date.IsZero() {
		date = d.ed.Meta.Date
	}
	if date.IsZero() {
		date = time.Unix(0, 0).UTC() // fpdf would read the clock; the bytes must not change
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	meta := d.ed.Meta
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(contributorNames(meta.Contributors), true)
	subject := meta.Description
	if subject == "" {
		subject = meta.Series
	}
	pdf.SetSubject(subject, true)
	pdf.SetKeywords(strings.Join(meta.Keywords, ", "), true)
	pdf.SetCreator("bindery", true)
	pdf.SetProducer("bindery (fpdf)", true)
	pdf.SetLang(d.ed.Lang)
	pdf.SetDisplayMode("fullpage", "TwoPageRight")
	for id := fontID(0); id < numFonts; id++ {
		pdf.AddUTF8FontFromBytes(fontNames[id][0], fontNames[id][1], id.face().Data())
	}
	if dr.off > 0 {
		pdf.SetPageBox("trim", dr.off, dr.off, g.trimW, g.trimH)
	}
	dr.pdf = pdf
	dr.pageH = g.trimH + 2*dr.off
}

// registerLinks creates a link destination for every anchor on every page.
func (dr *drawer) registerLinks() {
	dr.links = map[string]int{}
	for _, p := range dr.d.pages {
		for _, pe := range p.elems {
			y := dr.off + dr.d.g.top + pe.y
			for _, a := range pe.e.anchors {
				dr.dest(a, p.Number, y)
			}
			if pe.e.ln == nil {
				continue
			}
			for _, r := range pe.e.ln.runs {
				if r.g.anchor != "" {
					dr.dest(r.g.anchor, p.Number, y)
				}
			}
		}
	}
}

func (dr *drawer) dest(id string, page int, y float64) {
	if _, ok := dr.links[id]; ok {
		return
	}
	l := dr.pdf.AddLink()
	dr.pdf.SetLink(l, y, page)
	dr.links[id] = l
}

// setFont switches face and size when they change.
func (dr *drawer) setFont(id fontID, size float64) {
	if id == dr.font && size == dr.size {
		return
	}
	dr.pdf.SetFont(fontNames[id][0], fontNames[id][1], size)
	dr.font, dr.size = id, size
}

// page draws one page: panels, text, links, bookmarks, then the running head and foot.
func (dr *drawer) page(p *Page) {
	dr.pdf.AddPage()
	dr.font = numFonts
	dr.setFont(serifRegular, dr.d.g.size)
	left := dr.off + dr.d.g.left(p.Number)
	top := dr.off + dr.d.g.top
	dr.panels(p, left, top)
	for _, pe := range p.elems {
		if pe.e.mark != nil {
			dr.bookmark(pe.e.mark, top+pe.y)
		}
		if ln := pe.e.ln; ln != nil {
			dr.line(ln, left+ln.indent, top+pe.y+pe.e.base)
		}
	}
	dr.furniture(p)
	if dr.d.opts.CropMarks {
		dr.cropMarks()
	}
}

// bookmark adds an outline entry, never skipping a level.
func (dr *drawer) bookmark(m *outlineMark, y float64) {
	level := min(m.level, dr.level+1)
	dr.pdf.Bookmark(m.title, level, y)
	dr.level = level
}

// link puts a link annotation of the given width over a run and the runs after it.
func (dr *drawer) link(r placed, width, x, y float64) {
	g := r.g
	if g.link == "" {
		return
	}
	top := y - g.rise - 0.8*g.size
	if strings.HasPrefix(g.link, "#") {
		if l, ok := dr.links[g.link[1:]]; ok {
			dr.pdf.Link(x+r.x, top, width, g.size, l)
		}
		return
	}
	dr.pdf.LinkString(x+r.x, top, width, g.size, g.link)
}

// panels tints the part of every sidebar that falls on the page.
func (dr *drawer) panels(p *Page, left, top float64) {
	type span struct{ y0, y1 float64 }
	spans := map[int]*span{}
	var order []int
	for _, pe := range p.elems {
		if pe.e.panel == 0 {
			continue
		}
		s, ok := spans[pe.e.panel]
		if !ok {
			s = &span{y0: pe.y, y1: pe.y}
			spans[pe.e.panel] = s
			order = append(order, pe.e.panel)
		}
		s.y1 = pe.y + pe.e.h
	}
	pad := 0.9 * dr.d.g.size // the panel's inner padding, as the flow sets it
	for id, s := range spans {
		if dr.split[id]&fromPrev != 0 {
			s.y0 -= pad
		}
		if dr.split[id]&toNext != 0 {
			s.y1 += pad
		}
	}
	dr.pdf.SetFillColor(236, 236, 232)
	for _, id := range order {
		s := spans[id]
		dr.pdf.Rect(left, top+s.y0, dr.d.g.textW, s.y1-s.y0, "F")
	}
	dr.pdf.SetFillColor(0, 0, 0) // text written directly is filled with the fill colour
}

// Flags of a panel that a page break splits.
const (
	fromPrev = 1 << iota // the panel began on the page before
	toNext               // the panel goes on on the page after
)

// splitPanels tells, for the panels on page i, which continue from the page before or
// onto the page after, so the tint can keep its padding where a break cuts the panel.
func splitPanels(pages []*Page, i int) map[int]int {
	on := func(j int) map[int]bool {
		ids := map[int]bool{}
		if j >= 0 && j < len(pages) {
			for _, pe := range pages[j].elems {
				if pe.e.panel != 0 {
					ids[pe.e.panel] = true
				}
			}
		}
		return ids
	}
	prev, next := on(i-1), on(i+1)
	split := map[int]int{}
	for id := range on(i) {
		if prev[id] {
			split[id] |= fromPrev
		}
		if next[id] {
			split[id] |= toNext
		}
	}
	return split
}
