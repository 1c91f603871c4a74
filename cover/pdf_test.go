package cover

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/internal/preflight"
	"github.com/fpc/bindery/internal/validate"
)

func needTool(t *testing.T, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs validators; run without -short")
	}
	return validate.Tool(t, name)
}

func coverPDF(t *testing.T, marks bool) []byte {
	t.Helper()
	spec := a5
	spec.Pages = 240
	ed := edition("Retreating Rights: Examining the pressure on human rights in Kazakhstan", "978-0-306-40615-7")
	d, err := Layout(ed, spec)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WritePDF(&buf, ed, PDFOptions{CropMarks: marks, Modified: time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCoverScans renders the cover at 400 dpi and has zbarimg read the barcode.
func TestCoverScans(t *testing.T) {
	ppm, zbar := needTool(t, "pdftoppm"), needTool(t, "zbarimg")
	dir := t.TempDir()
	path := filepath.Join(dir, "cover.pdf")
	if err := os.WriteFile(path, coverPDF(t, true), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(ppm, "-r", "400", "-png", "-singlefile", path, filepath.Join(dir, "cover")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", "-Sdisable", "-Sean13.enable", filepath.Join(dir, "cover.png")).Output()
	if err != nil {
		t.Fatalf("zbarimg found no barcode: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != "9780306406157" {
		t.Errorf("zbarimg read %q", got)
	}
}

func TestCoverReproducible(t *testing.T) {
	if !bytes.Equal(coverPDF(t, false), coverPDF(t, false)) {
		t.Error("two covers of the same edition differ")
	}
}

func TestCoverPreflight(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	for _, marks := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "cover.pdf")
		if err := os.WriteFile(path, coverPDF(t, marks), 0o644); err != nil {
			t.Fatal(err)
		}
		probs, err := preflight.Check(qpdf, path, preflight.Expect{TrimW: (2*148 + 12) * mm, TrimH: 210 * mm, Bleed: 3 * mm,
			Title: "Retreating Rights: Examining the pressure on human rights in Kazakhstan"})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range probs {
			t.Errorf("crop marks %v: %s", marks, p)
		}
	}
}
