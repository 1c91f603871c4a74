package layout

import (
	"strings"
)

// furniture draws the running head, the folio and, in drafts, the draft notice. Blank pages
// and openers carry neither head nor folio.
func (dr *drawer) furniture(p *Page) {
	g := dr.d.g
	left := dr.off + g.left(p.Number)
	size := headSize(g)
	if p.Head != "" {
		head := p.Head
		w := dr.d.width(sansRegular, size, head)
		dr.text(sansRegular, size, left+(g.textW-w)/2, dr.off+g.top-1.6*g.leading, head)
		folio := p.Folio
		fw := dr.d.width(serifRegular, g.size, folio)
		x := left
		if p.Number%2 == 1 {
			x = left + g.textW - fw
		}
		dr.text(serifRegular, g.size, x, dr.foot(), folio)
	}
	if dr.d.ed.Draft() {
		note := dr.d.ui.DraftNotice
		w := dr.d.width(sansBold, size, note)
		dr.pdf.SetTextColor(alertRGB[0], alertRGB[1], alertRGB[2])
		dr.text(sansBold, size, left+(g.textW-w)/2, dr.foot(), note)
		dr.pdf.SetTextColor(0, 0, 0)
	}
}

// foot is the baseline of the running foot.
func (dr *drawer) foot() float64 {
	g := dr.d.g
	return dr.off + g.top + g.textH + 1.8*g.leading
}

// text draws a string at a baseline, kerned.
func (dr *drawer) text(id fontID, size, x, y float64, s string) {
	m := dr.d.m
	_, pieces := m.shape(id, size, s)
	dr.setFont(id, size)
	for _, pc := range pieces {
		dr.pdf.Text(x+pc.dx, y, pc.text)
	}
}

// width measures a string with the document's metrics.
func (d *Document) width(id fontID, size float64, s string) float64 { return d.m.width(id, size, s) }

// shorten fits a running head into max points: the whole title, else its part before a colon,
// else as many words as fit followed by an ellipsis.
func (d *Document) shorten(s string, id fontID, size, max float64) string {
	if d.width(id, size, s) <= max {
		return s
	}
	if i := strings.IndexAny(s, ":—–"); i > 0 {
		if short := strings.TrimSpace(s[:i]); d.width(id, size, short) <= max {
			return short
		}
	}
	words := strings.Fields(s)
	for n := len(words) - 1; n > 0; n-- {
		short := strings.TrimRight(strings.Join(words[:n], " "), ",;:.–—") + "…"
		if d.width(id, size, short) <= max {
			return short
		}
	}
	return "…"
}

// cropMarks draws the trim marks at the four corners, outside the bleed.
func (dr *drawer) cropMarks() {
	g := dr.d.g
	pdf := dr.pdf
	pdf.SetLineWidth(0.25)
	pdf.SetDrawColor(0, 0, 0)
	gap := dr.d.opts.Bleed*mm + 3
	xs := []float64{dr.off, dr.off + g.trimW}
	ys := []float64{dr.off, dr.off + g.trimH}
	for i, x := range xs {
		for j, y := range ys {
			dx, dy := float64(2*i-1), float64(2*j-1)
			pdf.Line(x+dx*gap, y, x+dx*dr.off, y)
			pdf.Line(x, y+dy*gap, x, y+dy*dr.off)
		}
	}
}
