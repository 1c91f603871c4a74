package layout

import (
	"encoding/binary"
	"strings"
	"sync"
)

// ligatureSeqs are the standard Latin ligatures bindery sets where a face's GSUB table has
// them under the 'liga' feature, longest first.
var ligatureSeqs = []string{"ffi", "ffl", "ff", "fi", "fl"}

// ligatures maps a letter sequence of ligatureSeqs to the glyph that replaces it.
type ligatures map[string]uint16

// at returns the ligature text starts with, if the face has one.
func (l ligatures) at(text string) (string, uint16, bool) {
	if len(l) == 0 || len(text) < 2 || text[0] != 'f' {
		return "", 0, false
	}
	for _, seq := range ligatureSeqs {
		if id, ok := l[seq]; ok && strings.HasPrefix(text, seq) {
			return seq, id, true
		}
	}
	return "", 0, false
}

// faceLigatures caches the ligatures of each face: they are read from the font once.
var faceLigatures sync.Map // fontID -> ligatures

// ligaturesOf returns the ligatures of a face, reading its GSUB table on first use.
func ligaturesOf(id fontID, glyph func(rune) uint16) ligatures {
	if l, ok := faceLigatures.Load(id); ok {
		return l.(ligatures)
	}
	l := readLigatures(id.face().Data(), glyph)
	faceLigatures.Store(id, l)
	return l
}

// readLigatures reads the 'liga' lookups (type 4, ligature substitution, possibly behind type 7
// extensions) of an OpenType font's GSUB table and keeps those of ligatureSeqs. A font without
// them, or a table it cannot read, gives none.
func readLigatures(font []byte, glyph func(rune) uint16) ligatures {
	out := ligatures{}
	gsub := table(font, "GSUB")
	if len(gsub) < 10 {
		return out
	}
	feats, lookups := sub(gsub, u16(gsub, 6)), sub(gsub, u16(gsub, 8))
	want := map[[3]uint16]string{}
	for _, s := range ligatureSeqs {
		var key [3]uint16
		for i, r := range s {
			key[i] = glyph(r)
		}
		want[key] = s
	}
	for i := 0; i < int(u16(feats, 0)); i++ {
		rec := 2 + 6*i
		if string(at(feats, rec, 4)) != "liga" {
			continue
		}
		f := sub(feats, u16(feats, rec+4))
		for j := 0; j < int(u16(f, 2)); j++ {
			idx := int(u16(f, 4+2*j))
			lk := sub(lookups, u16(lookups, 2+2*idx))
			for k := 0; k < int(u16(lk, 4)); k++ {
				st, typ := sub(lk, u16(lk, 6+2*k)), u16(lk, 0)
				if typ == 7 && u16(st, 0) == 1 {
					typ, st = u16(st, 2), st[min(len(st), int(binary.BigEndian.Uint32(at(st, 4, 4)))):]
				}
				if typ == 4 {
					ligatureSubst(st, want, out)
				}
			}
		}
	}
	return out
}

// ligatureSubst reads one LigatureSubstFormat1 subtable into out, for the wanted sequences.
func ligatureSubst(st []byte, want map[[3]uint16]string, out ligatures) {
	if u16(st, 0) != 1 {
		return
	}
	firsts := coverage(sub(st, u16(st, 2)))
	for i := 0; i < int(u16(st, 4)) && i < len(firsts); i++ {
		set := sub(st, u16(st, 6+2*i))
		for j := 0; j < int(u16(set, 0)); j++ {
			lig := sub(set, u16(set, 2+2*j))
			n := int(u16(lig, 2))
			if n < 2 || n > 3 {
				continue
			}
			key := [3]uint16{firsts[i]}
			for c := 1; c < n; c++ {
				key[c] = u16(lig, 4+2*(c-1))
			}
			if s, ok := want[key]; ok {
				out[s] = u16(lig, 0)
			}
		}
	}
}

// coverage lists the glyphs of a coverage table in coverage order.
func coverage(c []byte) []uint16 {
	var gs []uint16
	switch u16(c, 0) {
	case 1:
		for i := 0; i < int(u16(c, 2)); i++ {
			gs = append(gs, u16(c, 4+2*i))
		}
	case 2:
		for i := 0; i < int(u16(c, 2)); i++ {
			r := 4 + 6*i
			for g := int(u16(c, r)); g <= int(u16(c, r+2)) && g < 1<<16; g++ {
				gs = append(gs, uint16(g))
			}
		}
	}
	return gs
}

// table returns the bytes of a table of an sfnt font, or nil.
func table(font []byte, tag string) []byte {
	for i := 0; i < int(u16(font, 4)); i++ {
		rec := 12 + 16*i
		if string(at(font, rec, 4)) == tag {
			off := int(binary.BigEndian.Uint32(at(font, rec+8, 4)))
			n := int(binary.BigEndian.Uint32(at(font, rec+12, 4)))
			if off >= 0 && n >= 0 && off+n <= len(font) {
				return font[off : off+n]
			}
		}
	}
	return nil
}

// at returns n bytes of b from off, zeros where b ends: a damaged table reads as empty.
func at(b []byte, off, n int) []byte {
	out := make([]byte, n)
	if off >= 0 && off < len(b) {
		copy(out, b[off:])
	}
	return out
}

func u16(b []byte, off int) uint16 { return binary.BigEndian.Uint16(at(b, off, 2)) }

// sub returns b from off (empty past its end).
func sub(b []byte, off uint16) []byte {
	if int(off) >= len(b) {
		return nil
	}
	return b[off:]
}
