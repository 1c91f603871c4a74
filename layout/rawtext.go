package layout

import "strconv"

// glyphs draws a run at its baseline. The first time a face meets a character, the run goes
// through fpdf's Text, which records the character for the font subset; after that the run
// is written directly as one TJ operator with its kerning, which is what fpdf's Text would
// produce piece by piece, in a fraction of the time and the bytes.
func (dr *drawer) glyphs(g *glyphs, x, y float64) {
	if dr.known[g.font] == nil {
		dr.known[g.font] = map[rune]bool{}
	}
	known := dr.known[g.font]
	fresh := false
	for _, r := range g.text {
		if !known[r] {
			known[r], fresh = true, true
		}
	}
	if fresh {
		for _, pc := range g.pieces {
			dr.pdf.Text(x+pc.dx, y, pc.text)
		}
		return
	}
	dr.pdf.RawWriteStr(string(dr.tj(g, x, y)))
}

// tj formats "BT x y Td [<hex> kern <hex> …] TJ ET" in PDF user space (points from the
// bottom left), with the same two-decimal positions fpdf writes.
func (dr *drawer) tj(g *glyphs, x, y float64) []byte {
	b := append(dr.raw[:0], "BT "...)
	b = strconv.AppendFloat(b, x, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, dr.pageH-y, 'f', 2, 64)
	b = append(b, " Td ["...)
	for i, pc := range g.pieces {
		if i > 0 {
			prev := g.pieces[i-1]
			adj := -(pc.dx - prev.dx - prev.w) * 1000 / g.size
			b = strconv.AppendFloat(b, adj, 'f', 2, 64)
		}
		b = append(b, '<')
		for _, r := range pc.text {
			b = appendHex4(b, r)
		}
		b = append(b, '>')
	}
	b = append(b, "] TJ ET"...)
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
