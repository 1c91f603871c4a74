package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// trueType is a parsed TrueType font program: its tables and the values the PDF font
// dictionaries need.
type trueType struct {
	tables     map[string][]byte
	upem       float64
	numGlyphs  int
	widths     []float64 // per glyph, the advance in thousandths of an em, rounded
	loca       []uint32  // glyph offsets into glyf, numGlyphs+1 entries
	postScript string
	bbox       [4]int16
	ascent     int16
	descent    int16
	capHeight  int16
	italic     float64
	fixedPitch bool
	serif      bool
}

// errFont reports a font program the writer cannot embed.
var errFont = errors.New("pdf: unsupported font program")

// parseTrueType reads the tables a CIDFontType2 embedding needs.
func parseTrueType(data []byte) (*trueType, error) {
	if len(data) < 12 {
		return nil, errFont
	}
	if v := binary.BigEndian.Uint32(data); v != 0x00010000 && v != 0x74727565 {
		return nil, fmt.Errorf("%w: not TrueType outlines", errFont)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errFont
	}
	t := &trueType{tables: map[string][]byte{}}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, ln := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(ln) > uint64(len(data)) {
			return nil, fmt.Errorf("%w: table %s out of range", errFont, tag)
		}
		t.tables[tag] = data[off : off+ln]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if t.tables[tag] == nil {
			return nil, fmt.Errorf("%w: no %s table", errFont, tag)
		}
	}
	if err := t.readMetrics(); err != nil {
		return nil, err
	}
	t.readNames()
	return t, nil
}

// readMetrics reads head, hhea, maxp, hmtx, loca, OS/2 and post.
func (t *trueType) readMetrics() error {
	head, hhea, maxp := t.tables["head"], t.tables["hhea"], t.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return fmt.Errorf("%w: short head, hhea or maxp", errFont)
	}
	t.upem = float64(binary.BigEndian.Uint16(head[18:]))
	if t.upem == 0 {
		return fmt.Errorf("%w: unitsPerEm is 0", errFont)
	}
	for i := range 4 {
		t.bbox[i] = int16(binary.BigEndian.Uint16(head[36+2*i:]))
	}
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	t.ascent = int16(binary.BigEndian.Uint16(hhea[4:]))
	t.descent = int16(binary.BigEndian.Uint16(hhea[6:]))
	t.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := t.tables["hmtx"]
	if nh == 0 || nh > t.numGlyphs || len(hmtx) < 4*nh {
		return fmt.Errorf("%w: bad hmtx", errFont)
	}
	t.widths = make([]float64, t.numGlyphs)
	for g := range t.widths {
		t.widths[g] = math.Round(float64(binary.BigEndian.Uint16(hmtx[4*min(g, nh-1):])) * 1000 / t.upem)
	}
	loca := t.tables["loca"]
	t.loca = make([]uint32, t.numGlyphs+1)
	glyfLen := uint32(len(t.tables["glyf"]))
	for g := range t.loca {
		var off uint32
		switch {
		case longLoca && len(loca) >= 4*(g+1):
			off = binary.BigEndian.Uint32(loca[4*g:])
		case !longLoca && len(loca) >= 2*(g+1):
			off = 2 * uint32(binary.BigEndian.Uint16(loca[2*g:]))
		default:
			return fmt.Errorf("%w: short loca", errFont)
		}
		if off > glyfLen || g > 0 && off < t.loca[g-1] {
			return fmt.Errorf("%w: bad loca entry %d", errFont, g)
		}
		t.loca[g] = off
	}
	if os2 := t.tables["OS/2"]; len(os2) >= 90 {
		t.capHeight = int16(binary.BigEndian.Uint16(os2[88:]))
		t.serif = os2[32] >= 1 && os2[32] <= 5 // PANOSE family kind 2 (text) with a serif style
	}
	if t.capHeight == 0 {
		t.capHeight = t.ascent
	}
	if post := t.tables["post"]; len(post) >= 16 {
		t.italic = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
		t.fixedPitch = binary.BigEndian.Uint32(post[12:]) != 0
	}
	return nil
}

