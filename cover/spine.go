package cover

import (
	"fmt"

	"github.com/fpc/bindery/book"
)

// Service is what a print service's cover template fixes: how thick the spine is for a
// page count, and how far text must keep from the folds. docs/print.md gives the sources.
type Service struct {
	Name string
	// Spine returns the spine width in mm of a book of pages pages (both sides counted).
	Spine func(pages int) float64
	// Margin is the space, in mm, spine text keeps from each fold.
	Margin float64
	// MinTextPages is the least page count at which the service allows text on the spine.
	MinTextPages int
}

const inch = 25.4

// services are the presets of book.PrintServices.
var services = map[string]Service{
	// Lulu's help centre ("How is spine width calculated?"): softcover perfect bound,
	// (pages / 444) + 0.06 in.
	"lulu": {Name: "Lulu", Spine: func(p int) float64 { return (float64(p)/444 + 0.06) * inch }, Margin: 0.125 * inch},
	// KDP's paper factors as third-party calculators quote them (KDP's own page was not
	// checked): 0.002252 in a page for white paper, 0.0025 for cream; spine text needs at
	// least 79 pages and 0.0625 in from each fold.
	"kdp-white": {Name: "KDP (white paper)", Spine: func(p int) float64 { return float64(p) * 0.002252 * inch }, Margin: 0.0625 * inch, MinTextPages: 79},
	"kdp-cream": {Name: "KDP (cream paper)", Spine: func(p int) float64 { return float64(p) * 0.0025 * inch }, Margin: 0.0625 * inch, MinTextPages: 79},
}

// defaultMargin is the space spine text keeps from each fold when no service is named:
// 1.6 mm, the tolerance the services above allow for the fold.
const defaultMargin = 1.6

// ServiceFor returns the spine rule of a print settings block: a named service's preset,
// or leaves × caliper (the manifest's caliper, or book.DefaultCaliper).
func ServiceFor(p book.Print) (Service, error) {
	if p.Service != "" {
		s, ok := services[p.Service]
		if !ok {
			return Service{}, fmt.Errorf("cover: unknown print service %q", p.Service)
		}
		if p.Caliper > 0 { // the manifest's measured paper wins over the preset's average
			s.Spine = caliperSpine(p.Caliper)
		}
		return s, nil
	}
	c := p.Caliper
	if c == 0 {
		c = book.DefaultCaliper
	}
	return Service{Name: fmt.Sprintf("caliper %.3g mm", c), Spine: caliperSpine(c), Margin: defaultMargin}, nil
}

// caliperSpine is leaves × caliper: a leaf is two pages.
func caliperSpine(caliper float64) func(int) float64 {
	return func(pages int) float64 { return float64((pages+1)/2) * caliper }
}
