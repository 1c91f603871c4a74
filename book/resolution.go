package book

import (
	"fmt"
	"math"
)

// PrintResolution reports each image of the edition that prints under WarnPPI on paper
// (the edition's paper when ""): a figure at the width FigureWidth gives it in the text
// block, a picture at text height (the body size). Under MinPPI it is an error when press
// is set (a print edition is being made) and a warning otherwise, at the image's place.
func (e *Edition) PrintResolution(paper Paper, press bool) Diagnostics {
	if paper == "" {
		paper = e.Meta.Paper
	}
	spec, ok := paper.Page()
	measure := paper.Measure()
	var ds Diagnostics
	if !ok || measure <= 0 {
		return ds
	}
	report := func(im *Image, figure bool) {
		if im.Data == nil || im.Width < 1 || im.Height < 1 {
			return // Load reported why
		}
		w := im.PictureWidth(spec.Size)
		if figure {
			w = im.FigureWidth(measure)
		}
		ppi := im.PPI(w)
		if ppi >= WarnPPI {
			return
		}
		h := w * float64(im.Height) / float64(im.Width)
		need := int(math.Ceil(w / 72 * WarnPPI))
		size := fmt.Sprintf("%d×%d pixels at %.1f×%.1f mm on %s paper", im.Width, im.Height, w*25.4/72, h*25.4/72, paper)
		if ppi < MinPPI {
			msg := "image %q prints at %.0f ppi (%s): under %d ppi it is blurred in print (an error for --format print); supply at least %d pixels across for %d ppi"
			if press {
				ds.Errorf(im.Pos, msg, im.Src, ppi, size, MinPPI, need, WarnPPI)
			} else {
				ds.Warnf(im.Pos, msg, im.Src, ppi, size, MinPPI, need, WarnPPI)
			}
			return
		}
		ds.Warnf(im.Pos, "image %q prints at %.0f ppi (%s): under %d ppi it looks soft in print; supply at least %d pixels across", im.Src, ppi, size, WarnPPI, need)
	}
	for _, ch := range e.Chapters {
		eachImage(ch.Blocks, report)
		for i := range ch.Notes {
			eachImage(ch.Notes[i].Blocks, report)
		}
	}
	return ds
}
