package layout

import "testing"

// TestGlyphCache checks that the display step's cache answers what the face's metrics do,
// for characters it keeps (Latin, Kazakh Cyrillic, punctuation), those it does not, and
// characters no face has, asked twice in every face.
func TestGlyphCache(t *testing.T) {
	m, ref := testMetrics(t), testMetrics(t)
	c := &glyphCache{m: m}
	runes := []rune("aZ0 ,.fiӘәҚқҢңӨөҰұҮүҺһІіЁё«»–—’“”…\u00ad\u2011\u20ac\u2212\U0001F600\u0000\u04ff\u0500\u1fff\u2000\u207f\u2080")
	for pass := range 2 {
		for id := fontID(0); id < numFonts; id++ {
			f := ref.faces[id]
			for _, r := range runes {
				gid, adv := c.lookup(id, r)
				if want := uint16(f.glyph(r)); gid != want {
					t.Errorf("pass %d, face %d, %U: glyph %d, want %d", pass, id, r, gid, want)
				}
				if want := f.advance(r); adv != want {
					t.Errorf("pass %d, face %d, %U: advance %v, want %v", pass, id, r, adv, want)
				}
			}
		}
	}
	if slot(0x500) != -1 || slot(0x2080) != -1 || slot(-1) != -1 || slot(0x2000) != cachedLow {
		t.Errorf("slots: %d %d %d %d", slot(0x500), slot(0x2080), slot(-1), slot(0x2000))
	}
}
