package publish

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
)

// TestPrintResolutionFailsPrint: a picture under 150 ppi at text height fails the edition's
// print build at the picture's line (nothing of the edition written); under 300 ppi it is a
// warning of the print interior.
func TestPrintResolutionFailsPrint(t *testing.T) {
	for _, tc := range []struct {
		pixels  int
		failure string // "" for a build with a warning
	}{
		{20, `figures/en/01-figures.md:9:53: error: image "images/icon.png" prints at 144 ppi`},
		{38, ""},
	} {
		fsys := testutil.Figures(t)
		var b bytes.Buffer
		if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, tc.pixels, tc.pixels))); err != nil {
			t.Fatal(err)
		}
		fsys["figures/en/images/icon.png"] = &fstest.MapFile{Data: b.Bytes()}
		lib, ds := book.Load(fsys)
		if ds.HasErrors() {
			t.Fatal(ds)
		}
		out := t.TempDir()
		res := Run(context.Background(), Batch{Editions: lib.Editions}, Options{OutDir: out, Formats: []Format{Print}})
		files, _ := os.ReadDir(out)
		if tc.failure != "" {
			if len(res.Failures) != 1 || !strings.Contains(res.Failures[0].Reason, tc.failure) || len(res.Failures[0].Diagnostics) != 1 || len(files) != 0 {
				t.Errorf("%d pixels: failures %+v, %d files", tc.pixels, res.Failures, len(files))
			}
			continue
		}
		if len(res.Failures) != 0 || len(res.Outputs) != 2 || filepath.Base(res.Outputs[0].Path) != "figures-en-print.pdf" {
			t.Fatalf("%d pixels: %+v", tc.pixels, res)
		}
		if d := res.Outputs[0].Diagnostics; len(d) != 1 || !strings.Contains(d[0].String(), "prints at 274 ppi") {
			t.Errorf("%d pixels: warnings %v", tc.pixels, d)
		}
	}
}
