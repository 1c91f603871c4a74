package layout

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"hash/fnv"
	"regexp"
	"sort"
	"strconv"
)

// psNames are the PostScript names of the faces, by the key fpdf gives them.
var psNames = map[string]string{
	"utf8ptserif": "PTSerif-Regular", "utf8ptserifI": "PTSerif-Italic",
	"utf8ptserifB": "PTSerif-Bold", "utf8ptserifBI": "PTSerif-BoldItalic",
	"utf8ptsans": "PTSans-Regular", "utf8ptsansB": "PTSans-Bold",
}

var (
	fontNameRE  = regexp.MustCompile(`/(?:BaseFont|FontName) /(utf8[A-Za-z]+)`)
	rawStreamRE = regexp.MustCompile(`<</Length (\d+)>>\nstream\n`)
)

// edit replaces pdf[at:at+n] with repl.
type edit struct {
	at, n int
	repl  []byte
}

// finishPDF post-processes fpdf's output. It gives the embedded font subsets the names ISO
// 32000-1 (9.6.4) asks for, a tag of six capital letters and a plus sign before the face's
// PostScript name, derived from the document so the bytes stay reproducible; and it
// compresses the streams fpdf wrote uncompressed (page contents, CMaps) with one reused
// compressor, which costs far less than fpdf's fresh compressor per page. The
// cross-reference table is rewritten for the shifted offsets.
func finishPDF(pdf []byte) ([]byte, error) {
	xrefAt := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if xrefAt < 0 {
		return nil, fmt.Errorf("layout: no cross-reference table in fpdf's output")
	}
	xrefAt++
	body := pdf[:xrefAt]
	edits := fontEdits(body)
	streams, err := streamEdits(body)
	if err != nil {
		return nil, err
	}
	edits = append(edits, streams...)
	sort.Slice(edits, func(i, j int) bool { return edits[i].at < edits[j].at })
	out := make([]byte, 0, len(pdf))
	last := 0
	for _, e := range edits {
		out = append(append(out, body[last:e.at]...), e.repl...)
		last = e.at + e.n
	}
	out = append(out, body[last:]...)
	moved := func(off int) int {
		n := off
		for _, e := range edits {
			if e.at < off {
				n += len(e.repl) - e.n
			}
		}
		return n
	}
	return rewriteXref(out, pdf[xrefAt:], moved)
}

// fontEdits renames every font in body.
func fontEdits(body []byte) []edit {
	h := fnv.New64a()
	h.Write(body)
	seed := h.Sum64()
	var edits []edit
	for _, m := range fontNameRE.FindAllSubmatchIndex(body, -1) {
		key := string(body[m[2]:m[3]])
		if ps, ok := psNames[key]; ok {
			edits = append(edits, edit{at: m[2], n: m[3] - m[2], repl: []byte(subsetTag(seed, key) + "+" + ps)})
		}
	}
	return edits
}

// streamEdits compresses every stream that has no filter.
func streamEdits(body []byte) ([]edit, error) {
	var edits []edit
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	for _, m := range rawStreamRE.FindAllSubmatchIndex(body, -1) {
		n, err := strconv.Atoi(string(body[m[2]:m[3]]))
		if err != nil || m[1]+n > len(body) {
			return nil, fmt.Errorf("layout: bad stream length at %d", m[0])
		}
		buf.Reset()
		zw.Reset(&buf)
		if _, err := zw.Write(body[m[1] : m[1]+n]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		repl := fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>\nstream\n", buf.Len())
		edits = append(edits, edit{at: m[0], n: m[1] + n - m[0], repl: append(repl, buf.Bytes()...)})
	}
	return edits, nil
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
