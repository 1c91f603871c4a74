package epub

import (
	"fmt"
	"strings"
	"time"
)

// accessibilityFeatures returns the schema.org accessibility features of the edition.
func (p *publication) accessibilityFeatures() []string {
	features := []string{"structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"}
	if len(p.opts.PageList) > 0 {
		features = append(features, "printPageNumbers", "pageBreakMarkers", "pageNavigation")
	}
	return features
}

// packageDocument writes the EPUB 3 package document: metadata, manifest and spine.
func (p *publication) packageDocument() []byte {
	var m markup
	m.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	m.open("package", "xmlns", "http://www.idpf.org/2007/opf", "version", "3.0",
		"unique-identifier", "pub-id", "xml:lang", p.ed.Lang, "dir", "ltr")
	m.WriteString("\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
	p.dublinCore(&m)
	p.accessibility(&m)
	m.WriteString("</metadata>\n<manifest>\n")
	for _, it := range p.items {
		attrs := []string{"id", it.id, "href", it.href, "media-type", it.mediaType}
		if it.props != "" {
			attrs = append(attrs, "properties", it.props)
		}
		m.emptyLine("item", attrs...)
	}
	m.WriteString("</manifest>\n<spine toc=\"ncx\">\n")
	for _, it := range p.items {
		if it.spine {
			m.emptyLine("itemref", "idref", it.id)
		}
	}
	m.WriteString("</spine>\n</package>\n")
	return []byte(m.String())
}

// meta writes one metadata element; an empty value writes nothing.
func meta(m *markup, tag, value string, attrs ...string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	m.WriteString("  ")
	m.elementLine(tag, value, attrs...)
}

// dublinCore writes the bibliographic metadata.
func (p *publication) dublinCore(m *markup) {
	md := p.ed.Meta
	meta(m, "dc:identifier", p.id, "id", "pub-id")
	meta(m, "dc:title", md.Title, "id", "title")
	meta(m, "meta", "main", "refines", "#title", "property", "title-type")
	if md.Subtitle != "" {
		meta(m, "dc:title", md.Subtitle, "id", "subtitle")
		meta(m, "meta", "subtitle", "refines", "#subtitle", "property", "title-type")
	}
	meta(m, "dc:language", p.ed.Lang)
	for i, c := range md.Contributors {
		id := fmt.Sprintf("creator-%d", i+1)
		meta(m, "dc:creator", c.Name, "id", id)
		if c.Role != "" {
			meta(m, "meta", c.Role, "refines", "#"+id, "property", "role", "scheme", "marc:relators")
		}
	}
	meta(m, "dc:publisher", md.Publisher)
	if !md.Date.IsZero() {
		meta(m, "dc:date", md.Date.UTC().Format("2006-01-02"))
	}
	meta(m, "dc:rights", md.Rights)
	meta(m, "dc:description", md.Description)
	for _, k := range md.Keywords {
		meta(m, "dc:subject", k)
	}
	if len(p.opts.PageList) > 0 {
		// The page-list follows the print edition, which has the same identifier.
		meta(m, "dc:source", p.id, "id", "print-source")
		meta(m, "meta", "pagination", "refines", "#print-source", "property", "source-of")
	}
	if md.Series != "" {
		meta(m, "meta", md.Series, "property", "belongs-to-collection", "id", "series")
		meta(m, "meta", "series", "refines", "#series", "property", "collection-type")
	}
	meta(m, "meta", p.modified.UTC().Truncate(time.Second).Format("2006-01-02T15:04:05Z"), "property", "dcterms:modified")
	m.WriteString("  ")
	m.emptyLine("meta", "name", "cover", "content", "cover-image")
}

// accessibility writes the schema.org accessibility metadata and the conformance claim.
func (p *publication) accessibility(m *markup) {
	meta(m, "meta", "textual", "property", "schema:accessMode")
	meta(m, "meta", "textual", "property", "schema:accessModeSufficient")
	for _, f := range p.accessibilityFeatures() {
		meta(m, "meta", f, "property", "schema:accessibilityFeature")
	}
	meta(m, "meta", "none", "property", "schema:accessibilityHazard")
	meta(m, "meta", p.ui.AccessibilitySummary, "property", "schema:accessibilitySummary")
	meta(m, "meta", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA", "property", "dcterms:conformsTo")
}
