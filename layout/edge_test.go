package layout

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

// TestEdgeEditions sets editions at the edges of the model: nothing in them, empty blocks,
// missing notes, an unknown language, titles longer than any line, text without spaces.
func TestEdgeEditions(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Антиконституционность ", 12)
	word := strings.Repeat("абвгд", 60)
	para := func(s string) book.Block {
		return book.Block{Kind: book.Paragraph, Inlines: []book.Inline{{Kind: book.Text, Text: s}}}
	}
	chapters := map[string][]*book.Chapter{
		"no chapters":   nil,
		"empty chapter": {{ID: "ch01", Title: "Empty"}},
		"empty blocks": {{ID: "ch01", Title: "Blocks", Blocks: []book.Block{
			{Kind: book.Paragraph}, {Kind: book.Heading, Level: 2}, {Kind: book.List}, {Kind: book.Box},
			{Kind: book.Quote}, {Kind: book.Credit}, {Kind: book.List, Items: [][]book.Block{nil}}}}},
		"long title and word": {{ID: "ch01", Title: long, Author: long, Blocks: []book.Block{
			para(word), {Kind: book.Heading, Level: 3, Inlines: []book.Inline{{Kind: book.Text, Text: word}}}}}},
		"missing and empty notes": {{ID: "ch01", Title: "Notes", Blocks: []book.Block{
			{Kind: book.Paragraph, Inlines: []book.Inline{{Kind: book.Text, Text: "x"}, {Kind: book.NoteRef, Note: 1, Ref: 1},
				{Kind: book.NoteRef, Note: 2, Ref: 1}}}},
			Notes: []book.Note{{Number: 1, Missing: true, Refs: 1}, {Number: 2, Refs: 1}}}},
	}
	for name, chs := range chapters {
		for _, lang := range []string{"kk", "xx"} {
			ed := &book.Edition{Report: "edge", Lang: lang, Chapters: chs, Meta: book.Metadata{
				Title: long, Date: time.Date(2021, 1, 2, 0, 0, 0, 0, time.UTC), Status: book.StatusDraft}}
			for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
				d, err := Typeset(ed, Options{Notes: notes, Paper: "a5"})
				if err != nil {
					t.Fatalf("%s %s: %v", name, lang, err)
				}
				checkInside(t, d)
				var buf bytes.Buffer
				if err := d.WritePDF(&buf); err != nil {
					t.Fatalf("%s %s: %v", name, lang, err)
				}
				if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
					t.Errorf("%s %s: not a PDF", name, lang)
				}
			}
		}
	}
	undated := &book.Edition{Lang: "en", Chapters: chapters["empty chapter"]}
	if pdf := expanded(t, pdfBytes(t, undated, Options{})); !bytes.Contains(pdf, []byte("/CreationDate (D:19700101000000")) {
		t.Error("an edition without a date gets the clock's date")
	}
	if _, err := Typeset(&book.Edition{Lang: "en"}, Options{Paper: "a3"}); err == nil {
		t.Error("unknown paper accepted")
	}
	if _, err := Typeset(&book.Edition{Lang: "en"}, Options{Bleed: -1}); err == nil {
		t.Error("negative bleed accepted")
	}
}
