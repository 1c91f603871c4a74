package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/fonts"
	"golang.org/x/image/font/sfnt"
)

// needTool returns the path of a validator, skipping the test when it is not installed.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not installed", name)
	}
	return p
}

// sample writes a two-page document with text, a ligature-like glyph, a tint, a rule, links,
// destinations, an outline and images.
func sample(t *testing.T, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := New(&buf, opts)
	face := fonts.Get(fonts.Serif, fonts.Regular)
	f, err := w.AddTrueType(face.Data())
	if err != nil {
		t.Fatal(err)
	}
	sf, err := face.SFNT()
	if err != nil {
		t.Fatal(err)
	}
	gid := func(r rune) uint16 {
		var b sfnt.Buffer
		g, _ := sf.GlyphIndex(&b, r)
		return uint16(g)
	}
	glyphs := func(s string) []Glyph {
		var gs []Glyph
		x := 0.0
		for _, r := range s {
			g := gid(r)
			gs = append(gs, Glyph{ID: g, Text: string(r), X: x})
			x += f.Width(g) * 12 / 1000
		}
		return gs
	}
	png := pngImage(t)
	boxes := PageBoxes{Media: Rect{0, 0, 400, 600}, Trim: Rect{10, 10, 390, 590}, Bleed: Rect{5, 5, 395, 595}}
	p := w.NewPage(boxes)
	p.SetFill(RGB(0.9, 0.9, 0.9))
	p.FillRect(Rect{50, 400, 350, 500})
	p.SetFill(Gray(0))
	p.Line(0, 0, 10, 10, 0.25, Gray(0))
	p.ShowGlyphs(f, 12, 72, 500, glyphs("Hello world"))
	// One glyph standing for two characters, as a ligature would: the letter "W" as "Wo".
	p.ShowGlyphs(f, 12, 72, 480, []Glyph{{ID: gid('W'), Text: "Wo", X: 0}, {ID: gid('n'), Text: "n", X: f.Width(gid('W')) * 12 / 1000}})
	p.Link(Rect{72, 495, 150, 510}, "https://example.org/(a)")
	p.Dest("first", 550)
	w.Bookmark("Первая", 0, p, 550)
	im, err := w.AddPNG(png)
	if err != nil {
		t.Fatal(err)
	}
	p.DrawImage(im, Rect{100, 100, 200, 200})
	p = w.NewPage(boxes)
	p.LinkDest(Rect{72, 495, 150, 510}, "first")
	w.Bookmark("Second", 1, p, 300)
	jp, err := w.AddJPEG(jpegImage(t))
	if err != nil {
		t.Fatal(err)
	}
	p.DrawImage(jp, Rect{100, 300, 200, 400})
	p.ShowGlyphs(f, 12, 72, 500, glyphs("Page two"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func pngImage(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for i := range 16 {
		img.Set(i%4, i/4, color.NRGBA{R: uint8(60 * (i % 4)), G: 100, B: 200, A: uint8(16 * i)})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegImage(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range 64 {
		img.Set(i%8, i/8, color.RGBA{R: uint8(30 * (i % 8)), G: 50, B: 90, A: 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var date = time.Date(2021, 7, 22, 12, 0, 0, 0, time.UTC)

func sampleOptions() Options {
	return Options{Info: Info{Title: "Тест (title)", Author: "A. Author", Producer: "bindery", Created: date, Modified: date},
		Lang: "en", DisplayDocTitle: true, OutputIntent: SRGBIntent()}
}

func writeTemp(t *testing.T, b []byte) string {
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestXref checks every cross-reference entry against its object and startxref against the
// table, without trusting a reader to repair them.
func TestXref(t *testing.T) {
	b := sample(t, sampleOptions())
	at := bytes.LastIndex(b, []byte("\nxref\n")) + 1
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllSubmatch(b[at:], -1)
	if len(entries) < 20 {
		t.Fatalf("%d xref entries", len(entries))
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := fmt.Sprintf("%d 0 obj", i+1); !bytes.HasPrefix(b[off:], []byte(want)) {
			t.Errorf("xref entry %d points at %q", i+1, b[off:min(off+12, len(b))])
		}
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(b)
	if m == nil || string(m[1]) != strconv.Itoa(at) {
		t.Errorf("startxref %q, table at %d", m, at)
	}
}

// TestReproducibleID checks that the same document gives the same bytes and a different one
// a different /ID.
func TestReproducibleID(t *testing.T) {
	a, b := sample(t, sampleOptions()), sample(t, sampleOptions())
	if !bytes.Equal(a, b) {
		t.Fatal("two runs differ")
	}
	o := sampleOptions()
	o.Info.Title = "Other"
	c := sample(t, o)
	idRe := regexp.MustCompile(`/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]`)
	ia, ic := idRe.FindSubmatch(a), idRe.FindSubmatch(c)
	if ia == nil || ic == nil {
		t.Fatal("no /ID in the trailer")
	}
	if bytes.Equal(ia[1], ic[1]) {
		t.Error("different documents have the same /ID")
	}
}

// TestBoxOrder checks the fixed order of the page boxes.
func TestBoxOrder(t *testing.T) {
	got := string(PageBoxes{Media: Rect{0, 0, 1, 1}, Trim: Rect{0, 0, 1, 1}, Bleed: Rect{0, 0, 1, 1}, Crop: Rect{0, 0, 1, 1}}.appendDict(nil))
	want := "/MediaBox [0 0 1 1] /CropBox [0 0 1 1] /BleedBox [0 0 1 1] /TrimBox [0 0 1 1]"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestValidators runs qpdf, pdffonts, pdftotext and pdfimages over the sample: the file is
// sound, fonts are embedded subsets with a ToUnicode map, a glyph that stands for two
// characters extracts as both, and the images are there with their mask.
func TestValidators(t *testing.T) {
	qpdf, pdffonts, pdftotext, pdfimages := needTool(t, "qpdf"), needTool(t, "pdffonts"), needTool(t, "pdftotext"), needTool(t, "pdfimages")
	path := writeTemp(t, sample(t, sampleOptions()))
	if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(pdffonts, path).CombinedOutput()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`[A-Z]{6}\+PTSerif-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes`).Match(out) {
		t.Errorf("pdffonts:\n%s", out)
	}
	txt, err := exec.Command(pdftotext, "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Hello world", "Won", "Page two"} {
		if !strings.Contains(string(txt), want) {
			t.Errorf("text %q lacks %q", txt, want)
		}
	}
	imgs, err := exec.Command(pdfimages, "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"image       4     4  icc         3   8  image", "smask       4     4  gray        1   8  image", "image       8     8  icc         3   8  jpeg"} {
		if !strings.Contains(strings.Join(strings.Fields(string(imgs)), " "), strings.Join(strings.Fields(want), " ")) {
			t.Errorf("pdfimages -list lacks %q:\n%s", want, imgs)
		}
	}
}

// TestSubsetKeepsGlyphs checks that the subset program still has the outlines of the
// glyphs shown and none of the others.
func TestSubsetKeepsGlyphs(t *testing.T) {
	data := fonts.Get(fonts.Serif, fonts.Regular).Data()
	tt, err := parseTrueType(data)
	if err != nil {
		t.Fatal(err)
	}
	sf, _ := fonts.Get(fonts.Serif, fonts.Regular).SFNT()
	var b sfnt.Buffer
	a, _ := sf.GlyphIndex(&b, 'a')
	sub := tt.subset(map[uint16]bool{uint16(a): true})
	if len(sub) >= len(data)/2 {
		t.Errorf("subset of one glyph is %d bytes of %d", len(sub), len(data))
	}
	st, err := parseTrueType(sub)
	if err != nil {
		t.Fatal(err)
	}
	if st.loca[a+1] == st.loca[a] {
		t.Error("the used glyph lost its outline")
	}
	z, _ := sf.GlyphIndex(&b, 'z')
	if st.loca[z+1] != st.loca[z] {
		t.Error("an unused glyph kept its outline")
	}
	if checksum(sub) != 0xB1B0AFBA {
		t.Errorf("font checksum %x", checksum(sub))
	}
	parsed, err := sfnt.Parse(sub)
	if err != nil {
		t.Fatalf("x/image/sfnt rejects the subset: %v", err)
	}
	if parsed.NumGlyphs() != sf.NumGlyphs() {
		t.Errorf("subset has %d glyphs, want %d", parsed.NumGlyphs(), sf.NumGlyphs())
	}
}

// TestTextString checks the two encodings of text strings.
func TestTextString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a(b)\\", `(a\(b\)\\)`},
		{"Ё", "<FEFF0401>"},
		{"", "()"},
	} {
		if got := textString(tc.in); got != tc.want {
			t.Errorf("textString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestNum checks the number format of content streams.
func TestNum(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{0, "0"}, {1, "1"}, {1.5, "1.5"}, {-0.0001, "0"}, {2.12345, "2.123"}, {-3.25, "-3.25"}} {
		if got := num(tc.in); got != tc.want {
			t.Errorf("num(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
