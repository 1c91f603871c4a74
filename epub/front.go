package epub

import (
	"fmt"
	"path"
	"strings"
)

// addCover adds the cover image, the manifest's or a generated one, and the cover page.
func (p *publication) addCover() error {
	alt := p.coverAlt()
	img, href, mediaType, err := p.coverImage()
	if err != nil {
		return err
	}
	p.add(item{id: "cover-image", href: href, mediaType: mediaType, props: "cover-image", data: img})

	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.Cover, "cover")
	m.openLine("section", "class", "cover", "aria-label", p.ui.Cover)
	m.emptyLine("img", "src", href, "alt", alt, "epub:type", "cover", "role", "doc-cover")
	m.closeLine("section")
	m.xhtmlTail()
	p.add(item{id: "cover", href: coverFile, mediaType: xhtmlType, data: m.Bytes(), spine: true, compress: true})
	return nil
}

// coverAlt is the cover's text alternative: the manifest's, or one naming what the cover
// shows: the title, the series (unless the title opens with it), the editors and the
// language; a draft says it is one.
func (p *publication) coverAlt() string {
	meta := p.ed.Meta
	alt := meta.Cover.Alt
	if alt == "" {
		alt = fmt.Sprintf(p.ui.CoverAlt, p.fullTitle())
		if meta.Series != "" && !strings.HasPrefix(strings.ToLower(meta.Title), strings.ToLower(meta.Series)) {
			alt += ". " + meta.Series // a title that opens with the series has said it
		}
		for _, by := range p.ed.TitleCredits() {
			alt += ". " + by
		}
		alt += ". " + p.ui.Language + "."
	}
	if p.ed.Draft() {
		alt = strings.TrimSuffix(strings.TrimSpace(alt), ".") + ". " + p.ui.Draft + "."
	}
	return alt
}

// coverImage returns the bytes, file name and media type of the cover image: the file the
// manifest names (its bytes loaded by book), or a generated PNG.
func (p *publication) coverImage() ([]byte, string, string, error) {
	name := p.ed.Meta.Cover.Image
	if name == "" {
		png, err := renderCover(p.ed, p.ui)
		return png, coverPNGFile, pngType, err
	}
	var mediaType string
	switch strings.ToLower(path.Ext(name)) {
	case ".png":
		mediaType = pngType
	case ".jpg", ".jpeg":
		mediaType = jpegType
	default:
		return nil, "", "", fmt.Errorf("cover image %s: only PNG and JPEG covers are supported", name)
	}
	data := p.ed.Meta.Cover.Data
	if len(data) == 0 {
		return nil, "", "", fmt.Errorf("cover image %s was not loaded with the edition", name)
	}
	return data, "images/cover" + strings.ToLower(path.Ext(name)), mediaType, nil
}

// fullTitle is the title and, if there is one, the subtitle.
func (p *publication) fullTitle() string {
	if p.ed.Meta.Subtitle != "" {
		return p.ed.Meta.Title + ": " + p.ed.Meta.Subtitle
	}
	return p.ed.Meta.Title
}

// addTitlePage writes the title page: the display levels (series, title, subtitle, as the
// PDF's title page sets them), the authors and "Edited by …", the publisher, and the draft
// mark of a draft edition.
func (p *publication) addTitlePage() error {
	meta := p.ed.Meta
	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.TitlePage, "titlepage")
	m.openLine("section", "class", "titlepage", "epub:type", "titlepage", "aria-labelledby", "title-main")
	p.pages.write(&m, titlePageBlock, titleFile)
	disp := meta.Display()
	if disp.Series != "" {
		m.elementLine("p", disp.Series, "class", "series")
	}
	m.elementLine("h1", disp.Title, "id", "title-main")
	if disp.Subtitle != "" {
		m.elementLine("p", disp.Subtitle, "class", "subtitle")
	}
	for _, by := range p.ed.TitleCredits() {
		m.elementLine("p", by, "class", "contributor")
	}
	if p.ed.Draft() {
		m.open("p", "class", "draft")
		m.element("strong", p.ui.Draft)
		m.closeLine("p")
		m.elementLine("p", p.ui.DraftNotice, "class", "draft-notice")
	}
	if meta.Publisher != "" {
		m.elementLine("p", meta.Publisher, "class", "publisher")
	}
	m.closeLine("section")
	m.xhtmlTail()
	p.add(item{id: "titlepage", href: titleFile, mediaType: xhtmlType, data: m.Bytes(), spine: true, compress: true})
	return nil
}

// addImprint writes the imprint page the edition's imprint describes: the draft notice,
// then a definition list of its rows.
func (p *publication) addImprint() error {
	im := p.ed.Imprint()
	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.Imprint, "imprint")
	m.openLine("section", "class", "imprint", "epub:type", "imprint", "aria-labelledby", "imprint-title")
	p.pages.write(&m, imprintBlock, imprintFile)
	m.elementLine("h1", p.ui.Imprint, "id", "imprint-title")
	if im.Draft != "" {
		m.elementLine("p", im.Draft, "class", "draft-notice")
	}
	m.openLine("dl")
	for _, row := range im.Rows {
		m.element("dt", row.Label)
		for _, v := range row.Values {
			m.element("dd", v)
		}
		m.WriteByte('\n')
	}
	m.closeLine("dl")
	m.closeLine("section")
	m.xhtmlTail()
	p.add(item{id: "imprint", href: imprintFile, mediaType: xhtmlType, data: m.Bytes(), spine: true, compress: true})
	return nil
}
