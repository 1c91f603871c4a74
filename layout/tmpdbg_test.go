package layout

import (
	"strings"
	"testing"
)

func TestTmpDbg(t *testing.T) {
	for _, ed := range contentEditions(t) {
		if ed.Lang != "ky" && ed.Lang != "kk" {
			continue
		}
		d, _ := Typeset(ed, Options{Paper: "a5"})
		var tls []textLine
		for _, p := range d.pages {
			for _, pe := range p.elems {
				if pe.e.ln != nil {
					tls = append(tls, textLine{page: p, ln: pe.e.ln, words: lineWords(pe.e.ln)})
				}
			}
		}
		for i, tl := range tls[:len(tls)-1] {
			if len(tl.words) == 0 || len(tls[i+1].words) == 0 {
				continue
			}
			b, a := tl.words[len(tl.words)-1], tls[i+1].words[0]
			if tl.ln.hyphenated && strings.ContainsAny(strings.TrimSuffix(b, "-")+a, "-‐") || !tl.ln.hyphenated && suffixSplit(b, a) {
				t.Logf("%s p%d %q | %q", ed.Lang, tl.page.Number, b, a)
			}
		}
	}
}
