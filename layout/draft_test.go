package layout

import (
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
)

// TestDraft checks from the PDF's text that a draft shows its notice in the foot of every page,
// a final edition on none, and that each missing note has a visible placeholder.
func TestDraft(t *testing.T) {
	t.Parallel()
	drafts := 0
	for _, ed := range corpus(t) {
		_, path := writePDF(t, ed, Options{})
		out := pdfText(t, path, "-raw") // the extraction the other tests read: one pdftotext run
		pages := pdfPages(out)
		ui, _ := book.UI(ed.Lang)
		flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
		for i, p := range pages {
			has := strings.Contains(flat(p), flat(ui.DraftNotice))
			if has != ed.Draft() {
				t.Errorf("%s p.%d: draft notice shown %v, edition is draft %v", ed.Name(), i+1, has, ed.Draft())
			}
		}
		missing := 0
		for _, ch := range ed.Chapters {
			for _, n := range ch.Notes {
				if n.Missing {
					missing++
				}
			}
		}
		if got := strings.Count(flat(out), flat(ui.MissingNote)); got != missing {
			t.Errorf("%s: %d missing-note placeholders, want %d", ed.Name(), got, missing)
		}
		if ed.Draft() {
			drafts++
		}
	}
	if drafts == 0 {
		t.Error("the corpus has no draft edition to check")
	}
}
