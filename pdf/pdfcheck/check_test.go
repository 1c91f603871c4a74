package pdfcheck

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/pdf"
)

// doc writes a small tagged document; spoil changes it in one way the checker must catch.
func doc(t *testing.T, spoil string) []byte {
	t.Helper()
	var buf bytes.Buffer
	date := time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC)
	opts := pdf.Options{Info: pdf.Info{Title: "T", Producer: "bindery", Created: date, Modified: date},
		Lang: "en", Tagged: true, DisplayDocTitle: true, OutputIntent: pdf.SRGBIntent(),
		Conformance: pdf.Conformance{PDFAPart: 2, PDFALevel: "A", PDFUAPart: 1}}
	if spoil == "lang" {
		opts.Lang = ""
	}
	if spoil == "intent" {
		opts.OutputIntent = nil
	}
	w := pdf.New(&buf, opts)
	f, err := w.AddTrueType(fonts.Get(fonts.Serif, fonts.Regular).Data())
	if err != nil {
		t.Fatal(err)
	}
	p := w.NewPage(pdf.PageBoxes{Media: pdf.Rect{X1: 300, Y1: 300}})
	sect := w.StructRoot().Add(w, "Sect")
	h := sect.Add(w, "H1")
	if spoil == "skip" {
		h = sect.Add(w, "H3")
	}
	p.BeginTagged(h)
	p.ShowGlyphs(f, 10, 10, 200, []pdf.Glyph{{ID: 40, Text: "A"}})
	p.EndMarked()
	para := sect.Add(w, "P")
	if spoil != "untagged" {
		p.BeginTagged(para)
	}
	p.ShowGlyphs(f, 10, 10, 100, []pdf.Glyph{{ID: 41, Text: "B"}})
	if spoil == "notdef" {
		p.ShowGlyphs(f, 10, 10, 90, []pdf.Glyph{{ID: 0, Text: "?"}})
	}
	if spoil != "untagged" {
		p.EndMarked()
	}
	span := para.Add(w, "Span")
	span.SetLang("ru")
	if spoil == "badlang" {
		span.SetLang("ru RU")
	}
	p.BeginTagged(span)
	p.ShowGlyphs(f, 10, 40, 100, []pdf.Glyph{{ID: 43, Text: "C"}})
	p.EndMarked()
	p.BeginArtifact("Pagination")
	p.ShowGlyphs(f, 10, 10, 10, []pdf.Glyph{{ID: 42, Text: "1"}})
	p.EndMarked()
	link := para.Add(w, "Link")
	a := p.Link(pdf.Rect{X0: 10, Y0: 100, X1: 20, Y1: 110}, "https://example.org")
	if spoil != "contents" {
		a.SetContents("example")
	}
	if spoil != "objr" {
		a.Tag(w, p, link)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCheck checks that a sound document passes and that each spoilt one is caught.
func TestCheck(t *testing.T) {
	r, err := Check(doc(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 {
		t.Fatalf("sound document: %v", r.Problems)
	}
	if got := strings.Join(r.Claims, " "); got != "pdfaid:part=2 pdfaid:conformance=A pdfuaid:part=1" {
		t.Errorf("claims %q", got)
	}
	if got, langs := strings.TrimSpace(r.LangText("ru")), strings.Join(r.Langs(), " "); got != "C" || langs != "en ru" {
		t.Errorf("LangText(ru) = %q in languages %q, want C in en ru", got, langs)
	}
	for spoil, want := range map[string]string{
		"untagged": "outside tagged content",
		"lang":     "no /Lang",
		"intent":   "no GTS_PDFA1 output intent",
		"skip":     "a level is skipped",
		"notdef":   ".notdef",
		"contents": "no /Contents",
		"objr":     "no /StructParent",
		"badlang":  `/Lang "ru RU" is not a language tag`,
	} {
		r, err := Check(doc(t, spoil))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(r.Problems, "\n"), want) {
			t.Errorf("%s: problems %v lack %q", spoil, r.Problems, want)
		}
	}
}

// FuzzParse feeds the parser damaged files: it must return an error or a file, never panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n"))
	f.Add([]byte("1 0 obj\n[(a\\051) <41> /N 1 0 R true null]\nendobj\ntrailer\n<<>>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if f, err := Parse(b); err == nil {
			Check(f.Raw)
		}
	})
}
