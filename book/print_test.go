package book

import (
	"slices"
	"strings"
	"testing"
)

func TestParseISBN(t *testing.T) {
	tests := []struct {
		in, digits, written, err string
	}{
		{"978-0-306-40615-7", "9780306406157", "978-0-306-40615-7", ""},
		{"ISBN 978 0 306 40615 7", "9780306406157", "ISBN 978 0 306 40615 7", ""},
		{"ISBN-13: 978-1-4028-9462-6", "9781402894626", "ISBN-13: 978-1-4028-9462-6", ""},
		{"9791032305690", "9791032305690", "9791032305690", ""},
		{"0-306-40615-2", "9780306406157", "ISBN 978-0-306-40615-7", ""},
		{"ISBN-10: 0306406152", "9780306406157", "ISBN 9780306406157", ""},
		{"0-8044-2957-X", "9780804429573", "ISBN 978-0-8044-2957-3", ""},
		{"080442957x", "9780804429573", "ISBN 9780804429573", ""},
		{"978-0-306-40615-8", "", "", "check digit 8; the first 12 digits give 7"},
		{"0-306-40615-3", "", "", "check digit 3; the first 9 digits give 2"},
		{"977-0-306-40615-7", "", "", "978 or 979"},
		{"12345", "", "", "has 5 digits"},
		{"", "", "", "has 0 digits"},
		{"978-0-306-4061X-7", "", "", "X may only be"},
		{"978030640615X", "", "", "an ISBN-13 has no X"},
		{"978–0–306", "", "", "character"},
	}
	for _, tt := range tests {
		got, err := ParseISBN(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseISBN(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got.Digits != tt.digits || got.Written != tt.written {
			t.Errorf("ParseISBN(%q) = %+v, %v; want %s %q", tt.in, got, err, tt.digits, tt.written)
		}
	}
}

func TestParseCMYK(t *testing.T) {
	got, err := ParseCMYK("CMYK(100, 70%, 0, 40.5)")
	if err != nil || got != (CMYK{1, 0.7, 0, 0.405}) {
		t.Errorf("ParseCMYK = %v, %v", got, err)
	}
	for _, bad := range []string{"#ffffff", "cmyk(1,2,3)", "cmyk(101,0,0,0)", "cmyk(-1,0,0,0)", "cmyk(NaN,0,0,0)", "cmyk(90,90,90,90)"} {
		if _, err := ParseCMYK(bad); err == nil {
			t.Errorf("ParseCMYK(%q) accepted", bad)
		}
	}
}

func TestPrintManifest(t *testing.T) {
	lib, ds := loadTxtar(t, "print.txtar")
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		`bad/en/book.yaml:5:7: error: ISBN "978-0-306-40615-8" has check digit 8; the first 12 digits give 7`,
		`bad/en/book.yaml:6:8: error: print: accent: colour "cmyk(100, 100, 100, 100)" has 400% total ink; offset printing takes at most 330%`,
		`bad/en/book.yaml:6:8: error: print: caliper: "3mm" is not a leaf thickness from 0.03 to 1 mm (e.g. 0.1mm)`,
		`bad/en/book.yaml:6:8: error: print: unknown service "acme" (lulu, kdp-white, kdp-cream)`,
		`bad/ru/book.yaml:5:7: error: ISBN "12345" has 5 digits; an ISBN has 13 (or 10)`,
		`bad/ru/book.yaml:6:8: error: print: caliper: "0.1" needs a unit (mm, um, in, pt), e.g. 0.1mm`,
		`bad/ru/book.yaml:6:8: error: print: foreground: colour "#ffffff" is not cmyk(c, m, y, k) in percent`,
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	byName := map[string]*Edition{}
	for _, e := range lib.Editions {
		byName[e.Name()] = e
	}
	en, ru := byName["good-en"].Meta, byName["good-ru"].Meta
	if en.Print.Caliper != 0.12 || en.Print.Service != "lulu" || en.ISBN.Digits != "9780306406157" || en.Identifier != "urn:isbn:9780306406157" {
		t.Errorf("good-en: %+v %+v %s", en.Print, en.ISBN, en.Identifier)
	}
	if ru.Print.Caliper != 0.1 || ru.Print.Service != "" || *ru.Print.Background != (CMYK{1, 0.7, 0, 0.4}) || ru.ISBN.Digits != "9780306406157" {
		t.Errorf("good-ru: %+v %+v", ru.Print, ru.ISBN)
	}
}

func TestPressRefusal(t *testing.T) {
	lib, _ := loadTxtar(t, "clean.txtar")
	got := map[string]string{}
	for _, e := range lib.Editions {
		got[e.Name()] = e.PressRefusal()
	}
	if got["demo-en"] != "" {
		t.Errorf("demo-en refused: %s", got["demo-en"])
	}
	if w := "its status is draft and the text of 1 note is missing (at demo/kk/01-kirispe.md:5:45)"; got["demo-kk"] != w {
		t.Errorf("demo-kk: %q, want %q", got["demo-kk"], w)
	}
}

func FuzzParseISBN(f *testing.F) {
	for _, s := range []string{"978-0-306-40615-7", "0-8044-2957-X", "ISBN-10: 0306406152", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseISBN(s)
		if err != nil {
			return
		}
		if len(got.Digits) != 13 || ean13Check([]byte(got.Digits[:12])) != got.Digits[12] {
			t.Fatalf("ParseISBN(%q) = %+v", s, got)
		}
		if again, err := ParseISBN(got.Digits); err != nil || again.Digits != got.Digits {
			t.Fatalf("digits %s do not parse back: %v", got.Digits, err)
		}
	})
}

func FuzzParseCMYK(f *testing.F) {
	f.Add("cmyk(100, 70, 0, 40)")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCMYK(s)
		if err == nil && !(c.C >= 0 && c.C <= 1 && c.M >= 0 && c.M <= 1 && c.Y >= 0 && c.Y <= 1 && c.K >= 0 && c.K <= 1) {
			t.Fatalf("ParseCMYK(%q) = %v", s, c)
		}
	})
}
