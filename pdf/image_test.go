package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"regexp"
	"testing"
)

// jpegOf encodes an image as a JPEG.
func jpegOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pngOf encodes an image as a PNG.
func pngOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// markers builds a JPEG's marker segments: SOI, then each segment, then EOI.
func markers(segs ...[]byte) []byte {
	b := []byte{0xFF, 0xD8}
	for _, s := range segs {
		b = append(b, 0xFF, s[0], byte((len(s)+1)>>8), byte(len(s)+1))
		b = append(b, s[1:]...)
	}
	return append(b, 0xFF, 0xD9)
}

// sof is a frame header segment of the given marker, precision, size and components.
func sof(m, bits byte, w, h, comps int) []byte {
	s := []byte{m, bits, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(comps)}
	for k := range comps {
		s = append(s, byte(k+1), 0x11, 0)
	}
	return s
}

func TestReadJPEG(t *testing.T) {
	grey := image.NewGray(image.Rect(0, 0, 5, 3))
	rgb := image.NewRGBA(image.Rect(0, 0, 7, 2))
	adobe := append([]byte{0xEE}, []byte("Adobe\x00\x64\x00\x00\x00\x00\x02")...)
	app0 := append([]byte{0xE0}, []byte("JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00")...)
	for _, tc := range []struct {
		name string
		data []byte
		want JPEGHeader
		ok   bool
	}{
		{"grey", jpegOf(t, grey), JPEGHeader{Width: 5, Height: 3, Components: 1}, true},
		{"rgb", jpegOf(t, rgb), JPEGHeader{Width: 7, Height: 2, Components: 3}, true},
		{"adobe cmyk", markers(adobe, sof(0xC0, 8, 300, 200, 4)), JPEGHeader{Width: 300, Height: 200, Components: 4, Adobe: true}, true},
		{"plain cmyk after JFIF", markers(app0, sof(0xC2, 8, 4, 9, 4)), JPEGHeader{Width: 4, Height: 9, Components: 4}, true},
		{"12-bit", markers(sof(0xC1, 12, 4, 4, 3)), JPEGHeader{}, false},
		{"arithmetic", markers(sof(0xC9, 8, 4, 4, 3)), JPEGHeader{}, false},
		{"lossless", markers(sof(0xC3, 8, 4, 4, 1)), JPEGHeader{}, false},
		{"two components", markers(sof(0xC0, 8, 4, 4, 2)), JPEGHeader{}, false},
		{"zero width", markers(sof(0xC0, 8, 0, 4, 3)), JPEGHeader{}, false},
		{"no frame", markers(app0), JPEGHeader{}, false},
		{"truncated", jpegOf(t, rgb)[:20], JPEGHeader{}, false},
		{"png", pngOf(t, grey), JPEGHeader{}, false},
		{"empty", nil, JPEGHeader{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := ReadJPEG(tc.data)
			if (err == nil) != tc.ok {
				t.Fatalf("err = %v, want ok = %v", err, tc.ok)
			}
			if tc.ok && h != tc.want {
				t.Errorf("got %+v, want %+v", h, tc.want)
			}
		})
	}
}

// imageDicts returns the dictionaries of a document's image XObjects.
func imageDicts(b []byte) []string {
	return regexp.MustCompile(`<<[^>]*/Subtype /Image[^>]*>>`).FindAllString(string(b), -1)
}

