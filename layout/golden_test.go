package layout

import (
	"fmt"
	"github.com/fpc/bindery/internal/testutil"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// dump writes a Document's pages as text: kind, running head, and every line with its
// baseline, indent and text (words joined by a space where the line has glue).
func dump(d *Document) string {
	var sb strings.Builder
	kinds := map[PageKind]string{BlankPage: "blank", FrontPage: "front", OpenerPage: "opener", BodyPage: "body"}
	starts := d.PageStarts()
	for i, p := range d.pages {
		fmt.Fprintf(&sb, "== page %s %s chapter=%q head=%q start=%s@%d\n", p.Folio, kinds[p.Kind], p.ChapterID, p.Head,
			starts[i].Block, starts[i].Offset)
		for _, pe := range p.elems {
			if pe.e.ln == nil {
				continue
			}
			fmt.Fprintf(&sb, "%6.1f %5.1f %s\n", pe.y+pe.e.base, pe.e.ln.indent, lineText(pe.e.ln))
		}
	}
	return sb.String()
}

// lineText joins a line's runs left to right, with a space where they do not touch.
func lineText(ln *line) string {
	runs := append([]placed(nil), ln.runs...)
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].x < runs[j].x })
	var sb strings.Builder
	end := 0.0
	for i, r := range runs {
		if i > 0 && r.x > end+0.5 {
			sb.WriteByte(' ')
		}
		sb.WriteString(r.g.text)
		end = r.x + r.g.width
	}
	return sb.String()
}

// TestGolden compares the page dumps of the clean fixture's editions with testdata; run with
// -update after an intended change of the layout, and read the diff.
func TestGolden(t *testing.T) {
	for _, ed := range txtarEditions(t, filepath.Join("..", "book", "testdata", "clean.txtar")) {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			d, err := Typeset(ed, Options{Notes: notes})
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", fmt.Sprintf("%s-notes%d.golden", ed.Name(), notes))
			got := dump(d)
			if testutil.Update() {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the layout; run go test -run Golden -update and review the diff:\n%s", file, firstDiff(string(want), got))
			}
		}
	}
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\nwant %s\n got %s", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("lengths differ: want %d lines, got %d", len(w), len(g))
}
