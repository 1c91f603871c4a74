package layout

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/fpc/bindery/book"
)

// blockTexts walks an edition the way the address scheme of PageStart describes it and
// returns the plain text of every addressed text block. It is written independently of
// the flow, so that the two must agree.
func blockTexts(ed *book.Edition) map[string]string {
	out := map[string]string{"titlepage": "", "imprint": "", "contents": "", "notes": ""}
	var walk func(bs []book.Block, addr func(int) string)
	walk = func(bs []book.Block, addr func(int) string) {
		for i, b := range bs {
			a := addr(i)
			switch b.Kind {
			case book.Paragraph, book.Heading, book.Credit:
				out[a] = book.PlainText(b.Inlines)
			case book.Quote:
				walk(b.Children, func(k int) string { return a + "." + strconv.Itoa(k) })
			case book.Box:
				out[a+".title"] = book.PlainText(b.Title)
				out[a+".byline"] = book.PlainText(b.Byline)
				walk(b.Children, func(k int) string { return a + "." + strconv.Itoa(k) })
			case book.List:
				for j, it := range b.Items {
					ia := a + "." + strconv.Itoa(j)
					out[ia] = ""
					walk(it, func(k int) string { return ia + "." + strconv.Itoa(k) })
				}
			}
		}
	}
	for _, ch := range ed.Chapters {
		out[ch.ID] = ch.Title
		out[ch.ID+"-notes"] = ""
		walk(ch.Blocks, func(i int) string { return ch.ID + "-b" + strconv.Itoa(i) })
		for _, n := range ch.Notes {
			id := ch.NoteID(n.Number)
			out[id] = ""
			out[id+".0"] = ""
			walk(n.Blocks, func(k int) string { return id + "." + strconv.Itoa(k) })
		}
	}
	return out
}

// firstWord returns the first word of s, without the punctuation around it.
func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimFunc(f[0], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// TestPageStarts checks the page-list data of every edition, per chapter and at the end:
// one entry per page with its printed folio; every page starts at an address of the model,
// blank pages where the next page starts, and the first word the page sets is the word of
// the block's text at the recorded offset (cut where the line starts inside a word).
func TestPageStarts(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			t.Run(fmt.Sprintf("%s/%d", ed.Name(), notes), func(t *testing.T) {
				checkPageStarts(t, ed, typeset(t, ed, Options{Notes: notes}))
			})
		}
	}
}

func checkPageStarts(t *testing.T, ed *book.Edition, d *Document) {
	texts := blockTexts(ed)
	starts := d.PageStarts()
	if len(starts) != len(d.pages) {
		t.Fatalf("%d page starts for %d pages", len(starts), len(d.pages))
	}
	checked := 0
	for i, s := range starts {
		p := d.pages[i]
		if s.Page != p.Folio {
			t.Errorf("page %d: start printed as %q, the page as %q", i+1, s.Page, p.Folio)
		}
		text, ok := texts[s.Block]
		if !ok {
			t.Errorf("p.%s: block %q is not in the model", s.Page, s.Block)
			continue
		}
		runes := []rune(text)
		if s.Offset < 0 || s.Offset > len(runes) || s.Offset > 0 && text == "" {
			t.Errorf("p.%s: offset %d outside block %q (%d characters)", s.Page, s.Offset, s.Block, len(runes))
			continue
		}
		ln := p.firstLine()
		if ln == nil {
			if i+1 < len(starts) && starts[i+1] != (book.PageMark{Page: starts[i+1].Page, ChapterID: starts[i+1].ChapterID, Block: s.Block, Offset: s.Offset}) {
				t.Errorf("p.%s: a page without text starts at %s@%d, the next at %s@%d", s.Page, s.Block, s.Offset, starts[i+1].Block, starts[i+1].Offset)
			}
			continue
		}
		if text == "" || p.Kind == FrontPage {
			continue
		}
		want := firstWord(string(runes[s.Offset:]))
		got := firstWord(setText(ln))
		if got == "" || !strings.HasPrefix(want, got) {
			t.Errorf("p.%s: starts with %q, the model's text at %s@%d with %q", s.Page, setText(ln), s.Block, s.Offset, string(runes[s.Offset:]))
		}
		checked++
	}
	if checked == 0 {
		t.Errorf("none of %d page starts compared with the text", len(starts))
	}
}

// setText is the text a line sets, words apart, without the label hung in the margin and
// the note reference numbers.
func setText(ln *line) string {
	trimmed := *ln
	trimmed.runs = nil
	for _, r := range ln.runs {
		if r.x >= 0 && r.g.rise == 0 {
			trimmed.runs = append(trimmed.runs, r)
		}
	}
	return lineText(&trimmed)
}
