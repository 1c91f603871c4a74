package layout

import (
	"testing"
)

// TestLigatures checks that the faces' GSUB tables give PT Serif its standard ligatures and
// that a run of "office fluff" is drawn with them while its text stays the same.
func TestLigatures(t *testing.T) {
	m := testMetrics(t)
	f := m.faces[serifRegular]
	ligs := ligaturesOf(serifRegular, func(r rune) uint16 { return uint16(f.glyph(r)) })
	for _, seq := range []string{"fi", "fl"} {
		if ligs[seq] == 0 {
			t.Errorf("PT Serif: no %q ligature read from GSUB (got %v)", seq, ligs)
		}
	}
	b := &paraBuilder{m: m}
	g := b.run(serifRegular, 10, "office fluff")
	gs := (&glyphCache{m: m}).glyphs(g, 0, nil)
	text, ligatured := "", 0
	for _, x := range gs {
		text += x.Text
		if len(x.Text) > 1 {
			ligatured++
		}
	}
	if text != "office fluff" {
		t.Errorf("text of the glyphs %q, want %q", text, "office fluff")
	}
	if ligatured == 0 {
		t.Errorf("no ligature in %q: %+v", "office fluff", gs)
	}
	if l := readLigatures([]byte("not a font"), func(rune) uint16 { return 1 }); len(l) != 0 {
		t.Errorf("ligatures from garbage: %v", l)
	}
}
