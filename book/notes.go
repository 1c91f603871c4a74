package book

import "strconv"

// numberNotes numbers a chapter's notes in order of first reference, links every reference
// to its note, and reports undefined, unused and duplicate notes. A reference inside a note
// is an error (the renderers link a note back to references in the text only); such
// references are still numbered, after those of the body, so the model stays whole.
func numberNotes(ch *Chapter, defs []*Note, draft bool, ds *Diagnostics) {
	byLabel := map[string]*Note{}
	for _, d := range defs {
		if first, dup := byLabel[d.Label]; dup {
			ds.Errorf(d.Pos, "endnote [^%s] is defined twice (first at line %d)", d.Label, first.Pos.Line)
			continue
		}
		byLabel[d.Label] = d
	}
	var order []*Note
	number := func(ref *Inline) {
		n, ok := byLabel[ref.Label]
		if !ok {
			n = &Note{Label: ref.Label, Pos: ref.Pos, Missing: true}
			byLabel[ref.Label] = n
			if draft {
				ds.Warnf(ref.Pos, "endnote [^%s] is never defined (draft: a placeholder is printed)", ref.Label)
			} else {
				ds.Errorf(ref.Pos, "endnote [^%s] is never defined", ref.Label)
			}
		}
		if n.Number == 0 {
			order = append(order, n)
			n.Number = len(order)
		}
		n.Refs++
		ref.Note, ref.Ref = n.Number, n.Refs
	}
	walkRefs(ch.Blocks, number)
	for _, d := range defs {
		walkRefs(d.Blocks, func(ref *Inline) {
			ds.Errorf(ref.Pos, "endnote [^%s] is referenced inside endnote [^%s]: a note cannot refer to another note; merge them or repeat the citation", ref.Label, d.Label)
		})
	}
	for i := 0; i < len(order); i++ { // order grows while notes cite notes
		walkRefs(order[i].Blocks, number)
	}
	for _, d := range defs {
		if d.Number == 0 && byLabel[d.Label] == d {
			ds.Errorf(d.Pos, "endnote [^%s] is defined but never referenced", d.Label)
		}
	}
	ch.Notes = make([]Note, len(order))
	for i, n := range order {
		ch.Notes[i] = *n
	}
}

// walkRefs calls fn for every note reference in blocks, in reading order.
func walkRefs(blocks []Block, fn func(*Inline)) {
	eachInlineList(blocks, func(ins []Inline) { walkInlineRefs(ins, fn) })
}

func walkInlineRefs(ins []Inline, fn func(*Inline)) {
	for i := range ins {
		if ins[i].Kind == NoteRef {
			fn(&ins[i])
		}
		walkInlineRefs(ins[i].Children, fn)
	}
}

// NoteLabel returns the printed number of a note.
func (n *Note) NoteLabel() string { return strconv.Itoa(n.Number) }
