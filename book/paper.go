package book

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Paper is a trim size of the print edition, by its lower-case name.
type Paper string

// The trim sizes bindery sets pages for.
const (
	PaperA4     Paper = "a4"
	PaperA5     Paper = "a5"
	PaperB5     Paper = "b5"
	PaperRoyal  Paper = "royal"
	PaperLetter Paper = "letter"
	Paper6x9    Paper = "6x9"
)

// DefaultPaper is the trim size of an edition whose manifests name none.
const DefaultPaper = PaperA5

// papers lists the trim sizes in a stable order, with their width and height in millimetres.
var papers = []struct {
	p    Paper
	w, h float64
}{
	{PaperA4, 210, 297}, {PaperA5, 148, 210}, {PaperB5, 176, 250},
	{PaperRoyal, 156, 234}, {PaperLetter, 215.9, 279.4}, {Paper6x9, 152.4, 228.6},
}

// PageSpec is the body type and the margins of a trim size's pages: the type size and
// leading in points, the margins of a recto page in millimetres. The layout sets its pages
// by it, and check measures figures against the same text block.
type PageSpec struct {
	Size, Leading             float64 // points
	Inner, Outer, Top, Bottom float64 // millimetres
}

// pageSpecs are the type and margins of the trim sizes. Text blocks keep 60–75 characters a
// line of English (B5, A4 and letter take wide outer margins for it; layout.TestMeasure checks).
var pageSpecs = map[Paper]PageSpec{
	PaperA5:     {10, 13, 17, 21, 19, 23},
	PaperB5:     {10.5, 13.6, 21, 29, 22, 27},
	PaperRoyal:  {10, 13, 18, 22, 20, 25},
	Paper6x9:    {10, 13, 18, 22, 20, 25},
	PaperA4:     {11, 14.6, 30, 48, 26, 32},
	PaperLetter: {11, 14.6, 30, 54, 24, 30},
}

// Page returns the body type and margins of a trim size, and false for an unknown size.
func (p Paper) Page() (PageSpec, bool) {
	s, ok := pageSpecs[p]
	return s, ok
}

// Measure returns the width of the text block of a trim size in points (0 for an unknown
// size): the trim width less the inner and outer margins.
func (p Paper) Measure() float64 {
	w, _, ok := p.Size()
	s, known := pageSpecs[p]
	if !ok || !known {
		return 0
	}
	return (w - s.Inner - s.Outer) * 72 / 25.4
}

// Papers lists the trim sizes bindery knows, in a stable order.
func Papers() []Paper {
	out := make([]Paper, len(papers))
	for i, p := range papers {
		out[i] = p.p
	}
	return out
}

// PaperNames returns the names of the trim sizes as a comma-separated list, for messages.
func PaperNames() string {
	names := make([]string, len(papers))
	for i, p := range papers {
		names[i] = string(p.p)
	}
	return strings.Join(names, ", ")
}

// ErrUnknownPaper is returned (wrapped) by ParsePaper for a name that is no trim size.
var ErrUnknownPaper = errors.New("unknown paper size")

// ParsePaper reads a trim size name, in any case.
func ParsePaper(s string) (Paper, error) {
	p := Paper(strings.ToLower(strings.TrimSpace(s)))
	if _, _, ok := p.Size(); !ok {
		return "", fmt.Errorf("%w %q (%s)", ErrUnknownPaper, s, PaperNames())
	}
	return p, nil
}

// Size returns the trim width and height in millimetres, and false for an unknown size.
func (p Paper) Size() (w, h float64, ok bool) {
	for _, q := range papers {
		if q.p == p {
			return q.w, q.h, true
		}
	}
	return 0, 0, false
}

// String returns the trim size's name.
func (p Paper) String() string { return string(p) }

// MaxBleed is the largest bleed, in millimetres, any printer asks for.
const MaxBleed = 20

// ErrBleed is returned (wrapped) for a bleed that is not a length from 0 to MaxBleed mm.
var ErrBleed = errors.New("invalid length")

// CheckBleed reports an error unless mm is a bleed from 0 to MaxBleed millimetres (NaN is
// rejected too).
func CheckBleed(mm float64) error {
	if !(mm >= 0 && mm <= MaxBleed) {
		return fmt.Errorf("%w: %gmm is out of range (0–%dmm)", ErrBleed, mm, MaxBleed)
	}
	return nil
}

// ParseBleed reads a bleed such as "3mm", "0.125in", "0.3cm" or "9pt" and returns it in
// millimetres, checked by CheckBleed.
func ParseBleed(s string) (float64, error) {
	units := []struct {
		suffix string
		mm     float64
	}{{"mm", 1}, {"cm", 10}, {"in", 25.4}, {"pt", 25.4 / 72}}
	for _, u := range units {
		if v, ok := strings.CutSuffix(strings.TrimSpace(s), u.suffix); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsInf(f, 0) {
				return 0, fmt.Errorf("%w %q (want e.g. 3mm, from 0 to %d mm)", ErrBleed, s, MaxBleed)
			}
			mm := f * u.mm
			if err := CheckBleed(mm); err != nil {
				return 0, fmt.Errorf("%w %q (want e.g. 3mm, from 0 to %d mm)", ErrBleed, s, MaxBleed)
			}
			return mm, nil
		}
	}
	return 0, fmt.Errorf("%w %q: give a unit (mm, cm, in, pt)", ErrBleed, s)
}
