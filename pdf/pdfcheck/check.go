// Package pdfcheck checks the PDFs bindery writes against the rules of a tagged PDF and the
// conformance claims of their metadata, without veraPDF: every content operator is marked
// content of the structure tree or an artifact, the parent tree and the MCIDs agree, links
// are tagged with an OBJR and described, /Lang is set on the catalog and is a language tag
// wherever a structure element has one (LangText gives the text of each language), Info and
// XMP agree, fonts are embedded and no glyph is .notdef, the trailer has an /ID and nothing
// is encrypted, and what the XMP claims (PDF/UA-1, PDF/A-2) has what those parts ask for.
// It sits beside the pipeline: the tests of package pdf and of the layout run it on every
// edition.
package pdfcheck

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Report is what Check found.
type Report struct {
	Problems []string
	// Claims are the conformance claims of the XMP metadata, e.g. "pdfuaid:part=1".
	Claims []string
	MCIDs  int // marked-content sequences with an MCID
	text   strings.Builder
	langs  map[string]*strings.Builder
	cmaps  map[*Object]map[uint16]string // each ToUnicode CMap read once, by its stream
}

// LangText is the part of Text whose language is lang: the /Lang of the nearest structure
// element that has one, else the catalog's. A structure element with a /Lang of its own
// starts a new line of it.
func (r *Report) LangText(lang string) string {
	if b := r.langs[lang]; b != nil {
		return b.String()
	}
	return ""
}

// Langs returns the languages the structure text is in.
func (r *Report) Langs() []string { return slices.Sorted(maps.Keys(r.langs)) }

func (r *Report) lang(lang string) *strings.Builder {
	if r.langs == nil {
		r.langs = map[string]*strings.Builder{}
	}
	if r.langs[lang] == nil {
		r.langs[lang] = &strings.Builder{}
	}
	return r.langs[lang]
}

// Text is what a screen reader reads: the text of the structure tree in its order, each
// element on a line of its own, with the /ActualText of marked content in place of its
// glyphs. Artifacts are not in it.
func (r *Report) Text() string { return r.text.String() }

func (r *Report) add(format string, args ...any) {
	if len(r.Problems) < 50 {
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	}
}

// Check parses and checks a PDF.
func Check(b []byte) (*Report, error) {
	f, err := Parse(b)
	if err != nil {
		return nil, err
	}
	r := &Report{}
	cat := f.Dict(f.Trailer["Root"])
	if cat == nil {
		return nil, fmt.Errorf("no catalog")
	}
	if f.Trailer["Encrypt"] != nil {
		r.add("the file is encrypted")
	}
	if id := f.Array(f.Trailer["ID"]); len(id) != 2 {
		r.add("the trailer has no /ID")
	}
	lang := Text(cat["Lang"])
	if lang == "" {
		r.add("the catalog has no /Lang")
	}
	r.checkFonts(f)
	r.checkMetadata(f, cat)
	tagged := cat["StructTreeRoot"] != nil
	if tagged {
		r.checkStructure(f, cat)
	}
	r.checkClaims(f, cat, tagged)
	return r, nil
}

// pages returns the page dictionaries in order with their references.
func pages(f *File, cat Dict) ([]Ref, []Dict) {
	var refs []Ref
	var ds []Dict
	var walk func(v any)
	walk = func(v any) {
		d := f.Dict(v)
		if d == nil {
			return
		}
		if d["Type"] == Name("Pages") {
			for _, k := range f.Array(d["Kids"]) {
				walk(k)
			}
			return
		}
		r, _ := v.(Ref)
		refs, ds = append(refs, r), append(ds, d)
	}
	walk(cat["Pages"])
	return refs, ds
}

// checkFonts checks that every font is embedded.
func (r *Report) checkFonts(f *File) {
	for n, o := range f.Objects {
		d, _ := o.Value.(Dict)
		if d["Type"] != Name("FontDescriptor") {
			continue
		}
		if d["FontFile2"] == nil && d["FontFile"] == nil && d["FontFile3"] == nil {
			r.add("font descriptor %d: the font is not embedded", n)
		}
	}
}

var xmpField = func(name string) *regexp.Regexp {
	return regexp.MustCompile(`<` + name + `>(?:<rdf:(?:Alt|Seq|Bag)><rdf:li[^>]*>)?([^<]*)<`)
}

