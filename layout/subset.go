package layout

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
)

// psNames are the PostScript names of the faces, by the key fpdf gives them.
var psNames = map[string]string{
	"utf8ptserif": "PTSerif-Regular", "utf8ptserifI": "PTSerif-Italic",
	"utf8ptserifB": "PTSerif-Bold", "utf8ptserifBI": "PTSerif-BoldItalic",
	"utf8ptsans": "PTSans-Regular", "utf8ptsansB": "PTSans-Bold",
}

var fontNameRE = regexp.MustCompile(`/(?:BaseFont|FontName) /(utf8[A-Za-z]+)`)

// tagSubsets renames fpdf's embedded font subsets the way ISO 32000-1 (9.6.4) asks: a tag of
// six capital letters and a plus sign before the face's PostScript name, so that validators
// and printers see them as subsets. The tag is derived from the document, so the output stays
// reproducible. The cross-reference table is rewritten for the shifted offsets.
func tagSubsets(pdf []byte) ([]byte, error) {
	xrefAt := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if xrefAt < 0 {
		return nil, fmt.Errorf("layout: no cross-reference table in fpdf's output")
	}
	xrefAt++
	matches := fontNameRE.FindAllSubmatchIndex(pdf[:xrefAt], -1)
	h := fnv.New64a()
	h.Write(pdf)
	seed := h.Sum64()
	type shift struct{ at, delta int }
	var shifts []shift
	out := make([]byte, 0, len(pdf)+64*len(matches))
	last := 0
	for _, m := range matches {
		key := string(pdf[m[2]:m[3]])
		ps, ok := psNames[key]
		if !ok {
			continue
		}
		name := subsetTag(seed, key) + "+" + ps
		out = append(append(out, pdf[last:m[2]]...), name...)
		shifts = append(shifts, shift{m[2], len(name) - (m[3] - m[2])})
		last = m[3]
	}
	out = append(out, pdf[last:xrefAt]...)
	moved := func(off int) int {
		n := off
		for _, s := range shifts {
			if s.at < off {
				n += s.delta
			}
		}
		return n
	}
	return rewriteXref(out, pdf[xrefAt:], moved)
}

// subsetTag makes six capital letters from the document's hash and the font's key.
func subsetTag(seed uint64, key string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	v := seed ^ h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + v%26)
		v /= 26
	}
	return string(tag)
}

// rewriteXref appends the table in xref (which starts with "xref") to out, each offset moved.
func rewriteXref(out, xref []byte, moved func(int) int) ([]byte, error) {
	newXref := len(out)
	lines := bytes.Split(xref, []byte("\n"))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case len(l) == 19 && bytes.HasSuffix(l, []byte(" 00000 n ")):
			off, err := strconv.Atoi(string(l[:10]))
			if err != nil {
				return nil, fmt.Errorf("layout: bad xref entry %q", l)
			}
			l = fmt.Appendf(nil, "%010d 00000 n ", moved(off))
		case string(l) == "startxref" && i+1 < len(lines):
			out = append(out, "startxref\n"...)
			out = strconv.AppendInt(out, int64(newXref), 10)
			out = append(out, '\n')
			i++
			continue
		}
		out = append(out, l...)
		if i < len(lines)-1 {
			out = append(out, '\n')
		}
	}
	return out, nil
}
