package layout

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

func TestSplitCode(t *testing.T) {
	for _, tc := range []struct {
		in   string
		fit  int
		want []string
	}{
		{"", 10, []string{""}},
		{"short", 10, []string{"short"}},
		{"exactly10!", 10, []string{"exactly10!"}},
		{"abcdefghijk", 10, []string{"abcdefghi", "jk"}},
		{"абвгдеёжзийклмнопрст", 8, []string{"абвгдеё", "жзийклм", "нопрст"}},
	} {
		if got := splitCode(tc.in, tc.fit); !slices.Equal(got, tc.want) {
			t.Errorf("splitCode(%q, %d) = %q, want %q", tc.in, tc.fit, got, tc.want)
		}
	}
}

// vocabEdition is a one-chapter edition of the given blocks.
func vocabEdition(blocks ...book.Block) *book.Edition {
	ch := &book.Chapter{ID: "ch01", Title: "One", File: "content/r/en/01.md", Blocks: blocks}
	return &book.Edition{Report: "r", Lang: "en", Chapters: []*book.Chapter{ch},
		Meta: book.Metadata{Title: "R", Publisher: "P", Date: time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC), Paper: "a5"}}
}

// TestCodeBlockLongLine checks that a code line wider than the measure continues on the
// next line after the mark, that every character is kept, and that the warning names
// the line of the manuscript.
func TestCodeBlockLongLine(t *testing.T) {
	long := strings.Repeat("0123456789", 12)
	code := book.Block{Kind: book.CodeBlock, Pos: book.Pos{File: "content/r/en/01.md", Line: 3, Col: 1},
		Inlines: []book.Inline{{Kind: book.Code, Text: "short line\n" + long + "\n"}}}
	d, err := Typeset(vocabEdition(code), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	marks := 0
	for _, p := range d.pages {
		for _, ln := range p.textLines() {
			for _, r := range ln.runs {
				if r.g.font != monoRegular {
					continue
				}
				if r.artifact {
					marks++
					continue
				}
				got = append(got, r.g.text)
				if ln.indent+r.x+r.g.width > d.g.textW+0.01 {
					t.Errorf("code %q runs past the measure", r.g.text)
				}
			}
		}
	}
	if strings.Join(got, "") != "short line"+long || len(got) < 3 || marks != len(got)-2 {
		t.Errorf("code lines %q with %d marks", got, marks)
	}
	ds := d.Diagnostics()
	if len(ds) != 1 || ds[0].Pos.Line != 5 || !strings.Contains(ds[0].Message, "120 characters long") {
		t.Errorf("diagnostics %v, want one at line 5", ds)
	}
	if !d.usesFace(monoRegular) {
		t.Error("usesFace: no mono text")
	}
}

// TestTableTooWide checks that a table whose words do not fit the measure at any size is
// set inside the measure all the same, with a warning at the table.
func TestTableTooWide(t *testing.T) {
	word := strings.Repeat("x", 40)
	var head []book.Cell
	var row []book.Cell
	cols := make([]book.Align, 4)
	for range cols {
		head = append(head, book.Cell{Inlines: text("H")})
		row = append(row, book.Cell{Inlines: text(word)})
	}
	tbl := book.Block{Kind: book.Table, Pos: book.Pos{File: "content/r/en/01.md", Line: 7, Col: 1},
		Columns: cols, Header: head, Rows: [][]book.Cell{row, row}}
	d, err := Typeset(vocabEdition(tbl), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, p := range d.pages {
		for _, pe := range p.elems {
			ln := pe.e.ln
			if ln == nil || ln.art == nil {
				continue
			}
			rows++
			for _, s := range ln.art.lines {
				for _, r := range s.ln.runs {
					if end := s.ln.indent + r.x + r.g.width; end > d.g.textW+0.01 {
						t.Errorf("cell text %q ends at %.1f, past the measure %.1f", r.g.text, end, d.g.textW)
					}
				}
			}
			for _, r := range ln.art.rules {
				if r.x1 > d.g.textW+0.01 {
					t.Errorf("rule to %.1f, past the measure", r.x1)
				}
			}
		}
	}
	if rows != 3 {
		t.Errorf("%d rows set, want 3", rows)
	}
	found := false
	for _, x := range d.Diagnostics() {
		found = found || x.Pos.Line == 7 && strings.Contains(x.Message, "the table is too wide")
	}
	if !found {
		t.Errorf("no warning at the table: %v", d.Diagnostics())
	}
}

// TestNestedListIndent checks that lists nested deeper than maxListIndents keep the
// indent of the last indented level.
func TestNestedListIndent(t *testing.T) {
	item := func(s string, nested ...book.Block) []book.Block {
		return append([]book.Block{{Kind: book.Paragraph, Inlines: text(s)}}, nested...)
	}
	const levels = maxListIndents + 3
	var list book.Block
	for depth := levels - 1; depth >= 0; depth-- {
		var nested []book.Block
		if depth < levels-1 {
			nested = []book.Block{list}
		}
		list = book.Block{Kind: book.List, Items: [][]book.Block{item("level "+strconv.Itoa(depth), nested...)}}
	}
	d, err := Typeset(vocabEdition(list), Options{})
	if err != nil {
		t.Fatal(err)
	}
	indent := map[string]float64{}
	for _, p := range d.pages {
		for _, ln := range p.textLines() {
			for _, r := range ln.runs {
				if strings.HasPrefix(r.g.text, "level") || r.g.text == "level" {
					indent[lineTextOf(ln)] = ln.indent
				}
			}
		}
	}
	for k := 1; k < levels; k++ {
		cur, prev := indent["level "+strconv.Itoa(k)], indent["level "+strconv.Itoa(k-1)]
		if k < maxListIndents && cur <= prev {
			t.Errorf("level %d indent %.1f, not deeper than %.1f", k, cur, prev)
		}
		if k >= maxListIndents && cur != prev {
			t.Errorf("level %d indent %.1f, want %.1f (capped)", k, cur, prev)
		}
	}
}

// lineTextOf is a line's text runs joined by spaces, labels left out.
func lineTextOf(ln *line) string {
	var parts []string
	for _, r := range ln.runs {
		if r.tag == nil {
			parts = append(parts, r.g.text)
		}
	}
	return strings.Join(parts, " ")
}

// TestTallFigure checks that a figure taller than a page is scaled down to fit the page
// with its caption, keeping its proportions.
func TestTallFigure(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 300, 3000))); err != nil {
		t.Fatal(err)
	}
	im := &book.Image{Src: "images/tall.png", Alt: "A tall grey bar", Format: book.PNG, Width: 300, Height: 3000, Data: b.Bytes()}
	fig := book.Block{Kind: book.Figure, Image: im, Caption: text("A caption")}
	d, err := Typeset(vocabEdition(fig), Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if ln := pe.e.ln; ln != nil && ln.art != nil && len(ln.art.images) == 1 {
				found = true
				ai := ln.art.images[0]
				if pe.y+pe.e.h > d.g.grid().height+0.01 {
					t.Errorf("figure ends at %.1f, below the text block's %.1f", pe.y+pe.e.h, d.g.grid().height)
				}
				if r := ai.h / ai.w; math.Abs(r-10) > 1e-6 {
					t.Errorf("figure %.1f × %.1f pt, not 1:10", ai.w, ai.h)
				}
				if len(ln.art.lines) != 1 {
					t.Errorf("%d caption lines, want 1", len(ln.art.lines))
				}
			}
		}
	}
	if !found {
		t.Fatal("no figure set")
	}
}