// checkMetadata compares the Info dictionary with the XMP packet.
func (r *Report) checkMetadata(f *File, cat Dict) {
	meta := f.Objects[refOf(cat["Metadata"])]
	if meta == nil {
		r.add("no XMP metadata")
		return
	}
	info := f.Dict(f.Trailer["Info"])
	x := string(meta.Stream)
	for _, p := range []struct{ info, xmp string }{
		{"Title", "dc:title"}, {"Author", "dc:creator"}, {"Subject", "dc:description"},
		{"Keywords", "pdf:Keywords"}, {"Producer", "pdf:Producer"}, {"Creator", "xmp:CreatorTool"},
	} {
		iv := Text(info[Name(p.info)])
		var xv string
		if m := xmpField(p.xmp).FindStringSubmatch(x); m != nil {
			xv = unescapeXML(m[1])
		}
		if iv != xv {
			r.add("Info /%s %q but XMP %s %q", p.info, iv, p.xmp, xv)
		}
	}
	for _, p := range []struct{ info, xmp string }{{"CreationDate", "xmp:CreateDate"}, {"ModDate", "xmp:ModifyDate"}} {
		iv := Text(info[Name(p.info)])
		m := xmpField(p.xmp).FindStringSubmatch(x)
		if m == nil || !sameDate(iv, m[1]) {
			r.add("Info /%s %q does not match XMP %s", p.info, iv, p.xmp)
		}
	}
	for _, m := range regexp.MustCompile(`<(pdfuaid:part|pdfaid:part|pdfaid:conformance)>([^<]*)<`).FindAllStringSubmatch(x, -1) {
		r.Claims = append(r.Claims, m[1]+"="+m[2])
	}
}

// sameDate compares D:YYYYMMDDHHmmSSZ with YYYY-MM-DDTHH:mm:SSZ.
func sameDate(info, xmp string) bool {
	digits := func(s string) string {
		return strings.Map(func(c rune) rune {
			if c >= '0' && c <= '9' {
				return c
			}
			return -1
		}, s)
	}
	return len(info) > 2 && digits(info) == digits(xmp) && strings.HasSuffix(info, "Z") == strings.HasSuffix(xmp, "Z")
}

func unescapeXML(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&amp;", "&").Replace(s)
}

func refOf(v any) Ref { r, _ := v.(Ref); return r }

// checkClaims checks what the XMP claims: PDF/UA-1 and PDF/A-2.
func (r *Report) checkClaims(f *File, cat Dict, tagged bool) {
	claimed := strings.Join(r.Claims, " ")
	meta := f.Objects[refOf(cat["Metadata"])]
	if strings.Contains(claimed, "pdfuaid:part=1") {
		if !tagged {
			r.add("PDF/UA claimed but the file is not tagged")
		}
		if mi := f.Dict(cat["MarkInfo"]); mi["Marked"] != true {
			r.add("PDF/UA claimed but MarkInfo /Marked is not true")
		}
		if vp := f.Dict(cat["ViewerPreferences"]); vp["DisplayDocTitle"] != true {
			r.add("PDF/UA claimed but DisplayDocTitle is not true")
		}
		if info := f.Dict(f.Trailer["Info"]); Text(info["Title"]) == "" {
			r.add("PDF/UA claimed but the document has no title")
		}
	}
	if strings.Contains(claimed, "pdfaid:part=2") {
		ois := f.Array(cat["OutputIntents"])
		ok := false
		for _, oi := range ois {
			d := f.Dict(oi)
			if d["S"] == Name("GTS_PDFA1") && f.Objects[refOf(d["DestOutputProfile"])] != nil {
				ok = true
			}
		}
		if !ok {
			r.add("PDF/A claimed but there is no GTS_PDFA1 output intent with a profile")
		}
		if meta != nil && strings.Contains(claimed, "pdfuaid") && !bytes.Contains(meta.Stream, []byte("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>")) {
			r.add("PDF/A claimed with the pdfuaid schema but no extension schema declares it")
		}
		if meta != nil && meta.Stream != nil {
			if d, _ := meta.Value.(Dict); d["Filter"] != nil {
				r.add("the XMP metadata stream is compressed")
			}
		}
		if strings.Contains(claimed, "pdfaid:conformance=A") && !tagged {
			r.add("PDF/A level A claimed but the file is not tagged")
		}
	}
}
