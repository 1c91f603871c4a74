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

// pdfKey names one typeset edition: the edition and every option but the hyphenator, the
// trim size resolved as Typeset resolves it (Options{} and Options{Paper: "a5"} set an A5
// edition alike).
type pdfKey struct {
	ed        *book.Edition
	paper     book.Paper
	bleed     float64
	crop      bool
	notes     NotePlacement
	modified  time.Time
	hyphenate bool
}

func keyOf(ed *book.Edition, opts Options) pdfKey {
	paper := opts.Paper
	if paper == "" {
		paper = ed.Meta.Paper
	}
	if paper == "" {
		paper = book.DefaultPaper
	}
	return pdfKey{ed, paper, opts.Bleed, opts.CropMarks, opts.Notes, opts.Modified, false}
}

// docEntry is one edition typeset once; pdfEntry is its PDF, drawn once.
type docEntry struct {
	once sync.Once
	doc  *Document
	err  error
}

type pdfEntry struct {
	once sync.Once
	dir  string // its own folder under pdfs.dir
	data []byte
	path string
	err  error
}

// pdfs caches, per test binary, the Documents that typeset made and the PDF files that
// writePDF drew from them: the checks read the same Document and the same PDF of an edition
// (pdffonts, pdftotext, qpdf, pdftoppm, pdfcheck) without typesetting it again. The
// Documents are shared read-only.
var pdfs struct {
	sync.Mutex
	dir     string
	docs    map[pdfKey]*docEntry
	entries map[pdfKey]*pdfEntry
	texts   map[string]*textEntry
	checks  map[*book.Edition]*checkEntry
}

// typeset returns an edition typeset with opts, once per test binary for the same edition
// and options (a custom hyphenator is never cached: it typesets anew). The Document is
// shared: read it, never change or draw it (writePDF and cachedPDF draw it, once).
func typeset(t testing.TB, ed *book.Edition, opts Options) *Document {
	t.Helper()
	d, err := cachedTypeset(ed, opts)
	if err != nil {
		t.Fatalf("%s: %v", ed.Name(), err)
	}
	return d
}

// cachedTypeset is typeset for any goroutine: it returns the error instead of failing the
// test.
func cachedTypeset(ed *book.Edition, opts Options) (*Document, error) {
	if opts.Hyphenator != nil {
		return Typeset(ed, opts)
	}
	key := keyOf(ed, opts)
	pdfs.Lock()
	if pdfs.docs == nil {
		pdfs.docs = map[pdfKey]*docEntry{}
	}
	e := pdfs.docs[key]
	if e == nil {
		e = &docEntry{}
		pdfs.docs[key] = e
	}
	pdfs.Unlock()
	e.once.Do(func() { e.doc, e.err = Typeset(ed, opts) })
	return e.doc, e.err
}

// writePDF returns an edition typeset by typeset and its PDF, written into a folder the
// tests share; the same edition with the same options is drawn once per test binary (a
// custom hyphenator is never cached).
func writePDF(t testing.TB, ed *book.Edition, opts Options) (*Document, string) {
	t.Helper()
	d, _, path := cachedPDF(t, ed, opts)
	return d, path
}

// cachedPDF is writePDF that also returns the PDF's bytes (shared: do not change them).
func cachedPDF(t testing.TB, ed *book.Edition, opts Options) (*Document, []byte, string) {
	t.Helper()
	if opts.Hyphenator != nil {
		d := typeset(t, ed, opts)
		data, path, err := drawTo(d, t.TempDir())
		if err != nil {
			t.Fatalf("%s: %v", ed.Name(), err)
		}
		return d, data, path
	}
	d := typeset(t, ed, opts)
	key := keyOf(ed, opts)
	pdfs.Lock()
	if pdfs.entries == nil {
		pdfs.entries = map[pdfKey]*pdfEntry{}
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
		e = &pdfEntry{dir: filepath.Join(pdfs.dir, fmt.Sprint(len(pdfs.entries)))}
		pdfs.entries[key] = e
	}
	pdfs.Unlock()
	e.once.Do(func() {
		if e.err = os.Mkdir(e.dir, 0o755); e.err == nil {
			e.data, e.path, e.err = drawTo(d, e.dir)
		}
	})
	if e.err != nil {
		t.Fatalf("%s: %v", ed.Name(), e.err)
	}
	return d, e.data, e.path
}

// drawTo draws a Document into a PDF file in dir and returns its bytes and path.
func drawTo(d *Document, dir string) ([]byte, string, error) {
	var buf bytes.Buffer
	if err := d.WritePDF(&buf); err != nil {
		return nil, "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s.pdf", d.ed.Name(), d.Paper()))
	return buf.Bytes(), path, os.WriteFile(path, buf.Bytes(), 0o644)
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
