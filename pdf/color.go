package pdf

// ColorSpace is a device colour space of the writer's colour operators.
type ColorSpace uint8

// The colour spaces. A print profile uses Gray and CMYK with a CMYK output intent; the
// screen profile RGB and Gray, with an sRGB output intent.
const (
	DeviceGray ColorSpace = iota
	DeviceRGB
	DeviceCMYK
	SeparationAll // the registration colour, see Registration
	unknownSpace  // no colour known (after Restore)
)

// Color is a colour in one of the device colour spaces, components from 0 to 1.
type Color struct {
	Space ColorSpace
	C     [4]float64
}

// Gray is a DeviceGray colour (0 black, 1 white).
func Gray(v float64) Color { return Color{Space: DeviceGray, C: [4]float64{v}} }

// RGB is a DeviceRGB colour.
func RGB(r, g, b float64) Color { return Color{Space: DeviceRGB, C: [4]float64{r, g, b}} }

// CMYK is a DeviceCMYK colour.
func CMYK(c, m, y, k float64) Color { return Color{Space: DeviceCMYK, C: [4]float64{c, m, y, k}} }

// appendOp appends the operator that sets c for filling, or for stroking.
func (c Color) appendOp(b []byte, stroke bool) []byte {
	if c.Space == SeparationAll {
		if stroke {
			return append(appendNum(append(b, "/All CS "...), c.C[0]), " SCN"...)
		}
		return append(appendNum(append(b, "/All cs "...), c.C[0]), " scn"...)
	}
	n := [3]int{1, 3, 4}[c.Space]
	for i := range n {
		b = append(appendNum(b, c.C[i]), ' ')
	}
	ops := [2][3]string{{"g", "rg", "k"}, {"G", "RG", "K"}}
	if stroke {
		return append(b, ops[1][c.Space]...)
	}
	return append(b, ops[0][c.Space]...)
}
