package typo_test

import (
	"os"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
)

// TestEditions loads every edition of the real content tree through the book package, which
// runs the Fixer on all running text, and checks the text that both renderers print: no
// straight double quotes, no spaced hyphens, no U+202F, and quotation marks of the edition's
// language only.
func TestEditions(t *testing.T) {
	const root = "../content"
	if _, err := os.Stat(root); err != nil {
		t.Skipf("content tree not available: %v", err)
	}
	lib, ds := book.Load(os.DirFS(root))
	if ds.HasErrors() {
		t.Fatalf("content does not load: %v", ds)
	}
	if len(lib.Editions) == 0 {
		t.Fatal("no editions in the content tree")
	}
	foreign := map[string]string{"en": "«»„", "ru": "”", "ky": "”", "tg": "”", "kk": "„"}
	for _, ed := range lib.Editions {
		var text strings.Builder
		for _, ch := range ed.Chapters {
			collectBlocks(&text, ch.Blocks)
			for _, n := range ch.Notes {
				collectBlocks(&text, n.Blocks)
			}
		}
		s := text.String()
		t.Logf("%s: %d characters of running text, %d «, %d ‘, %d no-break spaces",
			ed.Name(), len(s), strings.Count(s, "«"), strings.Count(s, "‘"), strings.Count(s, "\u00a0"))
		for _, bad := range []string{`"`, " - ", "\u202f"} {
			if n := strings.Count(s, bad); n > 0 {
				t.Errorf("%s: %q occurs %d times in running text", ed.Name(), bad, n)
			}
		}
		if m := foreign[strings.SplitN(ed.Lang, "-", 2)[0]]; strings.ContainsAny(s, m) {
			t.Errorf("%s: quotation marks of another language (%s) in running text", ed.Name(), m)
		}
	}
}

// collectBlocks appends the typography-processed text of blocks, one line per text run.
func collectBlocks(b *strings.Builder, blocks []book.Block) {
	for _, bl := range blocks {
		collectInlines(b, bl.Inlines)
		collectInlines(b, bl.Title)
		collectInlines(b, bl.Byline)
		collectBlocks(b, bl.Children)
		for _, item := range bl.Items {
			collectBlocks(b, item)
		}
	}
}

func collectInlines(b *strings.Builder, ins []book.Inline) {
	for _, in := range ins {
		switch in.Kind {
		case book.Text:
			b.WriteString(in.Text)
			b.WriteByte('\n')
		case book.Emph, book.Strong, book.Link:
			collectInlines(b, in.Children)
		}
	}
}
