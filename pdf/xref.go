package pdf

import (
	"encoding/binary"
	"fmt"
	"strconv"
)

// objStream collects objects for one object stream (ISO 32000-1, 7.5.7): the pairs of
// object number and offset, then the objects.
type objStream struct {
	ref  ref
	head []byte
	body []byte
	n    int
}

// objectsPerStream bounds an object stream, so the writer holds little and a reader
// decompresses little to reach one object.
const objectsPerStream = 200

// packObject puts an object's body in the object stream being filled, which is written
// once it is full.
func (w *Writer) packObject(r ref, body []byte) {
	s := &w.pack
	if s.n == 0 {
		s.ref = w.alloc()
	}
	w.packed[r], w.offsets[r] = s.ref, int64(s.n)
	s.head = strconv.AppendInt(s.head, int64(r), 10)
	s.head = append(s.head, ' ')
	s.head = strconv.AppendInt(s.head, int64(len(s.body)), 10)
	s.head = append(s.head, ' ')
	s.body = append(s.body, body...)
	s.body = append(s.body, '\n')
	if s.n++; s.n == objectsPerStream {
		w.flushObjects()
	}
}

// flushObjects writes the object stream being filled, if it holds anything.
func (w *Writer) flushObjects() {
	s := &w.pack
	if s.n == 0 {
		return
	}
	data := append(s.head, s.body...)
	w.stream(s.ref, fmt.Sprintf(" /Type /ObjStm /N %d /First %d", s.n, len(s.head)), data, true)
	s.head, s.body, s.n = data[:0], s.body[:0], 0
}

// xrefStream writes the cross-reference stream, which is the trailer too, with an /ID made
// from the hash of everything written before it. Each entry is a type byte, four bytes of
// offset (or of the number of the object stream) and two of generation (or of the index in
// the object stream).
func (w *Writer) xrefStream(root, info ref) {
	w.drain(true)
	id := fmt.Sprintf("%x", w.hash.Sum(nil)[:16])
	x := w.alloc()
	w.offsets[x] = w.n // the queue is empty: the stream starts here
	data := make([]byte, 0, 7*len(w.offsets))
	data = append(data, 0, 0, 0, 0, 0, 0xff, 0xff)
	for r := 1; r < len(w.offsets); r++ {
		typ, f2, f3 := byte(1), uint32(w.offsets[r]), uint16(0)
		if w.packed[r] != 0 {
			typ, f2, f3 = 2, uint32(w.packed[r]), uint16(w.offsets[r])
		}
		data = append(data, typ)
		data = binary.BigEndian.AppendUint32(data, f2)
		data = binary.BigEndian.AppendUint16(data, f3)
	}
	at := w.n
	w.stream(x, fmt.Sprintf(" /Type /XRef /Size %d /W [1 4 2] /Root %s /Info %s /ID [<%s> <%s>]",
		len(w.offsets), root, info, id, id), data, true)
	w.emit(queued{data: fmt.Appendf(nil, "startxref\n%d\n%%%%EOF\n", at)})
}
