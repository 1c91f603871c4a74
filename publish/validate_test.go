package publish

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// requireTool returns a tool's path, skipping the test when it is missing outside CI and
// failing it under CI, which installs every validator.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (CI must install it): %v", name, err)
		}
		t.Skipf("%s is not installed; skipping the check", name)
	}
	return p
}

var epubcheckSummary = regexp.MustCompile(`Messages: (\d+) fatals / (\d+) errors / (\d+) warnings`)

// TestBuiltEPUBsValidate runs epubcheck over every EPUB exactly as `bindery build` writes
// it, built beside the PDFs.
func TestBuiltEPUBsValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("whole-corpus build")
	}
	epubcheck := requireTool(t, "epubcheck")
	lib := loadCorpus(t)
	dir := t.TempDir()
	if _, err := Build(context.Background(), lib, Options{OutDir: dir, Formats: []Format{PDF, EPUB}}); err != nil {
		t.Fatal(err)
	}
	for _, ed := range lib.Editions {
		path := filepath.Join(dir, ed.Name()+".epub")
		out, _ := exec.Command("java", "-jar", epubcheck, path).CombinedOutput()
		m := epubcheckSummary.FindSubmatch(out)
		if m == nil {
			t.Fatalf("%s: no epubcheck summary:\n%s", ed.Name(), out)
		}
		if string(m[1]) != "0" || string(m[2]) != "0" || string(m[3]) != "0" {
			t.Errorf("%s: epubcheck: %s\n%s", ed.Name(), m[0], out)
		}
	}
}
