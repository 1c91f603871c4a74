package epub

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
)

func TestWrap(t *testing.T) {
	face, err := newTypeface(fonts.Sans, fonts.Bold, 100)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"Retreating Rights", 2000, []string{"Retreating Rights"}},
		{"Retreating Rights", 600, []string{"Retreating", "Rights"}},
		{"Как исчезают права в Таджикистане", 1300, []string{"Как исчезают права", "в Таджикистане"}},
		{"  spaced \n out  ", 2000, []string{"spaced out"}},
		{"2\u00a0724\u00a0900 km", 450, []string{"2\u00a0724\u00a0900", "km"}},
		{"", 1000, nil},
	}
	for _, c := range cases {
		if got := wrap(face, c.text, "ru", c.width); !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// TestRasterSquare fills a square with half-pixel edges: full coverage inside, half on the
// edges, none outside, whichever way the outline runs.
func TestRasterSquare(t *testing.T) {
	for _, clockwise := range []bool{true, false} {
		mask := image.NewAlpha(image.Rect(0, 0, 10, 10))
		var o outline
		pts := [][2]float64{{2.5, 2.5}, {7.5, 2.5}, {7.5, 7.5}, {2.5, 7.5}}
		if !clockwise {
			pts[1], pts[3] = pts[3], pts[1]
		}
		for i := range pts {
			a, b := pts[i], pts[(i+1)%len(pts)]
			o.line(a[0], a[1], b[0], b[1])
		}
		fillMask(&o, mask)
		for _, c := range []struct{ x, y, min, max int }{
			{5, 5, 255, 255}, {3, 3, 255, 255}, {0, 0, 0, 0}, {8, 5, 0, 0},
			{2, 5, 126, 129}, {7, 5, 126, 129}, {5, 2, 126, 129}, {2, 2, 62, 66},
		} {
			if v := int(mask.AlphaAt(c.x, c.y).A); v < c.min || v > c.max {
				t.Errorf("clockwise=%v: coverage at (%d,%d) = %d, want %d…%d", clockwise, c.x, c.y, v, c.min, c.max)
			}
		}
	}
}

// TestRenderCover decodes the generated cover: its size, background in the corners, text
// in the foreground colour, the draft mark in the accent colour.
func TestRenderCover(t *testing.T) {
	ed := fixture("kk", true)
	ed.Meta.Cover = book.Cover{Background: "#102030", Foreground: "#fafafa", Accent: "#e05030"}
	ui, _ := book.UI("kk")
	data, err := renderCover(ed, ui)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != coverW || b.Dy() != coverH {
		t.Fatalf("cover is %v", b)
	}
	counts := map[[3]uint32]int{}
	for y := 0; y < coverH; y += 2 {
		for x := 0; x < coverW; x += 2 {
			r, g, b, _ := img.At(x, y).RGBA()
			counts[[3]uint32{r >> 8, g >> 8, b >> 8}]++
		}
	}
	bg, fg, accent := [3]uint32{0x10, 0x20, 0x30}, [3]uint32{0xfa, 0xfa, 0xfa}, [3]uint32{0xe0, 0x50, 0x30}
	if r, g, b, _ := img.At(0, 0).RGBA(); [3]uint32{r >> 8, g >> 8, b >> 8} != bg {
		t.Error("corner is not the background colour")
	}
	if counts[fg] < 5000 || counts[accent] < 2000 {
		t.Errorf("%d foreground and %d accent samples: text missing", counts[fg], counts[accent])
	}
	if counts[bg] < coverW*coverH/4*8/10 {
		t.Errorf("only %d background samples", counts[bg])
	}
}

// fillMask rasterizes an outline into a whole mask, row by row.
func fillMask(o *outline, mask *image.Alpha) {
	w, h := mask.Rect.Dx(), mask.Rect.Dy()
	o.prepare(w, h)
	cov := newCoverage(w)
	for y := range h {
		o.row(y, mask.Pix[y*mask.Stride:y*mask.Stride+w], cov)
	}
}

// TestRasterClipped draws rectangles partly and wholly outside the image: what is inside
// is covered, nothing else, and nothing runs out of the buffers.
func TestRasterClipped(t *testing.T) {
	for _, r := range []image.Rectangle{
		image.Rect(-5, -5, 4, 4), image.Rect(6, 6, 15, 15), image.Rect(12, 2, 20, 5), image.Rect(-9, 2, -3, 5),
	} {
		mask := image.NewAlpha(image.Rect(0, 0, 10, 10))
		var c coverCanvas
		c.rect(fgInk, r)
		fillMask(c.shapes[fgInk][0], mask)
		for y := range 10 {
			for x := range 10 {
				want := uint8(0)
				if image.Pt(x, y).In(r) {
					want = 0xff
				}
				if got := mask.AlphaAt(x, y).A; got != want {
					t.Errorf("%v: coverage at (%d,%d) = %d, want %d", r, x, y, got, want)
				}
			}
		}
	}
}

// TestCoverPNG: the cover written a row at a time decodes, with image/png, to the cover
// composed from whole masks, each ink's outlines rasterized into its own.
func TestCoverPNG(t *testing.T) {
	ed := fixture("kk", true)
	ui, _ := book.UI("kk")
	c, err := drawCover(ed, ui)
	if err != nil {
		t.Fatal(err)
	}
	var masks [2]*image.Alpha
	for k, shapes := range c.shapes {
		masks[k] = image.NewAlpha(image.Rect(0, 0, coverW, coverH))
		for _, o := range shapes {
			fillMask(o, masks[k])
		}
	}
	img := image.NewPaletted(image.Rect(0, 0, coverW, coverH), c.palette())
	for i, fg := range masks[fgInk].Pix {
		if acc := masks[accentInk].Pix[i]; acc >= fg && acc > 0 {
			img.Pix[i] = uint8(coverLevels + int(acc)*(coverLevels-1)/255)
		} else {
			img.Pix[i] = uint8(int(fg) * (coverLevels - 1) / 255)
		}
	}
	var first []byte
	for i := range 2 { // the second time with a pooled compressor
		got, err := renderCover(ed, ui)
		if err != nil {
			t.Fatal(err)
		}
		samePNG(t, "cover", got, img)
		if i == 0 {
			first = got
		} else if !bytes.Equal(got, first) {
			t.Fatal("the cover's bytes differ the second time")
		}
	}
}

// samePNG checks that image/png decodes data (its chunks' CRCs, the zlib stream and its
// Adler-32) to exactly the palette and the pixels of want.
func samePNG(t *testing.T, name string, data []byte, want *image.Paletted) {
	t.Helper()
	dec, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: image/png cannot read it: %v", name, err)
	}
	got, ok := dec.(*image.Paletted)
	if !ok {
		t.Fatalf("%s: decodes to a %T, not a paletted image", name, dec)
	}
	if got.Rect != want.Rect || len(got.Palette) != len(want.Palette) {
		t.Fatalf("%s: %v with %d colours, want %v with %d", name, got.Rect, len(got.Palette), want.Rect, len(want.Palette))
	}
	for i := range want.Palette {
		r0, g0, b0, a0 := got.Palette[i].RGBA()
		r1, g1, b1, a1 := want.Palette[i].RGBA()
		if r0 != r1 || g0 != g1 || b0 != b1 || a0 != a1 {
			t.Fatalf("%s: palette entry %d is %v, want %v", name, i, got.Palette[i], want.Palette[i])
		}
	}
	for y := range want.Rect.Dy() {
		row := want.Pix[y*want.Stride : y*want.Stride+want.Rect.Dx()]
		if !bytes.Equal(got.Pix[y*got.Stride:y*got.Stride+got.Rect.Dx()], row) {
			t.Fatalf("%s: row %d differs", name, y)
		}
	}
}

