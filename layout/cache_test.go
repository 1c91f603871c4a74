package layout

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

// TestMain removes the PDFs the tests share after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if pdfs.dir != "" {
		os.RemoveAll(pdfs.dir)
	}
	os.Exit(code)
}

// pdfKey names one typeset edition: the edition and every option but the hyphenator.
type pdfKey struct {
	ed        *book.Edition
	paper     book.Paper
	bleed     float64
	crop      bool
	notes     NotePlacement
	modified  time.Time
	hyphenate bool
}

type pdfEntry struct {
	once sync.Once
	doc  *Document
	path string
	err  error
}

// pdfs caches, per test binary, the Documents and PDF files that writePDF made: the checks
// read the same PDF of an edition (pdffonts, pdftotext, qpdf, pdftoppm) without typesetting
// it again. The Documents are shared read-only.
var pdfs struct {
	sync.Mutex
	dir     string
	entries map[pdfKey]*pdfEntry
	texts   map[string]*textEntry
}

// writePDF typesets an edition and writes its PDF into a folder the tests share; the same
// edition with the same options is typeset once per test binary (a custom hyphenator is
// never cached).
func writePDF(t testing.TB, ed *book.Edition, opts Options) (*Document, string) {
	t.Helper()
	if opts.Hyphenator != nil {
		return writeNewPDF(t, ed, opts, t.TempDir())
	}
	key := pdfKey{ed, opts.Paper, opts.Bleed, opts.CropMarks, opts.Notes, opts.Modified, false}
	pdfs.Lock()
	if pdfs.entries == nil {
		pdfs.entries = map[pdfKey]*pdfEntry{}
		pdfs.texts = map[string]*textEntry{}
	}
	if pdfs.dir == "" {
		dir, err := os.MkdirTemp("", "bindery-layout-")
		if err != nil {
			pdfs.Unlock()
			t.Fatal(err)
		}
		pdfs.dir = dir
	}
	e := pdfs.entries[key]
	if e == nil {
		e = &pdfEntry{}
		pdfs.entries[key] = e
	}
	dir := filepath.Join(pdfs.dir, fmt.Sprint(len(pdfs.entries)))
	pdfs.Unlock()
	e.once.Do(func() {
		if e.err = os.Mkdir(dir, 0o755); e.err == nil {
			e.doc, e.path, e.err = typesetTo(ed, opts, dir)
		}
	})
	if e.err != nil {
		t.Fatalf("%s: %v", ed.Name(), e.err)
	}
	return e.doc, e.path
}

// writeNewPDF typesets an edition and writes its PDF into dir, uncached.
func writeNewPDF(t testing.TB, ed *book.Edition, opts Options, dir string) (*Document, string) {
	t.Helper()
	d, path, err := typesetTo(ed, opts, dir)
	if err != nil {
		t.Fatalf("%s: %v", ed.Name(), err)
	}
	return d, path
}

func typesetTo(ed *book.Edition, opts Options, dir string) (*Document, string, error) {
	d, err := Typeset(ed, opts)
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	if err := d.WritePDF(&buf); err != nil {
		return nil, "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s.pdf", ed.Name(), d.Paper()))
	return d, path, os.WriteFile(path, buf.Bytes(), 0o644)
}

type textEntry struct {
	once sync.Once
	text string
	err  error
}

// pdfText runs pdftotext with args over a PDF and returns the text of all its pages, each
// followed by a form feed; each PDF and set of arguments is extracted once per test binary.
func pdfText(t testing.TB, path string, args ...string) string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	key := strings.Join(append([]string{path}, args...), "\x00")
	pdfs.Lock()
	if pdfs.texts == nil {
		pdfs.texts = map[string]*textEntry{}
	}
	e := pdfs.texts[key]
	if e == nil {
		e = &textEntry{}
		pdfs.texts[key] = e
	}
	pdfs.Unlock()
	e.once.Do(func() {
		out, err := exec.Command(tool, append(append(args, "-enc", "UTF-8"), path, "-")...).Output()
		e.text, e.err = string(out), err
	})
	if e.err != nil {
		t.Fatalf("pdftotext %s %s: %v", strings.Join(args, " "), path, e.err)
	}
	return e.text
}

// pdfPages splits pdftotext's output into pages.
func pdfPages(text string) []string {
	return strings.Split(strings.TrimSuffix(text, "\f"), "\f")
}
