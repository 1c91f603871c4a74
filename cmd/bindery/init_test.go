package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitThenBuild is the first "done when": in an empty folder, init then build
// builds the sample, not the embedded corpus; list shows its editions.
func TestInitThenBuild(t *testing.T) {
	t.Chdir(t.TempDir())
	code, out, stderr := runCLI("init")
	if code != 0 || !strings.Contains(out, "content/sample-report/ru/book.yaml") {
		t.Fatalf("init: exit %d:\n%s%s", code, out, stderr)
	}
	code, out, _ = runCLI("check")
	if code != 0 || out != "content: content (from bindery.yaml)\n0 errors, 0 warnings\n" {
		t.Errorf("check: exit %d:\n%s", code, out)
	}
	code, out, stderr = runCLI("build", "--format", "epub")
	if code != 0 || !strings.HasPrefix(out, "content: content (from bindery.yaml)\n") || !strings.Contains(out, "2 files from 2 editions") {
		t.Fatalf("build: exit %d:\n%s%s", code, out, stderr)
	}
	entries, _ := os.ReadDir("dist")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "sample-report-en.epub sample-report-ru.epub" {
		t.Errorf("dist holds %v", names)
	}
	code, out, _ = runCLI("list")
	if code != 0 || !strings.Contains(out, "sample-report-en  draft   en        2         3      "+filepath.Join("dist", "sample-report-en.epub")+", ") ||
		!strings.Contains(out, "sample-report-en.pdf (not built)") || !strings.HasSuffix(out, "2 editions; 0 errors, 0 warnings\n") {
		t.Errorf("list: exit %d:\n%s", code, out)
	}
	if code, _, stderr = runCLI("init"); code != 2 || !strings.Contains(stderr, "bindery.yaml already exists") {
		t.Errorf("second init: exit %d: %s", code, stderr)
	}
	code, out, _ = runCLI("init", "second")
	if code != 0 || !strings.Contains(out, "next: cd second && bindery check") {
		t.Errorf("init DIR: exit %d:\n%s", code, out)
	}
}

func TestListErrors(t *testing.T) {
	dir := unpack(t, "clean.txtar")
	f, err := os.OpenFile(filepath.Join(dir, "demo", "en", "02-intro.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\nA reference to nothing.[^99]\n")
	f.Close()
	code, out, _ := runCLI("list", "--out", t.TempDir(), dir)
	if code != 0 || !strings.Contains(out, "demo-en  1 error  en ") || !strings.Contains(out, "demo-kk  draft    kk ") ||
		!strings.HasSuffix(out, "2 editions; 1 error, 1 warning (bindery check lists them)\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
