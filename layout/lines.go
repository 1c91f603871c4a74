package layout

import (
	"math"
	"unicode/utf8"

	"github.com/fpc/bindery/layout/pdfdraw"
	"github.com/fpc/bindery/pdf"
)

// placed is a run of glyphs at an x offset within its line.
type placed struct {
	x        float64
	g        *glyphs
	tag      *pdfdraw.Node // the run's own structure node (a list label), nil for the line's
	artifact bool          // decoration, not text (contents leaders)
}

// line is one set line of a paragraph, with the data the quality checks read.
type line struct {
	runs       []placed
	indent     float64 // left edge of the line relative to the text block
	measure    float64
	natural    float64
	set        float64
	ratio      float64
	justified  bool // interword glue was stretched or shrunk to the measure
	overfull   bool
	hyphenated bool          // it ends with an inserted hyphen
	hyphenEnd  bool          // it ends with a hyphen, inserted or the word's own (a compound's)
	protrude   float64       // how far the last glyph hangs into the right margin
	track      float64       // letter-spacing added after every character (font expansion)
	inWord     bool          // it ends inside a word: at a hyphen, inserted or not, or a URL's break
	first      bool          // the paragraph's first line
	last       bool          // the paragraph's last line
	src        string        // address of the text block the line belongs to (see textAddr)
	tag        *pdfdraw.Node // the structure node of the text block (P, H1, TOCI, ...)
	at         int           // characters of that block's text before the line's first character
	wide       *wideWord     // the too-wide word the line ends inside, between letters; nil if none
	art        *art          // a figure or table row the line stands for; nil for text
}

// setLines cuts items at the breaks and places every box, justifying all lines but the last
// unless the paragraph is ragged; wides are the paragraph's too-wide words (item.wide).
func setLines(items []item, wides []*wideWord, breaks []int, p breakParams) []line {
	out := make([]line, 0, len(breaks))
	start := 0
	for n, b := range breaks {
		for start < b && items[start].kind != boxItem {
			start++
		}
		ln := setLine(items[start:b+1], p.measure, p)
		ln.inWord = items[b].kind == penaltyItem && b+1 < len(items) && items[b+1].kind == boxItem
		if items[start].kind == boxItem {
			ln.at = int(items[start].at)
		} else if n > 0 {
			ln.at = out[n-1].at
		}
		ln.first, ln.last = n == 0, n == len(breaks)-1
		if w := items[b].wide; w > 0 && items[b].kind == penaltyItem {
			ln.wide = wides[w-1]
		}
		out = append(out, ln)
		start = b + 1
	}
	return out
}

// setLine places one line's items; the last item is the break itself.
func setLine(items []item, measure float64, p breakParams) line {
	ragged := p.ragged > 0
	ln := line{measure: measure}
	brk := items[len(items)-1]
	body := items[:len(items)-1]
	var stretch, shrink, hang float64
	runs := 0
	for _, it := range body {
		ln.natural += widthOf(it)
		if it.kind == glueItem {
			stretch += it.stretch
			shrink += it.shrink
		} else if it.kind == boxItem && it.ink != nil {
			runs++
		}
	}
	if brk.kind == penaltyItem && brk.hyphen() != nil && brk.flagged {
		runs++
	}
	ln.runs = make([]placed, 0, runs)
	if brk.kind == penaltyItem {
		ln.natural += brk.width
		ln.hyphenated = brk.flagged && brk.hyphen() != nil
		ln.hyphenEnd = brk.endsHyphen()
		ln.protrude = brk.protrude
		if brk.hangSet {
			// The character hangs where the spaces can take it without running loose.
			if ragged || measure-(ln.natural-brk.protrude) <= expandFrom*stretch {
				ln.natural -= brk.protrude
				hang = brk.protrude
			} else {
				ln.protrude = 0
			}
		}
	}
	slack := measure - ln.natural
	switch {
	case slack > 0 && stretch > 0 && !ragged:
		ln.ratio = slack / stretch
		ln.justified = stretch < fill
		if extra := expansion(slack, stretch, body); p.expand && extra > 0 && ln.justified {
			ln.track = extra / float64(charsOf(body))
			ln.ratio = (slack - extra) / stretch
		}
	case slack < 0 && shrink > 0:
		ln.ratio = math.Max(slack/shrink, -1)
		ln.justified = true
		if p.expand && -slack > shrink {
			extra := math.Min(-slack-shrink, maxExpansion*boxWidth(body))
			ln.track = -extra / float64(charsOf(body))
			ln.ratio = math.Max((slack+extra)/shrink, -1)
		}
	}
	x := 0.0
	for _, it := range body {
		switch it.kind {
		case boxItem:
			if it.ink != nil {
				g := it.ink
				if ln.track != 0 {
					g = tracked(g, ln.track)
				}
				ln.runs = append(ln.runs, placed{x: x, g: g})
			}
			if ln.track != 0 {
				x += it.width + ln.track*float64(it.chars())
			} else {
				x += it.width // the same sum: no characters to count
			}
		case glueItem:
			x += glueWidth(it, ln.ratio)
		}
	}
	if brk.kind == penaltyItem && brk.hyphen() != nil && brk.flagged {
		// The penalty's width is the hyphen's less the kerning the box before included
		// and less its protrusion.
		w := brk.width + brk.protrude
		ln.runs = append(ln.runs, placed{x: x + w - brk.hyphen().width, g: brk.hyphen()})
		x += w
	} else if brk.kind == penaltyItem && brk.hyphen() == nil {
		// A break inside a word without a hyphen (a URL, a word too wide to hyphenate):
		// the box before included the kerning across the break, which the penalty takes back.
		x += brk.width
		x -= hang
	}
	ln.set = x
	ln.overfull = ln.set > measure+ln.protrude+0.01
	return ln
}

