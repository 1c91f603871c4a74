package epub

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
)

// element is an element of interest in a content document.
type element struct {
	file, tag, id, href, epubType, role string
	note                                string // identifier of the endnote the element is in
}

// corpusIndex holds what the link tests check across the documents of one EPUB.
type corpusIndex struct {
	ids      map[string]map[string]*element // file -> id -> element
	anchors  []*element
	headings map[string][]int
	langs    map[string][2]string // file -> lang, xml:lang
}

const xmlNS = "http://www.w3.org/XML/1998/namespace"
const opsNS = "http://www.idpf.org/2007/ops"

// indexDocuments parses every XHTML document of an EPUB as XML.
func indexDocuments(t *testing.T, u *unpacked) *corpusIndex {
	t.Helper()
	ix := &corpusIndex{ids: map[string]map[string]*element{}, headings: map[string][]int{}, langs: map[string][2]string{}}
	for _, name := range u.names {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		if err := ix.parse(name, u.files[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	return ix
}

func (ix *corpusIndex) parse(file string, data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	ix.ids[file] = map[string]*element{}
	var notes []string // stack of enclosing note ids, "" for other div
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := &element{file: file, tag: tk.Name.Local}
			var lang, xmlLang string
			for _, a := range tk.Attr {
				switch {
				case a.Name.Local == "id":
					e.id = a.Value
				case a.Name.Local == "href":
					e.href = a.Value
				case a.Name.Local == "type" && a.Name.Space == opsNS:
					e.epubType = a.Value
				case a.Name.Local == "role":
					e.role = a.Value
				case a.Name.Local == "lang" && a.Name.Space == xmlNS:
					xmlLang = a.Value
				case a.Name.Local == "lang" && a.Name.Space == "":
					lang = a.Value
				}
			}
			if e.tag == "html" {
				ix.langs[file] = [2]string{lang, xmlLang}
			}
			if len(e.tag) == 2 && e.tag[0] == 'h' && e.tag[1] >= '1' && e.tag[1] <= '6' {
				ix.headings[file] = append(ix.headings[file], int(e.tag[1]-'0'))
			}
			if e.tag == "div" {
				id := ""
				if e.epubType == "footnote" {
					id = e.id
				}
				notes = append(notes, id)
			}
			for i := len(notes) - 1; i >= 0; i-- {
				if notes[i] != "" {
					e.note = notes[i]
					break
				}
			}
			if e.id != "" {
				if ix.ids[file][e.id] != nil {
					return fmt.Errorf("id %q used twice", e.id)
				}
				ix.ids[file][e.id] = e
			}
			if e.tag == "a" {
				ix.anchors = append(ix.anchors, e)
			}
		case xml.EndElement:
			if tk.Name.Local == "div" {
				notes = notes[:len(notes)-1]
			}
		}
	}
}

// resolve returns the element an internal link points at, or nil.
func (ix *corpusIndex) resolve(from *element) (*element, bool) {
	file, frag, _ := strings.Cut(from.href, "#")
	if file == "" {
		file = from.file
	} else {
		file = path.Join(path.Dir(from.file), file)
	}
	ids, ok := ix.ids[file]
	if !ok {
		return nil, false
	}
	if frag == "" {
		return nil, true
	}
	e := ids[frag]
	return e, e != nil
}

// checkLinks asserts that every internal link resolves, every note reference reaches an
// endnote that links back to it, and every backlink returns to a reference to its note.
func checkLinks(t *testing.T, ed *book.Edition, u *unpacked) {
	t.Helper()
	ix := indexDocuments(t, u)
	want := 0
	for _, ch := range ed.Chapters {
		for _, n := range ch.Notes {
			want += n.Refs
		}
	}
	refs, backlinks := 0, 0
	for _, a := range ix.anchors {
		if strings.Contains(a.href, "://") || strings.HasPrefix(a.href, "mailto:") {
			continue
		}
		target, ok := ix.resolve(a)
		if !ok {
			t.Errorf("%s: link %q does not resolve", a.file, a.href)
			continue
		}
		switch {
		case a.epubType == "noteref":
			refs++
			checkNoteRef(t, ix, a, target)
		case a.role == "doc-backlink":
			backlinks++
			checkBacklink(t, ix, a, target)
		}
	}
	if refs != want || backlinks != want {
		t.Errorf("%d note references and %d backlinks, want %d of each", refs, backlinks, want)
	}
}

func checkNoteRef(t *testing.T, ix *corpusIndex, a, target *element) {
	t.Helper()
	if a.role != "doc-noteref" || a.id == "" {
		t.Errorf("%s: note reference %q lacks role or id", a.file, a.href)
	}
	if target == nil || target.tag != "div" || target.epubType != "footnote" {
		t.Errorf("%s#%s: note reference %q does not point at an endnote", a.file, a.id, a.href)
		return
	}
	for _, b := range ix.anchors {
		if b.note == target.id && b.role == "doc-backlink" {
			if back, ok := ix.resolve(b); ok && back == a {
				return
			}
		}
	}
	t.Errorf("%s#%s: note %s has no backlink to the reference", a.file, a.id, target.id)
}

func checkBacklink(t *testing.T, ix *corpusIndex, b, target *element) {
	t.Helper()
	if target == nil || target.epubType != "noteref" {
		t.Errorf("%s: backlink %q does not return to a note reference", b.file, b.href)
		return
	}
	if note, ok := ix.resolve(target); !ok || note == nil || note.id != b.note {
		t.Errorf("%s: backlink %q returns to a reference to another note", b.file, b.href)
	}
}

// checkDocuments asserts the language of every document and the order of its headings.
func checkDocuments(t *testing.T, ed *book.Edition, u *unpacked) {
	t.Helper()
	ix := indexDocuments(t, u)
	for file, l := range ix.langs {
		if l[0] != ed.Lang || l[1] != ed.Lang {
			t.Errorf("%s: lang=%q xml:lang=%q, want %q", file, l[0], l[1], ed.Lang)
		}
		prev := 0
		for _, h := range ix.headings[file] {
			if h > prev+1 {
				t.Errorf("%s: heading level %d follows level %d", file, h, prev)
			}
			prev = h
		}
	}
	if len(ix.langs) < len(ed.Chapters)+4 {
		t.Errorf("only %d content documents", len(ix.langs))
	}
}

func TestLinksAndStructure(t *testing.T) {
	for _, c := range fixtureCases {
		t.Run(c.name, func(t *testing.T) {
			ed := fixture(c.lang, c.draft)
			u := unpack(t, build(t, ed, c.opts))
			checkLinks(t, ed, u)
			checkDocuments(t, ed, u)
		})
	}
}

// fixtureCases are the fixture EPUBs the tests build and validate.
// The validators, which are slow, run over the cases marked validate: together they have
// every feature.
var fixtureCases = []struct {
	name     string
	lang     string
	draft    bool
	opts     Options
	validate bool
}{
	{"en", "en", false, Options{}, true},
	{"kk-draft", "kk", true, Options{}, true},
	{"en-notes-at-end", "en", false, Options{Notes: NotesAtEnd}, false},
	{"kk-draft-notes-at-end", "kk", true, Options{Notes: NotesAtEnd}, true},
	{"en-page-list", "en", false, Options{PageList: fixturePages}, false},
	{"en-page-list-notes-at-end", "en", false, Options{PageList: notesLast(fixturePages), Notes: NotesAtEnd}, true},
}

// fixturePages mark every kind of place: the generated pages, chapter starts, text blocks
// at their start and inside (inside a word too), in a list, a box, a quotation and a note,
// a notes section, and two pages that start at one place (a blank verso).
var fixturePages = []book.PageMark{
	{Page: "i"},
	{Page: "ii", Block: "imprint"},
	{Page: "iii", Block: "contents"},
	{Page: "1", ChapterID: "ch01-executive-summary"},
	{Page: "2", ChapterID: "ch01-executive-summary", Block: "ch01-executive-summary-b1.1.0", Offset: 13},
	{Page: "3", ChapterID: "ch01-executive-summary", Block: "ch01-executive-summary-note-1.0", Offset: 6},
	{Page: "4", ChapterID: "ch01-executive-summary", Block: "ch01-executive-summary-note-2.1"},
	{Page: "5", ChapterID: "ch02-introduction", Block: "ch02-introduction"},
	{Page: "6", ChapterID: "ch02-introduction", Block: "ch02-introduction-b0", Offset: 30},
	{Page: "7", ChapterID: "ch02-introduction", Block: "ch02-introduction-b3.0", Offset: 2},
	{Page: "8", ChapterID: "ch02-introduction", Block: "ch02-introduction-b5.title"},
	{Page: "9", ChapterID: "ch02-introduction", Block: "ch02-introduction-b5.1.1.0"},
	{Page: "10", ChapterID: "ch02-introduction", Block: "ch02-introduction-b5.1.1.1", Offset: 4},
	{Page: "11", ChapterID: "ch02-introduction", Block: "ch02-introduction-notes"},
	{Page: "12", ChapterID: "ch02-introduction", Block: "ch02-introduction-note-2.0", Offset: 3},
	{Page: "13", ChapterID: "ch02-introduction", Block: "ch02-introduction-note-2.0", Offset: 3},
}

// notesLast orders page marks as the pages of a book with its notes at the end come: the
// marks in notes after all the others (the page-list must follow the reading order).
func notesLast(marks []book.PageMark) []book.PageMark {
	var text, notes []book.PageMark
	for _, m := range marks {
		if strings.Contains(m.Block, "-note") {
			notes = append(notes, m)
		} else {
			text = append(text, m)
		}
	}
	return append(text, notes...)
}
