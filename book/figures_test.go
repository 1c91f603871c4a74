package book

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/internal/testutil"
)

// loadFigures loads the figures report, with its chapters changed by edit (nil: as it is).
func loadFigures(t *testing.T, edit func(fstest.MapFS)) (*Edition, Diagnostics) {
	t.Helper()
	fsys := testutil.Figures(t)
	if edit != nil {
		edit(fsys)
	}
	lib, ds := Load(fsys)
	ed := lib.Edition("figures", "en")
	if ed == nil {
		t.Fatalf("no figures edition: %v", ds)
	}
	return ed, ds
}

func TestFiguresFixtureChecksClean(t *testing.T) {
	ed, ds := loadFigures(t, nil)
	if len(ds) > 0 {
		t.Fatalf("figures report is not clean:\n%v", ds)
	}
	for _, p := range Papers() {
		if rs := ed.PrintResolution(p, true); len(rs) > 0 {
			t.Errorf("%s: %v", p, rs)
		}
	}
	var figs []*Image
	var pictures []*Image
	for _, ch := range ed.Chapters {
		eachImage(ch.Blocks, func(im *Image, figure bool) {
			if figure {
				figs = append(figs, im)
			} else {
				pictures = append(pictures, im)
			}
		})
	}
	got := ""
	for _, im := range append(figs, pictures...) {
		got += fmt.Sprintf("%s %s %dx%d decorative=%v alt=%t file=%s\n", im.Src, im.Format, im.Width, im.Height, im.Decorative, im.Alt != "", im.File)
	}
	want := "images/chart.png png 1200x700 decorative=false alt=true file=figures/en/images/chart.png\n" +
		"images/photo.jpg jpeg 1500x1000 decorative=false alt=true file=figures/en/images/photo.jpg\n" +
		"images/ornament.png png 600x60 decorative=true alt=false file=figures/en/images/ornament.png\n" +
		"images/icon.png png 48x48 decorative=false alt=true file=figures/en/images/icon.png\n"
	if got != want {
		t.Errorf("images:\n%s\nwant:\n%s", got, want)
	}
	for _, im := range append(figs, pictures...) {
		if len(im.Data) == 0 || len(im.Hash) != 64 {
			t.Errorf("%s: data %d bytes, hash %q", im.Src, len(im.Data), im.Hash)
		}
	}
	fig := ed.Chapters[0].Blocks[1]
	if fig.Kind != Figure || PlainText(fig.Caption) != "Figure 1: Cases recorded by the monitors, 2015–2022" {
		t.Errorf("first figure: %v %q", fig.Kind, PlainText(fig.Caption))
	}
}

func TestFiguresFixtureVocabulary(t *testing.T) {
	ed, _ := loadFigures(t, nil)
	var kinds []string
	eachBlock(ed.Chapters[0].Blocks, func(b *Block) {
		if b.Kind == Heading {
			kinds = append(kinds, fmt.Sprintf("h%d", b.Level))
		} else {
			kinds = append(kinds, b.Kind.String())
		}
	})
	want := "paragraph figure paragraph figure figure h2 paragraph list paragraph list paragraph paragraph list paragraph paragraph paragraph paragraph paragraph h3 h4 paragraph code block section break paragraph"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("blocks:\n got %s\nwant %s", got, want)
	}
	var code *Block
	eachBlock(ed.Chapters[0].Blocks, func(b *Block) {
		if b.Kind == CodeBlock {
			code = b
		}
	})
	if code.Language != "sql" || !strings.Contains(code.Inlines[0].Text, "\n    WHERE region = 'Almaty'\n") {
		t.Errorf("code block %q: %q", code.Language, code.Inlines[0].Text)
	}
	if secs := ed.Chapters[0].Sections(); len(secs) != 1 || secs[0].Title != "What the monitors did" {
		t.Errorf("sections (## only): %+v", secs)
	}

	tables := ed.Chapters[1].Blocks
	tb := tables[1]
	if tb.Kind != Table || len(tb.Rows) != 40 || len(tb.Header) != 4 || !tb.RowHeaders {
		t.Fatalf("table: kind %v, %d rows, %d header cells, row headers %v", tb.Kind, len(tb.Rows), len(tb.Header), tb.RowHeaders)
	}
	if got := PlainText(tb.Caption); got != "Table 1: Cases, detentions and the average sentence by region and year" {
		t.Errorf("caption %q", got)
	}
	if fmt.Sprint(tb.Columns) != "[left right right right]" {
		t.Errorf("columns %v", tb.Columns)
	}
	if got := PlainText(tb.Rows[39][0].Inlines); got != "Shymkent (2020)" || tb.Rows[39][0].Pos.Line != 50 {
		t.Errorf("last row %q at %v", got, tb.Rows[39][0].Pos)
	}
	cell := tb.Rows[8][0].Inlines
	if ref := cell[len(cell)-1]; ref.Kind != NoteRef || ref.Note != 2 || ed.Chapters[1].Notes[1].Label != "cell" {
		t.Errorf("note in a cell: %+v", ref)
	}
}

