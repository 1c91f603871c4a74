package layout

import (
	"math"
	"strings"
	"testing"
)

// TestPaginateLooksBack sets paragraphs where the spread after the opener, made at the full
// depth as the greedy order makes it, leaves the next spread no way to end together (its recto
// a line short, for a widow): the earlier spread is set a line short instead, and every spread
// then ends on one baseline.
func TestPaginateLooksBack(t *testing.T) {
	g := grid{height: 100, leading: 10, base: 7}
	mk := func() []*elem {
		var es []*elem
		for k, n := range []int{6, 3, 2, 1, 9, 6, 7, 1, 2, 5, 8, 9} {
			es = append(es, lineElems(n, string(rune('a'+k)))...)
		}
		return es
	}
	// Without looking back: the opener, then each spread as makeSpread makes it.
	es := mk()
	o := openerAt(es, 0, g, 0)
	greedy := o.pages
	for i, els := o.next, o.elems; i < len(els); {
		s := makeSpread(els, i, g)
		greedy = append(greedy, s.pages...)
		i, els = s.next, s.elems
	}
	if apart := spreadsApart(greedy); apart == 0 {
		t.Fatalf("the greedy order ends every spread together, the case proves nothing: %s", pageShape(greedy))
	}
	pages := paginate(mk(), g)
	if apart := spreadsApart(pages); apart != 0 {
		t.Errorf("%d spreads end apart: %s", apart, pageShape(pages))
	}
	want := []string{"a0 a1 a2 a3 a4 a5 b0 b1 b2", "c0 c1 d0 e0 e1 e2 e3 e4 e5", "e6 e7 e8 f0 f1 f2 f3 f4 f5"}
	if got := strings.Split(pageShape(pages), " | "); strings.Join(got[:3], "|") != strings.Join(want, "|") {
		t.Errorf("pages %q,\nwant the first spread a line short: %q", got, want)
	}
}

// spreadsApart counts the spreads of a section's pages (the opener a recto alone, the last
// page left out) whose pages end on different baselines.
func spreadsApart(pages [][]placedElem) int {
	n := 0
	for k := 1; k+2 < len(pages); k += 2 {
		a, _ := pageBase(pages[k])
		b, _ := pageBase(pages[k+1])
		if math.Abs(a-b) > 0.01 {
			n++
		}
	}
	return n
}

// TestFloatsArePure checks that floating a figure or a box leaves the elements it was given
// as they were: makeSpread tries several depths on one slice, and paginate may set a spread
// again from its elements.
func TestFloatsArePure(t *testing.T) {
	g := grid{height: 100, leading: 10, base: 7}
	fig := &elem{h: 60, ln: &line{src: "fig", art: &art{float: true}}}
	es := append(append(textElems("a", 6), fig), textElems("b", 12)...)
	before := append([]*elem(nil), es...)
	out := deferFloat(es, 0, g, g.height)
	if pageSrcs([][]placedElem{g.place(out, 0)})[0] == pageSrcs([][]placedElem{g.place(es, 0)})[0] {
		t.Fatal("the figure did not move: the case proves nothing")
	}
	for k := range es {
		if es[k] != before[k] {
			t.Fatalf("deferFloat changed element %d of its input", k)
		}
	}
	box := lineElems(8, "x")
	for _, e := range box {
		e.panel = 1
	}
	es = append(append(append(lineElems(6, "a"), &elem{h: 10, discard: true}), box...), lineElems(6, "b")...)
	before = append([]*elem(nil), es...)
	if out := floatBox(es, 0, g, g.height); len(out) > 0 && out[6] == es[6] {
		t.Fatal("the box did not float: the case proves nothing")
	}
	for k := range es {
		if es[k] != before[k] || es[k].brk {
			t.Fatalf("floatBox changed element %d of its input", k)
		}
	}
}
