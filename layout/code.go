package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/layout/pdfdraw"
)

// This file sets code blocks: PT Mono in the notes' size, indented, every space kept,
// never hyphenated or justified. A line longer than the measure is broken at the last
// character that fits, with a continuation mark at its end (an artifact, not part of the
// text), and a warning at the line of the manuscript.

// codeMark ends a code line that continues on the next line.
const codeMark = "→"

// codeBlock sets a fenced code block.
func (f *flow) codeBlock(b *book.Block, c context) {
	if len(b.Inlines) == 0 {
		return
	}
	nc := f.noteContext()
	size, leading := nc.size, nc.leading
	indent := c.size
	measure := f.g.textW - c.left - c.right - indent
	adv := f.m.width(monoRegular, size, "M")
	fit := max(int(measure/adv), 8)
	para, leave := f.enter("P")
	defer leave()
	node := &pdfdraw.Node{Role: "Code", Parent: para}
	pb := &paraBuilder{m: f.m}
	text := strings.TrimRight(b.Inlines[0].Text, "\n")
	var rows []*line
	for k, src := range strings.Split(text, "\n") {
		parts := splitCode(src, fit)
		if len(parts) > 1 {
			pos := b.Pos
			pos.Line += k + 1 // the fence is the block's first line
			pos.Col = 1
			f.rep.warn(pos, "the line of code is %d characters long and %d fit the measure: it continues on the next line after %s",
				utf8.RuneCountInString(src), fit-1, codeMark)
		}
		for i, part := range parts {
			ln := &line{indent: c.left + indent, measure: measure, src: f.leaf, tag: node, first: k == 0 && i == 0}
			if part != "" {
				g := pb.run(monoRegular, size, part)
				ln.runs = append(ln.runs, placed{g: g})
				ln.natural, ln.set = g.width, g.width
			}
			if i < len(parts)-1 {
				ln.inWord = true
				mark := pb.run(monoRegular, size, codeMark)
				ln.runs = append(ln.runs, placed{x: float64(fit-1) * adv, g: mark, artifact: true})
			}
			rows = append(rows, ln)
		}
	}
	rows[len(rows)-1].last = true
	f.space(c.leading/2, false)
	n := len(rows)
	for i, ln := range rows {
		f.add(&elem{h: leading, base: baseline(paraSpec{size: size, leading: leading}), ln: ln,
			keep: i > 0 && (i < 2 || i > n-2)})
	}
	f.space(c.leading/2, false)
}

// splitCode cuts a line of code into pieces of at most fit characters, each piece but the
// last one character shorter, to leave room for the continuation mark.
func splitCode(s string, fit int) []string {
	rs := []rune(s)
	if len(rs) <= fit {
		return []string{s}
	}
	var out []string
	for len(rs) > fit {
		out = append(out, string(rs[:fit-1]))
		rs = rs[fit-1:]
	}
	return append(out, string(rs))
}

// usesFace reports whether any line of the document is set in the face id.
func (d *Document) usesFace(id fontID) bool {
	for _, p := range d.pages {
		for _, ln := range p.textLines() {
			for _, r := range ln.runs {
				if r.g.font == id {
					return true
				}
			}
		}
	}
	return false
}
