package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpc/bindery/internal/testutil"
)

// unpack writes a shared txtar fixture (book/testdata) into a temporary content directory.
func unpack(t *testing.T, name string) string {
	t.Helper()
	return testutil.Unpack(t, testutil.Fixture(name))
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"bindery"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckBroken(t *testing.T) {
	dir := unpack(t, "broken.txtar")
	code, out, _ := runCLI("check", dir)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	for _, want := range []string{
		dir + "/bad/en/01-notes.md:5:16: error: endnote [^12] is never defined",
		dir + "/bad/en/04-text.md:5:36: error: U+0D9E SINHALA LETTER KANTAJA NAASIKYAYA not in PT Serif Italic",
		"13 errors, 2 warnings",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	dir := unpack(t, "broken.txtar")
	code, out, _ := runCLI("check", "--format", "json", dir)
	var res struct {
		Diagnostics []struct {
			Pos struct {
				File      string
				Line, Col int
			}
			Severity string
			Message  string
		}
		Errors, Warnings int
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if code != 1 || res.Errors != 13 || res.Warnings != 2 || res.Diagnostics[0].Severity != "error" || res.Diagnostics[0].Pos.Line != 5 {
		t.Errorf("code %d, %+v", code, res)
	}
}

func TestCheckClean(t *testing.T) {
	dir := unpack(t, "clean.txtar")
	code, out, _ := runCLI("check", dir)
	if code != 0 || !strings.HasSuffix(out, "0 errors, 1 warning\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"check", "--format", "xml"},
		{"check", "--nope"},
		{"check", "a", "b"},
		{"fonts", "--lang", "de"},
		{"build", "--paper", "a3"},
		{"build", "--bleed", "3"},
		{"build", "--bleed", "NaNmm"},
		{"build", "--bleed", "1in"},
		{"build", "--bleed", "-1mm"},
		{"build", "--crop-marks"},
		{"check", "/does/not/exist"},
	} {
		if code, _, errs := runCLI(args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errs)
		}
	}
}

func TestFonts(t *testing.T) {
	code, out, _ := runCLI("fonts")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 8 {
		t.Fatalf("want a header and 7 faces:\n%s", out)
	}
	for _, l := range lines[1:] {
		if strings.Count(l, "full") != 5 {
			t.Errorf("not full coverage: %s", l)
		}
	}
}

func TestVersion(t *testing.T) {
	if code, out, _ := runCLI("--version"); code != 0 || !strings.Contains(out, versionString()) {
		t.Errorf("exit %d: %q", code, out)
	}
}

func TestBuild(t *testing.T) {
	dir := unpack(t, "clean.txtar")
	out := t.TempDir()
	code, stdout, stderr := runCLI("build", "--out", out, "--paper", "royal", "--bleed", "3mm", "--crop-marks", "--notes", "book", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, name := range []string{"demo-en.pdf", "demo-en.epub", "demo-kk.pdf", "demo-kk.epub", "demo-en-print.pdf", "demo-en-cover.pdf"} {
		if st, err := os.Stat(filepath.Join(out, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	// --format all prints only the final edition; the draft's refusal is reported, not an error.
	if !strings.HasPrefix(stdout, "content: "+dir+" (given on the command line)\n") ||
		!strings.HasPrefix(stderr, "demo-kk: not printed: its status is draft") || strings.Count(stderr, "\n") != 1 ||
		!strings.Contains(stdout, "6 files from 2 editions in ") || !strings.HasSuffix(stdout, ", 1 warning (bindery check lists them)\n") {
		t.Errorf("stdout %q stderr %q", stdout, stderr)
	}
	code, stdout, stderr = runCLI("build", "--out", out, "-q", unpack(t, "model.txtar"))
	if code != 0 || !strings.Contains(stderr, filepath.Join("model", "en", "01-findings.md")+":21:26: warning: PDF: the word ") {
		t.Errorf("model fixture: exit %d, no positioned layout warning: %s%s", code, stdout, stderr)
	}
	code, _, stderr = runCLI("build", "--out", out, unpack(t, "broken.txtar"))
	if code != 1 || !strings.Contains(stderr, "13 errors: nothing built") {
		t.Errorf("broken content: exit %d: %s", code, stderr)
	}
}
