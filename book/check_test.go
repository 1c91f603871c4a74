package book

import (
	"testing"
)

// TestDiagnostics asserts every problem of broken.txtar with its exact place, and that
// nothing else is reported.
func TestDiagnostics(t *testing.T) {
	want := []string{
		`bad/en/01-notes.md:5:16: error: endnote [^12] is never defined`,
		`bad/en/01-notes.md:8:1: error: endnote [^2] is defined twice (first at line 7)`,
		`bad/en/01-notes.md:9:1: error: endnote [^7] is defined but never referenced`,
		`bad/en/03-empty.md:4:1: error: chapter "Empty" is empty`,
		`bad/en/04-text.md:5:3: warning: word "Kөше" mixes Latin and Cyrillic letters`,
		`bad/en/04-text.md:5:22: error: control character U+0007`,
		`bad/en/04-text.md:5:36: error: U+0D9E SINHALA LETTER KANTAJA NAASIKYAYA not in PT Serif Italic`,
		`bad/en/04-text.md:6:12: error: invalid UTF-8 (byte 0xFF at offset 76)`,
		`bad/en/99-extra.md: warning: chapter file is not listed in book.yaml`,
		`bad/en/book.yaml:1:1: error: manifest is missing the required field "publisher"`,
		`bad/en/book.yaml:6:5: error: chapter file "02-missing.md" does not exist`,
		`bad/xx: error: unknown language tag "xx" in folder name (bindery supports en, kk, ky, ru, tg)`,
		`bad/xx/book.yaml:2:11: error: unknown language tag "xx" (bindery supports en, kk, ky, ru, tg)`,
		`nometa/en/book.yaml:1:1: error: manifest is missing the required field "title"`,
		`syntax/en/book.yaml:3:1: error: invalid YAML: found unexpected end of stream`,
	}
	_, ds := loadTxtar(t, "broken.txtar")
	got := map[string]bool{}
	for _, d := range ds {
		got[d.String()] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing diagnostic:\n  %s", w)
		}
		delete(got, w)
	}
	for g := range got {
		t.Errorf("unexpected diagnostic:\n  %s", g)
	}
	if e, w := ds.Count(); e != 13 || w != 2 {
		t.Errorf("counted %d errors and %d warnings", e, w)
	}
}

// TestDraftMissingNoteIsWarning checks the severity rule for drafts.
func TestDraftMissingNoteIsWarning(t *testing.T) {
	_, ds := loadTxtar(t, "clean.txtar")
	if len(ds) != 1 || ds[0].String() != `demo/kk/01-kirispe.md:5:45: warning: endnote [^2] is never defined (draft: a placeholder is printed)` {
		t.Errorf("got %v", ds)
	}
}
