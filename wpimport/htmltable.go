package wpimport

import (
	"encoding/xml"
	"strings"
)

// This file turns an HTML <table> (also the block editor's wp:table, a <figure> around
// one) into a GitHub pipe table, the manuscript's table: the header row from <thead> or
// from a first row of <th> cells (an empty header row when the table has none), the
// column alignment from the cells' align, style or has-text-align class, the caption
// (<caption>, or the figure's <figcaption>) as a "Table: …" paragraph before it. A pipe
// table has one line per row: a cell's paragraphs and line breaks are joined by spaces;
// cells spanning columns or rows are spread over empty cells, with a warning.

// tableCtx is an open table.
type tableCtx struct {
	rows    [][]string
	header  int // rows of <thead> (or 1 for a first row of <th> cells)
	inHead  bool
	align   []string // per column: "", "left", "center" or "right"
	allTH   []bool   // per row: every cell is a <th>
	inCell  bool
	nested  int // tables opened inside a cell
	caption bool
	capText string
	span    bool // a cell spans columns or rows (warned once)
	pad     int  // empty cells to add after the open cell, which spans columns
}

// tableStart handles the elements of a table; it reports whether it took the element.
func (c *htmlConv) tableStart(name string, t xml.StartElement) bool {
	if name == "table" {
		if c.tbl != nil {
			c.tbl.nested++
			c.warn("a table inside a table cell cannot be a table in a manuscript; its cells are kept as the text of the outer cell")
			return true
		}
		c.flush()
		if n := len(c.figs); n > 0 {
			c.figs[n-1].tables++
		}
		c.tbl = &tableCtx{}
		return true
	}
	tb := c.tbl
	if tb == nil {
		return false
	}
	if tb.nested > 0 {
		if name == "td" || name == "th" || name == "tr" || name == "br" || name == "p" {
			c.cur.WriteString(" ")
		}
		return name != "img" && name != "a" && !isInline(name)
	}
	switch name {
	case "thead":
		tb.inHead = true
	case "tbody", "tfoot":
		tb.inHead = false
	case "caption":
		c.endCell()
		tb.caption = true
	case "tr":
		c.endCell()
		tb.rows = append(tb.rows, nil)
		tb.allTH = append(tb.allTH, true)
		if tb.inHead {
			tb.header = len(tb.rows)
		}
	case "td", "th":
		c.endCell()
		if len(tb.rows) == 0 {
			tb.rows, tb.allTH = append(tb.rows, nil), append(tb.allTH, true)
		}
		r := len(tb.rows) - 1
		tb.allTH[r] = tb.allTH[r] && name == "th"
		col := len(tb.rows[r])
		for len(tb.align) <= col {
			tb.align = append(tb.align, "")
		}
		if a := cellAlign(t); a != "" && tb.align[col] == "" {
			tb.align[col] = a
		}
		tb.inCell = true
		c.spans(t)
	case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "dt", "dd":
		c.cur.WriteString(" ") // one line per row: a cell's blocks are joined by spaces
	default:
		return false
	}
	return true
}

// isInline tells the elements that the converter writes as inline Markdown.
func isInline(name string) bool {
	switch name {
	case "em", "i", "cite", "var", "dfn", "strong", "b", "code", "kbd", "samp", "tt":
		return true
	}
	return false
}

// spans spreads a cell that spans columns over empty cells after it, and warns once
// per table about spans, which a pipe table cannot show.
func (c *htmlConv) spans(t xml.StartElement) {
	cols, rows := attr(t, "colspan"), attr(t, "rowspan")
	if (cols == "" || cols == "1") && (rows == "" || rows == "1") {
		return
	}
	if !c.tbl.span {
		c.tbl.span = true
		c.warn("a table cell spans columns or rows, which a pipe table cannot show: its text is in its first cell, the others are left empty")
	}
	n := 0
	for _, r := range cols {
		if r < '0' || r > '9' || n > 100 {
			break
		}
		n = n*10 + int(r-'0')
	}
	c.tbl.pad = min(n, 100) - 1
}

// tableEnd handles the end of a table element; it reports whether it took it.
func (c *htmlConv) tableEnd(name string) bool {
	tb := c.tbl
	if tb == nil {
		return false
	}
	if tb.nested > 0 {
		if name == "table" {
			tb.nested--
		}
		return !isInline(name) && name != "a"
	}
	switch name {
	case "td", "th", "tr":
		c.endCell()
	case "caption":
		tb.capText = strings.TrimSpace(tb.capText + " " + plainCaption(c.take()))
		tb.caption = false
	case "thead":
		tb.inHead = false
	case "table":
		c.endCell()
		c.tbl = nil
		c.endTable(tb)
	case "tbody", "tfoot", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "dt", "dd":
	default:
		return false
	}
	return true
}

