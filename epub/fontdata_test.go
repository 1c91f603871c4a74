package epub

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/internal/testutil"
)

// TestFontData checks that every embedded face and the fonts' license have a stored
// compressed copy in assets/fonts that inflates to the original, with its CRC-32 and
// length; -update rewrites the copies. The copies are compiled in, so an updated one takes
// effect at the next build of the test.
func TestFontData(t *testing.T) {
	all := append(fonts.All(), nil)
	if len(fontData) != len(all) {
		t.Errorf("assets/fonts holds %d entries, the fonts package %d faces and the license", len(fontData), len(all)-1)
	}
	for _, f := range all {
		data, name := fonts.License(), licenseFile
		if f != nil {
			data, name = f.Data(), f.File
		}
		if testutil.Update() {
			b, err := storedEntry(data)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("assets", "fonts", name+".deflate"), b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		d, err := fontEntry(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(d.data)))
		switch {
		case err != nil:
			t.Errorf("%s: the stored copy does not inflate: %v", name, err)
		case !bytes.Equal(got, data):
			t.Errorf("%s: the stored copy inflates to %d bytes that are not the font's %d (go test ./epub -update)", name, len(got), len(data))
		case d.size != len(data) || d.crc != crc32.ChecksumIEEE(data):
			t.Errorf("%s: the stored header says %d bytes, CRC %08x; the file has %d, %08x", name, d.size, d.crc, len(data), crc32.ChecksumIEEE(data))
		}
	}
}

// storedEntry is the stored form of data (see fontdata.go): the header and the raw deflate
// stream at flate.DefaultCompression.
func storedEntry(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(data); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	out := binary.BigEndian.AppendUint32(nil, crc32.ChecksumIEEE(data))
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	return append(out, buf.Bytes()...), nil
}
