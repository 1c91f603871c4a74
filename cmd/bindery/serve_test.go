package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pkgDir is this package's folder, where startServe builds the binary.
var pkgDir string

// saveByRename writes a file the way editors do: a new file, renamed over the old one.
func saveByRename(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".~"+filepath.Base(path))
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// startServe builds the bindery binary (without the race detector, which would slow the
// rebuilds the test times) and runs `bindery serve` in the working directory; it returns
// the address printed.
func startServe(t *testing.T, log chan<- string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bindery")
	here, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = pkgDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Dir = here
	tmp := t.TempDir() // serve's build folder goes here, and must be gone when it stops
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("serve left %s in its temporary folder", left[0].Name())
		}
		if t.Failed() {
			t.Logf("serve's stderr:\n%s", stderr.String())
		}
	})
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		t.Log(lines.Text())
		if url, ok := strings.CutPrefix(lines.Text(), "serving "); ok {
			go func() {
				for lines.Scan() {
					t.Log(lines.Text())
					select {
					case log <- lines.Text():
					default:
					}
				}
			}()
			return strings.Fields(url)[0]
		}
	}
	t.Fatalf("serve printed no address: %s", stderr.String())
	return ""
}

// checkServed fetches the index and a PDF.
func checkServed(t *testing.T, url string) {
	t.Helper()
	for path, want := range map[string]string{
		"":                         `<a href="/epub/sample-report-ru/EPUB/ch01-vvedenie.xhtml" lang="ru">Введение</a>`,
		"pdf/sample-report-en.pdf": "%PDF-",
		"epub/sample-report-en/EPUB/ch01-introduction.xhtml": `<script src="/_bindery/live.js" data-generation=`,
	} {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("GET /%s: %s, no %q in:\n%.300s", path, resp.Status, want, body)
		}
	}
	if resp, err := http.Get(url + "epub/nothing/x.xhtml"); err != nil || resp.StatusCode != 404 {
		t.Errorf("an unknown edition: %v %v", resp.Status, err)
	}
}

// TestServeInBrowser opens a chapter in headless Chromium, changes the manuscript and sees
// the page update within two seconds; breaks it and sees the error over the last good
// page; fixes it and sees the page again.
func TestServeInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	browser := startChromium(t)
	pkgDir, _ = os.Getwd()
	t.Chdir(t.TempDir())
	if code, _, stderr := runCLI("init"); code != 0 {
		t.Fatal(stderr)
	}
	log := make(chan string, 100)
	url := startServe(t, log)
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("serves on %s", url)
	}
	if err := browser.open(url + "epub/sample-report-en/EPUB/ch01-introduction.xhtml"); err != nil {
		t.Fatal(err)
	}
	waitFor := func(what, expr, want string, limit time.Duration) time.Duration {
		t.Helper()
		start := time.Now()
		var got string
		for time.Since(start) < limit {
			var err error
			if got, err = browser.eval(expr); err == nil && strings.Contains(got, want) {
				return time.Since(start)
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s: after %v, %s is %q, want %q", what, limit, expr, got, want)
		return 0
	}
	text := "document.body ? document.body.innerText : ''"
	waitFor("chapter opens", text, "This is the first chapter", 10*time.Second)
	waitFor("page listens", "document.documentElement.getAttribute('data-bindery-live')", "1", 5*time.Second)

	file := filepath.Join("content", "sample-report", "en", "01-introduction.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(orig), "This is the first chapter", "This is the edited first chapter", 1)
	saveByRename(t, file, edited)
	took := waitFor("edit shows", text, "This is the edited first chapter", 2*time.Second)
	t.Logf("the page showed the edit %v after the save", took)
	if line := <-log; !strings.HasPrefix(line, "rebuilt sample-report-en in ") {
		t.Errorf("an edit of the English edition rebuilt more or other editions: %s", line)
	}
	checkServed(t, url)

	broken := strings.Replace(edited, "title: Introduction", "title: [Introduction", 1)
	saveByRename(t, file, broken)
	waitFor("error shows", "document.getElementById('bindery-error') ? document.getElementById('bindery-error').innerText : ''",
		filepath.ToSlash(file)+":2:1: error: invalid YAML front matter", 2*time.Second)
	waitFor("last good output stays", text, "This is the edited first chapter", time.Second)

	fixed := strings.Replace(edited, "edited first chapter", "fixed first chapter", 1)
	saveByRename(t, file, fixed)
	took = waitFor("fix shows", "(document.getElementById('bindery-error') ? 'error ' : 'ok ') + document.body.innerText.includes('This is the fixed first chapter')",
		"ok true", 2*time.Second)
	t.Logf("the page showed the fix %v after the save", took)
}
