package publish

import (
	"archive/zip"
	"html"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/validate"
	"github.com/fpc/bindery/layout"
)

// TestPageListFollowsPrint builds every edition as `bindery build` does and compares the
// EPUB's print page numbers with the PDF: the page-list has one entry per printed page, in
// order, with the PDF's folio; the generated pages are marked in their documents; and on
// every page that starts in the text, the words after the EPUB's marker are the first
// words pdftotext finds on that page of the PDF (compared letter by letter, without the
// running head and the draft notice; a page that starts inside a word, whose marker
// follows the word, begins with the rest of that word).
func TestPageListFollowsPrint(t *testing.T) {
	t.Parallel()
	pdftotext := validate.Tool(t, "pdftotext")
	lib, dir, _ := builtCorpus(t)
	for _, ed := range lib.Editions {
		t.Run(ed.Name(), func(t *testing.T) {
			doc, err := layout.Typeset(ed, layout.Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, "-raw", "-enc", "UTF-8", filepath.Join(dir, ed.Name()+".pdf"), "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pdf := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
			e := readEPUBPages(t, filepath.Join(dir, ed.Name()+".epub"))
			comparePages(t, ed, doc, pdf, e)
		})
	}
}

// comparePages checks one edition's EPUB page marks against the pages of its PDF.
func comparePages(t *testing.T, ed *book.Edition, doc *layout.Document, pdf []string, e *epubPages) {
	starts := doc.PageStarts()
	if len(pdf) != len(starts) || len(e.list) != len(pdf) {
		t.Fatalf("the PDF has %d pages, the layout %d, the page-list %d entries", len(pdf), len(starts), len(e.list))
	}
	ui, _ := book.UI(ed.Lang)
	compared := 0
	for i, s := range starts {
		if e.list[i] != s.Page {
			t.Errorf("page-list entry %d is %q, the PDF's page %q", i+1, e.list[i], s.Page)
			continue
		}
		if want, ok := generated[s.Block]; ok {
			if e.file[s.Page] != want {
				t.Errorf("p.%s: marked in %q, want %q", s.Page, e.file[s.Page], want)
			}
			continue
		}
		// The running head and the draft notice stand once on the page, at its end or its
		// start in the text's order: a heading that reads like the head (Notes under a Notes
		// head) is text of the page.
		got := letters(pdf[i])
		for _, furniture := range []string{ui.DraftNotice, doc.Pages()[i].Head} {
			if f := letters(furniture); f != "" {
				if strings.HasSuffix(got, f) {
					got = strings.TrimSuffix(got, f)
				} else {
					got = strings.TrimPrefix(got, f)
				}
			}
		}
		after, ok := e.after[s.Page]
		if !ok {
			t.Errorf("p.%s: no marker in the EPUB", s.Page)
			continue
		}
		// A word the page turn cuts extracts whole on the page before (its parts carry the
		// word as /ActualText), so the page's text starts after the rest of the word.
		want := letters(after)
		if strings.TrimSuffix(strings.TrimSuffix(got, letters(ui.DraftNotice)), letters(doc.Pages()[i].Head)) == "" {
			// A blank page: its marker directly precedes the next page's.
			if !strings.HasPrefix(after, "\x00") {
				t.Errorf("p.%s: a blank page's marker is followed by text %.40q", s.Page, after)
			}
			continue
		}
		n := min(40, len([]rune(want)))
		if n < 8 || !strings.HasPrefix(got, string([]rune(want)[:n])) {
			t.Errorf("p.%s (%s@%d): the EPUB goes on with %.60q, the PDF page starts with %.60q", s.Page, s.Block, s.Offset, want, got)
			continue
		}
		compared++
	}
	t.Logf("%d of %d pages compared with the PDF", compared, len(starts))
	if compared < len(starts)/2 {
		t.Errorf("only %d of %d pages compared", compared, len(starts))
	}
}

// generated maps the addresses of the generated pages to the EPUB documents that mark them.
var generated = map[string]string{"titlepage": "title.xhtml", "imprint": "imprint.xhtml", "contents": "nav.xhtml"}

// letters keeps the letters of s, lower-cased and in compatibility form (ligatures
// split): what survives the different punctuation, spacing, hyphenation, note numbers and
// bullets of the two renderings.
func letters(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// blockText returns the plain text of the block with a page-start address, "" for a place
// that is not a text block.
func blockText(ed *book.Edition, addr string) string {
	for _, ch := range ed.Chapters {
		if rest, ok := strings.CutPrefix(addr, ch.ID+"-b"); ok {
			return nestedText(ch.Blocks, rest)
		}
		for _, n := range ch.Notes {
			if rest, ok := strings.CutPrefix(addr, ch.NoteID(n.Number)+"."); ok {
				return nestedText(n.Blocks, rest)
			}
		}
	}
	return ""
}

// nestedText follows a path such as "4.2.0" into blocks.
func nestedText(bs []book.Block, path string) string {
	head, rest, _ := strings.Cut(path, ".")
	i, err := strconv.Atoi(head)
	if err != nil || i < 0 || i >= len(bs) {
		return ""
	}
	b := bs[i]
	switch {
	case rest == "":
		return inlineText(b.Inlines)
	case rest == "title":
		return inlineText(b.Title)
	case rest == "byline":
		return inlineText(b.Byline)
	case b.Kind == book.List:
		item, sub, _ := strings.Cut(rest, ".")
		j, err := strconv.Atoi(item)
		if err != nil || j < 0 || j >= len(b.Items) {
			return ""
		}
		return nestedText(b.Items[j], sub)
	}
	return nestedText(b.Children, rest)
}

// inlineText is the text the page-start offsets count: Text, Code and URLText runs.
func inlineText(ins []book.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch in.Kind {
		case book.Text, book.Code, book.URLText:
			b.WriteString(in.Text)
		}
		b.WriteString(inlineText(in.Children))
	}
	return b.String()
}

// epubPages is what an EPUB says of the print pages: the page-list's labels in order, the
// document of each page's marker and the text that follows each marker in reading order
// (later markers as NUL).
type epubPages struct {
	list  []string
	file  map[string]string
	after map[string]string
}

var (
	spineRef    = regexp.MustCompile(`<itemref idref="([^"]+)"`)
	manifestRef = regexp.MustCompile(`<item id="([^"]+)" href="([^"]+)"`)
	pageListNav = regexp.MustCompile(`(?s)<nav epub:type="page-list".*?</nav>`)
	hiddenNav   = regexp.MustCompile(`(?s)<nav epub:type="landmarks".*?</nav>`)
	pageEntry   = regexp.MustCompile(`<a href="[^"#]+#page-[^"]*">([^<]+)</a>`)
	pageMarker  = regexp.MustCompile(`<span id="page-[^"]*" class="pagebreak" epub:type="pagebreak" role="doc-pagebreak" aria-label="([^"]+)"/>`)
	noteMark    = regexp.MustCompile(`<span class="note-mark">.*?</span>`)
	noteNumber  = regexp.MustCompile(`\d+`)
	markupTag   = regexp.MustCompile(`<[^>]*>`)
)

// readEPUBPages reads the page-list and the markers of an EPUB file.
func readEPUBPages(t *testing.T, path string) *epubPages {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(name string) string {
		f, err := zr.Open("EPUB/" + name)
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
	opf := read("package.opf")
	hrefs := map[string]string{}
	for _, m := range manifestRef.FindAllStringSubmatch(opf, -1) {
		hrefs[m[1]] = m[2]
	}
	e := &epubPages{file: map[string]string{}, after: map[string]string{}}
	var stream strings.Builder
	for _, m := range spineRef.FindAllStringSubmatch(opf, -1) {
		doc := read(hrefs[m[1]])
		if list := pageListNav.FindString(doc); list != "" {
			for _, p := range pageEntry.FindAllStringSubmatch(list, -1) {
				e.list = append(e.list, html.UnescapeString(p[1]))
			}
		}
		doc = hiddenNav.ReplaceAllString(pageListNav.ReplaceAllString(doc, ""), "")
		for _, p := range pageMarker.FindAllStringSubmatch(doc, -1) {
			e.file[html.UnescapeString(p[1])] = hrefs[m[1]]
		}
		doc = pageMarker.ReplaceAllString(doc, "\x00$1\x01")
		doc = noteMark.ReplaceAllStringFunc(doc, func(s string) string { return noteNumber.FindString(s) + ". " })
		stream.WriteString(html.UnescapeString(markupTag.ReplaceAllString(doc, " ")))
	}
	parts := strings.Split(stream.String(), "\x00")
	for i, p := range parts[1:] {
		page, _, _ := strings.Cut(p, "\x01")
		var rest strings.Builder
		for k, q := range parts[i+1:] {
			_, text, _ := strings.Cut(q, "\x01")
			if k > 0 {
				rest.WriteByte(0)
			}
			rest.WriteString(text)
			if rest.Len() > 1000 {
				break
			}
		}
		e.after[page] = rest.String()
	}
	return e
}
