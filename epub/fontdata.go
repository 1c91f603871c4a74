package epub

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/fpc/bindery/fonts"
)

// The embedded faces and their license ship in every EPUB deflated exactly as stored
// here, in assets/fonts, so that no build spends time compressing them (about 2.3 MB, 50 ms
// of CPU a process). Each file is the CRC-32 (IEEE) and the length of the original, 4 bytes
// big-endian each, then the original as a raw deflate stream. TestFontData checks that each
// one inflates to the file of the fonts package; go test ./epub -update rewrites them at
// flate.DefaultCompression (storedEntry in fontdata_test.go).
var (
	//go:embed assets/fonts/PTF55F.ttf.deflate
	ptf55f []byte
	//go:embed assets/fonts/PTF56F.ttf.deflate
	ptf56f []byte
	//go:embed assets/fonts/PTF75F.ttf.deflate
	ptf75f []byte
	//go:embed assets/fonts/PTF76F.ttf.deflate
	ptf76f []byte
	//go:embed assets/fonts/PTS55F.ttf.deflate
	pts55f []byte
	//go:embed assets/fonts/PTS75F.ttf.deflate
	pts75f []byte
	//go:embed assets/fonts/PTM55F.ttf.deflate
	ptm55f []byte
	//go:embed assets/fonts/LICENSE.txt.deflate
	fontLicense []byte
)

// licenseFile names the fonts' license among the font files.
const licenseFile = "LICENSE.txt"

// fontData maps the file name of each face (and licenseFile) to its stored entry.
var fontData = map[string][]byte{
	"PTF55F.ttf": ptf55f, "PTF56F.ttf": ptf56f, "PTF75F.ttf": ptf75f, "PTF76F.ttf": ptf76f,
	"PTS55F.ttf": pts55f, "PTS75F.ttf": pts75f, "PTM55F.ttf": ptm55f, licenseFile: fontLicense,
}

// fontEntry returns the compressed entry of a face, or of the license for nil.
func fontEntry(f *fonts.Face) (*deflated, error) {
	name := licenseFile
	if f != nil {
		name = f.File
	}
	stored, ok := fontData[name]
	if !ok {
		return nil, fmt.Errorf("font %s has no compressed copy in assets/fonts", name)
	}
	return parseStored(stored)
}

// parseStored reads a stored entry: its header and the deflate stream after it.
func parseStored(b []byte) (*deflated, error) {
	if len(b) < 8 {
		return nil, errors.New("stored font entry too short")
	}
	return &deflated{crc: binary.BigEndian.Uint32(b), size: int(binary.BigEndian.Uint32(b[4:])), data: b[8:]}, nil
}
