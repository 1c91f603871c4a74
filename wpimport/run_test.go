package wpimport

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun checks what `bindery import` does: usage errors, dry runs and writes.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	for _, tt := range []struct {
		files []string
		opts  Options
	}{{nil, Options{}}, {[]string{"x"}, Options{Lang: "en"}}, {[]string{"x"}, Options{Report: "r", Lang: ".."}}} {
		if err := Run(tt.files, tt.opts, false, &out); !errors.As(err, &UsageError{}) {
			t.Errorf("Run(%v, %+v) = %v, want a UsageError", tt.files, tt.opts, err)
		}
	}
	if err := Run([]string{"testdata/missing.json"}, Options{}, false, &out); err == nil || errors.As(err, &UsageError{}) {
		t.Errorf("a missing file must be an input error, got %v", err)
	}
	dir := t.TempDir()
	fixture := filepath.Join("testdata", "posts.json")
	out.Reset()
	if err := Run([]string{fixture}, Options{Out: dir}, true, &out); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 || !strings.Contains(out.String(), "would write kazakhstan/en/01-executive-summary.md") {
		t.Errorf("dry run wrote %d entries; report:\n%s", len(entries), out.String())
	}
	out.Reset()
	if err := Run([]string{fixture}, Options{Out: dir, Publisher: "P"}, false, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "kazakhstan", "en", "01-executive-summary.md")); err != nil || !strings.Contains(out.String(), "  wrote ") {
		t.Errorf("nothing written (%v); report:\n%s", err, out.String())
	}
}
