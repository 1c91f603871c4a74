package layout

import (
	"bytes"
	"image"
	_ "image/jpeg" // greyImage decodes the fixture's images
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/icc"
	"github.com/fpc/bindery/internal/preflight"
	"github.com/fpc/bindery/internal/testutil"
	"github.com/fpc/bindery/pdf/pdfcheck"
)

// figuresDoc typesets the figures report of book/testdata/figures.txtar: figures, a picture
// inside text, a decorative image, a 40-row table with a note in a cell, a nested list, a
// #### heading, a code block and a section break.
func figuresDoc(t *testing.T) *Document {
	t.Helper()
	lib, ds := book.Load(testutil.Figures(t))
	if ds.HasErrors() {
		t.Fatalf("fixture: %v", ds)
	}
	d, err := Typeset(lib.Edition("figures", "en"), Options{Modified: time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// writeFigures writes the screen PDF of d and the print PDF of the figures report into dir.
// The print file is typeset again, as publish does: a Document is drawn once (its structure
// nodes keep the elements of the file they were drawn into).
func writeFigures(t *testing.T, d *Document, dir string) (screen, print string) {
	t.Helper()
	var s, p bytes.Buffer
	if err := d.WritePDF(&s); err != nil {
		t.Fatal(err)
	}
	pd := figuresDoc(t)
	pd.PadPages(4) // as publish does for print
	if err := pd.WritePrintPDF(&p, icc.Default()); err != nil {
		t.Fatal(err)
	}
	screen, print = filepath.Join(dir, "figures.pdf"), filepath.Join(dir, "figures-print.pdf")
	for name, b := range map[string][]byte{screen: s.Bytes(), print: p.Bytes()} {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return screen, print
}

// tableRows are the first cells of the fixture's 40 body rows, in order.
func tableRows(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(testutil.FiguresFixture())
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, m := range regexp.MustCompile(`(?m)^\| ([A-Z][^|\[]*\(\d{4}\))`).FindAllStringSubmatch(string(b), -1) {
		rows = append(rows, strings.TrimSpace(m[1]))
	}
	if len(rows) != 40 {
		t.Fatalf("fixture has %d table rows, want 40", len(rows))
	}
	return rows
}

// TestFiguresTable checks the table of the figures report in the typeset pages: every row
// once, in order, and the header repeated at the top of each page the table continues on.
func TestFiguresTable(t *testing.T) {
	d := figuresDoc(t)
	rows := tableRows(t)
	var seen []string
	repeats, tablePages := 0, 0
	for _, p := range d.pages {
		onPage := false
		for k, pe := range p.elems {
			ln := pe.e.ln
			if ln == nil || ln.art == nil || len(ln.art.lines) == 0 {
				continue
			}
			if ln.art.artifact {
				if k != 0 {
					t.Errorf("page %d: the repeated header is element %d, not the first", p.Number, k)
				}
				repeats++
				continue
			}
			first := lineText(ln.art.lines[0].ln)
			for _, r := range rows {
				if strings.HasPrefix(first, strings.Fields(r)[0]) && strings.Contains(cellsText(ln.art), r) {
					seen = append(seen, r)
					onPage = true
				}
			}
		}
		if onPage {
			tablePages++
		}
	}
	if strings.Join(seen, "|") != strings.Join(rows, "|") {
		t.Errorf("rows set %q,\nwant %q", seen, rows)
	}
	if tablePages < 2 {
		t.Fatalf("the table is on %d page(s); the fixture means it to break", tablePages)
	}
	if repeats != tablePages-1 {
		t.Errorf("header repeated on %d pages, want %d (every continuation page)", repeats, tablePages-1)
	}
	checkRowStarts(t, d)
}

// checkRowStarts checks that a page the table continues on starts, in the page-list data, at
// the body row it opens with (the EPUB marks the row's first cell), not at the table's start.
func checkRowStarts(t *testing.T, d *Document) {
	t.Helper()
	starts, continued := d.PageStarts(), 0
	for i, p := range d.pages {
		if len(p.elems) < 2 || p.elems[0].e.ln == nil || p.elems[0].e.ln.art == nil || !p.elems[0].e.ln.art.artifact {
			continue
		}
		row := p.elems[1].e.ln
		continued++
		k := strings.LastIndexByte(row.src, '.')
		if k < 0 || starts[i].Block != row.src || starts[i].Offset != 0 {
			t.Errorf("page %d opens with a table row: starts at %q+%d, want the row's address (the table's, then .row)", p.Number, starts[i].Block, starts[i].Offset)
			continue
		}
		if _, err := strconv.Atoi(row.src[k+1:]); err != nil {
			t.Errorf("page %d starts at %q: not a row address", p.Number, row.src)
		}
	}
	if continued == 0 {
		t.Error("no page opens with a repeated header: the check proves nothing")
	}
}

// cellsText is the text of all lines of an art piece.
func cellsText(a *art) string {
	var parts []string
	for _, s := range a.lines {
		parts = append(parts, lineText(s.ln))
	}
	return strings.Join(parts, " ")
}

// TestFiguresPDF checks the PDFs of the figures report with the real tools: both images
// embedded once (pdfimages), the table's 40 rows in order in the text (pdftotext), the
// tagged structure (pdfcheck, and Figure, Table, TH, Caption and Code present), and the
// print file's colour: the grey table and rules on the black plate only (ghostscript's
// inkcov on the table's pages).
func TestFiguresPDF(t *testing.T) {
	d := figuresDoc(t)
	dir := t.TempDir()
	screen, print := writeFigures(t, d, dir)
	b, err := os.ReadFile(screen)
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 {
		t.Errorf("pdfcheck: %s", strings.Join(r.Problems, "\n"))
	}
	if pb, err := os.ReadFile(print); err != nil {
		t.Fatal(err)
	} else if pr, err := pdfcheck.Check(pb); err != nil {
		t.Fatal(err)
	} else if len(pr.Problems) > 0 {
		t.Errorf("pdfcheck, print: %s", strings.Join(pr.Problems, "\n"))
	}
	b = expanded(t, b) // the structure elements are in object streams
	if n := bytes.Count(b, []byte("/S /TH ")) + bytes.Count(b, []byte("/S /TD ")); n != 41*4 {
		t.Errorf("%d table cells in the structure tree, want 41 rows of 4", n)
	}
	for _, tag := range []string{"/S /Figure", "/S /Table", "/S /THead", "/S /TBody", "/S /TH", "/S /TD", "/S /Caption", "/S /Code", "/Scope /Column", "/Scope /Row", "/S /H4"} {
		if !bytes.Contains(b, []byte(tag)) {
			t.Errorf("no %s in the structure tree", tag)
		}
	}
	for _, alt := range []string{"Bar chart of recorded cases", "A crowd in front of a courthouse", "Warning sign"} {
		if !bytes.Contains(b, []byte("/Alt ("+alt)) {
			t.Errorf("no Figure with the alt text %q", alt)
		}
	}
	if path, err := exec.LookPath("pdfimages"); err == nil {
		out, err := exec.Command(path, "-list", screen).Output()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("pdfimages -list:\n%s", out)
		for _, want := range []string{` image +1200 +700 +icc +3 +8 +image`, ` image +1500 +1000 +icc +3 +8 +jpeg`} {
			if !regexp.MustCompile(want).Match(out) {
				t.Errorf("pdfimages lists no %q", want)
			}
		}
	} else if os.Getenv("CI") == "true" {
		t.Error("pdfimages not installed")
	}
	if path, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command(path, "-layout", screen, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		at := 0
		for _, row := range tableRows(t) {
			k := strings.Index(string(out[at:]), row)
			if k < 0 {
				t.Errorf("pdftotext: row %q missing or out of order", row)
				continue
			}
			at += k + len(row)
		}
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		w, h := d.TrimSize()
		probs, err := preflight.Check(qpdf, print, preflight.Expect{TrimW: w, TrimH: h, Interior: true, Title: "Figures and tables"})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range probs {
			t.Errorf("print preflight: %s", p)
		}
	}
	checkPrintInk(t, print, tablePages(d), colourPages(d))
}

// tablePages returns the numbers of the pages that hold table rows.
func tablePages(d *Document) map[int]bool {
	out := map[int]bool{}
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if ln := pe.e.ln; ln != nil && ln.art != nil && len(ln.art.lines) > 0 && len(ln.art.images) == 0 {
				out[p.Number] = true
			}
		}
	}
	return out
}

// colourPages counts the pages that show an image that is not grey.
func colourPages(d *Document) int {
	n := 0
	for _, p := range d.pages {
		colour := false
		for _, ln := range p.textLines() {
			for _, r := range ln.runs {
				colour = colour || r.g.pic != nil && !greyImage(r.g.pic.Data)
			}
			if ln.art != nil {
				for _, im := range ln.art.images {
					colour = colour || !greyImage(im.data)
				}
			}
		}
		if colour {
			n++
		}
	}
	return n
}

// greyImage reports whether a PNG or JPEG file decodes to greys only.
func greyImage(data []byte) bool {
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return false
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != g || g != bl {
				return false
			}
		}
	}
	return true
}

// checkPrintInk runs ghostscript's inkcov device over the print PDF and checks that the
// table's pages use the black plate alone (its text, rules and grey are K only), and that
// no more pages use colour ink than show colour images.
func checkPrintInk(t *testing.T, print string, tables map[int]bool, colourImages int) {
	gs, err := exec.LookPath("gs")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Error("ghostscript not installed")
		}
		return
	}
	out, err := exec.Command(gs, "-q", "-o", "-", "-sDEVICE=inkcov", print).Output()
	if err != nil {
		t.Fatalf("gs inkcov: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	colour := 0
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) < 4 {
			continue
		}
		if f[0] != "0.00000" || f[1] != "0.00000" || f[2] != "0.00000" {
			colour++
			if tables[i+1] {
				t.Errorf("page %d holds the table and has colour ink: %s", i+1, l)
			}
		}
	}
	if len(tables) == 0 {
		t.Error("no page holds the table")
	}
	if colour > colourImages {
		t.Errorf("%d pages print in colour; %d show colour images", colour, colourImages)
	}
}
