package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fpc/bindery/pdf/pdfcheck"
)

// compactOptions are sampleOptions with object streams and a cross-reference stream.
func compactOptions() Options {
	o := sampleOptions()
	o.ObjectStreams = true
	return o
}

// inflate decompresses a Flate stream.
func inflate(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// streamAt returns the dictionary and decoded data of the stream object at offset off.
func streamAt(t *testing.T, b []byte, off int) (string, []byte) {
	t.Helper()
	m := regexp.MustCompile(`^\d+ 0 obj\n<<(.*?) /Length (\d+)>>\nstream\n`).FindSubmatch(b[off:])
	if m == nil {
		t.Fatalf("no stream object at %d: %q", off, b[off:min(off+40, len(b))])
	}
	n, _ := strconv.Atoi(string(m[2]))
	start := off + len(m[0])
	return string(m[1]), inflate(t, b[start:start+n])
}

// TestXrefStream reads the cross-reference stream by hand, without trusting a reader to
// repair it: startxref points at it, every type 1 entry at its object, every type 2 entry
// into an object stream whose header lists the object at that index; and the trailer keys
// are in its dictionary.
func TestXrefStream(t *testing.T) {
	b := sample(t, compactOptions())
	if bytes.Contains(b, []byte("\ntrailer")) || bytes.Contains(b, []byte("\nxref\n")) {
		t.Fatal("a classic table or trailer beside the cross-reference stream")
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref")
	}
	at, _ := strconv.Atoi(string(m[1]))
	dict, data := streamAt(t, b, at)
	for _, key := range []string{"/Type /XRef", "/W [1 4 2]", "/Root ", "/Info ", "/ID [<"} {
		if !strings.Contains(dict, key) {
			t.Errorf("the cross-reference stream lacks %s: %s", key, dict)
		}
	}
	if len(data)%7 != 0 || !bytes.Equal(data[:7], []byte{0, 0, 0, 0, 0, 0xff, 0xff}) {
		t.Fatalf("entry 0 or size wrong: %d bytes", len(data))
	}
	if !strings.Contains(dict, fmt.Sprintf("/Size %d", len(data)/7)) {
		t.Errorf("/Size does not match %d entries: %s", len(data)/7, dict)
	}
	packed, streams := 0, map[int][]int{} // object stream -> its objects, from its header
	for i := 1; i < len(data)/7; i++ {
		e := data[7*i : 7*i+7]
		f2, f3 := int(binary.BigEndian.Uint32(e[1:5])), int(binary.BigEndian.Uint16(e[5:7]))
		switch e[0] {
		case 1:
			if want := fmt.Sprintf("%d 0 obj", i); !bytes.HasPrefix(b[f2:], []byte(want)) {
				t.Errorf("entry %d points at %q", i, b[f2:min(f2+12, len(b))])
			}
		case 2:
			packed++
			objs, ok := streams[f2]
			if !ok {
				se := data[7*f2 : 7*f2+7]
				d, s := streamAt(t, b, int(binary.BigEndian.Uint32(se[1:5])))
				first := regexp.MustCompile(`/N (\d+) /First (\d+)`).FindStringSubmatch(d)
				if se[0] != 1 || !strings.Contains(d, "/Type /ObjStm") || first == nil {
					t.Fatalf("entry %d: object %d is no object stream: %s", i, f2, d)
				}
				n, _ := strconv.Atoi(first[2])
				head := strings.Fields(string(s[:n]))
				for k := 0; k+1 < len(head); k += 2 {
					v, _ := strconv.Atoi(head[k])
					objs = append(objs, v)
				}
				streams[f2] = objs
			}
			if f3 >= len(objs) || objs[f3] != i {
				t.Errorf("entry %d: index %d of object stream %d is not object %d", i, f3, f2, i)
			}
		default:
			t.Errorf("entry %d has type %d", i, e[0])
		}
	}
	if packed < 10 || len(streams) == 0 {
		t.Errorf("%d objects packed in %d object streams", packed, len(streams))
	}
}

// TestObjectStreamsSameDocument checks that packing changes the file, not the document:
// pdfcheck reads as many objects with the same dictionaries' kinds, the same trailer /ID
// rule holds (reproducible, content-derived), qpdf --check is clean, and the file is smaller.
func TestObjectStreamsSameDocument(t *testing.T) {
	classic, compact := sample(t, sampleOptions()), sample(t, compactOptions())
	if !bytes.Equal(compact, sample(t, compactOptions())) {
		t.Fatal("two runs differ")
	}
	fc, err := pdfcheck.Parse(classic)
	if err != nil {
		t.Fatal(err)
	}
	fp, err := pdfcheck.Parse(compact)
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(f *pdfcheck.File) map[string]int {
		k := map[string]int{}
		for _, o := range f.Objects {
			d, _ := o.Value.(pdfcheck.Dict)
			if typ, _ := d["Type"].(pdfcheck.Name); typ != "ObjStm" && typ != "XRef" {
				k[string(typ)]++
			}
		}
		return k
	}
	if a, b := fmt.Sprint(kinds(fc)), fmt.Sprint(kinds(fp)); a != b {
		t.Errorf("objects by /Type differ:\nclassic %s\ncompact %s", a, b)
	}
	if pdfcheck.Text(fp.Dict(fp.Trailer["Info"])["Title"]) != "Тест (title)" || fp.Dict(fp.Trailer["Root"])["Type"] != pdfcheck.Name("Catalog") {
		t.Errorf("the trailer's /Info or /Root do not resolve: %v", fp.Trailer)
	}
	if len(fp.Array(fp.Trailer["ID"])) != 2 {
		t.Error("no /ID")
	}
	if len(compact) >= len(classic) {
		t.Errorf("compact %d bytes, classic %d", len(compact), len(classic))
	}
	qpdf := needTool(t, "qpdf")
	path := writeTemp(t, compact)
	if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
