package book

import (
	"fmt"
	"strings"
)

// ISBN is a validated International Standard Book Number.
type ISBN struct {
	Digits  string // the 13 digits of the ISBN-13 (an ISBN-10 is converted with prefix 978)
	Written string // the number as the manifest writes it, hyphens kept, for display
}

// ParseISBN reads an ISBN-13 or ISBN-10, written with or without hyphens or spaces and
// optionally after "ISBN", and checks its check digit. An ISBN-10 becomes the ISBN-13 of the
// same book (978 prefix, check digit recomputed).
func ParseISBN(s string) (ISBN, error) {
	written := strings.TrimSpace(s)
	body := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(written, "ISBN"), ":"))
	for _, p := range []string{"-13", "-10"} {
		if strings.HasPrefix(body, p+":") || strings.HasPrefix(body, p+" ") {
			body = strings.TrimSpace(strings.TrimPrefix(body[len(p):], ":"))
		}
	}
	var d []byte
	for i, r := range body {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, byte(r))
		case r == 'X' || r == 'x':
			if i != len(body)-1 {
				return ISBN{}, fmt.Errorf("ISBN %q: X may only be the check digit of an ISBN-10", s)
			}
			d = append(d, 'X')
		case r == '-' || r == ' ':
		default:
			return ISBN{}, fmt.Errorf("ISBN %q has the character %q; write digits and hyphens", s, r)
		}
	}
	switch len(d) {
	case 13:
		if d[12] == 'X' {
			return ISBN{}, fmt.Errorf("ISBN %q: an ISBN-13 has no X check digit", s)
		}
		if !strings.HasPrefix(string(d), "978") && !strings.HasPrefix(string(d), "979") {
			return ISBN{}, fmt.Errorf("ISBN %q must start with 978 or 979", s)
		}
		if c := ean13Check(d[:12]); c != d[12] {
			return ISBN{}, fmt.Errorf("ISBN %q has check digit %c; the first 12 digits give %c", s, d[12], c)
		}
		return ISBN{Digits: string(d), Written: written}, nil
	case 10:
		if c := isbn10Check(d[:9]); c != d[9] {
			return ISBN{}, fmt.Errorf("ISBN-10 %q has check digit %c; the first 9 digits give %c", s, d[9], c)
		}
		d13 := append([]byte("978"), d[:9]...)
		d13 = append(d13, ean13Check(d13))
		return ISBN{Digits: string(d13), Written: "ISBN " + hyphenLike(written, string(d13))}, nil
	}
	return ISBN{}, fmt.Errorf("ISBN %q has %d digits; an ISBN has 13 (or 10)", s, len(d))
}

// hyphenLike writes an ISBN-13 converted from an ISBN-10 with the ISBN-10's hyphens, after
// "978-"; when the ISBN-10 had none, the 13 digits alone.
func hyphenLike(isbn10, d13 string) string {
	body := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(isbn10, "ISBN")), ":"))
	body = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(body, "-10"), ":"))
	if !strings.ContainsAny(body, "- ") {
		return d13
	}
	groups := strings.FieldsFunc(body, func(r rune) bool { return r == '-' || r == ' ' })
	if len(groups) != 4 {
		return d13
	}
	return "978-" + strings.Join(groups[:3], "-") + "-" + d13[12:]
}

// ean13Check returns the check digit of 12 EAN-13 digits: weights 1, 3, 1, 3, …
func ean13Check(d []byte) byte {
	sum := 0
	for i, c := range d {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += w * int(c-'0')
	}
	return byte('0' + (10-sum%10)%10)
}

// isbn10Check returns the check digit of 9 ISBN-10 digits (weights 10 down to 2, mod 11).
func isbn10Check(d []byte) byte {
	sum := 0
	for i, c := range d {
		sum += (10 - i) * int(c-'0')
	}
	switch c := (11 - sum%11) % 11; c {
	case 10:
		return 'X'
	default:
		return byte('0' + c)
	}
}
