package testutil

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
)

// FiguresFixture is the txtar file of the figures report (book/testdata/figures.txtar):
// its manuscripts and manifests; its images are FigureImages.
func FiguresFixture() string { return Fixture("figures.txtar") }

// FigureImages returns the images of the figures report by their path in its content
// tree, drawn by code so that no binary file is stored: a 1200×700 PNG bar chart (printed
// at its natural 300 ppi), a 1500×1000 JPEG photo (scaled to the measure), a 48×48 PNG
// icon with alpha set inside text, and a 600×60 PNG ornament marked decorative. The bytes
// are the same on every run (image/png and image/jpeg are deterministic).
func FigureImages() map[string][]byte { return maps.Clone(figureImages()) }

// figureImages draws the images once per test binary.
var figureImages = sync.OnceValue(func() map[string][]byte {
	return map[string][]byte{
		"figures/en/images/chart.png":    encodePNG(chart()),
		"figures/en/images/photo.jpg":    encodeJPEG(photo()),
		"figures/en/images/icon.png":     encodePNG(icon()),
		"figures/en/images/ornament.png": encodePNG(ornament()),
	}
})

// Figures returns the content tree of the figures report: its txtar files and its images.
func Figures(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := FS(Archive(t, FiguresFixture()))
	for name, data := range FigureImages() {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// UnpackFigures writes the content tree of the figures report into a new temporary
// folder and returns it.
func UnpackFigures(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range Figures(t) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // an in-memory image always encodes
	}
	return b.Bytes()
}

func encodeJPEG(img image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// fill paints a rectangle of img.
func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.Set(x, y, c)
		}
	}
}

// chart draws eight bars on a white ground with axes and grid lines.
func chart() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 1200, 700))
	fill(img, img.Bounds(), color.White)
	grid := color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
	for y := 620; y > 60; y -= 100 {
		fill(img, image.Rect(100, y, 1150, y+2), grid)
	}
	fill(img, image.Rect(96, 60, 100, 624), color.Black)
	fill(img, image.Rect(96, 620, 1150, 624), color.Black)
	values := []int{20, 28, 35, 47, 60, 78, 90, 84}
	for i, v := range values {
		x := 130 + i*125
		fill(img, image.Rect(x, 620-v*6, x+80, 620), color.RGBA{0x1f, 0x4e, 0x79, 0xff})
	}
	return img
}

// photo draws a dusk sky, a building with columns and a square, with a gradient so that
// the JPEG has something to compress.
func photo() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 1500, 1000))
	for y := 0; y < 1000; y++ {
		for x := 0; x < 1500; x++ {
			c := color.RGBA{uint8(40 + y/8), uint8(50 + y/10), uint8(120 + y/12), 0xff}
			if y > 700 {
				c = color.RGBA{uint8(90 + (x+y)%40), uint8(85 + (x*y)%30), 80, 0xff}
			}
			img.Set(x, y, c)
		}
	}
	stone := color.RGBA{0xc8, 0xc0, 0xb0, 0xff}
	fill(img, image.Rect(350, 250, 1150, 320), stone)
	for i := range 7 {
		x := 390 + i*110
		fill(img, image.Rect(x, 320, x+40, 700), stone)
	}
	return img
}

// icon draws a warning triangle on a transparent ground.
func icon() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 48, 48))
	for y := 4; y < 44; y++ {
		half := (y - 4) * 22 / 40
		fill(img, image.Rect(24-half, y, 24+half+1, y+1), color.RGBA{0xd0, 0x90, 0x00, 0xff})
	}
	fill(img, image.Rect(22, 16, 26, 34), color.Black)
	fill(img, image.Rect(22, 37, 26, 41), color.Black)
	return img
}

// ornament draws a rule with a diamond in its middle.
func ornament() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 600, 60))
	ink := color.RGBA{0x55, 0x55, 0x55, 0xff}
	fill(img, image.Rect(40, 29, 560, 31), ink)
	for d := range 20 {
		fill(img, image.Rect(300-d, 10+d, 300+d, 11+d), ink)
		fill(img, image.Rect(300-d, 49-d, 300+d, 50-d), ink)
	}
	return img
}
