package epub

import (
	"bufio"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image/color"
	"io"

	"github.com/fpc/bindery/internal/deflate"
)

// This file writes the generated cover as a PNG a pixel row at a time: each row of each
// ink is rasterized from the outlines that cross it, composed into palette indices and
// compressed, so that no buffer of the whole cover is ever allocated. image/png reads it as
// the same paletted image composed from whole masks (TestCoverPNG checks it).

// pngSignature opens every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// palette holds coverLevels blends from the background to each ink, the foreground's first.
func (c *coverCanvas) palette() color.Palette {
	pal := make(color.Palette, 0, 2*coverLevels)
	for _, ink := range []color.RGBA{c.fg, c.accent} {
		for i := range coverLevels {
			pal = append(pal, blend(c.bg, ink, i*255/(coverLevels-1)))
		}
	}
	return pal
}

// writePNG writes the cover as an 8-bit paletted PNG.
func (c *coverCanvas) writePNG(w io.Writer) error {
	for _, shapes := range c.shapes {
		for _, o := range shapes {
			o.prepare(coverW, coverH)
		}
	}
	return writePaletted(w, coverW, coverH, c.palette(), c.rows())
}

// rows returns the function that fills each pixel row of the cover with palette indices,
// called top down: where both inks cover a pixel, the accent wins if it covers as much.
// Only the columns an outline of the row can touch are composed, and returned as [lo, hi);
// the rest is background (index 0).
func (c *coverCanvas) rows() func(y int, pix []byte) (lo, hi int) {
	var masks [2][]uint8
	for k := range masks {
		masks[k] = make([]uint8, coverW)
	}
	cov := newCoverage(coverW)
	lo, hi := 0, 0 // the columns drawn in the masks, [lo, hi)
	return func(y int, pix []byte) (int, int) {
		for k := range masks {
			clear(masks[k][lo:hi])
		}
		lo, hi = coverW, 0
		for k, shapes := range c.shapes {
			for _, o := range shapes {
				if o.row(y, masks[k], cov) {
					lo, hi = min(lo, o.left), max(hi, min(o.right+1, coverW))
				}
			}
		}
		hi = max(lo, hi)
		clear(pix[:lo]) // index 0 is the background
		clear(pix[hi:])
		fgRow, accRow := masks[fgInk][lo:hi], masks[accentInk][lo:hi]
		for x, fg := range fgRow {
			if acc := accRow[x]; acc >= fg && acc > 0 {
				pix[lo+x] = uint8(coverLevels + int(acc)*(coverLevels-1)/255)
			} else {
				pix[lo+x] = uint8(int(fg) * (coverLevels - 1) / 255)
			}
		}
		return lo, hi
	}
}

// writePaletted writes a PNG of 8-bit palette indices (at most 256 colours, opaque) whose
// rows, unfiltered, row fills top down, saying where in the row it wrote anything but
// index 0, in IDAT chunks of 32 KiB.
func writePaletted(w io.Writer, width, height int, pal color.Palette, row func(y int, pix []byte) (lo, hi int)) error {
	cw := &chunkWriter{w: w}
	if _, err := io.WriteString(w, pngSignature); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 3 // bit depth 8, colour type 3 (paletted); no interlace
	cw.chunk("IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(pal))
	for _, c := range pal {
		rgba := color.NRGBAModel.Convert(c).(color.NRGBA)
		plte = append(plte, rgba.R, rgba.G, rgba.B)
	}
	cw.chunk("PLTE", plte)
	bw := bufio.NewWriterSize(idatWriter{cw}, 1<<15) // IDAT chunks of 32 KiB, as image/png
	if err := writeImageData(bw, width, height, row); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	cw.chunk("IEND", nil)
	return cw.err
}

// writeImageData writes the rows as a zlib stream at BestSpeed (deflate.Fast):
// its header, the deflate stream and the Adler-32 of the rows, which is summed only over
// the columns the row function wrote (a run of zeros adds a known multiple to the sum).
func writeImageData(w io.Writer, width, height int, row func(y int, pix []byte) (lo, hi int)) error {
	if _, err := w.Write(deflate.ZlibHeader); err != nil {
		return err
	}
	fw := deflate.Fast.Get(w)
	defer deflate.Fast.Put(fw)
	line := make([]byte, 1+width) // filter type 0 (none), then the indices
	sum := uint32(1)
	for y := range height {
		lo, hi := row(y, line[1:])
		if _, err := fw.Write(line); err != nil {
			return err
		}
		lo, hi = 1+lo, 1+max(lo, hi)
		sum = adlerZeros(sum, lo)
		sum = adlerCombine(sum, adler32.Checksum(line[lo:hi]), hi-lo)
		sum = adlerZeros(sum, len(line)-hi)
	}
	if err := fw.Close(); err != nil {
		return err
	}
	_, err := w.Write(binary.BigEndian.AppendUint32(nil, sum))
	return err
}

// adlerBase is the modulus of Adler-32.
const adlerBase = 65521

// adlerZeros is the Adler-32 of a string followed by n zero bytes, from the string's:
// each zero adds the first sum to the second.
func adlerZeros(adler uint32, n int) uint32 {
	a, b := uint64(adler&0xffff), uint64(adler>>16)
	return uint32(a | (b+a*uint64(n))%adlerBase<<16)
}

// adlerCombine is the Adler-32 of two strings one after the other, from the checksums of
// each and the length of the second (as zlib's adler32_combine).
func adlerCombine(adler1, adler2 uint32, len2 int) uint32 {
	rem := uint64(len2 % adlerBase)
	a1, b1 := uint64(adler1&0xffff), uint64(adler1>>16)
	a2, b2 := uint64(adler2&0xffff), uint64(adler2>>16)
	a := (a1 + a2 + adlerBase - 1) % adlerBase
	b := (rem*a1 + b1 + b2 + adlerBase - rem) % adlerBase
	return uint32(a | b<<16)
}

// chunkWriter writes PNG chunks, keeping the first error.
type chunkWriter struct {
	w   io.Writer
	err error
}

// chunk writes one chunk: length, type, data and the CRC of type and data.
func (cw *chunkWriter) chunk(name string, data []byte) {
	if cw.err != nil {
		return
	}
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], name)
	crc := crc32.Update(crc32.ChecksumIEEE(head[4:]), crc32.IEEETable, data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc)
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, err := cw.w.Write(b); err != nil {
			cw.err = err
			return
		}
	}
}

// idatWriter turns each write into one IDAT chunk.
type idatWriter struct{ cw *chunkWriter }

// Write writes p as an IDAT chunk.
func (iw idatWriter) Write(p []byte) (int, error) {
	iw.cw.chunk("IDAT", p)
	if iw.cw.err != nil {
		return 0, iw.cw.err
	}
	return len(p), nil
}
