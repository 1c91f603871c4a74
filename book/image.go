package book

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig reads JPEG headers
	_ "image/png"  // and PNG headers
	"io/fs"
	"strings"
)

// This file holds the images of the manuscript: a figure (an image alone in its paragraph)
// or a picture inside text. Load reads each file once, checks it, and records its format
// and pixel size from the file's header; the print rule below is the one both the layout
// and `check` apply, so that the resolution check measures what the page will print.

// ImageFormat is the file format of an image the renderers embed.
type ImageFormat string

// The image formats bindery embeds: both go into an EPUB and a PDF as they are.
const (
	PNG  ImageFormat = "png"
	JPEG ImageFormat = "jpeg"
)

// MediaType returns the format's media type, "image/png" or "image/jpeg".
func (f ImageFormat) MediaType() string { return "image/" + string(f) }

// Ext returns the format's file name extension, ".png" or ".jpg".
func (f ImageFormat) Ext() string {
	if f == JPEG {
		return ".jpg"
	}
	return ".png"
}

// Image is one image of the manuscript. Load fills File, Format, Width, Height, Data and
// Hash; an image whose file cannot be used has no Data and an error at Pos.
type Image struct {
	Src        string // the path as the manuscript writes it, relative to the edition folder
	File       string // the file inside the content tree, as messages name it
	Alt        string // the text for readers who cannot see it; "" only when Decorative
	Decorative bool   // marked {.decorative}: purely ornamental, read by no one (alt="")
	Pos        Pos    // the "![" of the image
	Format     ImageFormat
	Width      int    // pixels
	Height     int    // pixels
	Data       []byte // the file's bytes, unchanged
	Hash       string // hex SHA-256 of Data: the same file is embedded once under one name
}

// PrintPPI is the resolution at which a figure prints at its natural size.
const PrintPPI = 300

// The resolutions below which check reports an image for print: under WarnPPI a warning,
// under MinPPI a warning in check and an error when the print edition is built.
const (
	WarnPPI = 300
	MinPPI  = 150
)

// FigureWidth returns the width in points at which a figure prints in a text block
// measure points wide: scaled to the measure, or at its natural size at PrintPPI,
// whichever is smaller (a figure is never enlarged past 300 ppi).
func (im *Image) FigureWidth(measure float64) float64 {
	natural := float64(im.Width) * 72 / PrintPPI
	return min(measure, natural)
}

// FigureHeight returns the height in points of a figure printed width points wide.
func (im *Image) FigureHeight(width float64) float64 {
	if im.Width == 0 {
		return 0
	}
	return width * float64(im.Height) / float64(im.Width)
}

// PictureWidth returns the width in points of a picture inside text set at text height:
// its height is the body type size (size points), its width in proportion.
func (im *Image) PictureWidth(size float64) float64 {
	if im.Height == 0 {
		return 0
	}
	return size * float64(im.Width) / float64(im.Height)
}

// PPI returns the effective resolution of the image printed width points wide.
func (im *Image) PPI(width float64) float64 {
	if width <= 0 {
		return 0
	}
	return float64(im.Width) / (width / 72)
}

// eachImage calls f for every image of blocks in reading order: figures and pictures
// inside text, captions, cells and nested blocks included.
func eachImage(bs []Block, f func(im *Image, figure bool)) {
	var pictures func([]Inline)
	pictures = func(ins []Inline) {
		for _, in := range ins {
			if in.Kind == Picture && in.Image != nil {
				f(in.Image, false)
			}
			pictures(in.Children)
		}
	}
	for i := range bs {
		b := &bs[i]
		if b.Kind == Figure && b.Image != nil {
			f(b.Image, true)
		}
		ownInlineLists(b, pictures)
		for _, it := range b.Items {
			eachImage(it, f)
		}
		eachImage(b.Children, f)
	}
}

