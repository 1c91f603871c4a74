package icc

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestDefault(t *testing.T) {
	in := Default()
	p := in.Profile
	if p.Class != "prtr" || p.ColorSpace != "CMYK" || p.PCS != "Lab " || p.Version != "2.2" {
		t.Fatalf("FOGRA39 header = %+v", p)
	}
	if !strings.Contains(p.Description, "FOGRA39L") || in.Identifier != "FOGRA39" {
		t.Errorf("description %q, identifier %q", p.Description, in.Identifier)
	}
	if n := len(FOGRA39()); n > 64<<10 {
		t.Errorf("the embedded profile is %d bytes; keep it under 64 KiB", n)
	}
	if !bytes.Contains(FOGRA39License(), []byte("Zlib")) {
		t.Error("the licence does not name the Zlib licence")
	}
}

// mutate returns a copy of the FOGRA39 profile changed by f.
func mutate(f func(b []byte) []byte) []byte {
	return f(bytes.Clone(FOGRA39()))
}

func setSize(b []byte) []byte {
	binary.BigEndian.PutUint32(b, uint32(len(b)))
	return b
}

// findTag returns the index in the tag table of a signature.
func findTag(b []byte, sig string) int {
	n := int(binary.BigEndian.Uint32(b[headerLen:]))
	for i := range n {
		if string(b[headerLen+4+12*i:][:4]) == sig {
			return headerLen + 4 + 12*i
		}
	}
	return -1
}

// withMLUC replaces the desc tag by a version 4 multiLocalizedUnicodeType appended at the end.
func withMLUC(b []byte, text string) []byte {
	u := utf16.Encode([]rune(text))
	tag := make([]byte, 28+2*len(u))
	copy(tag, "mluc")
	binary.BigEndian.PutUint32(tag[8:], 1)
	binary.BigEndian.PutUint32(tag[12:], 12)
	copy(tag[16:], "enUS")
	binary.BigEndian.PutUint32(tag[20:], uint32(2*len(u)))
	binary.BigEndian.PutUint32(tag[24:], 28)
	for i, c := range u {
		binary.BigEndian.PutUint16(tag[28+2*i:], c)
	}
	e := findTag(b, "desc")
	binary.BigEndian.PutUint32(b[e+4:], uint32(len(b)))
	binary.BigEndian.PutUint32(b[e+8:], uint32(len(tag)))
	b[8] = 4
	return setSize(append(b, tag...))
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		desc    string // wanted description when valid
		wantErr string
	}{
		{"fogra39", FOGRA39(), "FOGRA39L coated offset (bindery, ArgyllCMS colprof -ql)", ""},
		{"version 4 mluc description", mutate(func(b []byte) []byte { return withMLUC(b, "Printer’s CMYK") }), "Printer’s CMYK", ""},
		{"empty", nil, "", "too short"},
		{"not icc", bytes.Repeat([]byte("x"), 200), "", "no 'acsp'"},
		{"truncated", FOGRA39()[:1000], "", "header says"},
		{"display class", mutate(func(b []byte) []byte { copy(b[12:], "mntr"); return b }), "", "display profile"},
		{"rgb", mutate(func(b []byte) []byte { copy(b[16:], "RGB "); return b }), "", "needs CMYK"},
		{"gray", mutate(func(b []byte) []byte { copy(b[16:], "GRAY"); return b }), "", "needs CMYK"},
		{"version 5", mutate(func(b []byte) []byte { b[8] = 5; return b }), "", "version 5"},
		{"bad pcs", mutate(func(b []byte) []byte { copy(b[20:], "CMYK"); return b }), "", "connection space"},
		{"no B2A0", mutate(func(b []byte) []byte { copy(b[findTag(b, "B2A0"):], "zzzz"); return b }), "", `no "B2A0"`},
		{"tag outside", mutate(func(b []byte) []byte {
			binary.BigEndian.PutUint32(b[findTag(b, "A2B0")+8:], 1<<31)
			return b
		}), "", "outside the file"},
		{"tag table too long", mutate(func(b []byte) []byte { binary.BigEndian.PutUint32(b[headerLen:], 5000); return b }), "", "does not fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.data)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Parse error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Description != tt.desc {
				t.Errorf("description = %q, want %q", p.Description, tt.desc)
			}
		})
	}
}

func TestCustom(t *testing.T) {
	in, err := Custom(FOGRA39())
	if err != nil || in.Identifier != "Custom" || in.Condition != in.Profile.Description || in.Registry != "" {
		t.Fatalf("Custom = %+v, %v", in, err)
	}
	if _, err := Custom([]byte("nope")); err == nil {
		t.Fatal("Custom accepted a non-profile")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(FOGRA39())
	f.Add(FOGRA39()[:300])
	f.Add(mutate(func(b []byte) []byte { return withMLUC(b, "x") }))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(data)
		if err == nil && (p.Class != "prtr" || p.ColorSpace != "CMYK") {
			t.Fatalf("accepted %+v", p)
		}
	})
}
