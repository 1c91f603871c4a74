package book

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseChapter checks that any manuscript parses without panicking, that every
// diagnostic points inside the file, and that note numbers are dense and linked.
func FuzzParseChapter(f *testing.F) {
	seeds := []string{
		"---\ntitle: T\n---\n\nText.[^1]\n\n[^1]: Note.\n",
		"---\ntitle: T\n---\n\n::: box title=\"A\" byline=\"B\"\nIn box[^x].\n:::\n\n[^x]: Y\n[^x]: Z\n",
		"---\ntitle: [\n---\n# H\n#### deep\n- a\n- b[^2]\n\n> q\n",
		"no front matter [^1] \x00 \xff",
		"---\ntitle: T\n---\n\n::: credit\nImage.\n:::\n:::\n[^1]:\n",
		"---\ntitle: T\n---\n\n![A chart](images/c.png \"Figure 1\")\n\nA ![x](i.png){.decorative} b ![](j.png)\n\n![](k.png){.decorative}\n",
		"---\ntitle: T\n---\n\nTable: Cap[^1]\n|  | a | b |\n|:--|:-:|--:|\n| r[^2] | 1 | 2 | 3 |\n| \\| x |\n\nTable: after\n\n[^1]: A.\n[^2]: B.\n",
		"---\ntitle: T\n---\n\n```go\n\tcode\n```\n\n---\n\n***\n\n#### four\n\n##### five\n\n    indented\n\n- a\n  - b\n    - c\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var ds Diagnostics
		ch := parseChapter("f.md", []byte(src), "ru", false, &ds)
		lines := strings.Count(src, "\n") + 1
		for _, d := range ds {
			if d.Pos.File != "f.md" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Fatalf("diagnostic outside the file: %s", d)
			}
		}
		for i, n := range ch.Notes {
			if n.Number != i+1 {
				t.Fatalf("note %d numbered %d", i, n.Number)
			}
		}
		walkRefs(ch.Blocks, func(r *Inline) {
			if r.Note < 1 || r.Note > len(ch.Notes) || r.Ref < 1 || r.Ref > ch.Notes[r.Note-1].Refs {
				t.Fatalf("reference %+v does not resolve", r)
			}
		})
		eachInlineList(ch.Blocks, func(ins []Inline) {
			if !utf8.ValidString(PlainText(ins)) {
				t.Fatal("invalid UTF-8 reached the model")
			}
		})
		eachBlock(ch.Blocks, func(b *Block) {
			if b.Kind == Table {
				for _, row := range append([][]Cell{b.Header}, b.Rows...) {
					if len(row) != len(b.Columns) {
						t.Fatalf("table row of %d cells in %d columns", len(row), len(b.Columns))
					}
				}
			}
			if b.Kind == Figure && b.Image == nil {
				t.Fatal("figure without an image")
			}
		})
	})
}
