package epub

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
)

// figuresEdition loads the figures report (book/testdata/figures.txtar with its images).
func figuresEdition(t *testing.T) *book.Edition {
	t.Helper()
	lib, ds := book.Load(testutil.Figures(t))
	if ds.HasErrors() || len(lib.Editions) != 1 {
		t.Fatalf("figures report: %v", ds)
	}
	return lib.Editions[0]
}

var figuresOpts = Options{Modified: time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC)}

func TestFiguresEPUB(t *testing.T) {
	ed := figuresEdition(t)
	u := unpack(t, build(t, ed, figuresOpts))
	opf := string(u.files[packagePath])
	ch1 := string(u.files[rootDir+"ch01-figures.xhtml"])
	ch2 := string(u.files[rootDir+"ch02-tables.xhtml"])

	// Each image once, named by its content, with its media type.
	for _, im := range ed.Images() {
		href := imageHref(im)
		entry := `href="` + href + `" media-type="` + im.Format.MediaType() + `"`
		if strings.Count(opf, entry) != 1 || string(u.files[rootDir+href]) != string(im.Data) {
			t.Errorf("%s: manifest %q (%d), file %d bytes", im.Src, entry, strings.Count(opf, entry), len(u.files[rootDir+href]))
		}
	}
	if n := strings.Count(opf, `media-type="image/png"`); n != 4 { // the cover and 3 PNGs
		t.Errorf("%d PNG items", n)
	}
	for _, want := range []string{
		`<figure class="figure">` + "\n" + `<img src="images/`,
		`alt="Bar chart of recorded cases per year from 2015 to 2022: the bars rise`,
		`<figcaption>Figure 1: Cases recorded by the monitors, 2015–2022</figcaption>`,
		`alt="A crowd in front of a courthouse at dusk, seen from across the square." class="figure"/>`,
		`<figcaption>Figure 2: Outside the courthouse</figcaption>`,
		`alt="Warning sign" class="picture"/>`,
		`alt="" class="decorative" role="presentation"/>`,
		`<pre class="code"><code class="language-sql">SELECT year, count(*) FROM cases` + "\n    WHERE region = 'Almaty'",
		`<hr class="ornament"/>`,
		`<h4 id=`,
		"<ul>\n<li>from lawyers,</li>",
	} {
		if !strings.Contains(ch1, want) {
			t.Errorf("chapter 1 lacks %q", want)
		}
	}
	if !strings.Contains(ch1, `<li><p>They collected reports:</p>`+"\n<ul>") && !strings.Contains(ch1, "They collected reports:") {
		t.Errorf("nested list lost")
	}
	for _, want := range []string{
		`<div class="table" role="region" tabindex="0" aria-labelledby="ch02-tables-t1">`,
		`<caption id="ch02-tables-t1">Table 1: Cases, detentions and the average sentence by region and year</caption>`,
		`<thead><tr><td/><th scope="col" class="right">Cases</th><th scope="col" class="right">Detained</th><th scope="col" class="right">Months</th></tr></thead>`,
		`<tr><th scope="row" class="left">Abai (2019)</th><td class="right">3</td>`,
		`<th scope="row" class="left">Shymkent (2020)</th>`,
	} {
		if !strings.Contains(ch2, want) {
			t.Errorf("chapter 2 lacks %q", want)
		}
	}
	rows := regexp.MustCompile(`<tr><th scope="row"[^>]*>([^<]*)`).FindAllStringSubmatch(ch2, -1)
	if len(rows) != 40 {
		t.Fatalf("%d body rows, want 40", len(rows))
	}
	for i, r := range rows {
		if want := book.PlainText(ed.Chapters[1].Blocks[1].Rows[i][0].Inlines); !strings.HasPrefix(want, r[1]) {
			t.Errorf("row %d is %q, want %q", i, r[1], want)
		}
	}
	// The note in a cell is note 2 of the chapter, after the one in the first paragraph.
	if !strings.Contains(ch2, `Karaganda (2019)<sup class="noteref"><a epub:type="noteref" role="doc-noteref" id="ch02-tables-ref-2"`) {
		t.Errorf("the note reference in the cell is not note 2")
	}
	css := string(u.files[rootDir+styleFile])
	for _, want := range []string{`font-family: "PT Mono";`, "overflow-x: auto", "hr.ornament::after"} {
		if !strings.Contains(css, want) {
			t.Errorf("style sheet lacks %q", want)
		}
	}
	if _, ok := u.files[rootDir+"fonts/PTM55F.ttf"]; !ok {
		t.Error("PT Mono is not shipped with a code block")
	}
}

