package pdf

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"errors"
	"fmt"
	"image"
	"image/png"

	"github.com/fpc/bindery/icc"
)

//go:embed icc/sRGB.icc
var srgbProfile []byte

// SRGBProfile returns the embedded sRGB ICC profile (Debian's icc-profiles-free, zlib
// licence: see icc/LICENSE.txt).
func SRGBProfile() []byte { return srgbProfile }

// SRGBIntent is the PDF/A output intent of a screen document, with the sRGB profile.
func SRGBIntent() *OutputIntent {
	return &OutputIntent{Subtype: "GTS_PDFA1", Identifier: "sRGB IEC61966-2.1", Info: "sRGB IEC61966-2.1",
		Components: 3, Profile: srgbProfile}
}

// Image is an image XObject, written when it is added. Width and Height are its size in
// pixels; Components is 1 (grey), 3 (RGB) or 4 (CMYK).
type Image struct {
	ref           ref
	name          string
	sum           [32]byte // of the file the image was made from: the same file is embedded once
	cmyk          string   // the colour space of a CMYK image, shared by the next ones
	Width, Height int
	Components    int
}

// srgbSpace returns the ICCBased sRGB colour space, writing it on first use.
func (w *Writer) srgbSpace() string {
	if w.srgb == 0 {
		w.srgb = w.alloc()
		prof := w.alloc()
		w.object(w.srgb, []byte("[/ICCBased "+prof.String()+"]"))
		w.stream(prof, " /N 3 /Alternate /DeviceRGB", srgbProfile, true)
	}
	return w.srgb.String()
}

// cmykSpace is the colour space of CMYK samples: DeviceCMYK when the output intent is a
// CMYK one (print), else the FOGRA39 profile as an ICCBased space, which PDF/A allows beside
// an RGB output intent. It is written once, with the first CMYK image.
func (w *Writer) cmykSpace() string {
	if oi := w.opts.OutputIntent; oi == nil || oi.Components == 4 {
		return "/DeviceCMYK"
	}
	for _, im := range w.images {
		if im.Components == 4 && im.cmyk != "" {
			return im.cmyk
		}
	}
	space := w.alloc()
	prof := w.alloc()
	w.object(space, []byte("[/ICCBased "+prof.String()+"]"))
	w.stream(prof, " /N 4 /Alternate /DeviceCMYK", icc.FOGRA39(), true)
	return space.String()
}

// known returns the image already embedded from the same file, or nil.
func (w *Writer) known(sum [32]byte) *Image {
	for _, im := range w.images {
		if im.sum == sum {
			return im
		}
	}
	return nil
}

func (w *Writer) newImage(sum [32]byte, width, height, comps int) *Image {
	im := &Image{ref: w.alloc(), name: fmt.Sprintf("Im%d", len(w.images)+1), sum: sum,
		Width: width, Height: height, Components: comps}
	w.images = append(w.images, im)
	return im
}

// AddJPEG embeds a baseline or progressive JPEG as it is (DCTDecode), once per distinct
// file: grey as DeviceGray, colour as sRGB, CMYK as CMYK (see cmykSpace), Adobe's inverted
// CMYK with a Decode array.
func (w *Writer) AddJPEG(data []byte) (*Image, error) {
	sum := sha256.Sum256(data)
	if im := w.known(sum); im != nil {
		return im, nil
	}
	h, err := ReadJPEG(data)
	if err != nil {
		return nil, err
	}
	var space string
	switch h.Components {
	case 1:
		space = "/DeviceGray"
	case 3:
		space = w.srgbSpace()
	case 4:
		space = w.cmykSpace()
		if h.Adobe {
			space += " /Decode [1 0 1 0 1 0 1 0]" // Adobe's CMYK JPEGs store inverted samples
		}
	}
	im := w.newImage(sum, h.Width, h.Height, h.Components)
	if h.Components == 4 {
		im.cmyk = space
	}
	w.stream(im.ref, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode",
		h.Width, h.Height, space), data, false)
	return im, nil
}

// JPEGHeader is what a JPEG's frame header (SOF) and Adobe marker say.
type JPEGHeader struct {
	Width, Height int
	Components    int  // 1, 3 or 4
	Adobe         bool // an APP14 "Adobe" marker: CMYK samples are stored inverted
}

