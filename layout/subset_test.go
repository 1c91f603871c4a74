package layout

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
)

// TestTagSubsets checks the renamed fonts and that every cross-reference entry still points at
// its object, without trusting a PDF reader to repair the table.
func TestTagSubsets(t *testing.T) {
	ed := corpus(t)[0]
	pdf := pdfBytes(t, ed, Options{})
	if bytes.Contains(pdf, []byte("/utf8pt")) {
		t.Error("an untagged font name is left")
	}
	names := regexp.MustCompile(`/BaseFont /([A-Z]{6})\+(PTS\w+-\w+)`).FindAllSubmatch(pdf, -1)
	if len(names) != 2*int(numFonts) {
		t.Errorf("%d tagged BaseFont names, want %d", len(names), 2*numFonts)
	}
	xref := bytes.LastIndex(pdf, []byte("\nxref\n")) + 1
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(pdf[xref:], -1)
	if len(entries) == 0 {
		t.Fatal("no xref entries")
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i+1, pdf[off:min(off+12, len(pdf))])
		}
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(pdf)
	if m == nil || string(m[1]) != strconv.Itoa(xref) {
		t.Errorf("startxref %q, table at %d", m, xref)
	}
}
