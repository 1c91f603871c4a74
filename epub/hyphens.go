package epub

import (
	"strings"

	"github.com/fpc/bindery/hyphen"
)

// softHyphens returns what inserts soft hyphens into the text of an edition whose language
// reading systems cannot hyphenate (none ships Kazakh, Kyrgyz or Tajik dictionaries), or
// nil for a language they can. The break points are bindery's own, those of the PDF, with
// the same minimum fragments and word length; words in another script are left alone.
func softHyphens(lang string) func(string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "kk", "ky", "tg":
		if h := hyphen.For(lang); h != nil {
			return h.SoftHyphens
		}
	}
	return nil
}
