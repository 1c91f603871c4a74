package layout

import "github.com/fpc/bindery/layout/pdfdraw"

// orderNodes numbers the structure nodes of a chapter's elements, as the flow made them, in
// the order of the text (pdfdraw.Node.Order): where pagination moves a figure or a box past
// the text that follows it, the structure tree keeps the manuscript's reading order.
// A node is numbered after its parent, siblings in the order their first line comes; next
// counts on over the chapters of a document.
func orderNodes(elems []*elem, next *int) {
	var visit func(n *pdfdraw.Node)
	visit = func(n *pdfdraw.Node) {
		if n == nil || n.Order != 0 {
			return
		}
		visit(n.Parent)
		*next++
		n.Order = *next
	}
	var visitLine func(ln *line)
	visitLine = func(ln *line) {
		for _, r := range ln.runs { // a list's or a note's label, read before its text
			visit(r.tag)
		}
		visit(ln.tag)
		if a := ln.art; a != nil && !a.artifact {
			for _, img := range a.images {
				visit(img.tag)
			}
			for _, s := range a.lines {
				visitLine(s.ln)
			}
		}
	}
	for _, e := range elems {
		if e.ln != nil {
			visitLine(e.ln)
		}
	}
}
