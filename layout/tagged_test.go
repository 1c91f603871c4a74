package layout

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
	"github.com/fpc/bindery/pdf/pdfcheck"
)

// TestTaggedEditions runs the Go checker over every edition's PDF: all content tagged or an
// artifact, parent tree and MCIDs consistent, links tagged and described, /Lang, Info and XMP
// agreeing, fonts embedded, no .notdef, an /ID, no encryption, and every claim of the XMP
// (PDF/UA-1, PDF/A-2 level A) backed by what those parts ask for.
func TestTaggedEditions(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		r := checkedPDF(t, ed)
		for _, p := range r.Problems {
			t.Errorf("%s: %s", ed.Name(), p)
		}
		if got := strings.Join(r.Claims, " "); got != "pdfaid:part=2 pdfaid:conformance=A pdfuaid:part=1" {
			t.Errorf("%s: claims %q", ed.Name(), got)
		}
		if r.MCIDs == 0 {
			t.Errorf("%s: no tagged content", ed.Name())
		}
	}
}

// walked is what testdata/walk.py reports.
type walked struct {
	Types    map[string]int
	Langs    map[string]int // elements with a /Lang of their own, by language
	MCRs     int
	OBJRs    int
	Pages    int
	Parented int
	Lang     string
	Marked   bool
}