func TestEachInlineReachesCellsAndCaptions(t *testing.T) {
	ed, _ := loadFigures(t, nil)
	var b strings.Builder
	ed.EachInline(func(in Inline) {
		if in.Kind == Text || in.Kind == Code {
			b.WriteString(in.Text + "|")
		}
	})
	for _, w := range []string{"Shymkent (2020)", "Months", "Table 1: Cases", "Figure 2: Outside the courthouse", "GROUP BY year;", "by telephone;"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("EachInline misses %q", w)
		}
	}
}

// TestFigureProblems: each problem is reported at the image's (or the row's) line and column.
func TestFigureProblems(t *testing.T) {
	gif := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	cases := []struct {
		name, text string
		want       string
	}{
		{"missing file", "![A map](images/map.png)\n", `7:1: error: image "images/map.png" does not exist`},
		{"no alt text", "Text.\n\n![](images/chart.png)\n", `9:1: error: image "images/chart.png" has no alt text`},
		{"gif", "![A map](images/map.gif)\n", `7:1: error: image "images/map.gif" is a GIF image; bindery embeds PNG and JPEG images`},
		{"outside the edition", "See ![A map](../../x.png).\n", `7:5: error: image "../../x.png" is outside the edition folder`},
		{"another edition", "![A map](../kk/map.png)\n", `7:1: error: image "../kk/map.png" is outside the edition folder`},
		{"no file", "![A map]()\n", `7:1: error: image has no file`},
		{"decorative with alt", "![A rule](images/ornament.png){.decorative}\n", `7:1: warning: image "images/ornament.png" is marked {.decorative}, so its alt text "A rule" is not read`},
		{"note in alt", "![A map[^1]](images/chart.png)\n\n[^1]: N.\n", `7:8: error: a note reference inside an image's alt text`},
		{"extra cells", "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", `9:11: error: table row has 3 cells but the table has 2 columns`},
		{"heading 5", "##### Deep\n", `7:7: error: heading level 5: bindery sets headings from ## to ####`},
		{"lone caption", "Table: Nothing\n\nText.\n", `7:1: warning: a paragraph beginning "Table:" is a table's caption only directly before or after a table`},
		{"link out of the tree", "![A map](images/link.png)\n", `7:1: error: image "images/link.png" is a symbolic link to ../../../../etc/passwd, outside the content directory`},
		{"link to an absolute path", "![A map](images/abs.png)\n", `7:1: error: image "images/abs.png" is a symbolic link to the absolute path /etc/passwd`},
		{"caption under the rows and one above", "Table: Above\n\n| a | b |\n|---|---|\n| 1 | 2 |\nTable: Below\n", `12:1: warning: the line beginning "Table:" right under the table is read as its last row`},
		{"title inside text", "A ![mark](images/icon.png \"Mark\") here.\n", `7:3: warning: the title "Mark" of an image inside text is not printed`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := loadFigures(t, func(fsys fstest.MapFS) {
				fsys["figures/en/images/map.gif"] = &fstest.MapFile{Data: gif}
				fsys["figures/en/images/link.png"] = symlink("../../../../etc/passwd")
				fsys["figures/en/images/abs.png"] = symlink("/etc/passwd")
				fsys["figures/en/02-tables.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\n---\n\nText.\n\n" + tc.text)}
			})
			if !strings.Contains(fmt.Sprint(ds), "figures/en/02-tables.md:"+tc.want) {
				t.Errorf("want figures/en/02-tables.md:%s\ngot:\n%v", tc.want, ds)
			}
		})
	}
}

