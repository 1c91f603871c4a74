package epub

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/book"
)

// checkedSeeds are manuscripts at the edges of what check lets through (and one it once
// let through that the EPUB then refused: a note citing a note).
var checkedSeeds = []string{
	"---\ntitle: A\n---\n\nText.[^1]\n\n[^1]: See[^2].\n[^2]: Other.\n",
	"---\ntitle: A\n---\n\n- a[^1]\n  - b\n\n> q[^1]\n\n::: box title=\"T[^2]\" byline=\"B\"\nIn box.[^2]\n:::\n\n[^1]: n\n[^2]: m\n\n    - item\n",
	"\ufeff---\ntitle: A\nkind: introduction\n---\n\n## H\n\n### S\n\nText <https://example.org/?a=1&b=2> and *em* **strong** `code`.\\\nbreak\n\n::: credit\nPhoto.\n:::\n",
	"---\ntitle: A\n---\n\n![A dot](i.png \"Figure 1\")\n\nA ![dot](i.png) in text[^1].\n\n![](i.png){.decorative}\n\n[^1]: ![dot](i.png) n\n",
	"---\ntitle: A\n---\n\nTable: Cap[^1]\n|  | a | b |\n|:--|:-:|--:|\n| r[^2] | ![x](i.png) | `c\\|d` |\n| s |\n\n```go\ncode <&>\n\tx\n```\n\n---\n\n#### four\n\n[^1]: A.\n[^2]: B.\n",
}

// dotPNG is a 1×1 PNG the chapters of the fuzz target may show as i.png.
var dotPNG = func() []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

// FuzzCheckedChapter: a chapter that check accepts without an error is one the EPUB
// writer accepts too. check must never pass what build rejects.
func FuzzCheckedChapter(f *testing.F) {
	for _, s := range checkedSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, chapter string) {
		lib, ds := book.Load(fstest.MapFS{
			"r/en/book.yaml": {Data: []byte("title: T\nlanguage: en\ndate: 2021-07-22\npublisher: P\nchapters: [01.md]\n")},
			"r/en/01.md":     {Data: []byte(chapter)},
			"r/en/i.png":     {Data: dotPNG},
		})
		if ds.HasErrors() {
			return
		}
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			if err := Write(io.Discard, lib.Editions[0], Options{Notes: notes}); err != nil {
				t.Fatalf("check passed, the EPUB failed: %v\n%q", err, chapter)
			}
		}
	})
}
