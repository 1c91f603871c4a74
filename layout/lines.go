package layout

import "math"

// placed is a run of glyphs at an x offset within its line.
type placed struct {
	x float64
	g *glyphs
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
	hyphenated bool
	first      bool   // the paragraph's first line
	last       bool   // the paragraph's last line
	src        string // address of the text block the line belongs to (see textAddr)
	at         int    // characters of that block's text before the line's first character
}

// setLines cuts items at the breaks and places every box, justifying all lines but the last
// unless the paragraph is ragged.
func setLines(items []item, breaks []int, p breakParams) []line {
	var out []line
	start := 0
	for n, b := range breaks {
		for start < b && items[start].kind != boxItem {
			start++
		}
		ln := setLine(items[start:b+1], p.width(n), p.ragged > 0)
		if items[start].kind == boxItem {
			ln.at = items[start].at
		} else if n > 0 {
			ln.at = out[n-1].at
		}
		ln.first, ln.last = n == 0, n == len(breaks)-1
		out = append(out, ln)
		start = b + 1
	}
	return out
}

// setLine places one line's items; the last item is the break itself.
func setLine(items []item, measure float64, ragged bool) line {
	ln := line{measure: measure}
	brk := items[len(items)-1]
	body := items[:len(items)-1]
	var stretch, shrink float64
	for _, it := range body {
		ln.natural += widthOf(it)
		if it.kind == glueItem {
			stretch += it.stretch
			shrink += it.shrink
		}
	}
	if brk.kind == penaltyItem {
		ln.natural += brk.width
		ln.hyphenated = brk.flagged && brk.hyphen != nil
	}
	slack := measure - ln.natural
	switch {
	case slack > 0 && stretch > 0 && !ragged:
		ln.ratio = slack / stretch
		ln.justified = stretch < fill
	case slack < 0 && shrink > 0:
		ln.ratio = math.Max(slack/shrink, -1)
		ln.justified = true
	}
	x := 0.0
	for _, it := range body {
		switch it.kind {
		case boxItem:
			if it.ink != nil {
				ln.runs = append(ln.runs, placed{x: x, g: it.ink})
			}
			x += it.width
		case glueItem:
			x += glueWidth(it, ln.ratio)
		}
	}
	if brk.kind == penaltyItem && brk.hyphen != nil && brk.flagged {
		// The penalty's width is the hyphen's less the kerning the box before included.
		ln.runs = append(ln.runs, placed{x: x + brk.width - brk.hyphen.width, g: brk.hyphen})
		x += brk.width
	}
	ln.set = x
	ln.overfull = ln.set > measure+0.01
	return ln
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
