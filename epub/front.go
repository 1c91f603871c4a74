package epub

import (
	"fmt"
	"path"
	"strings"
)

// addCover adds the cover image, the manifest's or a generated one, and the cover page.
func (p *publication) addCover() error {
	meta := p.ed.Meta
	alt := meta.Cover.Alt
	if alt == "" {
		alt = fmt.Sprintf(p.ui.CoverAlt, p.fullTitle())
		if meta.Series != "" {
			alt += ". " + meta.Series
		}
		alt += ". " + p.ui.Language + "."
	}
	img, href, mediaType, err := p.coverImage()
	if err != nil {
		return err
	}
	p.add(item{id: "cover-image", href: href, mediaType: mediaType, props: "cover-image", data: img})

	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.Cover, "cover")
	m.open("section", "class", "cover", "aria-label", p.ui.Cover)
	m.WriteByte('\n')
	m.empty("img", "src", href, "alt", alt, "epub:type", "cover", "role", "doc-cover")
	m.WriteByte('\n')
	m.close("section")
	m.WriteByte('\n')
	m.xhtmlTail()
	p.add(item{id: "cover", href: coverFile, mediaType: xhtmlType, data: []byte(m.String()), spine: true, compress: true})
	return nil
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

// addTitlePage writes the title page: series, title, subtitle, contributors, publisher,
// and the draft mark of a draft edition.
func (p *publication) addTitlePage() error {
	meta := p.ed.Meta
	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.TitlePage, "titlepage")
	m.open("section", "class", "titlepage", "epub:type", "titlepage", "aria-labelledby", "title-main")
	m.WriteByte('\n')
	if p.pages.byAnchor != nil {
		p.pages.write(&m, "", titleFile)
	}
	if meta.Series != "" {
		m.element("p", meta.Series, "class", "series")
		m.WriteByte('\n')
	}
	m.element("h1", meta.Title, "id", "title-main")
	m.WriteByte('\n')
	if meta.Subtitle != "" {
		m.element("p", meta.Subtitle, "class", "subtitle")
		m.WriteByte('\n')
	}
	for _, c := range meta.Contributors {
		m.open("p", "class", "contributor")
		m.element("span", p.roleLabel(c.Role)+": ", "class", "role")
		m.text(c.Name)
		m.close("p")
		m.WriteByte('\n')
	}
	if p.ed.Draft() {
		m.open("p", "class", "draft")
		m.element("strong", p.ui.Draft)
		m.close("p")
		m.WriteByte('\n')
		m.element("p", p.ui.DraftNotice, "class", "draft-notice")
		m.WriteByte('\n')
	}
	if meta.Publisher != "" {
		m.element("p", meta.Publisher, "class", "publisher")
		m.WriteByte('\n')
	}
	m.close("section")
	m.WriteByte('\n')
	m.xhtmlTail()
	p.add(item{id: "titlepage", href: titleFile, mediaType: xhtmlType, data: []byte(m.String()), spine: true, compress: true})
	return nil
}

// addImprint writes the imprint page: contributors, publisher, date, rights, image
// credits, identifier and the typefaces.
func (p *publication) addImprint() error {
	meta := p.ed.Meta
	var m markup
	m.xhtmlHead(p.ed.Lang, p.ui.Imprint, "imprint")
	m.open("section", "class", "imprint", "epub:type", "imprint", "aria-labelledby", "imprint-title")
	m.WriteByte('\n')
	m.element("h1", p.ui.Imprint, "id", "imprint-title")
	m.WriteByte('\n')
	if p.ed.Draft() {
		m.element("p", p.ui.DraftNotice, "class", "draft-notice")
		m.WriteByte('\n')
	}
	m.open("dl")
	m.WriteByte('\n')
	entry := func(label string, values ...string) {
		if len(values) == 0 || values[0] == "" {
			return
		}
		m.element("dt", label)
		for _, v := range values {
			m.element("dd", v)
		}
		m.WriteByte('\n')
	}
	for _, c := range meta.Contributors {
		entry(p.roleLabel(c.Role), c.Name)
	}
	entry(p.ui.Publisher, meta.Publisher)
	if !meta.Date.IsZero() {
		entry(p.ui.Published, p.ui.FormatDate(meta.Date))
	}
	entry(p.ui.Rights, meta.Rights)
	entry(p.ui.ImageCredits, meta.ImageCredits...)
	entry(p.ui.Identifier, p.id)
	entry(p.local.Typefaces, "PT Serif, PT Sans (ParaType, ParaType Free Font License)")
	m.close("dl")
	m.WriteByte('\n')
	m.close("section")
	m.WriteByte('\n')
	m.xhtmlTail()
	p.add(item{id: "imprint", href: imprintFile, mediaType: xhtmlType, data: []byte(m.String()), spine: true, compress: true})
	return nil
}