// readNames takes the PostScript name (name ID 6) from the name table.
func (t *trueType) readNames() {
	name := t.tables["name"]
	t.postScript = "Font"
	if len(name) < 6 {
		return
	}
	count, strOff := int(binary.BigEndian.Uint16(name[2:])), int(binary.BigEndian.Uint16(name[4:]))
	for i := range count {
		rec := name[6+12*i:]
		if len(rec) < 12 {
			return
		}
		platform, id := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		ln, off := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if id != 6 || strOff+off+ln > len(name) {
			continue
		}
		s := name[strOff+off : strOff+off+ln]
		var out []byte
		if platform == 3 || platform == 0 { // UTF-16BE
			for j := 1; j < len(s); j += 2 {
				out = append(out, s[j])
			}
		} else {
			out = s
		}
		if ps := psSafe(out); ps != "" {
			t.postScript = ps
			return
		}
	}
}

// psSafe keeps the characters a PDF name may hold without escapes.
func psSafe(b []byte) string {
	var out []byte
	for _, c := range b {
		if c > ' ' && c < 127 && c != '/' && c != '(' && c != ')' && c != '[' && c != ']' &&
			c != '<' && c != '>' && c != '{' && c != '}' && c != '%' && c != '#' {
			out = append(out, c)
		}
	}
	return string(out)
}

// width returns the advance of glyph g in thousandths of an em, rounded.
func (t *trueType) width(g uint16) float64 {
	if int(g) >= len(t.widths) {
		return 0
	}
	return t.widths[g]
}

// scale converts font units to thousandths of an em.
func (t *trueType) scale(v int16) int { return int(math.Round(float64(v) * 1000 / t.upem)) }

// closure adds to used every glyph a composite glyph in used is made of.
func (t *trueType) closure(used map[uint16]bool) {
	glyf := t.tables["glyf"]
	todo := make([]uint16, 0, len(used))
	for g := range used {
		todo = append(todo, g)
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if int(g) >= t.numGlyphs {
			continue
		}
		data := glyf[t.loca[g]:t.loca[g+1]]
		for _, c := range components(data) {
			if !used[c] {
				used[c] = true
				todo = append(todo, c)
			}
		}
	}
}

// components lists the glyphs a composite glyph refers to.
func components(data []byte) []uint16 {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	var out []uint16
	const (
		argsWords  = 0x0001
		haveScale  = 0x0008
		moreComps  = 0x0020
		haveXY     = 0x0040
		haveMatrix = 0x0080
	)
	for p := 10; p+4 <= len(data); {
		flags := binary.BigEndian.Uint16(data[p:])
		out = append(out, binary.BigEndian.Uint16(data[p+2:]))
		p += 4
		if flags&argsWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXY != 0:
			p += 4
		case flags&haveMatrix != 0:
			p += 8
		}
		if flags&moreComps == 0 {
			break
		}
	}
	return out
}

// subset returns a font program with only the used glyphs' outlines; glyph IDs are kept, so
// the PDF's CIDs are the original glyph IDs (CIDToGIDMap /Identity). Unused glyphs become
// empty; tables a PDF viewer does not need (name, kerning, layout) are dropped.
func (t *trueType) subset(used map[uint16]bool) []byte {
	used[0] = true // .notdef
	t.closure(used)
	glyf := t.tables["glyf"]
	size := 0 // of the glyphs kept, each padded to 4 bytes
	for g := range used {
		if int(g) < t.numGlyphs {
			size += (max(int(t.loca[g+1])-int(t.loca[g]), 0) + 3) &^ 3
		}
	}
	newGlyf := make([]byte, 0, size)
	loca := make([]byte, 4*(t.numGlyphs+1))
	for g := range t.numGlyphs {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(newGlyf)))
		if used[uint16(g)] {
			newGlyf = append(newGlyf, glyf[t.loca[g]:t.loca[g+1]]...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*t.numGlyphs:], uint32(len(newGlyf)))
	head := append([]byte(nil), t.tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	tables := map[string][]byte{"head": head, "glyf": newGlyf, "loca": loca}
	for _, tag := range []string{"cmap", "hhea", "maxp", "hmtx", "cvt ", "fpgm", "prep", "OS/2", "post"} {
		if b, ok := t.tables[tag]; ok {
			tables[tag] = b
		}
	}
	if post := tables["post"]; len(post) >= 32 { // version 3: no glyph names
		p := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(p, 0x00030000)
		tables["post"] = p
	}
	return writeSFNT(tables)
}

// writeSFNT assembles tables into a font file with a correct directory and checksums.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	size := 12 + 16*n
	for _, data := range tables {
		size += (len(data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := 0
	for i, tag := range tags {
		data := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit words.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
