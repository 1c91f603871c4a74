package layout

import (
	"strings"

	"github.com/fpc/bindery/layout/pdfdraw"
	"github.com/fpc/bindery/pdf"
)

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

// furniture places the running head, the folio and, in drafts, the draft notice. Blank
// pages and openers carry neither head nor folio.
func (ds *displayer) furniture(out *pdfdraw.Page, p *Page, left float64) {
	d := ds.d
	g, off := d.g, d.offset()
	size := headSize(g)
	foot := off + g.top + g.textH + 1.8*g.leading
	if p.Head != "" {
		w := d.width(sansRegular, size, p.Head)
		out.Runs = append(out.Runs, ds.furnitureRun(out, sansRegular, size, left+(g.textW-w)/2, off+g.top-1.6*g.leading, p.Head, inkColor))
		x := left
		if p.Number%2 == 1 {
			x = left + g.textW - d.width(serifRegular, g.size, p.Folio)
		}
		out.Runs = append(out.Runs, ds.furnitureRun(out, serifRegular, g.size, x, foot, p.Folio, inkColor))
	}
	if d.ed.Draft() {
		note := d.ui.DraftNotice
		w := d.width(sansBold, size, note)
		out.Runs = append(out.Runs, ds.furnitureRun(out, sansBold, size, left+(g.textW-w)/2, foot, note, alertColor))
	}
}

// furnitureRun sets a string at a baseline, kerned, as a pagination artifact of the page out.
func (ds *displayer) furnitureRun(out *pdfdraw.Page, id fontID, size, x, y float64, s string, c pdf.Color) pdfdraw.Run {
	w, pieces := ds.d.m.shape(id, size, s)
	g := &glyphs{font: id, size: size, text: s, pieces: pieces, width: w}
	return pdfdraw.Run{Font: int(id), Size: size, X: x, Y: y, Color: c, Glyphs: ds.cache.glyphs(g, 0, ds.free(out)),
		Artifact: "Pagination"}
}

// tints places the tint of every sidebar panel that falls on page i, keeping the panel's
// padding where a page break cuts it.
func (d *Document) tints(i int, left, top float64) []pdfdraw.Tint {
	type span struct{ y0, y1 float64 }
	spans := map[int]*span{}
	var order []int
	for _, pe := range d.pages[i].elems {
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
	if len(order) == 0 {
		return nil
	}
	pad := 0.9 * d.g.size // the panel's inner padding, as the flow sets it
	split := splitPanels(d.pages, i)
	var out []pdfdraw.Tint
	for _, id := range order {
		s := spans[id]
		if split[id]&fromPrev != 0 {
			s.y0 -= pad
		}
		if split[id]&toNext != 0 {
			s.y1 += pad
		}
		out = append(out, pdfdraw.Tint{X: left, Y: top + s.y0, W: d.g.textW, H: s.y1 - s.y0,
			Color: tintColor, Artifact: "Layout"})
	}
	return out
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

// cropMarks places the trim marks at the four corners, outside the bleed.
func (d *Document) cropMarks() []pdfdraw.Rule {
	g, off := d.g, d.offset()
	gap := d.opts.Bleed*mm + 3
	xs := []float64{off, off + g.trimW}
	ys := []float64{off, off + g.trimH}
	var out []pdfdraw.Rule
	for i, x := range xs {
		for j, y := range ys {
			dx, dy := float64(2*i-1), float64(2*j-1)
			out = append(out,
				pdfdraw.Rule{X0: x + dx*gap, Y0: y, X1: x + dx*off, Y1: y, Width: 0.25, Color: inkColor, Artifact: "Page"},
				pdfdraw.Rule{X0: x, Y0: y + dy*gap, X1: x, Y1: y + dy*off, Width: 0.25, Color: inkColor, Artifact: "Page"})
		}
	}
	return out
}
