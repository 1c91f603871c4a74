// Package icc holds the colour profiles of bindery's print PDFs: the embedded FOGRA39 CMYK
// output profile, the default output intent of every print file (PDF/X-4), and a parser
// that checks a printer's own profile given with --output-intent before it is embedded. It
// sits beside the renderers in the pipeline (content/ -> book -> layout/pdf -> files): the
// PDF writer embeds what this package has checked. Pure functions, no file access.
package icc

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
)

//go:embed fogra39/FOGRA39L.icc
var fogra39 []byte

//go:embed fogra39/LICENSE.txt
var fogra39License []byte

// FOGRA39 returns the default output intent: an ICC output profile for offset printing on
// coated paper (ISO 12647-2), built with ArgyllCMS from Fogra's FOGRA39L measurements by
// fogra39/make.sh. Callers must not modify the returned bytes.
func FOGRA39() []byte { return fogra39 }

// FOGRA39License returns the licence of the data the FOGRA39 profile is made from.
func FOGRA39License() []byte { return fogra39License }

// Default is the parsed FOGRA39 profile with the identifiers of its registered printing
// condition, as a PDF/X OutputIntent names them.
func Default() Intent {
	p, err := Parse(fogra39)
	if err != nil {
		panic("icc: embedded FOGRA39 profile: " + err.Error()) // a test guards this
	}
	return Intent{Profile: p, Data: fogra39, Identifier: "FOGRA39",
		Condition: "Offset printing, coated paper (ISO 12647-2:2004/Amd 1, FOGRA39)",
		Registry:  "http://www.color.org"}
}

// Custom returns the output intent of a printer's own profile: the PDF/X identifier
// "Custom" and the profile's description as the condition.
func Custom(data []byte) (Intent, error) {
	p, err := Parse(data)
	if err != nil {
		return Intent{}, err
	}
	return Intent{Profile: p, Data: data, Identifier: "Custom", Condition: p.Description}, nil
}

// Intent is what a PDF/X OutputIntent dictionary says: the profile and its printing condition.
type Intent struct {
	Profile    Profile
	Data       []byte // the profile's bytes, embedded as DestOutputProfile
	Identifier string // OutputConditionIdentifier, e.g. "FOGRA39" or "Custom"
	Condition  string // OutputCondition, a description for people
	Registry   string // RegistryName, "" when the identifier is not a registered one
}

// Profile is what bindery reads from an ICC profile's header and tag table.
type Profile struct {
	Version     string // e.g. "2.2" or "4.3"
	Class       string // device class signature, e.g. "prtr"
	ColorSpace  string // data colour space signature, e.g. "CMYK"
	PCS         string // profile connection space, "Lab " or "XYZ "
	Description string // the 'desc' tag's text
	Tags        []string
}

const headerLen = 128

// Parse checks that data is an ICC profile bindery can use as a PDF/X output intent: a
// well-formed header and tag table, device class output ('prtr'), data colour space CMYK
// (4 channels), a Lab or XYZ connection space, and the tags an output profile must have
// (desc, A2B0, B2A0). The error says what is wrong.
func Parse(data []byte) (Profile, error) {
	var p Profile
	if len(data) < headerLen+4 {
		return p, fmt.Errorf("icc: %d bytes is too short for an ICC profile", len(data))
	}
	if string(data[36:40]) != "acsp" {
		return p, fmt.Errorf("icc: not an ICC profile (no 'acsp' signature)")
	}
	if size := binary.BigEndian.Uint32(data); int64(size) != int64(len(data)) {
		return p, fmt.Errorf("icc: header says %d bytes, the file has %d", size, len(data))
	}
	major, minor := data[8], data[9]>>4
	if major != 2 && major != 4 {
		return p, fmt.Errorf("icc: profile version %d.%d; PDF/X-4 takes version 2 or 4", major, minor)
	}
	p.Version = fmt.Sprintf("%d.%d", major, minor)
	p.Class, p.ColorSpace, p.PCS = string(data[12:16]), string(data[16:20]), string(data[20:24])
	if p.Class != "prtr" {
		return p, fmt.Errorf("icc: device class %q (%s); an output intent needs an output profile ('prtr')", p.Class, className(p.Class))
	}
	if p.ColorSpace != "CMYK" {
		return p, fmt.Errorf("icc: colour space %q; an output intent for print needs CMYK (4 channels)", strings.TrimSpace(p.ColorSpace))
	}
	if p.PCS != "Lab " && p.PCS != "XYZ " {
		return p, fmt.Errorf("icc: connection space %q is neither Lab nor XYZ", p.PCS)
	}
	tags, err := tagTable(data)
	if err != nil {
		return p, err
	}
	for _, t := range tags {
		p.Tags = append(p.Tags, t.sig)
	}
	for _, need := range []string{"desc", "A2B0", "B2A0"} {
		if _, ok := tags[need]; !ok {
			return p, fmt.Errorf("icc: the profile has no %q tag, which an output profile must have", need)
		}
	}
	d := tags["desc"]
	p.Description, err = description(data[d.off : d.off+d.size])
	return p, err
}