// loadImages reads the image files of a chapter (dir is the edition folder) and reports,
// at each image's place, a file that is missing, outside the edition folder, unreadable or
// in a format bindery cannot embed. files caches what the edition has read already.
func loadImages(fsys fs.FS, prefix, dir string, ch *Chapter, files map[string]*Image, ds *Diagnostics) {
	eachImage(ch.Blocks, func(im *Image, _ bool) { loadImage(fsys, prefix, dir, im, files, ds) })
	for i := range ch.Notes {
		eachImage(ch.Notes[i].Blocks, func(im *Image, _ bool) { loadImage(fsys, prefix, dir, im, files, ds) })
	}
}

func loadImage(fsys fs.FS, prefix, dir string, im *Image, files map[string]*Image, ds *Diagnostics) {
	p, err := insidePath(dir, im.Src)
	if err == nil && !strings.HasPrefix(p, dir+"/") {
		err = errOutside{"is outside the edition folder; keep images inside it (e.g. images/chart.png)"}
	}
	if err != nil {
		ds.Errorf(im.Pos, "image %q %v", im.Src, err)
		return
	}
	im.File = display(prefix, p)
	if got, ok := files[p]; ok {
		im.Format, im.Width, im.Height, im.Data, im.Hash = got.Format, got.Width, got.Height, got.Data, got.Hash
		if got.Data == nil {
			ds.Errorf(im.Pos, "image %q cannot be used (see its first use at %s)", im.Src, got.Pos)
		}
		return
	}
	files[p] = im
	data, err := readInside(fsys, dir, im.Src, MaxImageBytes, "images")
	if err != nil {
		ds.Errorf(im.Pos, "image %q %v", im.Src, err)
		return
	}
	format, w, h, err := imageHeader(data)
	if err != nil {
		ds.Errorf(im.Pos, "image %q %v", im.Src, err)
		return
	}
	sum := sha256.Sum256(data)
	im.Format, im.Width, im.Height, im.Data, im.Hash = format, w, h, data, hex.EncodeToString(sum[:])
}

// imageHeader reads the format and the pixel size of an image file, or says why bindery
// cannot embed it.
func imageHeader(data []byte) (ImageFormat, int, int, error) {
	var format ImageFormat
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		format = PNG
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		format = JPEG
	default:
		return "", 0, 0, fmt.Errorf("is %s; bindery embeds PNG and JPEG images: convert it", sniffFormat(data))
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return "", 0, 0, fmt.Errorf("cannot be read as %s: %v", strings.ToUpper(string(format)), err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxImagePixels || cfg.Height > MaxImagePixels {
		return "", 0, 0, fmt.Errorf("is %d×%d pixels; bindery embeds images from 1 to %d pixels a side", cfg.Width, cfg.Height, MaxImagePixels)
	}
	return format, cfg.Width, cfg.Height, nil
}

// sniffFormat names the format of a file that is neither PNG nor JPEG, for the message.
func sniffFormat(data []byte) string {
	head := string(data[:min(len(data), 512)])
	switch {
	case strings.HasPrefix(head, "GIF8"):
		return "a GIF image"
	case strings.HasPrefix(head, "RIFF") && len(head) >= 12 && head[8:12] == "WEBP":
		return "a WebP image"
	case strings.Contains(head, "<svg"):
		return "an SVG image"
	case strings.HasPrefix(head, "%PDF"):
		return "a PDF file"
	case strings.HasPrefix(head, "II*\x00"), strings.HasPrefix(head, "MM\x00*"):
		return "a TIFF image"
	case len(head) == 0:
		return "empty"
	}
	return "not an image bindery knows"
}

// Images returns the edition's image files in reading order, each once (by Hash): the
// figures and pictures of every chapter and of its notes that Load could read.
func (e *Edition) Images() []*Image {
	var out []*Image
	seen := map[string]bool{}
	add := func(im *Image, _ bool) {
		if im.Data != nil && !seen[im.Hash] {
			seen[im.Hash] = true
			out = append(out, im)
		}
	}
	for _, ch := range e.Chapters {
		eachImage(ch.Blocks, add)
		for i := range ch.Notes {
			eachImage(ch.Notes[i].Blocks, add)
		}
	}
	return out
}

// EachImage calls f for every image of blocks in reading order, with figure set for a
// figure and unset for a picture inside text.
func EachImage(bs []Block, f func(im *Image, figure bool)) { eachImage(bs, f) }
