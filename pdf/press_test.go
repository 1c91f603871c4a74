package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// printSample writes a one-page PDF/X-4 file with a registration mark and a turned text
// state.
func printSample(t *testing.T) []byte {
	var buf bytes.Buffer
	date := time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC)
	w := New(&buf, Options{Info: Info{Title: "T", Created: date, Modified: date, Trapped: "False", DocumentID: "urn:uuid:x"},
		OutputIntent: &OutputIntent{Subtype: "GTS_PDFX", Identifier: "FOGRA39", Info: "Coated", Registry: "http://www.color.org",
			Components: 4, Profile: []byte("profile")},
		Conformance: Conformance{PDFX: PDFX4}})
	p := w.NewPage(PageBoxes{Media: Rect{X1: 100, Y1: 100}, Bleed: Rect{X0: 10, Y0: 10, X1: 90, Y1: 90}, Trim: Rect{X0: 20, Y0: 20, X1: 80, Y1: 80}})
	p.SetFill(CMYK(0, 0, 0, 1))
	p.Save()
	p.Transform(0, -1, 1, 0, 50, 50)
	p.SetFill(CMYK(0, 0, 0, 1))
	p.FillRect(Rect{X1: 5, Y1: 5})
	p.Restore()
	p.SetFill(CMYK(0, 0, 0, 1))
	p.Line(0, 20, 8, 20, 0.25, Registration)
	p.Close()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// inflated returns the file with every Flate stream decompressed, for searching.
func inflated(b []byte) string {
	var out strings.Builder
	out.Write(b)
	re := regexp.MustCompile(`(?s)stream\n(.*?)\nendstream`)
	for _, m := range re.FindAllSubmatch(b, -1) {
		if r, err := zlib.NewReader(bytes.NewReader(m[1])); err == nil {
			d, _ := io.ReadAll(r)
			out.Write(d)
		}
	}
	return out.String()
}

func TestPDFX4(t *testing.T) {
	b := printSample(t)
	s := inflated(b)
	for _, want := range []string{
		"%PDF-1.6\n",
		"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
		"<pdf:Trapped>False</pdf:Trapped>",
		"<xmpMM:DocumentID>urn:uuid:x</xmpMM:DocumentID>\n<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
		"/Trapped /False",
		"/GTS_PDFXVersion (PDF/X-4)",
		"/S /GTS_PDFX /OutputConditionIdentifier (FOGRA39) /Info (Coated) /RegistryName (http://www.color.org)",
		"/ColorSpace <</All [/Separation /All /DeviceCMYK",
		"0 0 0 1 k\nq\n0 -1 1 0 50 50 cm\n0 0 5 5 re f\nQ\n0 0 0 1 k\n", // colour set again after Q
		"/All CS 1 SCN",
	} {
		if !strings.HasPrefix(want, "%PDF") && !strings.Contains(s, want) || strings.HasPrefix(want, "%PDF") && !bytes.HasPrefix(b, []byte(want)) {
			t.Errorf("the file lacks %q", want)
		}
	}
	if !bytes.HasPrefix(sample(t, sampleOptions()), []byte("%PDF-1.7\n")) {
		t.Error("a file without the claim is no longer PDF 1.7")
	}
	if strings.Contains(inflated(sample(t, sampleOptions())), "pdfxid") {
		t.Error("a file without the claim has PDF/X metadata")
	}
}

func TestPrintSampleValidates(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	path := writeTemp(t, printSample(t))
	if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}