// TestWritePaletted reads what writePaletted writes with image/png, for an image that does
// not compress (several IDAT chunks), one of a single colour, and one of bands of drawn
// columns between blank rows.
func TestWritePaletted(t *testing.T) {
	pal := make(color.Palette, 256)
	for i := range pal {
		pal[i] = color.RGBA{uint8(i), uint8(255 - i), uint8(i * 7), 0xff}
	}
	seed := uint32(1)
	noise := func(b []byte) {
		for i := range b {
			seed = seed*1664525 + 1013904223
			b[i] = uint8(seed >> 24)
		}
	}
	noisy := image.NewPaletted(image.Rect(0, 0, 301, 257), pal)
	noise(noisy.Pix)
	flat := image.NewPaletted(image.Rect(0, 0, 40, 3), pal[:20])
	banded := image.NewPaletted(image.Rect(0, 0, 173, 300), pal)
	for y := 0; y < 300; y += 7 {
		noise(banded.Pix[y*173+y/3 : y*173+y/3+50])
	}
	for _, img := range []*image.Paletted{noisy, flat, banded} {
		var got bytes.Buffer
		w, h := img.Rect.Dx(), img.Rect.Dy()
		err := writePaletted(&got, w, h, img.Palette, func(y int, pix []byte) (int, int) {
			copy(pix, img.Pix[y*img.Stride:])
			lo, hi := 0, w // the drawn columns
			for lo < w && pix[lo] == 0 {
				lo++
			}
			for hi > lo && pix[hi-1] == 0 {
				hi--
			}
			return lo, hi
		})
		if err != nil {
			t.Fatal(err)
		}
		samePNG(t, fmt.Sprintf("%dx%d", w, h), got.Bytes(), img)
	}
}

