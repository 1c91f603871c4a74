package layout

import (
	"fmt"
	"strings"
	"testing"
)

// textElems makes n body lines of height 10, named by src.
func textElems(prefix string, n int) []*elem {
	var es []*elem
	for k := range n {
		es = append(es, &elem{h: 10, base: 7, ln: &line{src: fmt.Sprintf("%s%d", prefix, k)}})
	}
	return es
}

// pageSrcs lists what each page holds, by the src of its lines ("" for spaces).
func pageSrcs(pages [][]placedElem) []string {
	var out []string
	for _, pg := range pages {
		var s []string
		for _, pe := range pg {
			if pe.e.ln != nil {
				s = append(s, pe.e.ln.src)
			}
		}
		out = append(out, strings.Join(s, " "))
	}
	return out
}

// TestDeferFloat checks that a figure that does not fit where it falls opens the next
// page, and the text after it fills the page it would have left half empty.
func TestDeferFloat(t *testing.T) {
	g := grid{height: 100, leading: 10, base: 7}
	fig := &elem{h: 60, ln: &line{src: "fig", art: &art{float: true}}}
	es := append(textElems("a", 6), fig)
	es = append(es, textElems("b", 12)...)
	pages := paginate(es, g)
	got := pageSrcs(pages)
	want := []string{"a0 a1 a2 a3 a4 a5 b0 b1 b2 b3", "fig b4 b5 b6 b7", "b8 b9 b10 b11"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("pages %q, want %q", got, want)
	}
	// A figure that fits stays where it is.
	fig2 := &elem{h: 30, ln: &line{src: "fig", art: &art{float: true}}}
	es = append(textElems("a", 6), fig2)
	es = append(es, textElems("b", 4)...)
	if got := pageSrcs(paginate(es, g)); !strings.HasPrefix(got[0], "a0 a1 a2 a3 a4 a5 fig ") {
		t.Errorf("first page %q, want the figure after a5", got[0])
	}
}

// TestRepeatHead checks that a table broken across pages has its header row at the top of
// the continuation page, and that rows only break between each other.
func TestRepeatHead(t *testing.T) {
	g := grid{height: 100, leading: 10, base: 7}
	head := &elem{h: 15, ln: &line{src: "head", art: &art{}}}
	again := &elem{h: 15, ln: &line{src: "head-again", art: &art{artifact: true}}}
	es := textElems("a", 3)
	es = append(es, head)
	for k := range 10 {
		a := &art{}
		if k > 0 {
			a.head = again
		}
		es = append(es, &elem{h: 12, keep: k == 0, ln: &line{src: fmt.Sprintf("r%d", k), art: a}})
	}
	es = append(es, textElems("b", 2)...)
	got := pageSrcs(paginate(es, g))
	// The second page is a line long (to end on the same baseline as the first).
	want := []string{"a0 a1 a2 head r0 r1 r2 r3", "head-again r4 r5 r6 r7 r8 r9 b0 b1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("pages %q, want %q", got, want)
	}
}
