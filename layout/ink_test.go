package layout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestInk renders a body page of every edition and checks that its text is printed in black:
// on a body page a good part of the inked pixels must be near black (in a tint, almost none are).
func TestInk(t *testing.T) {
	t.Parallel()
	pdftoppm := needTool(t, "pdftoppm")
	for _, ed := range corpus(t) {
		d, path := writePDF(t, ed, Options{})
		page := 0
		for _, p := range d.pages {
			if p.Kind == BodyPage && len(p.elems) > 20 {
				page = p.Number
				break
			}
		}
		if page == 0 {
			continue
		}
		out := filepath.Join(t.TempDir(), "p")
		n := strconv.Itoa(page)
		if b, err := exec.Command(pdftoppm, "-gray", "-r", "100", "-f", n, "-l", n, "-singlefile", path, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
		img, err := os.ReadFile(out + ".pgm")
		if err != nil {
			t.Fatal(err)
		}
		// P5 header: magic, width, height, maxval, each followed by whitespace.
		fields := bytes.Fields(img[:min(len(img), 40)])
		header := len(bytes.Join(fields[:4], []byte(" "))) + 1
		dark, inked := 0, 0
		for _, px := range img[header:] {
			if px < 90 {
				dark++
			}
			if px < 250 {
				inked++
			}
		}
		if inked == 0 || float64(dark)/float64(inked) < 0.2 {
			t.Errorf("%s p.%d: %d of %d inked pixels near black; is the text drawn in black?", ed.Name(), page, dark, inked)
		}
	}
}
