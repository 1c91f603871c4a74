package layout

import (
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
)

// TestListKeeps checks the breaks a list allows on the line grid: a lead-in paragraph (one
// that ends with a colon) keeps its last line with the list's first line, not with the whole
// list; the list may break after its first item; its items stand on the grid with no space
// between them.
func TestListKeeps(t *testing.T) {
	m, err := newMetrics()
	if err != nil {
		t.Fatal(err)
	}
	g, err := newGeometry(book.PaperA5)
	if err != nil {
		t.Fatal(err)
	}
	f := &flow{m: m, g: g, onGrid: true}
	para := func(s string) book.Block {
		return book.Block{Kind: book.Paragraph, Inlines: text(s)}
	}
	long := strings.Repeat("word after word of the list item ", 6)
	list := book.Block{Kind: book.List, Items: [][]book.Block{{para(long)}, {para(long)}, {para(long)}}}
	lead := para(strings.Repeat("a lead-in paragraph of several lines ", 5) + "as follows:")
	f.blocks([]book.Block{lead, list}, f.bodyContext(), "", 0)

	var lines []*elem
	for _, e := range f.elems {
		if e.ln != nil {
			lines = append(lines, e)
		} else if e.h != 0 {
			t.Errorf("a space of %.1f pt in a list on the grid", e.h)
		}
	}
	leadN := 0
	for leadN < len(lines) && !labelled(lines[leadN].ln) {
		leadN++
	}
	if leadN < 2 || leadN == len(lines) {
		t.Fatalf("found %d lead-in lines of %d", leadN, len(lines))
	}
	if !lines[leadN].keep {
		t.Error("the list's first line may be parted from the lead-in's last line")
	}
	if lines[leadN-1].keep && lines[leadN-2].keep && leadN > 3 {
		t.Error("the lead-in's lines are all kept with the list")
	}
	items := 0
	for k := leadN; k < len(lines); k++ {
		if lines[k].ln.first {
			items++
			if items > 1 && lines[k].keep {
				t.Errorf("item %d cannot start a page: the list cannot break after its first item", items)
			}
		}
		if !lines[k].grid {
			t.Errorf("list line %d is not on the grid", k)
		}
	}
	if items != 3 {
		t.Errorf("found %d items, want 3", items)
	}
}

// labelled reports whether a line carries a hung label (a bullet or a number).
func labelled(ln *line) bool {
	for _, r := range ln.runs {
		if r.x < 0 {
			return true
		}
	}
	return false
}