func TestAddPNGKinds(t *testing.T) {
	gray := image.NewGray(image.Rect(0, 0, 3, 3))
	greyAlpha := image.NewNRGBA(image.Rect(0, 0, 3, 3))
	colour := image.NewNRGBA(image.Rect(0, 0, 3, 3))
	for i := range 9 {
		greyAlpha.Set(i%3, i/3, color.NRGBA{R: uint8(20 * i), G: uint8(20 * i), B: uint8(20 * i), A: uint8(25 * i)})
		colour.Set(i%3, i/3, color.NRGBA{R: 200, G: uint8(20 * i), B: 10, A: 255})
	}
	pal := image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 0, 255}})
	g16 := image.NewGray16(image.Rect(0, 0, 2, 2))
	for _, tc := range []struct {
		name  string
		img   image.Image
		comps int
		space string
		smask bool
	}{
		{"grey", gray, 1, "/DeviceGray", false},
		{"grey 16-bit", g16, 1, "/DeviceGray", false},
		{"grey with alpha", greyAlpha, 1, "/DeviceGray", true},
		{"colour", colour, 3, "/ICCBased", false},
		{"palette", pal, 3, "/ICCBased", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := New(&buf, Options{OutputIntent: SRGBIntent()})
			im, err := w.AddPNG(pngOf(t, tc.img))
			if err != nil {
				t.Fatal(err)
			}
			if im.Components != tc.comps {
				t.Errorf("components %d, want %d", im.Components, tc.comps)
			}
			p := w.NewPage(PageBoxes{Media: Rect{0, 0, 100, 100}})
			p.DrawImage(im, Rect{10, 10, 50, 50})
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			ds := imageDicts(buf.Bytes())
			want := 1
			if tc.smask {
				want = 2
			}
			if len(ds) != want {
				t.Fatalf("%d image objects, want %d: %q", len(ds), want, ds)
			}
			main := ds[len(ds)-1]
			space := regexp.MustCompile(`/ColorSpace (/DeviceGray|\d+ 0 R)`).FindStringSubmatch(main)
			if space == nil {
				t.Fatalf("no colour space in %s", main)
			}
			got := space[1]
			if got != "/DeviceGray" {
				got = "/ICCBased"
			}
			if got != tc.space || bytes.Contains([]byte(main), []byte("/SMask")) != tc.smask {
				t.Errorf("image %s: want %s, smask %v", main, tc.space, tc.smask)
			}
		})
	}
}

// TestImagesOnce checks that the same file added twice is embedded once, and two different
// files twice.
func TestImagesOnce(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	other := image.NewRGBA(image.Rect(0, 0, 4, 5))
	for i := range 20 {
		other.Set(i%4, i/4, color.RGBA{R: uint8(10 * i), A: 255})
	}
	var buf bytes.Buffer
	w := New(&buf, Options{OutputIntent: SRGBIntent()})
	a1, _ := w.AddJPEG(jpegOf(t, img))
	a2, _ := w.AddJPEG(jpegOf(t, img))
	b1, _ := w.AddPNG(pngOf(t, other))
	b2, _ := w.AddPNG(pngOf(t, other))
	if a1 != a2 || b1 != b2 || a1 == b1 {
		t.Fatalf("images %p %p %p %p: want the same file once", a1, a2, b1, b2)
	}
	p := w.NewPage(PageBoxes{Media: Rect{0, 0, 100, 100}})
	p.DrawImage(a1, Rect{0, 0, 10, 10})
	p.DrawImage(a2, Rect{20, 0, 30, 10})
	p.DrawImage(b1, Rect{40, 0, 50, 10})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n := len(imageDicts(buf.Bytes())); n != 2 {
		t.Errorf("%d image objects, want 2", n)
	}
	if n := bytes.Count(buf.Bytes(), []byte("/ICCBased")); n != 1 {
		t.Errorf("%d ICCBased spaces, want the sRGB one once", n)
	}
}

// TestCMYKSpace checks a CMYK JPEG's colour space: ICC-based FOGRA39 beside an RGB output
// intent (PDF/A forbids DeviceCMYK there), DeviceCMYK under a CMYK one (print).
func TestCMYKSpace(t *testing.T) {
	adobe := append([]byte{0xEE}, []byte("Adobe\x00\x64\x00\x00\x00\x00\x02")...)
	data := markers(adobe, sof(0xC0, 8, 2, 2, 4))
	for _, tc := range []struct {
		name string
		oi   *OutputIntent
		want string
	}{
		{"screen", SRGBIntent(), `/ColorSpace \d+ 0 R /Decode \[1 0 1 0 1 0 1 0\]`},
		{"print", &OutputIntent{Subtype: "GTS_PDFX", Components: 4, Profile: srgbProfile}, `/ColorSpace /DeviceCMYK /Decode`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := New(&buf, Options{OutputIntent: tc.oi})
			if _, err := w.AddJPEG(data); err != nil {
				t.Fatal(err)
			}
			w.NewPage(PageBoxes{Media: Rect{0, 0, 10, 10}})
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if !regexp.MustCompile(tc.want).Match(buf.Bytes()) {
				t.Errorf("no %s in %q", tc.want, imageDicts(buf.Bytes()))
			}
		})
	}
}
