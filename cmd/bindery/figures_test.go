package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpc/bindery/internal/testutil"
)

// TestCheckFigures: the figures report checks clean; with an image file gone and an alt
// text removed, check names both at their lines and exits 1; with a picture too small for
// print it warns at its line.
func TestCheckFigures(t *testing.T) {
	dir := testutil.UnpackFigures(t)
	if code, out, _ := runCLI("check", dir); code != 0 || !strings.HasSuffix(out, "0 errors, 0 warnings\n") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	ch := filepath.Join(dir, "figures", "en", "01-figures.md")
	src, err := os.ReadFile(ch)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "![A crowd in front of a courthouse at dusk, seen from across the square.]", "![]", 1)
	if err := os.WriteFile(ch, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "figures", "en", "images", "chart.png")); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI("check", dir)
	for _, want := range []string{
		`figures/en/01-figures.md:7:1: error: image "images/chart.png" does not exist`,
		`figures/en/01-figures.md:12:1: error: image "images/photo.jpg" has no alt text`,
		"2 errors, 0 warnings",
	} {
		if code != 1 || !strings.Contains(out, want) {
			t.Errorf("exit %d, want %q in:\n%s", code, want, out)
		}
	}
}