func className(c string) string {
	switch c {
	case "scnr":
		return "an input profile"
	case "mntr":
		return "a display profile"
	case "link":
		return "a device link"
	case "spac":
		return "a colour space profile"
	case "abst":
		return "an abstract profile"
	case "nmcl":
		return "a named colour profile"
	}
	return "not a known class"
}

type tag struct {
	sig       string
	off, size int
}

// maxTags bounds the tag table: real profiles have a few dozen tags.
const maxTags = 1024

// tagTable reads the tag table and checks every tag lies inside the file.
func tagTable(data []byte) (map[string]tag, error) {
	n := binary.BigEndian.Uint32(data[headerLen:])
	if n > maxTags || headerLen+4+12*int(n) > len(data) {
		return nil, fmt.Errorf("icc: tag table of %d entries does not fit the file", n)
	}
	tags := make(map[string]tag, n)
	for i := range int(n) {
		e := data[headerLen+4+12*i:]
		t := tag{sig: string(e[:4]), off: int(binary.BigEndian.Uint32(e[4:])), size: int(binary.BigEndian.Uint32(e[8:]))}
		if t.off < headerLen || t.size < 0 || t.off > len(data) || t.size > len(data)-t.off {
			return nil, fmt.Errorf("icc: tag %q (offset %d, %d bytes) lies outside the file", t.sig, t.off, t.size)
		}
		tags[t.sig] = t
	}
	return tags, nil
}

// description decodes a 'desc' tag: textDescriptionType (version 2) or
// multiLocalizedUnicodeType (version 4; the first record).
func description(b []byte) (string, error) {
	if len(b) < 12 {
		return "", fmt.Errorf("icc: the description tag is truncated")
	}
	switch string(b[:4]) {
	case "desc":
		n := int(binary.BigEndian.Uint32(b[8:]))
		if n > len(b)-12 {
			return "", fmt.Errorf("icc: the description's text runs past its tag")
		}
		return strings.TrimRight(string(b[12:12+n]), "\x00"), nil
	case "mluc":
		if len(b) < 28 || binary.BigEndian.Uint32(b[8:]) == 0 {
			return "", fmt.Errorf("icc: the description has no text")
		}
		n, off := int(binary.BigEndian.Uint32(b[20:])), int(binary.BigEndian.Uint32(b[24:]))
		if off < 0 || n < 0 || off > len(b) || n > len(b)-off || n%2 != 0 {
			return "", fmt.Errorf("icc: the description's text runs past its tag")
		}
		u := make([]uint16, n/2)
		for i := range u {
			u[i] = binary.BigEndian.Uint16(b[off+2*i:])
		}
		return strings.TrimRight(string(utf16.Decode(u)), "\x00"), nil
	}
	return "", fmt.Errorf("icc: the description tag has type %q, not desc or mluc", b[:4])
}
