package cover

import (
	"math"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
)

func TestSpineWidth(t *testing.T) {
	tests := []struct {
		print book.Print
		pages int
		mm    float64
	}{
		{book.Print{}, 88, 4.4},                                  // 44 leaves of 0.1 mm
		{book.Print{}, 87, 4.4},                                  // an odd page is still a leaf
		{book.Print{Caliper: 0.12}, 200, 12},                     // the manifest's paper
		{book.Print{Service: "lulu"}, 444, (1 + 0.06) * 25.4},    // Lulu: pages/444 + 0.06 in
		{book.Print{Service: "kdp-white"}, 100, 5.72008},         // 100 × 0.002252 in
		{book.Print{Service: "kdp-cream"}, 200, 12.7},            // 200 × 0.0025 in
		{book.Print{Service: "kdp-white", Caliper: 0.1}, 100, 5}, // measured paper wins
	}
	for _, tt := range tests {
		s, err := ServiceFor(tt.print)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Spine(tt.pages); math.Abs(got-tt.mm) > 1e-4 {
			t.Errorf("%+v, %d pages: spine %.5f mm, want %.5f", tt.print, tt.pages, got, tt.mm)
		}
	}
	if _, err := ServiceFor(book.Print{Service: "ingramspark"}); err == nil {
		t.Error("an unknown service was accepted")
	}
}

func TestFromRGB(t *testing.T) {
	tests := []struct {
		in   string
		want book.CMYK
	}{
		{"#ffffff", book.CMYK{}},
		{"#000", book.CMYK{K: 1}},
		{"#808080", book.CMYK{K: 0.5}},
		{"#ff0000", book.CMYK{M: 1, Y: 1}},
		{"#1d3557", book.CMYK{C: 0.67, M: 0.39, Y: 0, K: 0.66}},
	}
	for _, tt := range tests {
		got, err := FromRGB(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("FromRGB(%s) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"1d3557", "#12345", "#ggg", "cmyk(0,0,0,0)"} {
		if _, err := FromRGB(bad); err == nil {
			t.Errorf("FromRGB(%q) accepted", bad)
		}
	}
}

func edition(title string, isbn string) *book.Edition {
	ed := &book.Edition{Report: "demo", Lang: "en", Meta: book.Metadata{
		Title: title, Series: "Retreating Rights", Publisher: "The Foreign Policy Centre",
		Contributors: []book.Contributor{{Name: "Adam Hug", Role: "edt"}},
		Description:  "A collection of essays on the pressure on human rights in Central Asia.",
		Cover:        book.Cover{Background: "#1d3557", Foreground: "#ffffff", Accent: "#e63946"},
	}}
	if isbn != "" {
		ed.Meta.ISBN, _ = book.ParseISBN(isbn)
	}
	return ed
}

var a5 = Spec{TrimW: 148 * mm, TrimH: 210 * mm, Bleed: 3 * mm}

func TestLayout(t *testing.T) {
	spec := a5
	spec.Pages = 240
	d, err := Layout(edition("Retreating Rights: Examining the pressure on human rights in Kazakhstan", "978-0-306-40615-7"), spec)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(d.Spine-12*mm) > 1e-9 || math.Abs(d.Width-(2*148+12)*mm) > 1e-9 {
		t.Errorf("spine %.2f mm, width %.2f mm", d.Spine/mm, d.Width/mm)
	}
	bg := d.Fills[0].R
	if bg != (Rect{-3 * mm, -3 * mm, d.Width + 3*mm, d.TrimH + 3*mm}) {
		t.Errorf("background %+v does not cover the bleed box", bg)
	}
	if !d.SpineText {
		t.Fatalf("a 12 mm spine carries no title: %s", d.SpineNote)
	}
	var onSpine, edited int
	for _, tx := range d.Texts {
		switch {
		case tx.Vertical:
			onSpine++
			if tx.X < d.TrimW+1.6*mm || tx.X+tx.Size > d.TrimW+d.Spine-1.6*mm || tx.Y > d.TrimH || tx.Y-tx.Width < 0 {
				t.Errorf("spine text %q outside the spine's safe area", tx.S)
			}
		case tx.X >= d.TrimW+d.Spine: // front
			if tx.X+tx.Width > d.Width-10*mm || tx.Y < 10*mm || tx.Y > d.TrimH-10*mm {
				t.Errorf("front text %q outside the front's safe area", tx.S)
			}
			if strings.ReplaceAll(tx.S, "\u00a0", " ") == "Edited by Adam Hug" {
				edited++
			}
		default: // back
			if tx.X < 6*mm || tx.X+tx.Width > d.TrimW-6*mm {
				t.Errorf("back text %q outside the back's safe area", tx.S)
			}
		}
	}
	if onSpine != 2 || edited != 1 {
		t.Errorf("%d spine lines, %d 'Edited by' lines", onSpine, edited)
	}
	bc := d.Barcode
	if bc == nil || bc.Symbol.Modules == "" || bc.X < 0 || bc.X+bc.Symbol.Width*mm > d.TrimW-6*mm || bc.Y < 6*mm {
		t.Fatalf("barcode %+v not in the back panel's reserved corner", bc)
	}
	if bc.Digits != "ISBN 978-0-306-40615-7" {
		t.Errorf("barcode label %q", bc.Digits)
	}
}

func TestNarrowSpine(t *testing.T) {
	spec := a5
	spec.Pages = 48 // 2.4 mm
	d, err := Layout(edition("A title", ""), spec)
	if err != nil {
		t.Fatal(err)
	}
	if d.SpineText || !strings.Contains(d.SpineNote, "too narrow") || d.Barcode != nil {
		t.Errorf("spine text %v (%s), barcode %v", d.SpineText, d.SpineNote, d.Barcode)
	}
	ed := edition("A title", "")
	ed.Meta.Print.Service = "kdp-white"
	spec.Pages = 76
	if d, _ = Layout(ed, spec); d.SpineText || !strings.Contains(d.SpineNote, "79 pages") {
		t.Errorf("KDP spine text below 79 pages: %v %s", d.SpineText, d.SpineNote)
	}
}

func TestCMYKFromManifest(t *testing.T) {
	ed := edition("T", "")
	ed.Meta.Print.Background = &book.CMYK{C: 1, M: 0.7, K: 0.4}
	spec := a5
	spec.Pages = 100
	d, err := Layout(ed, spec)
	if err != nil {
		t.Fatal(err)
	}
	if d.Fills[0].Color != (book.CMYK{C: 1, M: 0.7, K: 0.4}) {
		t.Errorf("background %v", d.Fills[0].Color)
	}
}
