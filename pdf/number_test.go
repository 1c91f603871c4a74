package pdf

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// refNum is num's definition: strconv's three decimals, trailing zeros dropped.
func refNum(v float64) string {
	if math.Abs(v) < 0.0005 {
		return "0"
	}
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// refAdjust is appendAdjust's definition: the shortest form of the value rounded to hundredths.
func refAdjust(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// numberCases are values of every kind the content streams format: page coordinates,
// type sizes and adjustments, exact binary ties (k/2^n), decimal near-ties (x.xxx5), tiny,
// negative and huge values.
func numberCases() []float64 {
	rng := rand.New(rand.NewPCG(16, 21))
	vs := []float64{0, -0.0, 1, -1, 0.0005, -0.0005, 0.00049999, 0.0625, -0.0625, 1.0005, 2.0015,
		0.125, 0.375, 1e9, -1e9, 123456789.0625, math.MaxInt32, 0.005, -0.005, 0.015, -0.015, 12.345,
		-113.585, 4.0999999, 1 << 31, -(1 << 31), 1e20, 595.276, 841.89, 48.189, 531.717}
	for range 200000 {
		var v float64
		switch rng.IntN(5) {
		case 0: // a coordinate
			v = rng.Float64() * 1000
		case 1: // an adjustment
			v = (rng.Float64() - 0.5) * 400
		case 2: // an exact binary fraction: ties of the rounding
			v = float64(rng.IntN(1<<20)-1<<19) / float64(int(1)<<rng.IntN(12))
		case 3: // a decimal near-tie
			v = (float64(rng.IntN(2000000)-1000000) + 0.5) / 1000
		default: // any magnitude
			v = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(14)-4))
		}
		vs = append(vs, v)
	}
	return vs
}

// TestNumMatchesStrconv checks that the integer formatting gives strconv's digits.
func TestNumMatchesStrconv(t *testing.T) {
	for _, v := range numberCases() {
		if got, want := num(v), refNum(v); got != want {
			t.Fatalf("num(%v) = %s, want %s", v, got, want)
		}
	}
}

// TestAdjustMatchesStrconv checks the TJ adjustments against strconv's shortest formatting.
func TestAdjustMatchesStrconv(t *testing.T) {
	for _, v := range numberCases() {
		if got, want := string(appendAdjust(nil, v)), refAdjust(v); got != want {
			t.Fatalf("appendAdjust(%v) = %s, want %s", v, got, want)
		}
	}
}

// refTextString is textString's definition: a literal for printable ASCII, else UTF-16BE
// with a byte order mark, in hexadecimal.
func refTextString(s string) string {
	if plain(s) {
		var b strings.Builder
		b.WriteByte('(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		return b.String() + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String() + ">"
}

// TestAppendTextString checks the text strings of every kind against their definition:
// ASCII with delimiters, Cyrillic, characters beyond the BMP, invalid UTF-8, control characters.
func TestAppendTextString(t *testing.T) {
	for _, s := range []string{"", "plain", "a(b)c\\d", "Қазақстан", "Note 12", "emoji 😀 ok", "bad \xff\xfe utf8",
		"\x01ctl\n", "\u00ad\u2011", "\U0010FFFF", "(Ё)", "\xed\xa0\x80"} {
		if got, want := string(appendTextString([]byte("x"), s)), "x"+refTextString(s); got != want {
			t.Errorf("appendTextString(%q) = %s, want %s", s, got, want)
		}
	}
	for c := range 256 {
		s := string([]byte{'a', byte(c)})
		if !plain(s) {
			continue
		}
		if got, want := literal(s), refTextString(s); got != want {
			t.Errorf("literal(%q) = %s, want %s", s, got, want)
		}
	}
	if got, want := literal("a\x01\xe9"), `(a\001\351)`; got != want {
		t.Errorf("literal of control and high bytes = %s, want %s", got, want)
	}
}