// maxExpansion is the font expansion (or compression) a line may use, as a share of its
// glyphs' width, set as letter-spacing; a loose line uses it beyond the glue's adjustment
// ratio expandFrom, a tight one only once its glue is shrunk all the way.
const (
	maxExpansion = 0.02
	expandFrom   = 1.0
)

// expansion returns how much of a line's slack its letters take, as a last resort: only the
// slack beyond what the glue absorbs at ratio expandFrom, at most maxExpansion of the glyphs.
func expansion(slack, stretch float64, body []item) float64 {
	if slack <= expandFrom*stretch {
		return 0
	}
	return math.Min(slack-expandFrom*stretch, maxExpansion*boxWidth(body))
}

// boxWidth sums the widths of the glyph boxes of a line.
func boxWidth(body []item) float64 {
	w := 0.0
	for _, it := range body {
		if it.kind == boxItem && it.ink != nil {
			w += it.width
		}
	}
	return w
}

// charsOf counts the characters of a line's glyph boxes.
func charsOf(body []item) int {
	n := 0
	for _, it := range body {
		n += it.chars()
	}
	return max(n, 1)
}

// chars is the number of characters a box draws (0 for other items).
func (it item) chars() int {
	if it.kind != boxItem || it.ink == nil {
		return 0
	}
	return utf8.RuneCountInString(it.ink.text)
}

// tracked returns a copy of a run with sp points of letter-spacing after every character.
// It shares the run's pieces: the draw step places the characters one by one (see
// trackedGlyphs), so any PDF writer draws them without a spacing operator.
func tracked(g *glyphs, sp float64) *glyphs {
	out := *g
	out.track = sp
	out.width = g.width + sp*float64(utf8.RuneCountInString(g.text))
	return &out
}

// trackedGlyphs appends the glyphs of a letter-spaced run, its origin dx from the run they
// join: each character by itself (no ligature), sp points times the characters before it
// right of where the run's kerned pieces put it.
func (c *glyphCache) trackedGlyphs(g *glyphs, dx float64, out []pdf.Glyph) []pdf.Glyph {
	n := 0
	var one [1]piece
	for _, pc := range g.kerned(&one) {
		x := pc.dx
		for k := 0; k < len(pc.text); {
			r, size := utf8.DecodeRuneInString(pc.text[k:])
			text := pc.text[k : k+size]
			if r == utf8.RuneError && size == 1 {
				text = string(r)
			}
			id, adv := c.lookup(g.font, r)
			out = append(out, pdf.Glyph{ID: id, Text: text, X: dx + (x + g.track*float64(n))})
			x += adv * g.size / 1000
			n++
			k += size
		}
	}
	return out
}

func glueWidth(it item, r float64) float64 {
	if it.stretch >= fill {
		return it.width
	}
	if r >= 0 {
		return it.width + r*it.stretch
	}
	return it.width + r*it.shrink
}
