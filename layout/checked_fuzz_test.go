package layout

import (
	"io"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/book"
)

// FuzzCheckedChapter: a chapter that check accepts without an error is one the layout
// sets and writes as a PDF too. check must never pass what build rejects.
func FuzzCheckedChapter(f *testing.F) {
	f.Add("---\ntitle: A\n---\n\nText.[^1]\n\n[^1]: See[^2].\n[^2]: Other.\n")
	f.Add("---\ntitle: A\n---\n\n- a[^1]\n  - b\n    - c\n      - d\n\n> q[^1]\n\n::: box title=\"T\" byline=\"B\"\nIn box.[^2]\n:::\n\n[^1]: n\n[^2]: m\n\n    - item\n")
	f.Add("---\ntitle: A\n---\n\n## H\n\n### S\n\nText <https://example.org/?a=1&b=2> and *em* **strong** `code`.\\\nbreak\n\n::: credit\nPhoto.\n:::\n")
	f.Fuzz(func(t *testing.T, chapter string) {
		lib, ds := book.Load(fstest.MapFS{
			"r/en/book.yaml": {Data: []byte("title: T\nlanguage: en\ndate: 2021-07-22\npublisher: P\nchapters: [01.md]\n")},
			"r/en/01.md":     {Data: []byte(chapter)},
		})
		if ds.HasErrors() {
			return
		}
		doc, err := Typeset(lib.Editions[0], Options{})
		if err == nil {
			err = doc.WritePDF(io.Discard)
		}
		if err != nil {
			t.Fatalf("check passed, the PDF failed: %v\n%q", err, chapter)
		}
	})
}
