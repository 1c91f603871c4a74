package pdf

import "fmt"

// This file holds what print files need beyond the screen PDF: the PDF/X-4 claim, the
// registration colour of printer's marks, and saved and transformed graphics states.

// PDFX4 is the value of Conformance.PDFX that claims PDF/X-4 (ISO 15930-7): the file is
// written as PDF 1.6 with pdfxid:GTS_PDFXVersion in its XMP, Trapped False in XMP and Info,
// and needs an OutputIntent of subtype GTS_PDFX. The caller keeps the rest of the rules:
// every page's TrimBox and BleedBox, colour in Gray or CMYK (or ICC-based), no annotations
// but printer's marks.
const PDFX4 = "PDF/X-4"

// header is the file's first line: PDF 1.6 for PDF/X-4, else 1.7.
func (o Options) header() string {
	if o.Conformance.PDFX == PDFX4 {
		return "%PDF-1.6\n"
	}
	return "%PDF-1.7\n"
}

// pdfxXMP is the XMP of the document's identity (xmpMM) and of the PDF/X claim.
func (o Options) pdfxXMP() string {
	s := ""
	if id := o.Info.DocumentID; id != "" {
		s = "<rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n" +
			"<xmpMM:DocumentID>" + xmlEscape(id) + "</xmpMM:DocumentID>\n"
		if o.Conformance.PDFX != "" {
			s += "<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
		}
		s += "</rdf:Description>\n"
	}
	if o.Conformance.PDFX == "" {
		return s
	}
	return s + fmt.Sprintf("<rdf:Description rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"+
		"<pdfxid:GTS_PDFXVersion>%s</pdfxid:GTS_PDFXVersion>\n</rdf:Description>\n", xmlEscape(o.Conformance.PDFX))
}

// pdfxInfo is what the Info dictionary adds for the claim.
func (o Options) pdfxInfo() string {
	if o.Conformance.PDFX == "" {
		return ""
	}
	return " /GTS_PDFXVersion " + textString(o.Conformance.PDFX)
}

// Registration is the colour of crop marks: the Separation "All", which puts the same tint
// on every plate (ISO 32000-1, 8.6.6.4).
var Registration = Color{Space: SeparationAll, C: [4]float64{1}}

// registrationSpace is the resource that defines the All separation, with DeviceCMYK as its
// alternate (full tint = 100 % of every ink).
const registrationSpace = "[/Separation /All /DeviceCMYK <</FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1>>]"

// Save saves the graphics state (q); Restore restores it (Q).
func (p *Page) Save() { p.op("q\n") }

// Restore restores the graphics state saved by the matching Save.
func (p *Page) Restore() {
	p.op("Q\n")
	p.fill = Color{Space: unknownSpace} // the colour the restored state has is not tracked
}

// Transform concatenates the matrix [a b c d e f] to the current transformation (cm), e.g.
// 0 −1 1 0 x y turns what follows a quarter turn clockwise about (x, y).
func (p *Page) Transform(a, b, c, d, e, f float64) {
	p.nums(a, b, c, d, e, f)
	p.op("cm\n")
}