// TestAdler: the Adler-32 of two strings from the checksums of each, and of a string
// followed by zeros.
func TestAdler(t *testing.T) {
	a := bytes.Repeat([]byte("Қазақстан "), 700)
	b := bytes.Repeat([]byte{0xff, 0, 7}, 9000)
	for _, n := range []int{0, 1, 5552, len(a)} {
		got := adlerCombine(adler32.Checksum(a[:n]), adler32.Checksum(b), len(b))
		if want := adler32.Checksum(append(a[:n:n], b...)); got != want {
			t.Errorf("%d bytes then %d: %08x, want %08x", n, len(b), got, want)
		}
		for _, z := range []int{0, 1, 1601, 70000} {
			got := adlerZeros(adler32.Checksum(a[:n]), z)
			if want := adler32.Checksum(append(a[:n:n], make([]byte, z)...)); got != want {
				t.Errorf("%d bytes then %d zeros: %08x, want %08x", n, z, got, want)
			}
		}
	}
}

// TestRasterWholeCells checks the rasterizer, which counts the sub-rows that cover whole
// cells apart from the parts of cells, against a reference that adds every span to float
// cells in turn: the covers of the fixtures and lines of text at many sizes give the same
// coverage, pixel for pixel.
func TestRasterWholeCells(t *testing.T) {
	var shapes []*outline
	for lang := range fixtureLang {
		for _, draft := range []bool{false, true} {
			ui, _ := book.UI(lang)
			c, err := drawCover(fixture(lang, draft), ui)
			if err != nil {
				t.Fatal(err)
			}
			shapes = append(shapes, c.shapes[fgInk]...)
			shapes = append(shapes, c.shapes[accentInk]...)
		}
	}
	for size := 9.0; size < 150; size *= 1.3 {
		for _, style := range []fonts.Style{fonts.Regular, fonts.Bold, fonts.Italic} {
			face, err := newTypeface(fonts.Serif, style, size)
			if err != nil {
				t.Fatal(err)
			}
			var scratch []edge
			shapes = append(shapes, face.outline("Қазақстан: «Адам құқықтары» — 2021 Ωfg", 3.3, size+0.7, &scratch))
		}
	}
	got := image.NewAlpha(image.Rect(0, 0, coverW, coverH))
	want := image.NewAlpha(got.Rect)
	for i, o := range shapes {
		clear(got.Pix)
		clear(want.Pix)
		ref := slices.Clone(o.edges)
		fillMask(o, got)
		referenceFill(ref, want)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("shape %d: coverage differs from the reference's", i)
		}
	}
}

// referenceFill rasterizes edges as the rasterizer did before it counted whole cells: every
// crossing of every sub-row from the edges themselves, and each span added to float cells.
func referenceFill(edges []edge, mask *image.Alpha) {
	w, h := mask.Rect.Dx(), mask.Rect.Dy()
	cov := make([]float64, w+1)
	add := func(a, b float64) {
		a, b = max(a, 0), min(b, float64(w))
		if b <= a {
			return
		}
		ia, ib := int(a), int(b)
		if ia == ib {
			cov[ia] += b - a
			return
		}
		cov[ia] += float64(ia+1) - a
		for i := ia + 1; i < ib; i++ {
			cov[i]++
		}
		cov[ib] += b - float64(ib)
	}
	type cross struct {
		x   float64
		dir int
	}
	top, bottom := h, 0 // the rows the edges cross
	for _, e := range edges {
		top, bottom = min(top, int(math.Floor(e.y0))), max(bottom, int(math.Ceil(e.y1)))
	}
	for py := max(top, 0); py < min(bottom, h); py++ {
		clear(cov)
		for s := range rasterSamples {
			sy := float64(py) + (float64(s)+0.5)/rasterSamples
			var cs []cross
			for _, e := range edges {
				if e.y0 <= sy && e.y1 > sy {
					cs = append(cs, cross{e.x0 + (sy-e.y0)*(e.x1-e.x0)/(e.y1-e.y0), e.dir})
				}
			}
			slices.SortStableFunc(cs, func(a, b cross) int { return cmp.Compare(a.x, b.x) })
			wind := 0
			for i, c := range cs {
				if wind != 0 && i > 0 {
					add(cs[i-1].x, c.x)
				}
				wind += c.dir
			}
		}
		for x := range w {
			if c := cov[x]; c > 0 {
				mask.Pix[py*mask.Stride+x] = uint8(min(1, c/rasterSamples) * 255)
			}
		}
	}
}
