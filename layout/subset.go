package layout

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
)

// psNames are the PostScript names of the faces, by the key fpdf gives them.
var psNames = map[string]string{
	"utf8ptserif": "PTSerif-Regular", "utf8ptserifI": "PTSerif-Italic",
	"utf8ptserifB": "PTSerif-Bold", "utf8ptserifBI": "PTSerif-BoldItalic",
	"utf8ptsans": "PTSans-Regular", "utf8ptsansB": "PTSans-Bold",
}

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
	for _, key := range []string{"/BaseFont /utf8", "/FontName /utf8"} {
		for at := 0; ; {
			i := bytes.Index(body[at:], []byte(key))
			if i < 0 {
				break
			}
			start := at + i + len(key) - len("utf8")
			end := start + len("utf8")
			for end < len(body) && isLetter(body[end]) {
				end++
			}
			if ps, ok := psNames[string(body[start:end])]; ok {
				edits = append(edits, edit{at: start, n: end - start, repl: []byte(subsetTag(seed, string(body[start:end])) + "+" + ps)})
			}
			at = end
		}
	}
	return edits
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// streamEdits compresses every stream that has no filter: fpdf writes them as
// "<</Length n>>\nstream\n".
func streamEdits(body []byte) ([]edit, error) {
	var edits []edit
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	const open = "<</Length "
	for at := 0; ; {
		i := bytes.Index(body[at:], []byte(open))
		if i < 0 {
			break
		}
		start := at + i
		num := start + len(open)
		end := num
		for end < len(body) && body[end] >= '0' && body[end] <= '9' {
			end++
		}
		const tail = ">>\nstream\n"
		if end == num || !bytes.HasPrefix(body[end:], []byte(tail)) {
			at = end
			continue
		}
		n, err := strconv.Atoi(string(body[num:end]))
		data := end + len(tail)
		if err != nil || n > len(body)-data {
			return nil, fmt.Errorf("layout: bad stream length at %d", start)
		}
		buf.Reset()
		zw.Reset(&buf)
		if _, err := zw.Write(body[data : data+n]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		repl := fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>\nstream\n", buf.Len())
		edits = append(edits, edit{at: start, n: data + n - start, repl: append(repl, buf.Bytes()...)})
		at = data + n
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
