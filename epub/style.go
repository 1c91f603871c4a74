package epub

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
)

// styleSheet is the reading style of every edition; the @font-face rules are added in
// front of it.
//
//go:embed assets/book.css
var styleSheet string

// addFonts embeds the faces the edition's text is set in (usedFaces), unmodified, with
// the fonts' license. They are embedded whole: a subset is a modified font, which the
// ParaType Free Font License forbids to distribute under the original name, and the Go
// subsetters (speedata/gootf, seehuhn.de/go/sfnt) are made for PDF embedding, not for fonts
// a reading system installs.
func (p *publication) addFonts() error {
	p.faces = usedFaces(p.ed)
	for i, f := range p.faces {
		d, err := fontEntry(f)
		if err != nil {
			return err
		}
		p.add(item{id: fmt.Sprintf("font-%d", i+1), href: "fonts/" + f.File, mediaType: fontType, raw: d})
	}
	license, err := fontEntry(nil)
	if err != nil {
		return err
	}
	p.add(item{id: "font-license", href: "fonts/LICENSE.txt", mediaType: textType, raw: license})
	return nil
}

// addStyle writes the style sheet, with an @font-face rule for each shipped face.
func (p *publication) addStyle() error {
	var b strings.Builder
	b.WriteString("@charset \"UTF-8\";\n\n")
	for _, f := range p.faces {
		weight, style := "normal", "normal"
		if f.Style == fonts.Bold || f.Style == fonts.BoldItalic {
			weight = "bold"
		}
		if f.Style == fonts.Italic || f.Style == fonts.BoldItalic {
			style = "italic"
		}
		fmt.Fprintf(&b, "@font-face {\n  font-family: %q;\n  font-style: %s;\n  font-weight: %s;\n  src: url(\"../fonts/%s\");\n}\n\n",
			f.Family, style, weight, f.File)
	}
	b.WriteString(styleSheet)
	if usesFigureSheet(p.ed) {
		b.WriteString(figureSheet)
	}
	p.add(item{id: "css", href: styleFile, mediaType: cssType, data: []byte(b.String()), compress: true})
	return nil
}

// usedFaces returns the faces the style sheet sets the edition's text in, in the fonts
// package's order. The style sheet decides (assets/book.css): headings, the contents'
// chapter entries, the imprint's labels, the series line and the draft mark are PT Sans
// Bold; everything else is PT Serif, italic for emphasis, chapter authors, bylines,
// subtitles, credits and note placeholders, bold for strong emphasis and table headers;
// code blocks are PT Mono (assets/figures.css). Emphasis inside a
// heading is left to the reading system (PT Sans has no italic here).
func usedFaces(ed *book.Edition) []*fonts.Face {
	used := map[fonts.Style]bool{fonts.Regular: true}
	mono := false // a code block is set in PT Mono
	var inlines func(ins []book.Inline, bold, italic bool)
	inlines = func(ins []book.Inline, bold, italic bool) {
		for _, in := range ins {
			b, i := bold || in.Kind == book.Strong, italic || in.Kind == book.Emph
			if in.Kind == book.Text || in.Kind == book.URLText {
				used[serifStyle(b, i)] = true
			}
			inlines(in.Children, b, i)
		}
	}
	var blocks func(bs []book.Block)
	blocks = func(bs []book.Block) {
		for _, b := range bs {
			switch b.Kind {
			case book.Paragraph:
				inlines(b.Inlines, false, false)
			case book.Credit:
				inlines(b.Inlines, false, true)
			case book.Box:
				inlines(b.Byline, false, true)
			case book.Figure:
				inlines(b.Caption, false, false)
			case book.Table:
				inlines(b.Caption, false, false)
				for _, c := range b.Header {
					inlines(c.Inlines, true, false)
				}
				for _, row := range b.Rows {
					for i, c := range row {
						inlines(c.Inlines, i == 0 && b.RowHeaders, false)
					}
				}
			case book.CodeBlock:
				mono = true
			}
			blocks(b.Children)
			for _, it := range b.Items {
				blocks(it)
			}
		}
	}
	if ed.Meta.Display().Subtitle != "" || ed.Draft() { // the subtitle, the draft notice
		used[fonts.Italic] = true
	}
	for _, ch := range ed.Chapters {
		if ch.Author != "" {
			used[fonts.Italic] = true
		}
		blocks(ch.Blocks)
		for _, n := range ch.Notes {
			if n.Missing {
				used[fonts.Italic] = true
			}
			blocks(n.Blocks)
		}
	}
	var out []*fonts.Face
	for _, f := range fonts.All() {
		if f.Family == fonts.Serif && used[f.Style] || f.Family == fonts.Sans && f.Style == fonts.Bold || f.Family == fonts.Mono && mono {
			out = append(out, f)
		}
	}
	return out
}

// serifStyle is the PT Serif style of text in bold and/or italic.
func serifStyle(bold, italic bool) fonts.Style {
	switch {
	case bold && italic:
		return fonts.BoldItalic
	case bold:
		return fonts.Bold
	case italic:
		return fonts.Italic
	}
	return fonts.Regular
}
