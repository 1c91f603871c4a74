package publish

import (
	"archive/zip"
	"context"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
	"github.com/fpc/bindery/internal/testutil/booktest"
	"github.com/fpc/bindery/internal/validate"
)

// TestOneModel builds the model fixture (a heading inside a box, a translator, a word no
// line can hold) in both formats and checks that the two renderers show the same book: the
// EPUB navigation and the PDF contents list the same headings, and both imprints name the
// translator and the ISBN.
func TestOneModel(t *testing.T) {
	t.Parallel()
	pdftotext := validate.Tool(t, "pdftotext")
	lib, ds := booktest.Load(t, testutil.Fixture("model.txtar"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	dir := t.TempDir()
	outs, err := Build(context.Background(), lib, Options{OutDir: dir, Formats: []Format{PDF, EPUB}})
	if err != nil {
		t.Fatal(err)
	}
	var warned bool
	for _, o := range outs {
		for _, d := range o.Diagnostics {
			warned = warned || o.Format == PDF && strings.HasPrefix(d.String(), "model/en/01-findings.md:21:26: warning: PDF: the word ")
		}
	}
	if !warned {
		t.Errorf("no positioned warning for the 400-letter word: %v", outs)
	}
	ed := lib.Editions[0]
	pages := sameHeadings(t, pdftotext, dir, ed, []string{"Findings", "Elections", "Assembly", "Notes"})
	contents := slices.IndexFunc(pages, func(p string) bool { return strings.HasPrefix(strings.TrimSpace(p), "Contents") })
	atEnd := t.TempDir()
	if _, err := Build(context.Background(), lib, Options{OutDir: atEnd, Formats: []Format{PDF, EPUB}, Notes: book.NotesAtEnd}); err != nil {
		t.Fatal(err)
	}
	sameHeadings(t, pdftotext, atEnd, ed, []string{"Findings", "Elections", "Assembly", "Notes", "Findings"})
	imprint := zipEntry(t, dir+"/"+ed.Name()+".epub", "EPUB/imprint.xhtml")
	for _, s := range []string{"<dt>Translator</dt><dd>Aigerim Tulegenova</dd>", "<dt>ISBN</dt><dd>978-1-910812-04-4</dd>"} {
		if !strings.Contains(imprint, s) {
			t.Errorf("EPUB imprint lacks %s:\n%s", s, imprint)
		}
	}
	for _, s := range []string{"Translator: Aigerim Tulegenova", "ISBN: 978-1-910812-04-4"} {
		if !strings.Contains(pages[contents-1], s) {
			t.Errorf("PDF imprint lacks %q:\n%s", s, pages[contents-1])
		}
	}
	if strings.Contains(imprint+pages[contents-1], "urn:") {
		t.Error("an imprint prints a URN")
	}
	for _, im := range []book.Imprint{ed.Imprint()} {
		if len(im.Rows) == 0 || im.Rows[1].Label != "Translator" {
			t.Errorf("imprint rows %v", im.Rows)
		}
	}
}

// sameHeadings checks that the EPUB navigation and the PDF contents of an edition built in
// dir list the headings want, and returns the PDF's pages as text.
func sameHeadings(t *testing.T, pdftotext, dir string, ed *book.Edition, want []string) []string {
	t.Helper()
	nav := zipEntry(t, dir+"/"+ed.Name()+".epub", "EPUB/nav.xhtml")
	toc := nav[:strings.Index(nav, "</nav>")]
	if got := regexp.MustCompile(`<a href="[^"]*">([^<]*)</a>`).FindAllStringSubmatch(toc, -1); !slices.Equal(column(got), want) {
		t.Errorf("EPUB navigation lists %q, want %q", column(got), want)
	}
	pdf, err := exec.Command(pdftotext, "-layout", dir+"/"+ed.Name()+".pdf", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(pdf), "\f")
	contents := slices.IndexFunc(pages, func(p string) bool { return strings.HasPrefix(strings.TrimSpace(p), "Contents") })
	if contents < 1 {
		t.Fatal("no contents page in the PDF")
	}
	leader := regexp.MustCompile(`(?m)^\s*(\S.*?)\s+(?:\. )+\.?\s*\d+$`)
	if got := leader.FindAllStringSubmatch(pages[contents], -1); !slices.Equal(column(got), want) {
		t.Errorf("PDF contents list %q, want %q", column(got), want)
	}
	return pages
}

func column(m [][]string) []string {
	var out []string
	for _, x := range m {
		out = append(out, strings.TrimSpace(x[1]))
	}
	return out
}

func zipEntry(t *testing.T, file, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
