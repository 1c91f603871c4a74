package layout

import (
	"math"
	"strings"
	"testing"
	"unicode"
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
				if ln.protrude == 0 && ln.inWord && !ln.hyphenated && ln.ratio > 0.5 {
					continue // a compound's hyphen hangs only where the spaces can take it
				}
				if math.Abs(ln.protrude-want) > 0.01 || math.Abs(edge-want) > 0.05 {
					t.Errorf("%s p.%d: %q (ratio %.2f) ends %q %.2f pt into the margin (protrusion %.2f), want %.2f",
						ed.Name(), p.Number, lineText(ln), ln.ratio, r, edge, ln.protrude, want)
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

// TestLineStartsAndEnds reads every corpus edition's lines, in order, as a typographer
// checks the line ends: a note reference never starts a line; the ragged notes are never
// hyphenated; Kazakh and Kyrgyz carry at least three letters to the next line; a URL is
// never broken after a hyphen (it breaks before its own hyphen or after a slash); English
// has ligatures (fi, fl) and their letters are in the text.
func TestLineStartsAndEnds(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		d := typeset(t, ed, Options{})
		cache := &glyphCache{m: d.m}
		ligatures := 0
		var prev *line
		for _, p := range d.pages {
			for _, pe := range p.elems {
				ln := pe.e.ln
				if ln == nil || ln.art != nil || len(ln.runs) == 0 {
					continue
				}
				first := ln.runs[0]
				if first.tag == nil && first.g.rise > 0 && first.g.anchor != "" {
					t.Errorf("%s p.%d: a note reference starts the line %q", ed.Name(), p.Number, lineText(ln))
				}
				if pe.e.notes && ln.hyphenated {
					t.Errorf("%s p.%d: a note's line is hyphenated: %q", ed.Name(), p.Number, lineText(ln))
				}
				if prev != nil && prev.hyphenated && prev.src == ln.src && (ed.Lang == "kk" || ed.Lang == "ky") {
					if carried := leadingLetters(ln); carried < 3 {
						t.Errorf("%s p.%d: %d letters carried to %q", ed.Name(), p.Number, carried, lineText(ln))
					}
				}
				if words := lineWords(ln); ln.inWord && !ln.hyphenated && len(words) > 0 {
					if w := words[len(words)-1]; strings.Contains(w, "/") && strings.HasSuffix(w, "-") {
						t.Errorf("%s p.%d: a URL broken after a hyphen: %q", ed.Name(), p.Number, w)
					}
				}
				for _, r := range ln.runs {
					if r.g.pic != nil {
						continue
					}
					for _, g := range cache.glyphs(r.g, 0, nil) {
						if utf8.RuneCountInString(g.Text) > 1 {
							ligatures++ // one glyph drawing several letters, which are its text
						}
					}
				}
				prev = ln
			}
		}
		t.Logf("%s: %d ligatures", ed.Name(), ligatures)
		if ed.Lang == "en" && ligatures == 0 {
			t.Errorf("%s: no ligature", ed.Name())
		}
	}
}

// leadingLetters counts the letters of a line's first word.
func leadingLetters(ln *line) int {
	words := lineWords(ln)
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, r := range words[0] {
		if unicode.IsLetter(r) {
			n++
		} else if n > 0 {
			break
		}
	}
	return n
}
