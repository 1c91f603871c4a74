package book

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// TabWidth is the distance of the tab stops that expand tabs in a code block.
const TabWidth = 4

// codeBlock converts a fenced or indented code block: its lines verbatim (tabs expanded
// to TabWidth stops), checked against the monospace face, as one Code inline.
func (c *converter) codeBlock(n ast.Node, pos Pos, lang string) Block {
	body := c.src.data[c.base:]
	mono := CodeText.Face()
	var lines []string
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		line := strings.TrimRight(string(seg.Value(body)), "\r\n")
		c.checkRun(seg.Start, line, mono)
		lines = append(lines, expandTabs(line))
	}
	code := Inline{Kind: Code, Text: strings.Join(lines, "\n"), Pos: pos, Lang: c.lang}
	return Block{Kind: CodeBlock, Pos: pos, Inlines: []Inline{code}, Language: lang}
}

// expandTabs replaces each tab with the spaces up to the next tab stop.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := TabWidth - col%TabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
