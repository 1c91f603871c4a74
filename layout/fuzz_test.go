package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/hyphen"
)

// FuzzParagraph sets arbitrary text in a narrow measure: no line may be overfull and the lines
// must give back every non-space character of the input, in order.
func FuzzParagraph(f *testing.F) {
	for _, s := range []string{
		"Қазақстан – бұл өз халқы мен бүкіл әлемге өзін көрсету үшін аянбай тер төккен ел.",
		"See https://www.osce.org/odihr/elections/kazakhstan/470850?x=1&y=2#top and more.",
		"5\u00a0km\u00a0long\u00a0chain\u00a0of\u00a0no-break\u00a0spaces\u00a0that\u00a0cannot\u00a0break",
		"Антиконституционность зорлық-зомбылық «бостандығын» 2019-2020",
		"", " ", "\u00a0", "-", "a\nb\tc", "0######################",
	} {
		f.Add(s)
	}
	m := testMetrics(f)
	hy := hyphen.For("kk")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		fl := &flow{m: m, g: geometry{textW: 120}}
		if hy != nil {
			fl.hy = hy
		}
		lines := fl.paragraph([]book.Inline{{Kind: book.Text, Text: s}},
			paraSpec{font: serifRegular, size: 10, leading: 12, hyphenate: true})
		var got strings.Builder
		for _, ln := range lines {
			if ln.overfull {
				t.Fatalf("overfull line (%.2f > %.2f) in %q", ln.set, ln.measure, s)
			}
			runs := ln.runs
			if ln.hyphenated {
				runs = runs[:len(runs)-1]
			}
			for _, r := range runs {
				got.WriteString(r.g.text)
			}
		}
		if want := strings.Join(strings.FieldsFunc(s, isSpace), ""); got.String() != want {
			t.Fatalf("text changed:\n got %q\nwant %q", got.String(), want)
		}
	})
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\u00a0' || r == '\u202f'
}

// FuzzFinishPDF feeds the finishing pass, which parses fpdf's output, with damaged files: it
// must return an error or a file, never panic.
func FuzzFinishPDF(f *testing.F) {
	f.Add([]byte("%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\n" +
		"2 0 obj\n<</Type /Font /BaseFont /utf8ptserif>>\nendobj\nxref\n0 3\n0000000000 65535 f \n" +
		"0000000009 00000 n \n0000000061 00000 n \ntrailer\n<<>>\nstartxref\n110\n%%EOF\n"))
	f.Add([]byte("<</Length 99999999999999999999>>\nstream\n\nxref\n"))
	f.Add([]byte("<</Length 9223372036854775807>>\nstream\nx\nxref\nstartxref\n"))
	f.Fuzz(func(t *testing.T, pdf []byte) {
		out, err := finishPDF(pdf)
		if err == nil && out == nil {
			t.Fatal("no output and no error")
		}
	})
}
