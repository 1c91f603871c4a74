package pdf

import (
	"math"
	"strconv"
)

// Numbers in content streams are written with integer arithmetic where that gives the same
// digits as strconv, which is several times slower (it rounds the exact binary value): a
// value is scaled to an integer count of its last decimal, and written through strconv only
// when that count lies too close to a rounding tie for the scaled product to tell.

// maxScaled bounds the scaled values formatted as integers: below it the product's rounding
// error (a few units of 2^-53 of it) is far smaller than tieMargin.
const (
	maxScaled = 1 << 30
	tieMargin = 1e-6
)

// num formats a number with at most three decimals and no trailing zeros.
func num(v float64) string {
	var b [32]byte
	return string(appendNum(b[:0], v))
}

// appendNum appends v as num formats it: strconv's 'f' format with three decimals, trailing
// zeros and point dropped, and "0" for what rounds to zero.
func appendNum(b []byte, v float64) []byte {
	if math.Abs(v) < 0.0005 {
		return append(b, '0')
	}
	if n, ok := scaled(v * 1000); ok {
		return appendDecimal(b, n, 1000)
	}
	b = strconv.AppendFloat(b, v, 'f', 3, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	return b
}

// appendAdjust appends a TJ adjustment, rounded to two decimals, in the shortest form that
// reads back as the same value: the form strconv's shortest 'f' formatting of
// math.Round(v*100)/100 gives, since no other number of at most two decimals is as close to
// that quotient.
func appendAdjust(b []byte, v float64) []byte {
	r := math.Round(v * 100)
	if r == 0 || math.Abs(r) >= maxScaled {
		return strconv.AppendFloat(b, r/100, 'f', -1, 64)
	}
	return appendDecimal(b, int64(r), 100)
}

// scaled returns v rounded to an integer, and whether that is certainly the rounding of the
// exact product the caller scaled: v is in range and not within tieMargin of a tie.
func scaled(v float64) (int64, bool) {
	r := math.Round(v)
	if math.Abs(r) >= maxScaled || math.Abs(math.Abs(v-r)-0.5) < tieMargin {
		return 0, false
	}
	return int64(r), true
}

// appendDecimal appends n / unit (unit a power of ten), n not 0, without trailing zeros or
// point.
func appendDecimal(b []byte, n, unit int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/unit, 10)
	frac := n % unit
	if frac == 0 {
		return b
	}
	b = append(b, '.')
	for unit /= 10; frac != 0; unit /= 10 {
		b = append(b, byte('0'+frac/unit))
		frac %= unit
	}
	return b
}
