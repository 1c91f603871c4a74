package epub

import (
	_ "embed"
	"fmt"
	"strconv"

	"github.com/fpc/bindery/book"
)

// This file writes the figures, pictures, tables, code blocks and section breaks of the
// manuscript, and ships their images. An edition that has none of them gets the same
// EPUB as before they existed: their style rules (assets/figures.css) are added only to
// an edition that uses them.

// figureSheet holds the style rules of figures, tables, code and section breaks.
//
//go:embed assets/figures.css
var figureSheet string

// imageHref is the file of an image inside the publication: named by its content, so
// that each file is shipped once and its name is the same in every build.
func imageHref(im *book.Image) string { return "images/" + im.Hash[:16] + im.Format.Ext() }

// addImages ships every image of the edition once, in reading order.
func (p *publication) addImages() error {
	for _, im := range p.ed.Images() {
		if len(im.Hash) < 16 {
			return fmt.Errorf("%s: %w: image %q was not read", im.Pos, ErrImage, im.Src)
		}
		p.add(item{id: "img-" + im.Hash[:16], href: imageHref(im), mediaType: im.Format.MediaType(), data: im.Data})
	}
	return nil
}

// usesFigureSheet reports whether the edition has a block or inline that figures.css styles.
func usesFigureSheet(ed *book.Edition) bool {
	found := false
	for _, ch := range ed.Chapters {
		visit := func(bs []book.Block) {
			book.EachBlock(bs, func(b *book.Block) {
				switch b.Kind {
				case book.Figure, book.Table, book.CodeBlock, book.SectionBreak:
					found = true
				}
			})
			book.EachImage(bs, func(*book.Image, bool) { found = true })
		}
		visit(ch.Blocks)
		for _, n := range ch.Notes {
			visit(n.Blocks)
		}
	}
	return found
}

// img writes an image element; a decorative one has an empty alt text and no role.
func (r *renderer) img(im *book.Image, class string) {
	if im.Hash == "" {
		r.fail("%s: image %q was not read", im.Pos, im.Src)
		return
	}
	alt := im.Alt
	if im.Decorative {
		alt = ""
	}
	attrs := []string{"src", imageHref(im), "alt", alt, "class", class}
	if im.Decorative {
		attrs = append(attrs, "role", "presentation")
	}
	r.m.empty("img", attrs...)
}

// figure writes a figure with its caption; a decorative figure without a caption is an
// ornament, not a figure.
func (r *renderer) figure(b *book.Block, addr string) {
	m := r.m
	r.pageBreaks(addr)
	if b.Image.Decorative && len(b.Caption) == 0 {
		m.open("div", "class", "ornament-image")
		r.img(b.Image, "decorative")
		m.close("div")
		return
	}
	m.openLine("figure", "class", "figure")
	r.img(b.Image, "figure")
	m.WriteByte('\n')
	if len(b.Caption) > 0 {
		r.leaf(addr+".caption", "figcaption", b.Caption)
		m.WriteByte('\n')
	}
	m.close("figure")
}

// picture writes an image inside text, set at text height.
func (r *renderer) picture(in *book.Inline) {
	if in.Image == nil {
		r.fail("%s: picture without an image", in.Pos)
		return
	}
	r.img(in.Image, "picture")
}

// table writes a table inside a wrapper that scrolls sideways on a narrow screen: its
// caption (addr.caption), a header row of column headers (addr.head.c), and body rows whose
// cells are addr.r.c, the first cell a row header when the table has them.
func (r *renderer) table(b *book.Block, addr string) {
	m := r.m
	r.pageBreaks(addr)
	capID := ""
	if len(b.Caption) > 0 {
		r.tables++
		capID = fmt.Sprintf("%s-t%d", r.ch.ID, r.tables)
		m.openLine("div", "class", "table", "role", "region", "tabindex", "0", "aria-labelledby", capID)
	} else {
		m.openLine("div", "class", "table", "tabindex", "0")
	}
	m.openLine("table")
	if capID != "" {
		r.leaf(addr+".caption", "caption", b.Caption, "id", capID)
		m.WriteByte('\n')
	}
	m.open("thead")
	m.open("tr")
	for c, cell := range b.Header {
		if c == 0 && b.RowHeaders {
			m.empty("td")
			continue
		}
		r.leaf(addr+".head."+strconv.Itoa(c), "th", cell.Inlines, append([]string{"scope", "col"}, alignAttrs(b, c)...)...)
	}
	m.close("tr")
	m.closeLine("thead")
	m.openLine("tbody")
	for i, row := range b.Rows {
		m.open("tr")
		ra := addr + "." + strconv.Itoa(i)
		for c, cell := range row {
			tag, attrs := "td", alignAttrs(b, c)
			if c == 0 && b.RowHeaders {
				tag, attrs = "th", append([]string{"scope", "row"}, attrs...)
			}
			if c == 0 {
				m.open(tag, attrs...)
				r.pageBreaks(ra)
				r.startLeaf(ra + ".0")
				r.inlines(cell.Inlines)
				r.endLeaf()
				m.close(tag)
				continue
			}
			r.leaf(ra+"."+strconv.Itoa(c), tag, cell.Inlines, attrs...)
		}
		m.closeLine("tr")
	}
	m.closeLine("tbody")
	m.closeLine("table")
	m.close("div")
}

// alignAttrs returns the class of a column's alignment, or none for the default.
func alignAttrs(b *book.Block, c int) []string {
	if c >= len(b.Columns) || b.Columns[c] == book.AlignDefault {
		return nil
	}
	return []string{"class", b.Columns[c].String()}
}

// codeBlock writes a code block, verbatim, in the monospace face.
func (r *renderer) codeBlock(b *book.Block, addr string) {
	m := r.m
	r.startLeaf(addr)
	m.open("pre", "class", "code")
	attrs := []string{}
	if b.Language != "" && validID(b.Language) {
		attrs = append(attrs, "class", "language-"+b.Language)
	}
	m.open("code", attrs...)
	r.verbatim = true
	for _, in := range b.Inlines {
		r.text(in.Text)
	}
	r.verbatim = false
	m.close("code")
	r.endLeaf()
	m.close("pre")
}

// sectionBreak writes a thematic break, drawn as an ornament by the style sheet.
func (r *renderer) sectionBreak(addr string) {
	r.pageBreaks(addr)
	r.m.empty("hr", "class", "ornament")
}
