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
