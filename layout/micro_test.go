package layout

import (
	"math"
	"testing"
	"unicode/utf8"
)

// TestMicrotypography measures margin protrusion and font expansion on every corpus
// edition, from the engine's line data: a justified line that ends with a stop, a comma, a
// hyphen, a dash or a closing quote hangs that character into the right margin by its share
// of the glyph's width (protrusion), and no line is letter-spaced by more than ±2% of its
// glyphs' width (expansion); both are in use.
func TestMicrotypography(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		d := typeset(t, ed, Options{})
		hung, tracked, justified := 0, 0, 0
		for _, p := range d.pages {
			for _, pe := range p.elems {
				ln := pe.e.ln
				if ln == nil || ln.art != nil || len(ln.runs) == 0 {
					continue
				}
				if ln.track != 0 {
					tracked++
					checkExpansion(t, d, p.Number, ln)
				}
				if !ln.justified || ln.last {
					continue
				}
				justified++
				last := ln.runs[len(ln.runs)-1]
				r, _ := utf8.DecodeLastRuneInString(last.g.text)
				share := protrusion(r)
				if last.g.rise != 0 || last.artifact || share == 0 {
					continue
				}
				want := share * d.m.faces[last.g.font].advance(r) * last.g.size / 1000
				edge := last.x + last.g.width - ln.measure
				if math.Abs(ln.protrude-want) > 0.01 || math.Abs(edge-want) > 0.05 {
					t.Errorf("%s p.%d: %q ends %q %.2f pt into the margin (protrusion %.2f), want %.2f",
						ed.Name(), p.Number, lineText(ln), r, edge, ln.protrude, want)
				}
				hung++
			}
		}
		t.Logf("%s: %d of %d justified lines hang a character into the margin, %d lines are letter-spaced", ed.Name(), hung, justified, tracked)
		if hung < justified/20 {
			t.Errorf("%s: only %d of %d justified lines protrude", ed.Name(), hung, justified)
		}
	}
}

// checkExpansion checks a letter-spaced line: its spacing is at most maxExpansion of the
// width of its glyphs, and the line is still inside its measure.
func checkExpansion(t *testing.T, d *Document, page int, ln *line) {
	t.Helper()
	chars, width := 0, 0.0
	for i, r := range ln.runs {
		if r.artifact || r.tag != nil || r.g.pic != nil || ln.hyphenated && i == len(ln.runs)-1 {
			continue // a list label and the inserted hyphen are not spaced
		}
		n := utf8.RuneCountInString(r.g.text)
		chars += n
		width += r.g.width - ln.track*float64(n)
	}
	if share := math.Abs(ln.track) * float64(chars) / width; share > maxExpansion*1.01 || maxExpansion > 0.02 { // 1%: kerning the items count and the runs do not
		t.Errorf("%s p.%d: %q letter-spaced by %.2f%% of its glyphs", d.ed.Name(), page, lineText(ln), 100*share)
	}
}
