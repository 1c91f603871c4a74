package pdfcheck

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/pdf"
)

// tableDoc writes a tagged page with a figure and a table; spoil breaks one rule.
func tableDoc(t *testing.T, spoil string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := pdf.New(&buf, pdf.Options{Lang: "en", Tagged: true, OutputIntent: pdf.SRGBIntent()})
	f, err := w.AddTrueType(fonts.Get(fonts.Serif, fonts.Regular).Data())
	if err != nil {
		t.Fatal(err)
	}
	var pb bytes.Buffer
	if err := png.Encode(&pb, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	im, err := w.AddPNG(pb.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	p := w.NewPage(pdf.PageBoxes{Media: pdf.Rect{X1: 300, Y1: 300}})
	sect := w.StructRoot().Add(w, "Sect")
	fig := sect.Add(w, "Figure")
	if spoil != "noalt" {
		fig.SetAlt("A grey square")
	}
	p.BeginTagged(fig)
	p.DrawImage(im, pdf.Rect{X0: 10, Y0: 200, X1: 50, Y1: 240})
	p.EndMarked()
	text := func(e *pdf.StructElem, id uint16, y float64) {
		p.BeginTagged(e)
		p.ShowGlyphs(f, 10, 10, y, []pdf.Glyph{{ID: id, Text: "x"}})
		p.EndMarked()
	}
	tbl := sect.Add(w, "Table")
	text(tbl.Add(w, "Caption"), 40, 180)
	if spoil == "twocaptions" {
		text(tbl.Add(w, "Caption"), 40, 175)
	}
	if spoil == "p in table" {
		text(tbl.Add(w, "P"), 40, 172)
	}
	head := tbl.Add(w, "THead").Add(w, "TR")
	th := head.Add(w, "TH")
	if spoil != "noscope" {
		th.SetScope("Column")
	}
	text(th, 41, 170)
	row := tbl.Add(w, "TBody").Add(w, "TR")
	text(row.Add(w, "TD"), 42, 160)
	if spoil == "cell outside row" {
		text(tbl.Add(w, "TBody").Add(w, "TD"), 43, 150)
	}
	if spoil == "row outside table" {
		text(sect.Add(w, "TR").Add(w, "TD"), 43, 140)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTables checks that a sound figure and table pass and that each broken rule is caught.
func TestTables(t *testing.T) {
	r, err := Check(tableDoc(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		if strings.Contains(p, "Figure") || strings.Contains(p, "Table") || strings.Contains(p, "table") || strings.Contains(p, "TH") {
			t.Errorf("sound document: %s", p)
		}
	}
	for spoil, want := range map[string]string{
		"noalt":             "a Figure has neither /Alt nor /ActualText",
		"noscope":           "a table header cell (TH) has no /Scope",
		"twocaptions":       "a Table has 2 captions",
		"p in table":        "a Table holds a P",
		"cell outside row":  "a TD stands in a TBody, not in a table row",
		"row outside table": "a table row stands in a Sect, not in a table",
	} {
		r, err := Check(tableDoc(t, spoil))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(r.Problems, "\n"), want) {
			t.Errorf("%s: problems %v lack %q", spoil, r.Problems, want)
		}
	}
}
