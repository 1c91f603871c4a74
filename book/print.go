package book

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// DefaultCaliper is the thickness of one leaf, in millimetres, when the manifest names none:
// 0.1 mm, the bulk of 80 g/m² uncoated offset paper (printers quote 0.100 mm for 80 g/m²
// offset and laser papers of volume 1.25).
const DefaultCaliper = 0.1

// Print is the manifest's `print:` mapping: the paper and print service of the printed
// edition, and the cover's colours in CMYK when the cover's RGB colours should not be converted.
type Print struct {
	Caliper float64 // thickness of one leaf in mm; 0 = DefaultCaliper or the service's own
	Service string  // "" or one of PrintServices: the spine formula and margins of that service
	// Cover colours in CMYK; nil ones are converted from the cover's RGB.
	Background, Foreground, Accent *CMYK
}

// PrintServices are the print services whose spine formula bindery knows (see docs/print.md).
var PrintServices = []string{"lulu", "kdp-white", "kdp-cream"}

// CMYK is a process colour, each ink from 0 to 1.
type CMYK struct{ C, M, Y, K float64 }

// printManifest is the YAML of the `print:` mapping.
type printManifest struct {
	Caliper    string `yaml:"caliper"`
	Service    string `yaml:"service"`
	Background string `yaml:"background"`
	Foreground string `yaml:"foreground"`
	Accent     string `yaml:"accent"`
}

// parsePrint checks the `print:` mapping, reporting each problem at the manifest line.
func parsePrint(ed, report *manifest, ds *Diagnostics) Print {
	var p Print
	pm, from := ed.Print, ed
	if pm == nil {
		pm, from = report.Print, report
	}
	if pm == nil {
		return p
	}
	pos := from.posOf("print")
	if pm.Caliper != "" {
		c, err := parseCaliper(pm.Caliper)
		if err != nil {
			ds.Errorf(pos, "print: caliper: %v", err)
		}
		p.Caliper = c
	}
	if pm.Service != "" {
		p.Service = strings.ToLower(pm.Service)
		if !slices.Contains(PrintServices, p.Service) {
			ds.Errorf(pos, "print: unknown service %q (%s)", pm.Service, strings.Join(PrintServices, ", "))
		}
	}
	for _, c := range []struct {
		name, val string
		dst       **CMYK
	}{{"background", pm.Background, &p.Background}, {"foreground", pm.Foreground, &p.Foreground}, {"accent", pm.Accent, &p.Accent}} {
		if c.val == "" {
			continue
		}
		v, err := ParseCMYK(c.val)
		if err != nil {
			ds.Errorf(pos, "print: %s: %v", c.name, err)
			continue
		}
		*c.dst = &v
	}
	return p
}

// parseCaliper reads a leaf thickness such as "0.1mm", "100um", "100µm" or "0.004in" and
// returns millimetres, between 0.03 and 1 mm.
func parseCaliper(s string) (float64, error) {
	units := []struct {
		suffix string
		mm     float64
	}{{"mm", 1}, {"µm", 0.001}, {"um", 0.001}, {"in", 25.4}, {"pt", 25.4 / 72}}
	for _, u := range units {
		if v, ok := strings.CutSuffix(strings.TrimSpace(s), u.suffix); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			mm := f * u.mm
			if err != nil || !(mm >= 0.03 && mm <= 1) {
				return 0, fmt.Errorf("%q is not a leaf thickness from 0.03 to 1 mm (e.g. 0.1mm)", s)
			}
			return mm, nil
		}
	}
	return 0, fmt.Errorf("%q needs a unit (mm, um, in, pt), e.g. 0.1mm", s)
}

// ParseCMYK reads a process colour written "cmyk(100, 70, 0, 40)" in percent of each ink.
func ParseCMYK(s string) (CMYK, error) {
	in, ok := strings.CutPrefix(strings.TrimSpace(strings.ToLower(s)), "cmyk(")
	in, ok2 := strings.CutSuffix(in, ")")
	parts := strings.Split(in, ",")
	if !ok || !ok2 || len(parts) != 4 {
		return CMYK{}, fmt.Errorf("colour %q is not cmyk(c, m, y, k) in percent", s)
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(p), "%"), 64)
		if err != nil || !(f >= 0 && f <= 100) {
			return CMYK{}, fmt.Errorf("colour %q: each ink is a percentage from 0 to 100", s)
		}
		v[i] = math.Round(f*10) / 1000
	}
	if v[0]+v[1]+v[2]+v[3] > 3.3 {
		return CMYK{}, fmt.Errorf("colour %q has %.0f%% total ink; offset printing takes at most 330%%", s, 100*(v[0]+v[1]+v[2]+v[3]))
	}
	return CMYK{v[0], v[1], v[2], v[3]}, nil
}

// PressRefusal says why the edition must not go to press, or "" when it may: a draft, or an
// edition with notes whose text is missing (placeholders would be printed).
func (e *Edition) PressRefusal() string {
	var missing []string
	for _, ch := range e.Chapters {
		for _, n := range ch.Notes {
			if n.Missing {
				missing = append(missing, n.Pos.String())
			}
		}
	}
	var why []string
	if e.Draft() {
		why = append(why, "its status is draft")
	}
	switch len(missing) {
	case 0:
	case 1:
		why = append(why, "the text of 1 note is missing (at "+missing[0]+")")
	default:
		why = append(why, fmt.Sprintf("the text of %d notes is missing (the first at %s)", len(missing), missing[0]))
	}
	return strings.Join(why, " and ")
}