// TestNoFigureSheetWithoutFigures: an edition without figures, tables, code or breaks
// gets the style sheet and fonts it had before they existed.
func TestNoFigureSheetWithoutFigures(t *testing.T) {
	u := unpack(t, build(t, fixture("en", false), Options{}))
	css := string(u.files[rootDir+styleFile])
	if strings.Contains(css, "figcaption") || strings.Contains(css, "PT Mono") {
		t.Error("the figures' style rules are in an edition without figures")
	}
	if _, ok := u.files[rootDir+"fonts/PTM55F.ttf"]; ok {
		t.Error("PT Mono is shipped without a code block")
	}
}

// TestFiguresPageMarks: print pages that start at a table's row, inside a cell, in a
// figure's caption or in a code block are marked there.
func TestFiguresPageMarks(t *testing.T) {
	ed := figuresEdition(t)
	opts := figuresOpts
	opts.PageList = []book.PageMark{
		{Page: "1", ChapterID: "ch01-figures", Block: "ch01-figures"},
		{Page: "2", ChapterID: "ch01-figures", Block: "ch01-figures-b1.caption", Offset: 9},
		{Page: "3", ChapterID: "ch01-figures", Block: "ch01-figures-b11", Offset: 37},
		{Page: "4", ChapterID: "ch02-tables", Block: "ch02-tables-b1.22"},
		{Page: "5", ChapterID: "ch02-tables", Block: "ch02-tables-b1.29.0", Offset: 8},
	}
	u := unpack(t, build(t, ed, opts))
	ch1 := string(u.files[rootDir+"ch01-figures.xhtml"])
	ch2 := string(u.files[rootDir+"ch02-tables.xhtml"])
	marker := func(n string) string {
		return `<span id="page-` + n + `" class="pagebreak" epub:type="pagebreak" role="doc-pagebreak" aria-label="` + n + `"/>`
	}
	for _, want := range []struct{ doc, s string }{
		{ch1, "<figcaption>Figure 1:" + marker("2") + " Cases"},
		{ch1, "FROM cases\n    " + marker("3") + "WHERE region"},
		{ch2, `<tr><th scope="row" class="left">` + marker("4") + "Aktobe (2020)"},
		{ch2, `<th scope="row" class="left">Kostanay` + marker("5") + " (2020)"},
	} {
		if !strings.Contains(want.doc, want.s) {
			t.Errorf("no %q", want.s)
		}
	}
}

// TestFiguresNoWordLost: every word of the figures report (captions, cells, code, nested
// items) is in the EPUB's text, and every alt text in an alt attribute.
func TestFiguresNoWordLost(t *testing.T) {
	ed := figuresEdition(t)
	u := unpack(t, build(t, ed, figuresOpts))
	var docs strings.Builder
	for name, data := range u.files {
		if strings.HasSuffix(name, ".xhtml") && !strings.HasSuffix(name, "nav.xhtml") {
			docs.Write(data)
		}
	}
	all := docs.String()
	text := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(all, ""))
	text = strings.ReplaceAll(text, "\u00ad", "")
	words := 0
	ed.EachInline(func(in book.Inline) {
		if in.Kind != book.Text && in.Kind != book.Code && in.Kind != book.URLText {
			return
		}
		for _, w := range strings.Fields(in.Text) {
			words++
			if !strings.Contains(text, w) {
				t.Errorf("word %q is not in the EPUB", w)
			}
		}
	})
	if words < 350 {
		t.Errorf("only %d words walked", words)
	}
	for _, im := range ed.Images() {
		if !im.Decorative && !strings.Contains(all, `alt="`+html.EscapeString(im.Alt)+`"`) {
			t.Errorf("alt text of %s is not in the EPUB", im.Src)
		}
	}
}
