package book

import (
	"fmt"
	"testing"
	"testing/fstest"
)

const chapterA = "---\ntitle: A\n---\n\nText.\n"

// TestManifestProblems covers the cover image checks and chapter identifiers that collide.
func TestManifestProblems(t *testing.T) {
	manifest := "title: T\nlanguage: en\ndate: 2021-07-22\npublisher: P\n" +
		"cover: {image: %s, alt: %s}\nchapters: [01-a.md, 01-a.md, 01_a.md]\n"
	fsys := fstest.MapFS{
		"r/en/book.yaml":  {Data: []byte(sprintf(manifest, "art/missing.png", "Alt"))},
		"r/en/01-a.md":    {Data: []byte(chapterA)},
		"r/en/01_a.md":    {Data: []byte(chapterA)},
		"g/en/book.yaml":  {Data: []byte(sprintf(manifest, "c.gif", "Alt"))},
		"g/en/c.gif":      {Data: []byte("GIF89a")},
		"g/en/01-a.md":    {Data: []byte(chapterA)},
		"g/en/01_a.md":    {Data: []byte(chapterA)},
		"ok/en/book.yaml": {Data: []byte("title: T\nlanguage: en\ndate: 2021-07-22\npublisher: P\ncover: {image: c.png, alt: A street in Almaty}\nchapters: [01-a.md]\n")},
		"ok/en/c.png":     {Data: []byte("\x89PNG\r\n\x1a\nrest")},
		"ok/en/01-a.md":   {Data: []byte(chapterA)},
	}
	lib, ds := Load(fsys)
	want := map[string]bool{
		`r/en/book.yaml:5:16: error: cover image "art/missing.png" does not exist`:                                       true,
		`r/en/book.yaml:6:21: error: chapter file "01-a.md" is listed twice`:                                             true,
		`r/en/book.yaml:6:30: error: chapter files "01-a.md" and "01_a.md" get the same identifier "ch01-a"; rename one`: true,
		`g/en/book.yaml:5:16: error: cover image "c.gif" is neither PNG nor JPEG`:                                        true,
		`g/en/book.yaml:6:21: error: chapter file "01-a.md" is listed twice`:                                             true,
		`g/en/book.yaml:6:30: error: chapter files "01-a.md" and "01_a.md" get the same identifier "ch01-a"; rename one`: true,
	}
	for _, d := range ds {
		if !want[d.String()] {
			t.Errorf("unexpected: %s", d)
		}
		delete(want, d.String())
	}
	for w := range want {
		t.Errorf("missing: %s", w)
	}
	if c := lib.Edition("ok", "en").Meta.Cover; string(c.Data) != "\x89PNG\r\n\x1a\nrest" {
		t.Errorf("cover bytes not loaded: %q", c.Data)
	}
}

var sprintf = fmt.Sprintf
