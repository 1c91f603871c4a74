package pdf

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
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

// Image is an image XObject, written when it is added.
type Image struct {
	ref           ref
	name          string
	Width, Height int
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

func (w *Writer) newImage(width, height int) *Image {
	im := &Image{ref: w.alloc(), name: fmt.Sprintf("Im%d", len(w.images)+1), Width: width, Height: height}
	w.images = append(w.images, im)
	return im
}

// AddJPEG embeds a baseline or progressive JPEG as it is (DCTDecode). RGB JPEGs are in sRGB.
func (w *Writer) AddJPEG(data []byte) (*Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: jpeg: %w", err)
	}
	space := "/DeviceGray"
	switch jpegComponents(data) {
	case 3:
		space = w.srgbSpace()
	case 4:
		space = "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]" // Adobe CMYK JPEGs are inverted
	}
	im := w.newImage(cfg.Width, cfg.Height)
	w.stream(im.ref, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode",
		cfg.Width, cfg.Height, space), data, false)
	return im, nil
}

// jpegComponents reads the number of colour components from the first SOF marker.
func jpegComponents(b []byte) int {
	for i := 2; i+9 < len(b); {
		if b[i] != 0xFF {
			return 0
		}
		m := b[i+1]
		n := int(b[i+2])<<8 | int(b[i+3])
		if m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC {
			return int(b[i+9])
		}
		i += 2 + n
	}
	return 0
}

// AddPNG decodes a PNG and embeds its samples with Flate: grey as DeviceGray, colour as
// sRGB, alpha as a soft mask.
func (w *Writer) AddPNG(data []byte) (*Image, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("pdf: png: %w", err)
	}
	b := img.Bounds()
	gray := isGray(img)
	comps := 3
	if gray {
		comps = 1
	}
	pix := make([]byte, 0, b.Dx()*b.Dy()*comps)
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a != 0xFFFF {
				opaque = false
			}
			if a > 0 && a < 0xFFFF { // un-premultiply
				r, g, bl = r*0xFFFF/a, g*0xFFFF/a, bl*0xFFFF/a
			}
			if gray {
				pix = append(pix, byte(r>>8))
			} else {
				pix = append(pix, byte(r>>8), byte(g>>8), byte(bl>>8))
			}
			alpha = append(alpha, byte(a>>8))
		}
	}
	space := "/DeviceGray"
	if !gray {
		space = w.srgbSpace()
	}
	smask := ""
	if !opaque {
		m := w.alloc()
		w.stream(m, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8",
			b.Dx(), b.Dy()), alpha, true)
		smask = " /SMask " + m.String()
	}
	im := w.newImage(b.Dx(), b.Dy())
	w.stream(im.ref, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8%s",
		b.Dx(), b.Dy(), space, smask), pix, true)
	return im, nil
}

// isGray reports whether an image's colour model has no colour.
func isGray(img image.Image) bool {
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		return true
	}
	return false
}
