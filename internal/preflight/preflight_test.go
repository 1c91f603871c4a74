package preflight

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/icc"
	"github.com/fpc/bindery/internal/validate"
	"github.com/fpc/bindery/pdf"
)

func qpdfPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs qpdf; run without -short")
	}
	return validate.Tool(t, "qpdf")
}

var date = time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC)

// write makes a small PDF: good follows the rules, otherwise it breaks one of each kind.
func write(t *testing.T, good bool) string {
	in := icc.Default()
	opts := pdf.Options{Info: pdf.Info{Title: "T", Created: date, Modified: date, Trapped: "False", DocumentID: "urn:uuid:x"},
		OutputIntent: &pdf.OutputIntent{Subtype: "GTS_PDFX", Identifier: in.Identifier, Info: in.Condition, Components: 4, Profile: in.Data},
		Conformance:  pdf.Conformance{PDFX: pdf.PDFX4}}
	if !good {
		opts = pdf.Options{Info: pdf.Info{Title: "T", Created: date, Modified: date}}
	}
	var buf bytes.Buffer
	w := pdf.New(&buf, opts)
	for i := range 4 {
		boxes := pdf.PageBoxes{Media: pdf.Rect{X1: 120, Y1: 120}, Bleed: pdf.Rect{X0: 10, Y0: 10, X1: 110, Y1: 110},
			Trim: pdf.Rect{X0: 20, Y0: 20, X1: 100, Y1: 100}}
		if !good && i == 0 {
			boxes = pdf.PageBoxes{Media: pdf.Rect{X1: 120, Y1: 120}, Trim: pdf.Rect{X0: 20, Y0: 20, X1: 100, Y1: 100}}
		}
		p := w.NewPage(boxes)
		if good {
			p.SetFill(pdf.CMYK(0, 0, 0, 0.1))
			p.FillRect(pdf.Rect{X0: 30, Y0: 30, X1: 60, Y1: 60})
			p.Line(0, 20, 8, 20, 0.25, pdf.Registration)
		} else {
			p.SetFill(pdf.RGB(0.5, 0.5, 0.5))
			p.FillRect(pdf.Rect{X0: 30, Y0: 30, X1: 60, Y1: 60})
			p.SetFill(pdf.CMYK(0.05, 0, 0, 1))
			p.FillRect(pdf.Rect{X0: 30, Y0: 30, X1: 60, Y1: 60})
			p.Line(0, 50, 60, 50, 0.25, pdf.Registration)
			p.Link(pdf.Rect{X0: 30, Y0: 30, X1: 60, Y1: 60}, "https://example.org/")
		}
		p.Close()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestGoodFile(t *testing.T) {
	probs, err := Check(qpdfPath(t), write(t, true), Expect{TrimW: 80, TrimH: 80, Bleed: 10, Interior: true, Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Error(p)
	}
}

func TestBadFile(t *testing.T) {
	probs, err := Check(qpdfPath(t), write(t, false), Expect{TrimW: 80, TrimH: 90, Bleed: 10, Interior: true, Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(probs, "\n")
	for _, want := range []string{
		"PDF version 1.7", "Info /Trapped", "GTS_PDFXVersion", "0 GTS_PDFX output intents",
		"page 1 lacks a MediaBox, BleedBox or TrimBox", "page 2: TrimBox 80.00 × 80.00 pt, want 80.00 × 90.00",
		"page 4 has a /Link annotation", "page 3: an RGB colour operator", "page 3: CMYK [0.05 0 0 1] off the black plate",
		"page 2: a registration-colour stroke [[0 50] [60 50]] inside the bleed box",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem mentions %q; got:\n%s", want, all)
		}
	}
}

func TestContent(t *testing.T) {
	bleed := [4]float64{10, 10, 110, 110}
	tests := []struct {
		content string
		want    string
	}{
		{"0 0 0 1 k 10 10 20 20 re f", ""},
		{"0.5 g BT /F1 10 Tf 20 20 Td [<0001> -20 <0002>] TJ ET", ""},
		{"1 0 0 rg", "RGB colour operator"},
		{"q 0.2 w 0 0 1 RG 0 0 m 5 5 l S Q", "RGB colour operator"},
		{"0.1 0 0 1 k", "off the black plate"},
		{"q 0.25 w /All CS 1 SCN 0 20 m 8 20 l S Q", ""},
		{"q 0.25 w /All CS 1 SCN 0 50 m 60 50 l S Q", "inside the bleed box"},
		{"/CS0 cs 1 scn", "colour space"},
		{"(a (nested) string with 1 0 0 rg inside) Tj", ""},
	}
	for _, tt := range tests {
		got := strings.Join(checkContent([]byte(tt.content), bleed, true), "; ")
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.content, got, tt.want)
		}
	}
}

// TestImageProfiles checks that an RGB ICC profile passes as the colour space of images
// and fails as any other colour space.
func TestImageProfiles(t *testing.T) {
	prof := object{Stream: true, Dict: map[string]any{"/N": 3, "/Alternate": "/DeviceRGB"}}
	for _, tc := range []struct {
		name string
		objs map[string]object
		ok   bool
	}{
		{"image", map[string]object{"1 0 R": prof, "2 0 R": {Value: []any{"/ICCBased", "1 0 R"}},
			"3 0 R": {Stream: true, Dict: map[string]any{"/Subtype": "/Image", "/ColorSpace": "2 0 R"}}}, true},
		{"image, direct space", map[string]object{"1 0 R": prof,
			"3 0 R": {Stream: true, Dict: map[string]any{"/Subtype": "/Image", "/ColorSpace": []any{"/ICCBased", "1 0 R"}}}}, true},
		{"resources too", map[string]object{"1 0 R": prof, "2 0 R": {Value: []any{"/ICCBased", "1 0 R"}},
			"3 0 R": {Stream: true, Dict: map[string]any{"/Subtype": "/Image", "/ColorSpace": "2 0 R"}},
			"4 0 R": {Value: map[string]any{"/ColorSpace": map[string]any{"/CS0": "2 0 R"}}}}, false},
		{"unused", map[string]object{"1 0 R": prof}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &checker{d: &doc{Objects: tc.objs}}
			c.colour()
			if ok := len(c.problems) == 0; ok != tc.ok {
				t.Errorf("problems %q, want ok = %v", c.problems, tc.ok)
			}
		})
	}
}
