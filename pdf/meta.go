package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
)

// Options are the document-wide choices of a Writer.
type Options struct {
	Info            Info
	Lang            string // natural language of the document (BCP 47), /Lang of the catalog
	Tagged          bool   // write a structure tree and MarkInfo (tagged PDF)
	DisplayDocTitle bool   // viewers show the title, not the file name
	PageLayout      string // e.g. "TwoPageRight"; "" for the viewer's default
	PageMode        string // e.g. "UseOutlines"; "" chooses UseOutlines when there is an outline
	// OutputIntent, when set, is written in the catalog with its ICC profile.
	OutputIntent *OutputIntent
	// Conformance lists the claims the XMP metadata makes; the caller makes sure the
	// document meets them.
	Conformance Conformance
	// ObjectStreams packs every object that is not a stream into compressed object streams
	// and writes a cross-reference stream instead of the table (PDF 1.5, ISO 32000-1,
	// 7.5.7 and 7.5.8), which PDF/A-2, PDF/UA-1 and PDF/X-4 allow: smaller files, the
	// same content.
	ObjectStreams bool
}

// Info is the document information, written both as the Info dictionary and as XMP.
type Info struct {
	Title, Author, Subject, Keywords, Creator, Producer string
	Created, Modified                                   time.Time
	// DocumentID is the XMP xmpMM:DocumentID, a URI naming the document across versions
	// (PDF/X-4 asks for it, with a VersionID and RenditionClass, which a claim adds).
	DocumentID string
	// Trapped is "True" or "False" to say whether the file has been trapped (PDF/X asks
	// for one of them), "" to leave it unsaid.
	Trapped string
}

// Conformance is what the document claims to meet.
type Conformance struct {
	PDFAPart  int    // 2 for PDF/A-2; 0 for no claim
	PDFALevel string // "A", "B" or "U"
	PDFUAPart int    // 1 for PDF/UA-1; 0 for no claim
	PDFX      string // PDFX4 to claim PDF/X-4; "" for no claim
}

// OutputIntent is the colour characterisation of the intended output (ISO 32000-1, 14.11.5).
type OutputIntent struct {
	Subtype    string // GTS_PDFA1 or GTS_PDFX
	Identifier string // OutputConditionIdentifier, e.g. "sRGB IEC61966-2.1"
	Info       string
	Registry   string // RegistryName of a registered condition, e.g. "http://www.color.org"
	Components int    // 1, 3 or 4
	Profile    []byte
}

func pdfDate(t time.Time) string {
	t = t.UTC()
	return "D:" + t.Format("20060102150405") + "Z"
}

// dict is the body of the Info dictionary.
func (in Info) dict() string {
	var b strings.Builder
	add := func(k, v string) {
		if v != "" {
			b.WriteString(" /" + k + " " + textString(v))
		}
	}
	add("Title", in.Title)
	add("Author", in.Author)
	add("Subject", in.Subject)
	add("Keywords", in.Keywords)
	add("Creator", in.Creator)
	add("Producer", in.Producer)
	add("CreationDate", pdfDate(in.Created))
	add("ModDate", pdfDate(in.Modified))
	if in.Trapped != "" {
		b.WriteString(" /Trapped /" + in.Trapped)
	}
	return strings.TrimSpace(b.String())
}

// outputIntent writes the output intent and its profile; "" when there is none.
func (w *Writer) outputIntent() string {
	oi := w.opts.OutputIntent
	if oi == nil {
		return ""
	}
	prof := w.alloc()
	w.stream(prof, fmt.Sprintf(" /N %d", oi.Components), oi.Profile, true)
	reg := ""
	if oi.Registry != "" {
		reg = " /RegistryName " + textString(oi.Registry)
	}
	return fmt.Sprintf("<</Type /OutputIntent /S /%s /OutputConditionIdentifier %s /Info %s%s /DestOutputProfile %s>>",
		oi.Subtype, textString(oi.Identifier), textString(oi.Info), reg, prof)
}

// xmp returns the metadata packet, agreeing with the Info dictionary.
func (o Options) xmp() []byte {
	in := o.Info
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:format>application/pdf</dc:format>\n")
	if in.Title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlEscape(in.Title))
	}
	if in.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlEscape(in.Author))
	}
	if in.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlEscape(in.Subject))
	}
	if o.Lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlEscape(o.Lang))
	}
	b.WriteString("</rdf:Description>\n")
	b.WriteString("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	if in.Keywords != "" {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", xmlEscape(in.Keywords))
	}
	if in.Producer != "" {
		fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n", xmlEscape(in.Producer))
	}
	if in.Trapped != "" {
		fmt.Fprintf(&b, "<pdf:Trapped>%s</pdf:Trapped>\n", in.Trapped)
	}
	b.WriteString("</rdf:Description>\n")
	fmt.Fprintf(&b, "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"+
		"<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n",
		xmpDate(in.Created), xmpDate(in.Modified), xmpDate(in.Modified))
	if in.Creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", xmlEscape(in.Creator))
	}
	b.WriteString("</rdf:Description>\n")
	b.WriteString(o.pdfxXMP())
	c := o.Conformance
	if c.PDFAPart > 0 {
		fmt.Fprintf(&b, "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"+
			"<pdfaid:part>%d</pdfaid:part>\n<pdfaid:conformance>%s</pdfaid:conformance>\n</rdf:Description>\n", c.PDFAPart, c.PDFALevel)
	}
	if c.PDFUAPart > 0 {
		fmt.Fprintf(&b, "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"+
			"<pdfuaid:part>%d</pdfuaid:part>\n</rdf:Description>\n", c.PDFUAPart)
		if c.PDFAPart > 0 {
			b.WriteString(pdfuaExtension)
		}
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return b.Bytes()
}

// pdfuaExtension declares the pdfuaid schema, which PDF/A requires of every schema
// outside its predefined list (ISO 19005-2, 6.6.2.3).
const pdfuaExtension = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`

func xmpDate(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// textString writes s as a PDF text string: literal when it is ASCII, else UTF-16BE with
// a byte order mark, in hex.
func textString(s string) string { return string(appendTextString(nil, s)) }

// appendTextString appends s as textString writes it.
func appendTextString(b []byte, s string) []byte {
	if plain(s) {
		return appendLiteral(b, s)
	}
	b = append(b, "<FEFF"...)
	for _, r := range s {
		if r1, r2 := utf16.EncodeRune(r); r1 != unicode.ReplacementChar {
			b = appendHex4(appendHex4(b, uint16(r1)), uint16(r2))
			continue
		}
		if r > unicode.MaxRune || r >= 0xD800 && r < 0xE000 {
			r = unicode.ReplacementChar
		}
		b = appendHex4(b, uint16(r))
	}
	return append(b, '>')
}

// plain reports whether s is printable ASCII, written as a literal string.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] < 0x20 {
			return false
		}
	}
	return true
}

// literal writes an ASCII string as a PDF literal string.
func literal(s string) string { return string(appendLiteral(nil, s)) }

// appendLiteral appends s as literal writes it.
func appendLiteral(b []byte, s string) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', ')', '\\':
			b = append(b, '\\', c)
		default:
			if c < 0x20 || c >= 0x80 {
				b = append(b, '\\', '0'+c>>6, '0'+c>>3&7, '0'+c&7)
			} else {
				b = append(b, c)
			}
		}
	}
	return append(b, ')')
}
