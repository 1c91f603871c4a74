package book

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// This file turns goldmark's pipe tables into the model's table blocks, and a paragraph
// beginning "Table:" directly before or after a table into its caption (pandoc's
// convention). A caption before a table is its own; one after it belongs to it only when
// no table follows it.

// captionPrefix begins a table's caption paragraph.
const captionPrefix = "Table:"

// MaxColumns is the most columns a table may have: beyond it no column of a page's
// measure could hold a word.
const MaxColumns = 20

// isCaption reports whether n is a paragraph beginning "Table:".
func (c *converter) isCaption(n ast.Node) bool {
	p, ok := n.(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return false
	}
	tx, ok := p.FirstChild().(*ast.Text)
	return ok && bytes.HasPrefix(tx.Segment.Value(c.src.data[c.base:]), []byte(captionPrefix))
}

// tableBlocks converts the blocks of parent from n on when n is a table or the caption of
// one; it returns the blocks and the last node they used, or nil when n is neither.
func (c *converter) tableBlocks(n ast.Node) ([]Block, ast.Node) {
	if t, ok := n.(*extast.Table); ok {
		var caption *ast.Paragraph
		if next := t.NextSibling(); c.isCaption(next) {
			if _, table := next.NextSibling().(*extast.Table); !table {
				caption = next.(*ast.Paragraph)
			}
		}
		b := c.table(t, caption)
		if caption != nil {
			return []Block{b}, caption
		}
		return []Block{b}, t
	}
	if !c.isCaption(n) {
		return nil, nil
	}
	if t, ok := n.NextSibling().(*extast.Table); ok {
		return []Block{c.table(t, n.(*ast.Paragraph))}, t
	}
	pos := c.blockPos(n)
	c.ds.Warnf(pos, "a paragraph beginning %q is a table's caption only directly before or after a table (a blank line between); it is kept as a paragraph", captionPrefix)
	return []Block{{Kind: Paragraph, Pos: pos, Inlines: c.inlines(n)}}, n
}

// table converts a pipe table and its caption paragraph (nil for none).
func (c *converter) table(t *extast.Table, caption *ast.Paragraph) Block {
	b := Block{Kind: Table, Pos: c.at(t.Pos())}
	for _, a := range t.Alignments {
		b.Columns = append(b.Columns, alignOf(a))
	}
	if caption != nil {
		c.stripCaption(caption)
		b.Caption = c.inlines(caption)
	}
	// A "Table:" line right under the rows, with no pipe, is read by goldmark as one more
	// row: it is the caption when the table has none, else a warning.
	var captionRow ast.Node
	if last := t.LastChild(); last != t.FirstChild() && c.isCaptionRow(last) {
		if caption == nil {
			captionRow = last
			c.stripCaption(last.FirstChild())
			b.Caption = c.inlines(last.FirstChild())
		} else {
			c.ds.Warnf(c.at(last.Pos()), "the line beginning %q right under the table is read as its last row, since the table has a caption above it; put a blank line before it to make it a paragraph", captionPrefix)
		}
	}
	for r := t.FirstChild(); r != nil && r != captionRow; r = r.NextSibling() {
		row := c.row(r, len(b.Columns))
		if _, head := r.(*extast.TableHeader); head {
			b.Pos = c.at(r.Pos())
			b.Header = row
			continue
		}
		b.Rows = append(b.Rows, row)
	}
	if len(b.Columns) > MaxColumns {
		c.ds.Errorf(b.Pos, "table has %d columns: bindery sets at most %d; split it", len(b.Columns), MaxColumns)
	}
	b.RowHeaders = len(b.Columns) > 1 && len(b.Header) > 0 && PlainLabel(b.Header[0].Inlines) == ""
	return b
}

// row converts a header or body row: one cell per column, and an error for each cell a
// row has beyond the table's columns (goldmark would drop them).
func (c *converter) row(r ast.Node, columns int) []Cell {
	rowPos := c.at(r.Pos())
	var cells []Cell
	for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
		pos := rowPos
		if cell.Lines().Len() > 0 {
			pos = c.at(cell.Lines().At(0).Start)
		}
		cells = append(cells, Cell{Inlines: c.inlines(cell), Pos: pos})
	}
	for len(cells) < columns {
		cells = append(cells, Cell{Pos: rowPos})
	}
	if n, extra := c.countCells(r.Pos(), columns); n > columns {
		c.ds.Errorf(c.at(extra), "table row has %d cells but the table has %d columns (its delimiter row): the cells beyond would be lost; add a column or join the cells", n, columns)
	}
	return cells[:columns]
}

// countCells counts the cells of the row line that starts at body offset off, as
// goldmark splits it (at each pipe not escaped by a backslash), and returns where the
// first cell past the table's columns starts.
func (c *converter) countCells(off, columns int) (n, extraAt int) {
	body := c.src.data[c.base:]
	end := bytes.IndexByte(body[off:], '\n')
	if end < 0 {
		end = len(body) - off
	}
	line := body[off : off+end]
	lead := len(line) - len(bytes.TrimLeft(line, " \t"))
	trimmed := strings.TrimRight(string(line[lead:]), " \t\r")
	start := lead
	if strings.HasPrefix(trimmed, "|") {
		trimmed, start = trimmed[1:], start+1
	}
	if strings.HasSuffix(trimmed, "|") && !strings.HasSuffix(trimmed, `\|`) {
		trimmed = trimmed[:len(trimmed)-1]
	}
	if trimmed == "" {
		return 0, off
	}
	cellStarts := []int{start}
	for i := 0; i < len(trimmed); i++ {
		if trimmed[i] == '|' && (i == 0 || trimmed[i-1] != '\\') {
			j := i + 1
			for j < len(trimmed) && (trimmed[j] == ' ' || trimmed[j] == '\t') {
				j++
			}
			cellStarts = append(cellStarts, start+j)
		}
	}
	return len(cellStarts), off + cellStarts[min(len(cellStarts)-1, columns)]
}

// isCaptionRow reports whether a table row is a line without a pipe beginning "Table:".
func (c *converter) isCaptionRow(r ast.Node) bool {
	body := c.src.data[c.base:]
	off := r.Pos()
	if off < 0 || off >= len(body) || r.FirstChild() == nil {
		return false
	}
	end := bytes.IndexByte(body[off:], '\n')
	if end < 0 {
		end = len(body) - off
	}
	line := bytes.TrimSpace(body[off : off+end])
	return !bytes.ContainsRune(line, '|') && bytes.HasPrefix(line, []byte(captionPrefix))
}

// stripCaption removes "Table:" and the spaces after it from a caption's text (a
// paragraph, or the cell of a caption row).
func (c *converter) stripCaption(p ast.Node) {
	body := c.src.data[c.base:]
	need := len(captionPrefix)
	for n := p.FirstChild(); n != nil; n = n.NextSibling() {
		tx, ok := n.(*ast.Text)
		if !ok {
			return
		}
		v := tx.Segment.Value(body)
		cut := min(need, len(v))
		need -= cut
		rest := v[cut:]
		cut += len(rest) - len(bytes.TrimLeft(rest, " \t"))
		tx.Segment = tx.Segment.WithStart(tx.Segment.Start + cut)
		if need > 0 || tx.Segment.Len() == 0 && !tx.SoftLineBreak() {
			continue
		}
		return
	}
}

func alignOf(a extast.Alignment) Align {
	switch a {
	case extast.AlignLeft:
		return AlignLeft
	case extast.AlignCenter:
		return AlignCenter
	case extast.AlignRight:
		return AlignRight
	}
	return AlignDefault
}
