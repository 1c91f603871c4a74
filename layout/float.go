package layout

// floatBox floats a sidebar to the head of the next page when it would open on the page that
// starts at element i (depth h) but not end there, or when the page breaks before it (the box
// never opens with fewer than minBoxLines at a foot): the text that follows the box comes up
// to fill the page, and the box starts the next page, where a box longer than a page runs
// on as a panel from its head. It returns the elements in their new order (a new slice, the
// old one is left as it was), or elems when nothing floats: no box starts there, the box
// ends on the page, or no text after it fits.
func floatBox(elems []*elem, i int, g grid, h float64) []*elem {
	end := pageEnd(elems, i, g, h)
	s, e, ok := boxAt(elems, i, end)
	if !ok {
		return elems
	}
	rest := make([]*elem, 0, len(elems)-(e-s))
	rest = append(append(rest, elems[:s]...), elems[e:]...)
	k := pageEnd(rest, i, g, h) - s // elements after the box that fit on this page
	if k <= 0 {
		return elems
	}
	for _, x := range rest[s : s+k] {
		if x.panel != 0 || x.brk {
			return elems // another box: leave the order alone
		}
	}
	head := *elems[s] // a space, copied so that the old order keeps its own
	head.brk = true
	out := make([]*elem, 0, len(elems))
	out = append(out, elems[:s]...)
	out = append(out, elems[e:e+k]...)
	out = append(out, &head)
	out = append(out, elems[s+1:e]...)
	return append(out, elems[e+k:]...)
}

// boxAt finds a box that opens on the page from i to end (or right after it) and does not end
// there; it returns the box's elements, with the spaces around it, as elems[s:e].
func boxAt(elems []*elem, i, end int) (s, e int, ok bool) {
	p0 := -1
	for j := i + 1; j < len(elems) && j <= skipDiscard(elems, end)+1; j++ {
		if elems[j].panel != 0 && elems[j].panel != elems[j-1].panel {
			p0 = j
			break
		}
	}
	if p0 < 0 {
		return 0, 0, false
	}
	p1 := p0
	for p1 < len(elems) && elems[p1].panel == elems[p0].panel {
		p1++
	}
	if p1 <= end {
		return 0, 0, false // it ends on the page
	}
	s, e = p0, p1
	if s-1 > i && elems[s-1].discard && elems[s-1].ln == nil && elems[s-1].panel == 0 {
		s--
	}
	if e < len(elems) && elems[e].discard && elems[e].ln == nil {
		e++
	}
	if elems[s].ln != nil || s <= i {
		return 0, 0, false
	}
	return s, e, true
}