// ErrJPEG is the error of a file that is not a JPEG a PDF can embed as it is.
var ErrJPEG = errors.New("pdf: not an 8-bit baseline or progressive JPEG with 1, 3 or 4 components")

// ReadJPEG reads a JPEG's size and components from its markers, without decoding it. Only
// 8-bit Huffman-coded frames (baseline, extended, progressive) are accepted: those are what
// every PDF reader decodes.
func ReadJPEG(b []byte) (JPEGHeader, error) {
	var h JPEGHeader
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return h, ErrJPEG
	}
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return h, ErrJPEG
		}
		m := b[i+1]
		if m == 0xFF { // fill byte
			i++
			continue
		}
		if m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7) { // markers without a length
			i += 2
			continue
		}
		n := int(b[i+2])<<8 | int(b[i+3])
		seg := b[i+4 : min(len(b), i+2+n)]
		switch {
		case n < 2 || i+2+n > len(b) || m == 0xD9 || m == 0xDA:
			return h, ErrJPEG // no frame header before the scan or the end
		case m == 0xEE && len(seg) >= 5 && string(seg[:5]) == "Adobe":
			h.Adobe = true
		case m == 0xC0 || m == 0xC1 || m == 0xC2:
			if len(seg) < 6 || seg[0] != 8 {
				return h, ErrJPEG
			}
			h.Height = int(seg[1])<<8 | int(seg[2])
			h.Width = int(seg[3])<<8 | int(seg[4])
			h.Components = int(seg[5])
			if h.Width == 0 || h.Height == 0 || (h.Components != 1 && h.Components != 3 && h.Components != 4) {
				return h, ErrJPEG
			}
			return h, nil
		case m >= 0xC3 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC:
			return h, ErrJPEG // lossless, hierarchical or arithmetic-coded
		}
		i += 2 + n
	}
	return h, ErrJPEG
}

// AddPNG decodes a PNG and embeds its samples with Flate, once per distinct file: grey as
// DeviceGray, colour as sRGB, any transparency as a soft mask (SMask). Samples are 8 bits
// (16-bit files are rounded).
func (w *Writer) AddPNG(data []byte) (*Image, error) {
	sum := sha256.Sum256(data)
	if im := w.known(sum); im != nil {
		return im, nil
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: png: %w", err)
	}
	s := samplesOf(img)
	b := img.Bounds()
	comps, space := 3, ""
	if s.gray {
		comps, space = 1, "/DeviceGray"
	} else {
		space = w.srgbSpace()
	}
	smask := ""
	if !s.opaque {
		m := w.alloc()
		w.stream(m, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8",
			b.Dx(), b.Dy()), s.alpha, true)
		smask = " /SMask " + m.String()
	}
	im := w.newImage(sum, b.Dx(), b.Dy(), comps)
	w.stream(im.ref, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8%s",
		b.Dx(), b.Dy(), space, smask), s.pix, true)
	return im, nil
}

// samples are an image's 8-bit colour samples, row by row, and its alpha.
type samples struct {
	pix, alpha []byte
	gray       bool // one sample per pixel
	opaque     bool // alpha is 255 everywhere (then it is not written)
}

// samplesOf reads an image's samples: grey images (including grey with alpha) with one
// sample per pixel, others as RGB, colour not premultiplied.
func samplesOf(img image.Image) samples {
	b := img.Bounds()
	s := samples{gray: isGray(img), opaque: true}
	comps := 3
	if s.gray {
		comps = 1
	}
	s.pix = make([]byte, 0, b.Dx()*b.Dy()*comps)
	s.alpha = make([]byte, 0, b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a != 0xFFFF {
				s.opaque = false
			}
			if a > 0 && a < 0xFFFF { // un-premultiply
				r, g, bl = r*0xFFFF/a, g*0xFFFF/a, bl*0xFFFF/a
			}
			if s.gray {
				s.pix = append(s.pix, byte(r>>8))
			} else {
				s.pix = append(s.pix, byte(r>>8), byte(g>>8), byte(bl>>8))
			}
			s.alpha = append(s.alpha, byte(a>>8))
		}
	}
	return s
}

// isGray reports whether an image has no colour: a grey colour model, or every pixel with
// equal red, green and blue (a grey PNG with alpha, which Go decodes as NRGBA, or a chart
// saved as RGB in greys only). Grey images print on the black plate alone.
func isGray(img image.Image) bool {
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		return true
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r != g || g != bl {
				return false
			}
		}
	}
	return true
}