// endCell stores the text written since the cell opened as its content.
func (c *htmlConv) endCell() {
	tb := c.tbl
	if tb.caption {
		return
	}
	if !tb.inCell {
		if strings.TrimSpace(c.cur.String()) != "" && len(tb.rows) > 0 { // text between cells joins the last one
			r := len(tb.rows) - 1
			if n := len(tb.rows[r]); n > 0 {
				tb.rows[r][n-1] = strings.TrimSpace(tb.rows[r][n-1] + " " + cellText(c.take()))
			}
		}
		c.cur.Reset()
		return
	}
	tb.inCell = false
	r := len(tb.rows) - 1
	tb.rows[r] = append(tb.rows[r], cellText(c.take()))
	for ; tb.pad > 0; tb.pad-- {
		tb.rows[r] = append(tb.rows[r], "")
	}
}

// cellText makes a cell's Markdown fit on one line of a pipe table.
func cellText(md string) string {
	md = strings.ReplaceAll(md, "\\\n", " ")
	md = strings.ReplaceAll(md, "\n", " ")
	var b strings.Builder
	slashes := 0 // backslashes just before: an odd number escapes the next character
	for i := 0; i < len(md); i++ {
		if md[i] == '|' && slashes%2 == 0 {
			b.WriteByte('\\')
		}
		if md[i] == '\\' {
			slashes++
		} else {
			slashes = 0
		}
		b.WriteByte(md[i])
	}
	return strings.TrimSpace(b.String())
}

// cellAlign reads a cell's alignment from its align attribute, its style or the
// block editor's class.
func cellAlign(t xml.StartElement) string {
	for _, a := range []string{"left", "center", "right"} {
		if strings.EqualFold(attr(t, "align"), a) || strings.EqualFold(attr(t, "data-align"), a) ||
			hasClass(t, "has-text-align-"+a) ||
			strings.Contains(strings.ReplaceAll(strings.ToLower(attr(t, "style")), " ", ""), "text-align:"+a) {
			return a
		}
	}
	return ""
}

// endTable writes a closed table as a pipe table block, and its caption after it.
func (c *htmlConv) endTable(tb *tableCtx) {
	cols := 0
	for _, r := range tb.rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		if tb.capText != "" {
			c.blocks = append(c.blocks, block{kind: kPara, text: escapeText(tb.capText), src: c.p.Source})
		}
		return
	}
	header, body := []string(nil), tb.rows
	switch {
	case tb.header > 0:
		header, body = tb.rows[0], tb.rows[1:]
	case tb.allTH[0] && len(tb.rows[0]) > 0:
		header, body = tb.rows[0], tb.rows[1:]
	}
	var b strings.Builder
	writeRow(&b, header, cols)
	b.WriteString("\n|")
	for i := range cols {
		a := ""
		if i < len(tb.align) {
			a = tb.align[i]
		}
		b.WriteString(map[string]string{"": " --- |", "left": " :-- |", "center": " :-: |", "right": " --: |"}[a])
	}
	for _, r := range body {
		b.WriteByte('\n')
		writeRow(&b, r, cols)
	}
	if tb.capText != "" {
		c.blocks = append(c.blocks, block{kind: kTableCaption, text: escapeText(tb.capText), src: c.p.Source})
	}
	c.blocks = append(c.blocks, block{kind: kTable, text: b.String(), src: c.p.Source})
}

// captionTable gives the last table written its caption, as the paragraph before it:
// a caption before a table is always its own (one after it would be the next table's
// if another followed).
func (c *htmlConv) captionTable(caption string) {
	for i := len(c.blocks) - 1; i >= 0; i-- {
		if c.blocks[i].kind == kTable {
			cb := block{kind: kTableCaption, text: escapeText(caption), src: c.p.Source}
			if i > 0 && c.blocks[i-1].kind == kTableCaption { // a <caption> and a <figcaption>
				c.blocks[i-1].text += " " + cb.text
				return
			}
			c.blocks = append(c.blocks[:i], append([]block{cb}, c.blocks[i:]...)...)
			return
		}
	}
}

func writeRow(b *strings.Builder, cells []string, cols int) {
	b.WriteByte('|')
	for i := range cols {
		cell := ""
		if i < len(cells) {
			cell = cells[i]
		}
		b.WriteString(" " + cell + " |")
	}
}
