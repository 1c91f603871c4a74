package layout

import (
	"fmt"
	"strconv"
)

// fresh reports whether a run holds a character its face has not drawn yet in this document.
func (dr *drawer) fresh(g *glyphs) bool {
	known := dr.known[g.font]
	for _, r := range g.text {
		if !known[r] {
			return true
		}
	}
	return false
}

// learn draws a run through fpdf's Text, which records its characters for the font subset.
func (dr *drawer) learn(g *glyphs, x, y float64) {
	if dr.known[g.font] == nil {
		dr.known[g.font] = map[rune]bool{}
	}
	for _, r := range g.text {
		dr.known[g.font][r] = true
	}
	if g.alert {
		dr.pdf.SetTextColor(alertRGB[0], alertRGB[1], alertRGB[2])
	}
	for _, pc := range g.pieces {
		dr.pdf.Text(x+pc.dx, y, pc.text)
	}
	if g.alert {
		dr.pdf.SetTextColor(0, 0, 0)
	}
}

// alertRGB is the colour of the draft notice and of placeholders for missing notes.
var alertRGB = [3]int{150, 40, 40}

// sameText reports whether b can continue a.'s TJ: same face, size and baseline, to its right.
func sameText(a, b placed) bool {
	return a.g.font == b.g.font && a.g.size == b.g.size && a.g.rise == b.g.rise && a.g.alert == b.g.alert &&
		b.x >= a.x+a.g.width-0.01
}

// line draws the runs of a set line with its baseline at y. A run with characters its face
// has not drawn yet goes through fpdf's Text; after that, consecutive runs in one face are
// written directly as a single TJ operator carrying kerning and word spaces, the same glyphs
// at the same positions in a fraction of the time and bytes.
func (dr *drawer) line(ln *line, x, y float64) {
	for i := 0; i < len(ln.runs); {
		r := ln.runs[i]
		dr.setFont(r.g.font, r.g.size)
		if dr.fresh(r.g) {
			dr.learn(r.g, x+r.x, y-r.g.rise)
			i++
			continue
		}
		j := i + 1
		for j < len(ln.runs) && sameText(ln.runs[j-1], ln.runs[j]) && !dr.fresh(ln.runs[j].g) {
			j++
		}
		dr.pdf.RawWriteStr(string(dr.tj(ln.runs[i:j], x, y-r.g.rise)))
		i = j
	}
	dr.lineLinks(ln, x, y)
}

// lineLinks puts one link annotation over each stretch of consecutive runs of a line that
// share a target, so a URL broken into many boxes still gets a single annotation.
func (dr *drawer) lineLinks(ln *line, x, y float64) {
	for i := 0; i < len(ln.runs); {
		r := ln.runs[i]
		j, width := i+1, r.g.width
		for j < len(ln.runs) && r.g.link != "" && ln.runs[j].g.link == r.g.link && ln.runs[j].g.rise == r.g.rise {
			width = ln.runs[j].x + ln.runs[j].g.width - r.x
			j++
		}
		dr.link(r, width, x, y)
		i = j
	}
}

// tj formats "BT x y Td [<hex> adjustment <hex> …] TJ ET" in PDF user space (points from the
// bottom left), with the same two-decimal positions fpdf writes.
func (dr *drawer) tj(runs []placed, x, y float64) []byte {
	size := runs[0].g.size
	start := x + runs[0].x + runs[0].g.pieces[0].dx
	b := dr.raw[:0]
	if runs[0].g.alert {
		b = fmt.Appendf(b, "q %.3f %.3f %.3f rg ", float64(alertRGB[0])/255, float64(alertRGB[1])/255, float64(alertRGB[2])/255)
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, start, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, dr.pageH-y, 'f', 2, 64)
	b = append(b, " Td ["...)
	cursor := start
	for _, r := range runs {
		for _, pc := range r.g.pieces {
			at := x + r.x + pc.dx
			if adj := -(at - cursor) * 1000 / size; adj > 0.005 || adj < -0.005 {
				b = strconv.AppendFloat(b, adj, 'f', 2, 64)
			}
			b = append(b, '<')
			for _, c := range pc.text {
				b = appendHex4(b, c)
			}
			b = append(b, '>')
			cursor = at + pc.w
		}
	}
	b = append(b, "] TJ ET"...)
	if runs[0].g.alert {
		b = append(b, " Q"...)
	}
	dr.raw = b
	return b
}

// appendHex4 writes a BMP character as the four hex digits of its UTF-16 code unit, the
// Identity-H code fpdf's UTF-8 fonts use.
func appendHex4(b []byte, r rune) []byte {
	const digits = "0123456789ABCDEF"
	if r > 0xFFFF || r < 0 {
		r = 0xFFFD
	}
	return append(b, digits[r>>12&0xF], digits[r>>8&0xF], digits[r>>4&0xF], digits[r&0xF])
}
