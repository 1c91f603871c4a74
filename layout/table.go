package layout

import (
	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/layout/pdfdraw"
	"strconv"
)

// This file sets tables: the caption above, then the header row and the body rows, each
// row one piece that does not break (its cells wrapped and hyphenated in their columns),
// between rules in the ink colour (booktabs style: heavier above and below the table,
// lighter under the header). Pages break only between rows; the header row is repeated at
// the top of every page the table continues on. Column widths come from the cells
// (columnWidths); a table whose longest words do not fit the measure is set smaller, then
// with words hyphenated in narrow columns, and at last with words broken between letters
// and a warning at the table: it never runs into the margin.

// tableTrial is one way of setting a table: its type size (of the body's) and whether
// the narrowest column width is the longest word or the longest piece between hyphens.
type tableTrial struct {
	scale   float64
	hyphens bool
}

// tableTrials are tried in turn until the table's columns fit the measure.
var tableTrials = []tableTrial{{0.85, false}, {0.75, false}, {0.75, true}, {0.65, true}}

// Rules of a table, in points.
const (
	tableRule = 0.6 // above and below
	headRule  = 0.4 // under the header row
)

// cellSpec is how a table's cells are set in one trial.
type cellSpec struct {
	size, leading, pad, vpad float64
}

// table sets a table block in the context c.
func (f *flow) table(b *book.Block, c context) {
	ncol := len(b.Columns)
	if ncol == 0 {
		return
	}
	measure := f.g.textW - c.left - c.right
	var widths []float64
	var cs cellSpec
	fits := false
	for _, tr := range tableTrials {
		cs = cellSpec{size: c.size * tr.scale, leading: c.size * tr.scale * 1.25}
		cs.pad, cs.vpad = 0.45*cs.size, 0.2*cs.leading
		widths, fits = columnWidths(f.columnRanges(b, cs, tr.hyphens), measure)
		if fits {
			break
		}
	}
	if !fits {
		// Share the measure in proportion to the narrowest widths: words wider than their
		// column are broken between letters (and reported, see checkPages).
		sum := 0.0
		for _, w := range widths {
			sum += w
		}
		for i := range widths {
			widths[i] = measure * widths[i] / sum
		}
		f.rep.warn(b.Pos, "the table is too wide for the measure even at %.1f pt: words in its cells are broken between letters", cs.size)
	}
	tbl := &pdfdraw.Node{Role: "Table", Parent: f.node}
	prev := f.node
	f.node = tbl
	defer func() { f.node = prev }()
	f.space(c.leading/2, false)
	if len(b.Caption) > 0 {
		nc := f.noteContext()
		ps := nc.spec()
		ps.left, ps.right = c.left, c.right
		f.role = "Caption"
		f.paragraph(b.Caption, ps)
		f.keepNext = true
		f.space(nc.leading/3, true)
	}
	t := tableSet{f: f, b: b, c: c, cs: cs, widths: widths}
	head := t.row(b.Header, &pdfdraw.Node{Role: "THead", Parent: tbl}, true)
	head.ln.art.rules = append(head.ln.art.rules, t.rule(0, tableRule), t.rule(head.h, headRule))
	again := &elem{h: head.h, base: head.base, panel: f.panel, notes: f.inNotes,
		ln: artLine(&art{lines: head.ln.art.lines, rules: head.ln.art.rules, artifact: true}, "")}
	f.add(head)
	f.keepNext = true
	body := &pdfdraw.Node{Role: "TBody", Parent: tbl}
	addr := f.leaf
	for i, r := range b.Rows {
		e := t.row(r, body, false)
		e.ln.src = addr + "." + strconv.Itoa(i) // a page that starts with the row starts there
		if i > 0 {
			e.ln.art.head = again
		}
		if i == len(b.Rows)-1 {
			e.ln.art.rules = append(e.ln.art.rules, t.rule(e.h, tableRule))
			e.keep = len(b.Rows) > 1 // the last row does not stand alone
		}
		if i == 1 {
			e.keep = true // nor the first under its header
		}
		f.add(e)
	}
	f.space(c.leading, false)
}

