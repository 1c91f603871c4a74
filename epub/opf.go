package epub

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/fpc/bindery/book"
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
	return m.Bytes()
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
	if strings.HasPrefix(p.id, "urn:isbn:") {
		meta(m, "meta", "15", "refines", "#pub-id", "property", "identifier-type", "scheme", "onix:codelist5")
	}
	meta(m, "dc:title", md.Title, "id", "title")
	meta(m, "meta", "main", "refines", "#title", "property", "title-type")
	if md.Subtitle != "" {
		meta(m, "dc:title", md.Subtitle, "id", "subtitle")
		meta(m, "meta", "subtitle", "refines", "#subtitle", "property", "title-type")
	}
	meta(m, "dc:language", p.ed.Lang)
	p.contributors(m)
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
	p.series(m)
	if p.ed.Draft() {
		meta(m, "meta", "draft", "property", "schema:creativeWorkStatus")
	}
	meta(m, "meta", p.modified.UTC().Truncate(time.Second).Format("2006-01-02T15:04:05Z"), "property", "dcterms:modified")
	m.WriteString("  ")
	m.emptyLine("meta", "name", "cover", "content", "cover-image")
}

// contributors writes authors and editors as creators, everyone else (translators) as
// contributors, each with the MARC role and the name as sorted.
func (p *publication) contributors(m *markup) {
	for i, c := range p.ed.Meta.Contributors {
		id := fmt.Sprintf("creator-%d", i+1)
		tag := "dc:contributor"
		if c.Role == "aut" || c.Role == "edt" || c.Role == "" {
			tag = "dc:creator"
		}
		meta(m, tag, c.Name, "id", id)
		if c.Role != "" {
			meta(m, "meta", c.Role, "refines", "#"+id, "property", "role", "scheme", "marc:relators")
		}
		meta(m, "meta", c.SortName(), "refines", "#"+id, "property", "file-as")
	}
}

// series writes the series the edition belongs to: its name in the edition's language, the
// report's place in it and the identifier every edition of the series shares (series_id,
// else one derived from the series of the report's folder, the same in every language).
func (p *publication) series(m *markup) {
	md := p.ed.Meta
	if md.Series == "" {
		return
	}
	meta(m, "meta", md.Series, "property", "belongs-to-collection", "id", "series")
	meta(m, "meta", "series", "refines", "#series", "property", "collection-type")
	if md.SeriesPos > 0 {
		meta(m, "meta", strconv.Itoa(md.SeriesPos), "refines", "#series", "property", "group-position")
	}
	id := md.SeriesID
	if id == "" {
		id = book.StableUUID(p.ed.Report, "series")
	}
	meta(m, "meta", id, "refines", "#series", "property", "dcterms:identifier")
}

// accessibility writes the schema.org accessibility metadata. A draft claims no
// conformance and says so; a final edition claims EPUB Accessibility 1.1 at WCAG 2.1 AA
// only when the build's own checks of the text hold (unverified), naming who evaluated it:
// the manifest's accessibility_evaluator, else the publisher.
func (p *publication) accessibility(m *markup) {
	meta(m, "meta", "textual", "property", "schema:accessMode")
	meta(m, "meta", "textual", "property", "schema:accessModeSufficient")
	for _, f := range p.accessibilityFeatures() {
		meta(m, "meta", f, "property", "schema:accessibilityFeature")
	}
	meta(m, "meta", "none", "property", "schema:accessibilityHazard")
	claim := !p.ed.Draft() && len(p.unverified()) == 0
	summary := p.ui.AccessibilityDraft + " " + p.ui.AccessibilitySummary
	if claim {
		summary = p.ui.AccessibilityClaim + " " + p.ui.AccessibilitySummary
	} else if !p.ed.Draft() {
		summary = p.ui.AccessibilitySummary
	}
	meta(m, "meta", summary, "property", "schema:accessibilitySummary")
	if claim {
		meta(m, "meta", conformance, "property", "dcterms:conformsTo", "id", "conformance")
		meta(m, "meta", cmp.Or(p.ed.Meta.Evaluator, p.ed.Meta.Publisher), "property", "a11y:certifiedBy")
	}
}

// conformance is the claim of EPUB Accessibility 1.1 at WCAG 2.1 Level AA.
const conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"

// unverified lists what keeps a final edition from its conformance claim, from the checks
// the build makes of its own text: every note has its text, the cover has a text
// alternative, the edition names who evaluates it.
func (p *publication) unverified() []string {
	var out []string
	for _, ch := range p.ed.Chapters {
		for _, n := range ch.Notes {
			if n.Missing {
				out = append(out, fmt.Sprintf("%s: note %d has no text", ch.File, n.Number))
			}
		}
	}
	if strings.TrimSpace(p.coverAlt()) == "" {
		out = append(out, "the cover has no text alternative")
	}
	if cmp.Or(p.ed.Meta.Evaluator, p.ed.Meta.Publisher) == "" {
		out = append(out, "no evaluator: the edition has no publisher and no accessibility_evaluator")
	}
	return out
}
