package layout

// placedElem is an element at its position on a page: y is the top of the element below the
// top of the text block.
type placedElem struct {
	e *elem
	y float64
}

// paginate fills pages of the given height with elements, breaking only where the elements
// allow it (no widows, orphans or headings at the foot); a page runs short by a line or
// more where the rules demand it. A run of elements that cannot break at all is split where it
// overflows.
func paginate(elems []*elem, height float64) [][]placedElem {
	var pages [][]placedElem
	for i := 0; i < len(elems); {
		for i < len(elems) && elems[i].discard {
			i++
		}
		if i == len(elems) {
			break
		}
		end := pageEnd(elems, i, height)
		pages = append(pages, place(elems[i:end]))
		i = end
	}
	return pages
}

// pageEnd returns the index of the first element of the next page, for a page starting at i.
func pageEnd(elems []*elem, i int, height float64) int {
	y, j, lastBreak := 0.0, i, -1
	for j < len(elems) && (j == i || y+elems[j].h <= height+0.01) {
		if j > i && !elems[j].keep {
			lastBreak = j
		}
		y += elems[j].h
		j++
	}
	switch {
	case j == len(elems), !elems[j].keep:
		return j
	case lastBreak > i:
		return lastBreak
	}
	return j
}

// place positions elements from the top, dropping discardable space at the foot.
func place(es []*elem) []placedElem {
	for len(es) > 0 && es[len(es)-1].discard {
		es = es[:len(es)-1]
	}
	out := make([]placedElem, len(es))
	y := 0.0
	for k, e := range es {
		out[k] = placedElem{e: e, y: y}
		y += e.h
	}
	return out
}

// height returns the total height of a list of elements.
func height(es []*elem) float64 {
	h := 0.0
	for _, e := range es {
		h += e.h
	}
	return h
}
