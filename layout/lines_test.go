package layout

import (
	"math"
	"testing"
	"unicode/utf8"
)

// TestTrackedGlyphs checks a letter-spaced run: one glyph per character (no ligature), each
// sp points times the characters before it right of where the run without spacing puts it,
// kerning kept, and the width grown by sp for every character.
func TestTrackedGlyphs(t *testing.T) {
	m := testMetrics(t)
	const sp = 0.25
	for _, s := range []string{"AVA", "office", "нн", "Тайвань.", "x"} {
		w, pieces := m.shape(serifRegular, 10, s)
		g := &glyphs{font: serifRegular, size: 10, text: s, pieces: pieces, width: w}
		tr := tracked(g, sp)
		n := utf8.RuneCountInString(s)
		if want := w + sp*float64(n); tr.width != want || g.width != w || g.track != 0 {
			t.Errorf("%q: tracked width %v, want %v (the original run unchanged: %v, %v)", s, tr.width, want, g.width, g.track)
		}
		got := (&glyphCache{m: m}).glyphs(tr, 3, nil)
		if len(got) != n {
			t.Fatalf("%q: %d glyphs, want one per character (%d)", s, len(got), n)
		}
		// The run's own letters, placed one by one: its kerned pieces, each letter after the last.
		x, k := 0.0, 0
		var one [1]piece
		for _, pc := range g.kerned(&one) {
			x = pc.dx
			for _, r := range pc.text {
				want := 3 + x + sp*float64(k)
				if g := got[k]; math.Abs(g.X-want) > 1e-9 || g.Text != string(r) || g.ID != uint16(m.faces[serifRegular].glyph(r)) {
					t.Errorf("%q: glyph %d = %+v, want %q at %.4f", s, k, g, r, want)
				}
				x += m.faces[serifRegular].advance(r) * 10 / 1000
				k++
			}
		}
	}
}

// TestKernedPieces checks that a run without kerning inside is drawn as its whole text at 0
// and that one with kerning keeps every character in its pieces, in order.
func TestKernedPieces(t *testing.T) {
	m := testMetrics(t)
	for _, s := range []string{"нн", "AVAV", "word.", ""} {
		w, pieces := m.shape(serifRegular, 10, s)
		g := &glyphs{font: serifRegular, size: 10, text: s, pieces: pieces, width: w}
		var one [1]piece
		text := ""
		for i, pc := range g.kerned(&one) {
			if i == 0 && pc.dx != 0 {
				t.Errorf("%q: first piece at %v, want 0", s, pc.dx)
			}
			text += pc.text
		}
		if text != s {
			t.Errorf("%q: pieces spell %q", s, text)
		}
	}
}
