package barcode

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fpc/bindery/internal/validate"
)

// Known symbols: the modules of 9780306406157 written out by hand from the encoding tables
// (first digit 9: parity LGGLGL), and of 4006381333931 (first digit 4: LGLLGG).
func TestEncodeKnown(t *testing.T) {
	tests := []struct{ digits, want string }{
		{"9780306406157", "101" + "0111011" + "0001001" + "0100111" + "0111101" + "0100111" + "0101111" +
			"01010" + "1011100" + "1110010" + "1010000" + "1100110" + "1001110" + "1000100" + "101"},
		{"4006381333931", "101" + "0001101" + "0100111" + "0101111" + "0111101" + "0001001" + "0110011" +
			"01010" + "1000010" + "1000010" + "1000010" + "1110100" + "1000010" + "1100110" + "101"},
	}
	for _, tt := range tests {
		got, err := Encode(tt.digits)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("Encode(%s) =\n%s\nwant\n%s", tt.digits, got, tt.want)
		}
	}
}

func TestEncodeRejects(t *testing.T) {
	for _, bad := range []string{"", "978030640615", "9780306406158", "97803064061x7", "97803064061570"} {
		if _, err := Encode(bad); err == nil {
			t.Errorf("Encode(%q) accepted", bad)
		}
	}
	if _, err := EAN13("9780306406157", 0.5); err == nil {
		t.Error("magnification 0.5 accepted")
	}
}

func TestGeometry(t *testing.T) {
	s, err := EAN13("9780306406157", 1)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(s.Width-37.29) > 0.005 || math.Abs(s.Height-25.93) > 0.005 {
		t.Errorf("symbol %.3f × %.3f mm, want 37.29 × 25.93", s.Width, s.Height)
	}
	dark := 0.0
	for _, b := range s.Bars {
		if b.X < 11*Module-1e-9 || b.X+b.W > s.Width-7*Module+1e-9 || b.Y < 0 || b.Y+b.H > s.Height+1e-9 {
			t.Errorf("bar %+v outside the symbol or in a quiet zone", b)
		}
		dark += b.W
	}
	if want := float64(strings.Count(s.Modules, "1")) * Module; math.Abs(dark-want) > 1e-9 {
		t.Errorf("bars are %.3f mm wide in all, modules say %.3f", dark, want)
	}
	// 3 guards of 2 bars, 12 digits of 2 bars each.
	if len(s.Bars) != 30 || len(s.Digits) != 13 {
		t.Errorf("%d bars, %d digits", len(s.Bars), len(s.Digits))
	}
	if s.Digits[0].X >= 11*Module || s.Digits[12].X >= s.Width-7*Module {
		t.Errorf("digits misplaced: %+v", s.Digits)
	}
	long, short := s.Bars[0], s.Bars[2]
	if math.Abs((short.Y-long.Y)-5*Module) > 1e-9 || long.H <= short.H {
		t.Errorf("guard bar %+v should reach 5 modules below data bar %+v", long, short)
	}
}

// TestScan renders symbols at 400 dpi and has zbarimg (zbar-tools) read them.
func TestScan(t *testing.T) {
	if testing.Short() {
		t.Skip("runs zbarimg; run without -short")
	}
	zbar := validate.Tool(t, "zbarimg")
	for _, tc := range []struct {
		digits string
		mag    float64
	}{{"9780306406157", 1}, {"9781402894626", 0.8}, {"9791032305690", 1}, {"4006381333931", 2}} {
		s, err := EAN13(tc.digits, tc.mag)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "code.png")
		writePNG(t, path, s, 400)
		out, err := exec.Command(zbar, "--quiet", "--raw", "-Sdisable", "-Sean13.enable", path).Output()
		if err != nil {
			t.Fatalf("zbarimg %s: %v", tc.digits, err)
		}
		if got := strings.TrimSpace(string(out)); got != tc.digits {
			t.Errorf("zbarimg read %q, want %s", got, tc.digits)
		}
	}
}

// writePNG rasterises the bars (not the digits) at dpi with a white margin.
func writePNG(t *testing.T, path string, s Symbol, dpi float64) {
	px := dpi / 25.4
	margin := 40
	w, h := int(s.Width*px)+2*margin, int(s.Height*px)+2*margin
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for _, b := range s.Bars {
		x0, x1 := int(math.Round(b.X*px)), int(math.Round((b.X+b.W)*px))
		y0, y1 := int(math.Round((s.Height-b.Y-b.H)*px)), int(math.Round((s.Height-b.Y)*px))
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.SetGray(x+margin, y+margin, color.Gray{})
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func FuzzEAN13(f *testing.F) {
	f.Add("9780306406157", 1.0)
	f.Fuzz(func(t *testing.T, digits string, mag float64) {
		s, err := EAN13(digits, mag)
		if err != nil {
			return
		}
		if len(s.Modules) != 95 || len(s.Bars) != 30 || len(s.Digits) != 13 {
			t.Fatalf("EAN13(%q) = %d modules, %d bars", digits, len(s.Modules), len(s.Bars))
		}
	})
}
