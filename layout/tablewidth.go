package layout

// This file holds the pure part of setting a table: how wide its columns are. A column's
// range runs from its narrowest width (the longest word of any of its cells, which cannot
// be broken) to its natural width (its widest cell set on one line); the measure is shared
// among the columns from those ranges, the way a browser's automatic table layout does.

// colRange is how narrow and how wide a column may usefully be, cell padding included.
type colRange struct{ min, max float64 }

// columnWidths shares measure among columns. When every column fits at its natural width,
// the slack is shared in proportion to those widths, so the table fills the measure; else
// each column gets its narrowest width and a share of what is left in proportion to how
// much wider it would like to be. It reports false, with the narrowest widths, when even
// those do not fit: the caller sets the table smaller or breaks words between letters.
func columnWidths(cols []colRange, measure float64) ([]float64, bool) {
	w := make([]float64, len(cols))
	var sumMin, sumMax float64
	for _, c := range cols {
		sumMin += c.min
		sumMax += max(c.max, c.min)
	}
	switch {
	case len(cols) == 0:
		return w, true
	case sumMin > measure+0.01:
		for i, c := range cols {
			w[i] = c.min
		}
		return w, false
	case sumMax <= measure || sumMax-sumMin < 0.01:
		for i, c := range cols {
			mx := max(c.max, c.min)
			if sumMax > 0 {
				w[i] = mx + (measure-sumMax)*mx/sumMax
			} else {
				w[i] = measure / float64(len(cols))
			}
		}
		return w, true
	}
	f := (measure - sumMin) / (sumMax - sumMin)
	for i, c := range cols {
		w[i] = c.min + f*(max(c.max, c.min)-c.min)
	}
	return w, true
}

// cellRange returns the narrowest and natural width of a cell's text from its items: the
// widest run of boxes between two spaces (a word, with its kerning), or with hyphens set
// the widest piece of a word between hyphenation points (with its hyphen); and the width of
// the whole text on one line. Forced breaks start a new line.
func cellRange(items []item, hyphens bool) colRange {
	var r colRange
	word, line := 0.0, 0.0
	for _, it := range items {
		switch it.kind {
		case boxItem:
			word += it.width
			line += it.width
		case glueItem:
			if it.stretch < fill {
				line += it.width
			}
			r.min, word = max(r.min, word), 0
		case penaltyItem:
			switch {
			case it.penalty <= -infPenalty:
				r.max, line = max(r.max, line), 0
				r.min, word = max(r.min, word), 0
			case hyphens && it.flagged && it.penalty < infPenalty:
				r.min, word = max(r.min, word+it.width), 0
			}
		}
	}
	r.min = max(r.min, word)
	r.max = max(r.max, line, r.min)
	return r
}
