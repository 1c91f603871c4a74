package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpc/bindery/icc"
)

// TestBuildPrint: --format print refuses the draft (exit 1) but prints the final edition;
// --drafts prints both; --output-intent takes a CMYK output profile and refuses other files.
func TestBuildPrint(t *testing.T) {
	dir := unpack(t, "clean.txtar")
	out := t.TempDir()
	code, stdout, stderr := runCLI("build", "--format", "print", "--out", out, dir)
	if code != 1 || !strings.Contains(stderr, "demo-kk: not printed: its status is draft and the text of 1 note is missing") ||
		!strings.Contains(stdout, "demo-en-print.pdf") || !strings.Contains(stdout, "demo-en-cover.pdf (") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "demo-kk-print.pdf")); err == nil {
		t.Error("the draft was printed")
	}
	code, _, stderr = runCLI("build", "--format", "print", "--drafts", "--out", out, dir)
	if code != 0 || stderr != "" {
		t.Fatalf("--drafts: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"demo-kk-print.pdf", "demo-kk-cover.pdf"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	// The two files of print say which part they are, in the JSON and in the table.
	code, stdout, _ = runCLI("build", "--format", "print", "--lang", "en", "--json", "--out", out, dir)
	var res struct {
		Outputs []struct{ Path, Format, Part string }
	}
	if err := json.Unmarshal([]byte(stdout), &res); code != 0 || err != nil || len(res.Outputs) != 2 ||
		res.Outputs[0].Part != "interior" || !strings.HasSuffix(res.Outputs[0].Path, "-print.pdf") ||
		res.Outputs[1].Part != "cover" || !strings.HasSuffix(res.Outputs[1].Path, "-cover.pdf") || res.Outputs[1].Format != "print" {
		t.Errorf("--json: exit %d %v %+v", code, err, res.Outputs)
	}
	if _, stdout, _ = runCLI("build", "--format", "print", "--lang", "en", "--out", out, dir); !strings.Contains(stdout, "   cover      1 ") {
		t.Errorf("the table does not call the cover so:\n%s", stdout)
	}
	good, bad := filepath.Join(out, "fogra39.icc"), filepath.Join(out, "bad.icc")
	os.WriteFile(good, icc.FOGRA39(), 0o644)
	os.WriteFile(bad, []byte("not a profile"), 0o644)
	if code, _, stderr := runCLI("build", "--format", "print", "--lang", "en", "--output-intent", good, "--out", out, dir); code != 0 {
		t.Errorf("--output-intent with FOGRA39: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI("build", "--format", "print", "--output-intent", bad, "--out", out, dir); code != 2 || !strings.Contains(stderr, "bad.icc") {
		t.Errorf("--output-intent with a bad file: exit %d: %s", code, stderr)
	}
}

// TestSettingsFormatsList: the settings' formats are built as listed, print among them.
func TestSettingsFormatsList(t *testing.T) {
	content := unpack(t, "clean.txtar")
	dir := t.TempDir()
	if err := os.Rename(content, filepath.Join(dir, "manuscripts")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, tc := range []struct {
		formats string
		want    []string
		not     []string
	}{
		{"[epub, pdf]", []string{"demo-en.epub", "demo-en.pdf"}, []string{"demo-en-print.pdf"}},
		{"[print]", []string{"demo-en-print.pdf", "demo-en-cover.pdf"}, []string{"demo-en.pdf", "demo-en.epub"}},
	} {
		out := t.TempDir()
		yaml := "content: manuscripts\nout: " + out + "\nformats: " + tc.formats + "\n"
		if err := os.WriteFile("bindery.yaml", []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runCLI("build", "--lang", "en"); code != 0 {
			t.Fatalf("formats %s: exit %d: %s", tc.formats, code, stderr)
		}
		for _, name := range tc.want {
			if _, err := os.Stat(filepath.Join(out, name)); err != nil {
				t.Errorf("formats %s: %v", tc.formats, err)
			}
		}
		for _, name := range tc.not {
			if _, err := os.Stat(filepath.Join(out, name)); err == nil {
				t.Errorf("formats %s built %s", tc.formats, name)
			}
		}
	}
}