// TestCaptionUnderRows: "Table:" on the line right under the rows is the caption.
func TestCaptionUnderRows(t *testing.T) {
	var ds Diagnostics
	ch := parseChapter("f.md", []byte("---\ntitle: T\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\nTable: Below *it*\n"), "en", false, &ds)
	b := ch.Blocks[0]
	if len(ds) != 0 || b.Kind != Table || len(b.Rows) != 1 || PlainText(b.Caption) != "Below it" {
		t.Errorf("%v: %d rows, caption %q", ds, len(b.Rows), PlainText(b.Caption))
	}
}

func TestPrintResolution(t *testing.T) {
	ed, _ := loadFigures(t, func(fsys fstest.MapFS) {
		small := testutil.FigureImages()["figures/en/images/icon.png"]
		fsys["figures/en/images/small.png"] = &fstest.MapFile{Data: small}
		// 48 pixels at text height: 48/(10/72) = 346 ppi on A5 (10 pt), 314 on A4 (11 pt).
		fsys["figures/en/02-tables.md"] = &fstest.MapFile{Data: []byte("---\ntitle: T\n---\n\nA ![mark](images/small.png) here.\n")}
	})
	if ds := ed.PrintResolution(PaperA4, true); len(ds) != 0 {
		t.Errorf("A4: %v", ds)
	}
	// The chart is 1200 pixels at 300 ppi whatever the measure: never under 300.
	im := &Image{Width: 1200, Height: 700}
	for _, p := range Papers() {
		if ppi := im.PPI(im.FigureWidth(p.Measure())); ppi < 299.9 {
			t.Errorf("%s: chart at %.1f ppi", p, ppi)
		}
	}
	// A picture set at 11 pt with 20 pixels: 131 ppi, an error for print, a warning in check.
	pic := &Image{Src: "s.png", Width: 20, Height: 20, Data: []byte{1}, Pos: Pos{File: "f.md", Line: 3, Col: 4}}
	ed.Chapters[1].Blocks = []Block{{Kind: Paragraph, Inlines: []Inline{{Kind: Picture, Image: pic}}}}
	if ds := ed.PrintResolution(PaperA4, true); len(ds) != 1 || !ds.HasErrors() || !strings.Contains(ds[0].String(), `f.md:3:4: error: image "s.png" prints at 131 ppi`) {
		t.Errorf("press: %v", ds)
	}
	if ds := ed.PrintResolution(PaperA4, false); len(ds) != 1 || ds.HasErrors() {
		t.Errorf("check: %v", ds)
	}
	pic.Width, pic.Height = 40, 40 // 262 ppi at 11 pt: a warning either way
	if ds := ed.PrintResolution(PaperA4, true); len(ds) != 1 || ds.HasErrors() || !strings.Contains(ds[0].String(), "prints at 262 ppi") {
		t.Errorf("warning: %v", ds)
	}
}

func TestPaperMeasure(t *testing.T) {
	for _, tc := range []struct {
		p    Paper
		want float64 // mm
	}{{PaperA5, 110}, {PaperA4, 132}, {PaperLetter, 131.9}, {Paper("folio"), 0}} {
		if got := tc.p.Measure() * 25.4 / 72; got < tc.want-0.01 || got > tc.want+0.01 {
			t.Errorf("%s: measure %.2f mm, want %.2f", tc.p, got, tc.want)
		}
	}
}

// TestCodeBlockGlyphs: a code block is checked against PT Mono, its lines verbatim.
func TestCodeBlockGlyphs(t *testing.T) {
	var ds Diagnostics
	ch := parseChapter("f.md", []byte("---\ntitle: T\n---\n\n```\nok \"quotes\" -- stay\n\tx 漢\n```\n"), "en", false, &ds)
	if len(ds) != 1 || !strings.Contains(ds[0].String(), "f.md:7:4: error: U+6F22 <CJK Ideograph> not in PT Mono") {
		t.Errorf("diagnostics: %v", ds)
	}
	if got := ch.Blocks[0].Inlines[0].Text; got != "ok \"quotes\" -- stay\n    x 漢" {
		t.Errorf("code text %q", got)
	}
}

// TestImprintCreditsMono: the figures report has a code block, so its imprint credits PT Mono.
func TestImprintCreditsMono(t *testing.T) {
	ed, _ := loadFigures(t, nil)
	rows := ed.Imprint().Rows
	if last := rows[len(rows)-1]; last.Values[0] != TypefacesMono {
		t.Errorf("typefaces row %v", last)
	}
}
