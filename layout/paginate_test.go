package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
)

// lineElems makes the elements of an n-line paragraph the way flow.paragraph marks them.
func lineElems(n int, tag string) []*elem {
	es := make([]*elem, n)
	for i := range es {
		es[i] = &elem{h: 10, ln: &line{}, keep: i > 0 && (i < 2 || i > n-2), anchors: []string{fmt.Sprintf("%s%d", tag, i)}}
	}
	return es
}

// pageShape lists the anchors on each page, to compare layouts.
func pageShape(pages [][]placedElem) string {
	var out []string
	for _, pg := range pages {
		var ids []string
		for _, pe := range pg {
			ids = append(ids, pe.e.anchors...)
		}
		out = append(out, strings.Join(ids, " "))
	}
	return strings.Join(out, " | ")
}

func TestPaginate(t *testing.T) {
	heading := func() []*elem {
		return []*elem{{h: 5, discard: true}, {h: 10, ln: &line{}, anchors: []string{"H"}}, {h: 5, discard: true, keep: true}}
	}
	keepFirst := func(es []*elem) []*elem { es[0].keep = true; return es }
	tests := []struct {
		name  string
		elems []*elem
		want  string
	}{
		{"fits", lineElems(4, "a"), "a0 a1 a2 a3"},
		{"widow avoided: page runs a line short", lineElems(11, "a"), "a0 a1 a2 a3 a4 a5 a6 a7 a8 | a9 a10"},
		{"orphan avoided", append(lineElems(9, "a"), lineElems(3, "b")...), "a0 a1 a2 a3 a4 a5 a6 a7 a8 | b0 b1 b2"},
		{"split in the middle", append(lineElems(8, "a"), lineElems(6, "b")...), "a0 a1 a2 a3 a4 a5 a6 a7 b0 b1 | b2 b3 b4 b5"},
		{"heading never last", append(append(lineElems(7, "a"), heading()...), keepFirst(lineElems(4, "b"))...),
			"a0 a1 a2 a3 a4 a5 a6 | H b0 b1 b2 b3"},
		{"unbreakable run is split", keepFirst(append([]*elem{{h: 10, ln: &line{}, anchors: []string{"x"}}}, func() []*elem {
			es := lineElems(12, "k")
			for _, e := range es {
				e.keep = true
			}
			return es
		}()...)), "x k0 k1 k2 k3 k4 k5 k6 k7 k8 | k9 k10 k11"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pageShape(paginate(tc.elems, grid{height: 100, leading: 10, base: 7})); got != tc.want {
				t.Errorf("\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestPagination checks the rules on the real editions: no page ends with a heading or with
// the first line of a paragraph of several lines, none starts with the last line of one, and
// every chapter opens on a recto.
func TestPagination(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		for _, paper := range []book.Paper{book.PaperA5, book.PaperA4, book.Paper6x9} {
			d := typeset(t, ed, Options{Paper: paper})
			for _, p := range d.pages {
				if p.Kind == OpenerPage && p.Number%2 == 0 {
					t.Errorf("%s %s: opener on verso p.%d", ed.Name(), paper, p.Number)
				}
				if p.Kind == BlankPage && (p.Head != "" || len(p.elems) > 0) {
					t.Errorf("%s %s: blank p.%d has content", ed.Name(), paper, p.Number)
				}
				checkPageEnds(t, ed.Name()+" "+string(paper), p)
			}
		}
	}
}

// checkPageEnds reports a page that ends with a heading or an orphan or starts with a widow.
func checkPageEnds(t *testing.T, name string, p *Page) {
	t.Helper()
	var lines []*elem
	for _, pe := range p.elems {
		if pe.e.ln != nil {
			lines = append(lines, pe.e)
		}
	}
	if len(lines) == 0 || p.Kind == FrontPage {
		return
	}
	first, last := lines[0].ln, lines[len(lines)-1]
	if first.last && !first.first {
		t.Errorf("%s: p.%d starts with a widow", name, p.Number)
	}
	if last.ln.first && !last.ln.last {
		t.Errorf("%s: p.%d ends with an orphan", name, p.Number)
	}
	if last.mark != nil && last.ln.last {
		t.Errorf("%s: p.%d ends with a heading", name, p.Number)
	}
}

// TestLinksBothWays checks that every note reference links to its note, every note number
// links back to its first reference, and every internal link has a target.
func TestLinksBothWays(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			d := typeset(t, ed, Options{Notes: notes})
			anchors, links := map[string]bool{}, map[string]bool{}
			for _, p := range d.pages {
				for _, pe := range p.elems {
					for _, a := range pe.e.anchors {
						anchors[a] = true
					}
					if pe.e.ln == nil {
						continue
					}
					for _, r := range pe.e.ln.runs {
						if r.g.anchor != "" {
							anchors[r.g.anchor] = true
						}
						if strings.HasPrefix(r.g.link, "#") {
							links[r.g.link[1:]] = true
						}
					}
				}
			}
			for l := range links {
				if !anchors[l] {
					t.Errorf("%s: link to missing target %q", ed.Name(), l)
				}
			}
			checkNotes(t, ed, anchors, links)
		}
	}
}

func checkNotes(t *testing.T, ed *book.Edition, anchors, links map[string]bool) {
	t.Helper()
	for _, ch := range ed.Chapters {
		for _, n := range ch.Notes {
			if n.Refs == 0 {
				continue
			}
			id, ref := ch.NoteID(n.Number), ch.RefID(n.Number, 1)
			if !anchors[id] || !links[id] {
				t.Errorf("%s: note %s not set or not linked from its reference", ed.Name(), id)
			}
			if !anchors[ref] || !links[ref] {
				t.Errorf("%s: reference %s not set or not linked from its note", ed.Name(), ref)
			}
		}
	}
}
