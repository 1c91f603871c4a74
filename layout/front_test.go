package layout

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/textwrap"
)

// displayParagraphs returns the lines, as words, of the paragraphs a typographer breaks by
// sense: those of the half title and the title page, the chapter titles and the contents
// entries (without their leaders and page numbers).
func displayParagraphs(d *Document) [][][]string {
	var out [][][]string
	front := 0
	for _, p := range d.pages {
		if p.Kind == FrontPage {
			front++
		}
		titlePage := p.Kind == FrontPage && (front == 1 || front == 3) // the imprint is small print
		for _, pe := range p.elems {
			ln := pe.e.ln
			if ln == nil || ln.tag == nil || !titlePage && ln.tag.Role != "TOCI" && ln.tag.Role != "H1" {
				continue
			}
			var words []string
			for _, r := range ln.runs {
				if !r.artifact && r.g != nil && (ln.tag.Role != "TOCI" || r.g.link == "" || !pageNumber.MatchString(r.g.text)) {
					words = append(words, strings.Fields(strings.ReplaceAll(r.g.text, "\u00a0", " "))...)
				}
			}
			if ln.first || len(out) == 0 {
				out = append(out, nil)
			}
			out[len(out)-1] = append(out[len(out)-1], words)
		}
	}
	return out
}

var pageNumber = regexp.MustCompile(`^[0-9]+$`)

// TestDisplayLinesBySense checks the display pages and the contents of every corpus edition
// as a typographer reads them: a title or contents entry that takes several lines leaves no
// word alone on its last line and ends no line with a preposition, article or conjunction;
// and the words at the ends of the title page's lines keep their space in the extracted text
// (the title page once read "the pressureon human rights"); versos are headed with the
// book's title proper, not its series.
func TestDisplayLinesBySense(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		d, path := writePDF(t, ed, Options{})
		paras := displayParagraphs(d)
		if len(paras) < 5 {
			t.Errorf("%s: only %d display paragraphs found", ed.Name(), len(paras))
		}
		for _, lines := range paras {
			if len(lines) < 2 {
				continue
			}
			if last := lines[len(lines)-1]; len(last) < 2 {
				t.Errorf("%s: %q leaves a word alone on its last line", ed.Name(), lines)
			}
			for _, l := range lines[:len(lines)-1] {
				if len(l) > 0 && textwrap.WeakEnd(ed.Lang, l[len(l)-1]) {
					t.Errorf("%s: %q ends a line with %q", ed.Name(), lines, l[len(l)-1])
				}
			}
		}
		for _, p := range d.pages {
			if p.Kind == BodyPage && p.Number%2 == 0 && p.Head != d.ui.Notes && !strings.HasPrefix(ed.Meta.Display().Title, strings.TrimSuffix(p.Head, "…")) {
				t.Errorf("%s p.%d: the verso is headed %q, not with the book's title %q", ed.Name(), p.Number, p.Head, ed.Meta.Display().Title)
			}
		}
		raw := strings.Join(strings.Fields(pdfText(t, path, "-raw", "-f", "3", "-l", "3")), " ")
		title := strings.Join(strings.Fields(strings.ReplaceAll(ed.Meta.Display().Title, "\u00a0", " ")), " ")
		if !strings.Contains(raw, title) {
			t.Errorf("%s: the title page's text %q lacks the title %q", ed.Name(), raw, title)
		}
	}
}

// TestImprintPage reads the imprint page (p.4) of every content edition as set: its labels
// in the edition's language, no generated identifier, no image credit (the corpus books
// hold no picture), and the ISBN as an ISBN once the manifest gives one.
func TestImprintPage(t *testing.T) {
	t.Parallel()
	eds := contentEditions(t)
	if len(eds) == 0 {
		t.Skip("no content editions (with -short none are loaded)")
	}
	withISBN := *eds[0]
	withISBN.Meta.ISBN = book.ISBN{Digits: "9781910812044", Written: "978-1-910812-04-4"}
	for _, e := range append(eds, &withISBN) {
		d := typeset(t, e, Options{})
		var lines []string
		for _, pe := range d.pages[3].elems {
			if pe.e.ln != nil {
				lines = append(lines, lineText(pe.e.ln))
			}
		}
		text := strings.Join(lines, "\n")
		ui := e.Strings()
		for _, label := range []string{ui.Publisher, ui.Published, ui.Rights, ui.Typefaces, ui.Editor} {
			if !strings.Contains(text, label+":") {
				t.Errorf("%s: the imprint lacks %q:\n%s", e.Name(), label, text)
			}
		}
		if strings.Contains(text, "urn:") || strings.Contains(text, ui.ImageCredits) {
			t.Errorf("%s: the imprint prints a URN or an image credit:\n%s", e.Name(), text)
		}
		if want := "ISBN: 978-1-910812-04-4"; (e == &withISBN) != strings.Contains(text, want) {
			t.Errorf("%s: ISBN line %q expected %v:\n%s", e.Name(), want, e == &withISBN, text)
		}
	}
}
