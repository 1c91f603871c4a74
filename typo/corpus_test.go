package typo

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const corpusSeed = "../../shared/seeds/002_1d9ec5a14755def2.txt"

// urlPattern finds the URLs that the Fixer copies verbatim.
var urlPattern = regexp.MustCompile(`(?:https?://|www\.)[^\s\x{00a0}]+`) // a no-break space ends a URL

// TestCorpus runs each language's chapters of seed 002 through the Fixer, paragraph by
// paragraph (the flattened seed separates paragraphs with U+00A0 and newlines), and checks
// that no straight double quote survives outside URLs, that every paragraph ends with its
// quotations closed as often as the source allows, and that URLs come through unchanged.
func TestCorpus(t *testing.T) {
	data, err := os.ReadFile(corpusSeed)
	if err != nil {
		t.Skipf("corpus seed not available: %v", err)
	}
	lines := strings.Split(string(data), "\n")
	for _, part := range []struct {
		lang        string
		first, last int // 1-based lines, INVENTORY.md §1
	}{{"kk", 28, 85}, {"ru", 87, 126}, {"en", 128, 193}, {"ky", 195, len(lines)}} {
		f := New(part.lang)
		straightIn, straightOut, paras, unbalanced := 0, 0, 0, 0
		for _, line := range lines[part.first-1 : part.last] {
			for _, para := range strings.Split(line, "\u00a0") {
				f.Reset()
				out := f.Text(para)
				paras++
				straightIn += strings.Count(urlPattern.ReplaceAllString(para, ""), `"`)
				straightOut += strings.Count(urlPattern.ReplaceAllString(out, ""), `"`)
				if len(f.stack) > 0 {
					unbalanced++
				}
				if !slices.Equal(urlPattern.FindAllString(para, -1), urlPattern.FindAllString(out, -1)) {
					t.Errorf("%s: URLs changed in %q", part.lang, para)
				}
				if strings.ContainsRune(out, '\u202f') {
					t.Errorf("%s: U+202F in output", part.lang)
				}
			}
		}
		t.Logf("%s: %d paragraphs, %d straight double quotes in, %d out, %d paragraphs end inside a quotation",
			part.lang, paras, straightIn, straightOut, unbalanced)
		if straightOut != 0 {
			t.Errorf("%s: %d straight double quotes left", part.lang, straightOut)
		}
	}
}

// BenchmarkCorpus converts the four languages' chapters of seed 002 paragraph by paragraph
// with a new Fixer per paragraph, as the book package does per block.
func BenchmarkCorpus(b *testing.B) {
	data, err := os.ReadFile(corpusSeed)
	if err != nil {
		b.Skipf("corpus seed not available: %v", err)
	}
	lines := strings.Split(string(data), "\n")
	type para struct{ lang, text string }
	var paras []para
	size := 0
	for _, part := range []struct {
		lang        string
		first, last int
	}{{"kk", 28, 85}, {"ru", 87, 126}, {"en", 128, 193}, {"ky", 195, len(lines)}} {
		for _, line := range lines[part.first-1 : part.last] {
			for _, p := range strings.Split(line, "\u00a0") {
				paras = append(paras, para{part.lang, p})
				size += len(p)
			}
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, p := range paras {
			New(p.lang).Text(p.text)
		}
	}
}
