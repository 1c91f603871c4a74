package layout

import (
	"math"
	"regexp"
	"strconv"
	"testing"
)

var annotRe = regexp.MustCompile(`/Rect \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\] /Border \[0 0 0\] /F 4 /(?:A <</S /URI /URI \(([^)]*)\)|Dest (\([^)]*\)|<[0-9A-F]*>))`)

// TestOneAnnotationPerLinkSpan checks that a link broken into many boxes (a URL) gets one
// annotation per line, not one per box: no two annotations with the same target touch on
// the same baseline.
func TestOneAnnotationPerLinkSpan(t *testing.T) {
	t.Parallel()
	for _, ed := range contentEditions(t) {
		_, pdf, _ := cachedPDF(t, ed, Options{})
		type rect struct{ x0, x1 float64 }
		seen := map[string][]rect{}
		n := 0
		for _, m := range annotRe.FindAllSubmatch(expanded(t, pdf), -1) {
			n++
			key := string(m[2]) + "|" + string(m[5]) + string(m[6])
			r := rect{atof(m[1]), atof(m[3])}
			for _, o := range seen[key] {
				if math.Abs(o.x1-r.x0) < 0.02 || math.Abs(r.x1-o.x0) < 0.02 {
					t.Fatalf("%s: adjacent annotations for the same target %s", ed.Name(), key)
				}
			}
			seen[key] = append(seen[key], r)
		}
		if n == 0 {
			t.Errorf("%s: no link annotations found", ed.Name())
		}
	}
}

func atof(b []byte) float64 {
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}
