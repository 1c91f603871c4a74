package cover

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/fpc/bindery/book"
)

// FromRGB converts a colour written #rrggbb or #rgb to process colour by the rule
// docs/print.md documents: K = 1 − max(R, G, B) (all grey in black, "full GCR"), then
// C = (1 − R − K) / (1 − K) and so on, each ink rounded to a whole percent. It is not
// colour-managed: the printed colour will differ from the screen's. A manifest that needs
// exact colour gives print: {background: cmyk(…)} instead.
func FromRGB(s string) (book.CMYK, error) {
	hex := strings.TrimPrefix(s, "#")
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || len(hex) != 6 || !strings.HasPrefix(s, "#") {
		return book.CMYK{}, fmt.Errorf("cover: colour %q is not #rrggbb", s)
	}
	r, g, b := float64(v>>16&0xff)/255, float64(v>>8&0xff)/255, float64(v&0xff)/255
	k := 1 - max(r, g, b)
	if k >= 1 {
		return book.CMYK{K: 1}, nil
	}
	ink := func(x float64) float64 { return math.Round((1-x-k)/(1-k)*100) / 100 }
	return book.CMYK{C: ink(r), M: ink(g), Y: ink(b), K: math.Round(k*100) / 100}, nil
}

// Default cover colours, as the EPUB's generated cover has them.
const (
	defaultBackground = "#1d3557"
	defaultForeground = "#ffffff"
	defaultAccent     = "#e63946"
)

// palette is the cover's three process colours: the manifest's CMYK ones, or its RGB ones
// converted by FromRGB.
type palette struct{ bg, fg, accent book.CMYK }

func newPalette(meta book.Metadata) (palette, error) {
	var p palette
	for _, c := range []struct {
		dst      *book.CMYK
		cmyk     *book.CMYK
		rgb, def string
	}{{&p.bg, meta.Print.Background, meta.Cover.Background, defaultBackground},
		{&p.fg, meta.Print.Foreground, meta.Cover.Foreground, defaultForeground},
		{&p.accent, meta.Print.Accent, meta.Cover.Accent, defaultAccent}} {
		if c.cmyk != nil {
			*c.dst = *c.cmyk
			continue
		}
		rgb := c.rgb
		if rgb == "" {
			rgb = c.def
		}
		v, err := FromRGB(rgb)
		if err != nil {
			return p, err
		}
		*c.dst = v
	}
	return p, nil
}