// columnRanges measures every column: the narrowest and natural widths of its cells, with
// the padding either side.
func (f *flow) columnRanges(b *book.Block, cs cellSpec, hyphens bool) []colRange {
	cols := make([]colRange, len(b.Columns))
	measure := func(cells []book.Cell, header bool) {
		for k, cell := range cells {
			if k >= len(cols) {
				break
			}
			ps := f.cellSpec(cs, header, 0, 0)
			ps.hyphenate = hyphens
			r := cellRange(f.items(cell.Inlines, ps), hyphens)
			cols[k].min = max(cols[k].min, r.min+2*cs.pad)
			cols[k].max = max(cols[k].max, r.max+2*cs.pad)
		}
	}
	measure(b.Header, true)
	for _, r := range b.Rows {
		measure(r, false)
	}
	return cols
}

// cellSpec is the paragraph of a cell: ragged, hyphenated, bold in the header row (row
// headers stay in the text face: a bold first column would outweigh the figures), between
// the given indents from the text block's edges.
func (f *flow) cellSpec(cs cellSpec, header bool, left, right float64) paraSpec {
	ps := paraSpec{font: serifRegular, size: cs.size, leading: cs.leading, left: left, right: right,
		align: raggedRight, hyphenate: true}
	if header {
		ps.font = serifBold
	}
	return ps
}

// tableSet is a table being set with its column widths.
type tableSet struct {
	f      *flow
	b      *book.Block
	c      context
	cs     cellSpec
	widths []float64
}

// row sets one row as a piece: every cell's lines in its column, aligned as the column is
// marked, the row as tall as its tallest cell.
func (t tableSet) row(cells []book.Cell, parent *pdfdraw.Node, header bool) *elem {
	f := t.f
	tr := &pdfdraw.Node{Role: "TR", Parent: parent}
	a := &art{}
	x := t.c.left
	most := 1
	for k, w := range t.widths {
		var in []book.Inline
		if k < len(cells) {
			in = cells[k].Inlines
		}
		role, scope := "TD", ""
		switch {
		case header:
			role, scope = "TH", "Column"
		case k == 0 && t.b.RowHeaders:
			role, scope = "TH", "Row"
		}
		ps := f.cellSpec(t.cs, header, x+t.cs.pad, f.g.textW-x-w+t.cs.pad)
		prev := f.node
		f.node, f.role = tr, role
		lines := f.detached(func() []line { return f.paragraph(in, ps) })
		f.node = prev
		if len(in) == 0 && len(lines) == 1 && len(lines[0].runs) == 0 {
			// An empty cell shows a space, so that its TH or TD is in the structure tree
			// and every row has all its cells for a screen reader.
			lines[0].runs = []placed{{g: (&paraBuilder{m: f.m}).run(ps.font, ps.size, " ")}}
		}
		for i := range lines {
			ln := &lines[i]
			if ln.tag != nil {
				ln.tag.Scope = scope
			}
			switch t.b.Columns[k] {
			case book.AlignRight:
				ln.indent += w - 2*t.cs.pad - ln.set
			case book.AlignCenter:
				ln.indent += (w - 2*t.cs.pad - ln.set) / 2
			}
			a.lines = append(a.lines, subLine{ln: ln, top: t.cs.vpad + float64(i)*t.cs.leading, b: baseline(ps)})
		}
		most = max(most, len(lines))
		x += w
	}
	h := float64(most)*t.cs.leading + 2*t.cs.vpad
	base := h - t.cs.vpad - t.cs.leading + t.cs.leading/2 + t.cs.size*0.32
	return &elem{h: h, base: base, ln: artLine(a, f.leaf)}
}

// rule is a rule across the table at depth y of a row.
func (t tableSet) rule(y, width float64) artRule {
	x1 := t.c.left
	for _, w := range t.widths {
		x1 += w
	}
	return artRule{x0: t.c.left, y0: y, x1: x1, y1: y, width: width}
}
