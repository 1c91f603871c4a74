package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// Font is an embedded TrueType font. Only the glyphs the document shows are embedded.
type Font struct {
	ref  ref
	name string // resource name
	tt   *trueType
	// text is the Unicode text each glyph was first shown for, by glyph ID; shown marks the
	// glyphs shown (the text may be empty).
	text  []string
	shown []bool
	n     int // glyphs shown
}

// AddTrueType registers a TrueType font program (glyf outlines) for embedding.
func (w *Writer) AddTrueType(data []byte) (*Font, error) {
	tt, err := parseTrueType(data)
	if err != nil {
		return nil, err
	}
	f := &Font{ref: w.alloc(), name: fmt.Sprintf("F%d", len(w.fonts)+1), tt: tt,
		text: make([]string, tt.numGlyphs), shown: make([]bool, tt.numGlyphs)}
	w.fonts = append(w.fonts, f)
	return f, nil
}

// Width returns the advance of glyph g in thousandths of an em, as the PDF records it.
func (f *Font) Width(g uint16) float64 { return f.tt.width(g) }

// PostScriptName returns the font's PostScript name, without a subset tag.
func (f *Font) PostScriptName() string { return f.tt.postScript }

// use records that glyph g is shown, standing for text if it was not shown before.
func (f *Font) use(g uint16, text string) {
	if int(g) >= len(f.shown) { // not a glyph of the font: kept all the same
		f.text = append(f.text, make([]string, int(g)+1-len(f.text))...)
		f.shown = append(f.shown, make([]bool, int(g)+1-len(f.shown))...)
	}
	if !f.shown[g] {
		f.shown[g], f.text[g] = true, text
		f.n++
	}
}

// glyphs returns the glyphs shown, in order.
func (f *Font) glyphs() []uint16 {
	gs := make([]uint16, 0, f.n)
	for g, ok := range f.shown {
		if ok {
			gs = append(gs, uint16(g))
		}
	}
	return gs
}

// tag derives the six-letter subset tag (ISO 32000-1, 9.6.4) from the glyphs embedded.
func (f *Font) tag(gs []uint16) string {
	h := sha256.New()
	h.Write([]byte(f.tt.postScript))
	for _, g := range gs {
		binary.Write(h, binary.BigEndian, g)
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// write writes the Type 0 font, its CIDFont, descriptor, subset program and ToUnicode CMap.
func (f *Font) write(w *Writer) {
	gs := f.glyphs()
	used := map[uint16]bool{}
	for _, g := range gs {
		used[g] = true
	}
	name := f.tag(gs) + "+" + f.tt.postScript
	cid, desc, file, cmap := w.alloc(), w.alloc(), w.alloc(), w.alloc()
	w.dictObject(f.ref, fmt.Sprintf("/Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s",
		name, cid, cmap))
	w.dictObject(cid, fmt.Sprintf("/Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %s /CIDToGIDMap /Identity /DW 1000 /W [%s]",
		name, desc, f.widths(gs)))
	t := f.tt
	flags := 4 // symbolic: the glyphs are addressed by ID, not by a standard encoding
	if t.fixedPitch {
		flags |= 1
	}
	if t.serif {
		flags |= 2
	}
	if t.italic != 0 {
		flags |= 64
	}
	w.dictObject(desc, fmt.Sprintf("/Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %s",
		name, flags, t.scale(t.bbox[0]), t.scale(t.bbox[1]), t.scale(t.bbox[2]), t.scale(t.bbox[3]),
		num(t.italic), t.scale(t.ascent), t.scale(t.descent), t.scale(t.capHeight), file))
	prog := t.subset(used)
	w.stream(file, fmt.Sprintf(" /Length1 %d", len(prog)), prog, true)
	w.stream(cmap, "", f.toUnicode(gs), true)
}

// widths writes the /W array: runs of consecutive glyph IDs with their widths.
func (f *Font) widths(gs []uint16) string {
	var b bytes.Buffer
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j] == gs[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d [", gs[i])
		for k := i; k < j; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(num(f.tt.width(gs[k])))
		}
		b.WriteString("] ")
		i = j
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

// toUnicode writes the CMap from glyph IDs to the text each stands for.
func (f *Font) toUnicode(gs []uint16) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var mapped []uint16
	for _, g := range gs {
		if f.text[g] != "" {
			mapped = append(mapped, g)
		}
	}
	for i := 0; i < len(mapped); i += 100 {
		chunk := mapped[i:min(i+100, len(mapped))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune(f.text[g])) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
