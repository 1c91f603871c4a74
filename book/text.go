package book

import (
	"unicode/utf8"
)

// checkText reports invalid UTF-8 and control characters at their place.
func checkText(src *source, ds *Diagnostics) {
	data := src.data
	for i := 0; i < len(data); {
		if b := data[i]; b >= 0x20 && b < 0x7f || b == '\n' || b == '\t' {
			i++ // printable ASCII, the most of the text
			continue
		} else if b >= 0xd0 && b <= 0xd3 && i+1 < len(data) && data[i+1]&0xc0 == 0x80 {
			i += 2 // a character from U+0400 to U+04FF, the Cyrillic block
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			ds.Errorf(src.pos(i), "invalid UTF-8 (byte 0x%02X at offset %d)", data[i], i)
		case r == '\r' && i+1 < len(data) && data[i+1] == '\n':
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
			ds.Errorf(src.pos(i), "control character %U", r)
		case r == '\ufeff' && i > 0, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			ds.Warnf(src.pos(i), "invisible formatting character %U", r)
		}
		i += size
	}
}

// sanitize replaces each invalid byte with '?' and removes a leading byte order mark by
// blanking it, keeping every byte offset, so later positions stay right.
func sanitize(data []byte) []byte {
	if utf8.Valid(data) && (len(data) < 3 || string(data[:3]) != "\ufeff") {
		return data
	}
	out := append([]byte(nil), data...)
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r == utf8.RuneError && size <= 1 {
			out[i] = '?'
		}
		i += max(size, 1)
	}
	if len(out) >= 3 && string(out[:3]) == "\ufeff" {
		copy(out, "   ")
	}
	return out
}
