package epub

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/fpc/bindery/book"
)

// unpacked is an EPUB read back: entry names in container order and their contents.
type unpacked struct {
	names []string
	files map[string][]byte
	zip   *zip.Reader
}

// build writes an edition and fails the test on error.
func build(t testing.TB, ed *book.Edition, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, ed, opts); err != nil {
		t.Fatalf("Write %s: %v", ed.Name(), err)
	}
	return b.Bytes()
}

// unpack reads an EPUB's entries.
func unpack(t testing.TB, data []byte) *unpacked {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("reading the container: %v", err)
	}
	u := &unpacked{files: map[string][]byte{}, zip: zr}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		rc.Close()
		u.names = append(u.names, f.Name)
		u.files[f.Name] = b.Bytes()
	}
	return u
}

func bytesContains(b []byte, s string) bool { return bytes.Contains(b, []byte(s)) }
