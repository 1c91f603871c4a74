// Package barcode computes the geometry of the EAN-13 symbol printed on a book's back cover
// (the "Bookland" barcode of its ISBN-13) as plain data: bars as rectangles in millimetres
// and the human-readable digits with their places. It sits beside the renderers in the
// pipeline (content/ -> book -> layout/cover -> files); the PDF writer draws what it returns.
// Dimensions follow the EAN-13 specification (ISO/IEC 15420, GS1 General Specifications):
// at 100 % magnification a module is 0.330 mm, the bars 22.85 mm high, the guard bars 5
// modules longer, quiet zones of 11 and 7 modules, the whole symbol 37.29 × 25.93 mm.
package barcode

import (
	"fmt"
	"strings"
)

// Nominal dimensions at 100 % magnification, in millimetres.
const (
	Module      = 0.330 // width of one module (the narrowest bar or space)
	BarHeight   = 22.85 // height of the data bars
	DigitHeight = 2.75  // height of the human-readable digits (OCR-B at 100 %)
	guardExtra  = 5     // the guard bars reach this many modules lower than the data bars
	quietLeft   = 11    // light margin before the start guard, in modules
	quietRight  = 7     // light margin after the end guard, in modules
	symbolMods  = 95    // modules from the first bar to the last
)

// The magnifications the specification allows.
const (
	MinMagnification = 0.8
	MaxMagnification = 2.0
)

// Rect is a dark bar: its lower left corner and size, in millimetres from the symbol's lower
// left corner (quiet zones included), y upwards.
type Rect struct{ X, Y, W, H float64 }

// Digit is one human-readable character: X is its centre, Y its baseline, Height the
// height of the digit (the cap height a renderer sizes its font to).
type Digit struct {
	Char   byte
	X, Y   float64
	Height float64
}

// Symbol is a laid-out EAN-13 barcode.
type Symbol struct {
	Width, Height float64 // the whole symbol with its quiet zones and digits, in mm
	Modules       string  // the 95 modules from start to end guard, '1' dark and '0' light
	Bars          []Rect
	Digits        []Digit
}

// Digit encodings: L (odd parity, left half), G (even parity, left half) and R (right half).
var (
	codeL = [10]string{"0001101", "0011001", "0010011", "0111101", "0100011",
		"0110001", "0101111", "0111011", "0110111", "0001011"}
	// parity of the six left digits for each first digit, which the symbol does not draw
	// as bars but encodes in the choice of L and G.
	parity = [10]string{"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
		"LGGLLG", "LGGGLG", "LGLGLG", "LGLGGL", "LGGLGL"}
)

// codeR is the complement of L; codeG is R reversed.
func codeR(d int) string {
	return strings.Map(func(r rune) rune { return '0' + '1' - r }, codeL[d])
}

func codeG(d int) string {
	r := []byte(codeR(d))
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// Encode returns the 95 modules of an EAN-13 number given as 13 digits (the check digit
// is verified).
func Encode(digits string) (string, error) {
	if len(digits) != 13 || strings.Trim(digits, "0123456789") != "" {
		return "", fmt.Errorf("barcode: EAN-13 needs 13 digits, not %q", digits)
	}
	sum := 0
	for i := range 12 {
		sum += int(digits[i]-'0') * (1 + 2*(i%2))
	}
	if c := byte('0' + (10-sum%10)%10); c != digits[12] {
		return "", fmt.Errorf("barcode: %s has check digit %c, the first 12 digits give %c", digits, digits[12], c)
	}
	var b strings.Builder
	b.WriteString("101")
	par := parity[digits[0]-'0']
	for i := 1; i <= 6; i++ {
		d := int(digits[i] - '0')
		if par[i-1] == 'L' {
			b.WriteString(codeL[d])
		} else {
			b.WriteString(codeG(d))
		}
	}
	b.WriteString("01010")
	for i := 7; i <= 12; i++ {
		b.WriteString(codeR(int(digits[i] - '0')))
	}
	b.WriteString("101")
	return b.String(), nil
}

// guard reports whether module i (0-based, of 95) belongs to a guard pattern.
func guard(i int) bool { return i < 3 || (i >= 45 && i < 50) || i >= 92 }

// EAN13 lays out the symbol of 13 digits at a magnification from 0.8 to 2.0 (1 = 100 %).
func EAN13(digits string, magnification float64) (Symbol, error) {
	if !(magnification >= MinMagnification && magnification <= MaxMagnification) {
		return Symbol{}, fmt.Errorf("barcode: magnification %g outside %g–%g", magnification, MinMagnification, MaxMagnification)
	}
	mods, err := Encode(digits)
	if err != nil {
		return Symbol{}, err
	}
	x := Module * magnification
	digitH := DigitHeight * magnification
	barBottom := digitH + x // one module of space above the digits
	top := barBottom + BarHeight*magnification
	s := Symbol{Width: float64(quietLeft+symbolMods+quietRight) * x, Height: top, Modules: mods}
	for i := 0; i < len(mods); {
		j := i
		for j < len(mods) && mods[j] == mods[i] && guard(j) == guard(i) {
			j++
		}
		if mods[i] == '1' {
			y := barBottom
			if guard(i) {
				y -= guardExtra * x
			}
			s.Bars = append(s.Bars, Rect{X: float64(quietLeft+i) * x, Y: y, W: float64(j-i) * x, H: top - y})
		}
		i = j
	}
	// The first digit stands in the left quiet zone; the others under their halves.
	s.Digits = append(s.Digits, Digit{Char: digits[0], X: float64(quietLeft-4) * x, Height: digitH})
	for i := 1; i <= 12; i++ {
		m := 3 + 7*float64(i-1) + 3.5 // centre of the digit's seven modules
		if i > 6 {
			m += 5
		}
		s.Digits = append(s.Digits, Digit{Char: digits[i], X: (quietLeft + m) * x, Height: digitH})
	}
	return s, nil
}
