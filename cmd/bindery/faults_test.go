package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFailedRebuildKeepsEdition: when one format of an edition cannot be written, the
// edition's other outputs stay as they were (no mixed edition).
func TestFailedRebuildKeepsEdition(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds PDFs; runs without -short")
	}
	hostileBaseline(t)
	dir := t.TempDir()
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "dist")
	os.CopyFS(content, os.DirFS(baseline.content))
	os.CopyFS(out, os.DirFS(baseline.out))
	// A new text, so a rebuild would change both files; the EPUB's place is taken.
	writeTree(t, content, map[string]string{"bad/en/01.md": strings.Replace(hostileChapter, "Text of the chapter.", "New text.", 1)})
	os.Remove(filepath.Join(out, "bad-en.epub"))
	os.MkdirAll(filepath.Join(out, "bad-en.epub", "x"), 0o755)
	code, _, stderr := runCLI("build", "-q", "--out", out, content)
	if code != 1 || !strings.Contains(stderr, "bad-en.epub") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "bad-en.pdf")); !bytes.Equal(got, baseline.files["bad-en.pdf"]) {
		t.Errorf("bad-en.pdf was replaced although bad-en.epub could not be: a mixed edition")
	}
	for name := range readOutputs(out) {
		if strings.HasSuffix(name, ".tmp") || strings.HasPrefix(name, ".") {
			t.Errorf("temporary file left: %s", name)
		}
	}
}

// TestInterruptedBrokenBuild interrupts (SIGINT) a real bindery building the corpus in
// which one edition is broken: it exits 130, leaves no temporary file, the broken
// edition's previous files stay byte for byte, and every other edition is either wholly
// rebuilt or wholly as it was. (TestSignalsInProcess covers SIGINT and SIGTERM on the
// whole corpus.)
func TestInterruptedBrokenBuild(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the corpus; runs without -short")
	}
	work := t.TempDir()
	content, out := filepath.Join(work, "content"), filepath.Join(work, "dist")
	if err := os.CopyFS(content, os.DirFS(filepath.Join("..", "..", "content"))); err != nil {
		t.Fatal(err)
	}
	writeTree(t, content, map[string]string{"series/en/01-overview.md": "---\ntitle: Overview\n---\n\nBroken.[^1]\n\n[^1]: See[^2].\n[^2]: x\n"})
	os.MkdirAll(out, 0o755)
	eds := []string{"kazakhstan-en", "kazakhstan-kk", "kyrgyzstan-ky", "series-en", "tajikistan-ru"}
	previous := map[string][]byte{}
	for _, ed := range eds {
		for _, ext := range []string{".pdf", ".epub"} {
			previous[ed+ext] = []byte("previous " + ed + ext)
			os.WriteFile(filepath.Join(out, ed+ext), previous[ed+ext], 0o644)
		}
	}
	cmd := child(t, work, "build", "--jobs", "1", "--format", "pdf", "--format", "epub", "--out", out, content)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if !waitForTemp(out, 2*time.Minute) {
		cmd.Process.Kill()
		t.Fatalf("no temporary file appeared\n%s", stderr.String())
	}
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit code %d, want 130\n%s", code, stderr.String())
	}
	got := readOutputs(out)
	for name := range got {
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".tmp") {
			t.Errorf("temporary file left: %s", name)
		}
	}
	for _, ext := range []string{".pdf", ".epub"} {
		if !bytes.Equal(got["series-en"+ext], previous["series-en"+ext]) {
			t.Errorf("the broken edition's series-en%s was replaced", ext)
		}
	}
	for _, ed := range eds {
		oldPDF, oldEPUB := bytes.Equal(got[ed+".pdf"], previous[ed+".pdf"]), bytes.Equal(got[ed+".epub"], previous[ed+".epub"])
		if oldPDF != oldEPUB || !oldPDF && (!bytes.HasPrefix(got[ed+".pdf"], []byte("%PDF-")) || !bytes.HasPrefix(got[ed+".epub"], []byte("PK"))) {
			t.Errorf("%s is mixed or cut", ed)
		}
	}
}