// TestPikepdfWalk walks every edition's structure tree with pikepdf, one Python for all the
// PDFs: the model's chapters, notes, lists and links are all there.
func TestPikepdfWalk(t *testing.T) {
	t.Parallel()
	python := needTool(t, "/usr/bin/python3")
	if exec.Command(python, "-c", "import pikepdf").Run() != nil {
		t.Skip("python3-pikepdf is not installed (CI installs it)")
	}
	eds := corpus(t)
	paths := make([]string, len(eds))
	for i, ed := range eds {
		_, paths[i] = writePDF(t, ed, Options{})
	}
	out, err := exec.Command(python, append([]string{filepath.Join("testdata", "walk.py")}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("walk.py: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(eds) {
		t.Fatalf("walk.py reported %d PDFs of %d:\n%s", len(lines), len(eds), out)
	}
	for i, ed := range eds {
		d := typeset(t, ed, Options{})
		var w walked
		if err := json.Unmarshal([]byte(lines[i]), &w); err != nil {
			t.Fatalf("%s: %v: %s", ed.Name(), err, lines[i])
		}
		notes, lists := 0, 0
		for _, ch := range ed.Chapters {
			notes += len(ch.Notes)
			lists += countLists(ch.Blocks)
		}
		// Every chapter and the contents open with an H1.
		want := map[string]int{"H1": len(ed.Chapters) + 1, "Note": notes, "L": lists, "TOC": 1}
		for typ, n := range want {
			if w.Types[typ] < n {
				t.Errorf("%s: %d %s elements, want at least %d", ed.Name(), w.Types[typ], typ, n)
			}
		}
		if w.Types["Link"] == 0 || w.OBJRs < w.Types["Link"] {
			t.Errorf("%s: %d Link elements with %d annotations", ed.Name(), w.Types["Link"], w.OBJRs)
		}
		// Every part in another language is a Span with its /Lang (TestLangOfParts checks
		// their text); the edition's own language is never repeated on an element.
		parts := map[string]bool{}
		ed.EachInline(func(in book.Inline) {
			if in.Lang != "" && in.Lang != ed.Lang && strings.TrimSpace(in.Text) != "" {
				parts[in.Lang] = true
			}
		})
		for lang := range parts {
			if w.Langs[lang] == 0 || w.Langs[lang] > w.Types["Span"] {
				t.Errorf("%s: %d elements with /Lang %s (%d Spans)", ed.Name(), w.Langs[lang], lang, w.Types["Span"])
			}
		}
		if w.Langs[ed.Lang] > 0 {
			t.Errorf("%s: %d elements repeat the document's /Lang %s", ed.Name(), w.Langs[ed.Lang], ed.Lang)
		}
		if w.Lang != ed.Lang || !w.Marked || w.Pages != len(d.pages) || w.MCRs == 0 {
			t.Errorf("%s: walk %+v", ed.Name(), w)
		}
	}
}

// checkedPDF returns pdfcheck's report on an edition's PDF with the default options, made
// once per test binary for TestTaggedEditions, TestStructTextCoverage and TestLangOfParts.
func checkedPDF(t *testing.T, ed *book.Edition) *pdfcheck.Report {
	t.Helper()
	_, pdf, _ := cachedPDF(t, ed, Options{})
	pdfs.Lock()
	if pdfs.checks == nil {
		pdfs.checks = map[*book.Edition]*checkEntry{}
	}
	e := pdfs.checks[ed]
	if e == nil {
		e = &checkEntry{}
		pdfs.checks[ed] = e
	}
	pdfs.Unlock()
	e.once.Do(func() { e.report, e.err = pdfcheck.Check(pdf) })
	if e.err != nil {
		t.Fatalf("%s: pdfcheck: %v", ed.Name(), e.err)
	}
	return e.report
}

type checkEntry struct {
	once   sync.Once
	report *pdfcheck.Report
	err    error
}

func countLists(bs []book.Block) int {
	n := 0
	for _, b := range bs {
		if b.Kind == book.List {
			n++
			for _, it := range b.Items {
				n += countLists(it)
			}
		}
		n += countLists(b.Children)
	}
	return n
}

// TestStructTextCoverage checks a screen reader's view of every edition, the structure
// tree's text as pdfcheck reads it (with /ActualText; pdfinfo -struct-text shows the same
// tree but ignores ActualText and takes minutes on a whole edition): it has over 97% of the
// words pdftotext finds on the pages, and the running heads and draft notices are not in it.
func TestStructTextCoverage(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		d, path := writePDF(t, ed, Options{})
		out := pdfText(t, path, "-raw")
		r := checkedPDF(t, ed)
		// Words are compared without the punctuation around them: pdftotext splits a stop
		// after a superscript note number off the word, the structure text does not.
		have := map[string]int{}
		for _, w := range strings.Fields(r.Text()) {
			have[bare(w)]++
		}
		page := pageWords(d, out)
		missing := 0
		for _, w := range page {
			if w = bare(w); have[w] > 0 {
				have[w]--
			} else {
				missing++
			}
		}
		cover := 1 - float64(missing)/float64(len(page))
		if cover < 0.97 {
			t.Errorf("%s: the structure tree has %.1f%% of the page words", ed.Name(), 100*cover)
		}
		t.Logf("%s: the structure text has %.2f%% of the %d page words", ed.Name(), 100*cover, len(page))
		all := strings.Join(strings.Fields(r.Text()), " ")
		body := strings.Join(page, " ")
		seen := map[string]bool{}
		for _, p := range d.pages {
			// A head tagged as text would be in the structure text once per page more than
			// in the body text: the page words without the heads, where a short title such
			// as "Кыргызстан" is also a word of the text (title page, headings, contents).
			runs := countHeads(d, p.Head)
			if p.Head == "" || runs < 4 || seen[p.Head] {
				continue
			}
			seen[p.Head] = true
			n, inBody := strings.Count(all, p.Head), strings.Count(body, p.Head)
			if n-inBody >= (runs+1)/2 {
				t.Errorf("%s: running head %q is in the structure text %d times, the body text %d times (%d pages)", ed.Name(), p.Head, n, inBody, runs)
			}
		}
		ui, _ := book.UI(ed.Lang)
		if n := strings.Count(all, strings.Join(strings.Fields(ui.DraftNotice), " ")); ed.Draft() && n > 1 {
			t.Errorf("%s: the draft notice is in the structure text %d times (the imprint has it once)", ed.Name(), n)
		}
	}
}

// pageWords returns the words of pdftotext's text of the pages without what the layout
// marks as artifacts: running heads, folios, draft notices and contents leaders.
func pageWords(d *Document, text string) []string {
	var out []string
	ui, _ := book.UI(d.ed.Lang)
	for i, pg := range strings.Split(text, "\f") {
		for _, l := range strings.Split(pg, "\n") {
			l = strings.TrimSpace(l)
			if i < len(d.pages) && (l == d.pages[i].Head || l == d.pages[i].Folio) || l == strings.TrimSpace(ui.DraftNotice) {
				continue
			}
			for _, w := range strings.Fields(l) {
				if strings.Trim(w, ".") != "" {
					out = append(out, w)
				}
			}
		}
	}
	return out
}

func bare(w string) string { return strings.TrimFunc(w, unicode.IsPunct) }

func countHeads(d *Document, h string) int {
	n := 0
	for _, p := range d.pages {
		if p.Head == h {
			n++
		}
	}
	return n
}

// TestNoBrokenWordsExtracted checks that pdftotext -raw of the English edition has no word
// fragments at line ends: a line that ends in a hyphen ends with a hyphen of the source
// (a compound or an address), never with one the layout inserted.
func TestNoBrokenWordsExtracted(t *testing.T) {
	t.Parallel()
	var source strings.Builder
	for _, ed := range contentEditions(t) {
		if ed.Name() != "kazakhstan-en" {
			continue
		}
		for _, text := range blockTexts(ed) {
			source.WriteString(text + "\n")
		}
		_, path := writePDF(t, ed, Options{})
		lines := strings.Split(pdfText(t, path, "-raw"), "\n")
		src := source.String()
		bad := 0
		for i, l := range lines {
			if !strings.HasSuffix(l, "-") || i+1 == len(lines) {
				continue
			}
			f := strings.Fields(l)
			next := strings.Fields(lines[i+1])
			if len(f) == 0 || len(next) == 0 {
				continue
			}
			if !strings.Contains(src, f[len(f)-1]+next[0]) {
				bad++
				t.Errorf("line ends in a word fragment: %q / %q", f[len(f)-1], next[0])
			}
		}
		if bad > 0 {
			t.Errorf("%d broken words in pdftotext -raw", bad)
		}
		return
	}
	t.Skip("kazakhstan-en is not in the content")
}

// TestStructTextGolden compares pdfinfo -struct-text of the clean fixture's English edition
// with testdata/demo-en.struct.golden; run with -update after an intended change.
func TestStructTextGolden(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo")
	for _, ed := range txtarEditions(t, filepath.Join("..", "book", "testdata", "clean.txtar")) {
		if ed.Lang != "en" {
			continue
		}
		_, path := writePDF(t, ed, Options{})
		out, err := exec.Command(pdfinfo, "-struct-text", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join("testdata", fmt.Sprintf("%s.struct.golden", ed.Name()))
		if testutil.Update() {
			if err := os.WriteFile(file, out, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if string(want) != string(out) {
			t.Errorf("%s differs; run go test -run StructTextGolden -update and review the diff:\n%s", file, firstDiff(string(want), string(out)))
		}
	}
}

// TestLangOfParts checks the language of parts in every edition's structure tree: each text
// of the model in another language than the edition's (book.Inline.Lang: the English
// citations of the kk and ru notes) is in a structure element with that /Lang, and no
// structure element in another language holds a word of the edition's own script.
func TestLangOfParts(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		parts := map[string][]string{} // language -> the model's texts in it
		ed.EachInline(func(in book.Inline) {
			if in.Lang != "" && in.Lang != ed.Lang && strings.TrimSpace(in.Text) != "" && in.Children == nil {
				parts[in.Lang] = append(parts[in.Lang], strings.Join(strings.Fields(in.Text), " "))
			}
		})
		if len(parts) == 0 {
			continue
		}
		r := checkedPDF(t, ed)
		for lang, texts := range parts {
			have := strings.Join(strings.Fields(r.LangText(lang)), " ")
			missing := 0
			for _, s := range texts {
				if !strings.Contains(have, s) {
					if missing++; missing <= 5 {
						t.Errorf("%s: %q (lang %s in the model) is not in the PDF's /Lang %s text", ed.Name(), s, lang, lang)
					}
				}
			}
			if missing > 0 {
				t.Errorf("%s: %d of %d parts in %s missing from /Lang %s", ed.Name(), missing, len(texts), lang, lang)
			}
			for _, w := range strings.Fields(have) {
				if strings.IndexFunc(w, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0 && lang == "en" {
					t.Errorf("%s: /Lang en text has the Cyrillic word %q", ed.Name(), w)
					break
				}
			}
			if missing == 0 {
				t.Logf("%s: %d parts in %s, all under /Lang %s", ed.Name(), len(texts), lang, lang)
			}
		}
	}
}

// TestDrawTwice draws one typeset document twice, as the screen PDF and again, and as the
// print PDF: the structure tree belongs to each file (not to the pages' nodes), so the second
// screen PDF is the first byte for byte and both trees pass pdfcheck.
func TestDrawTwice(t *testing.T) {
	for _, ed := range cleanEditions(t) {
		d, err := Typeset(ed, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := d.WritePDF(&a); err != nil {
			t.Fatal(err)
		}
		if err := d.WritePDF(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the second drawing of a document differs from the first", ed.Name())
		}
		r, err := pdfcheck.Check(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Problems {
			t.Errorf("%s, drawn twice: %s", ed.Name(), p)
		}
	}
}
