package epub

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
)

// pageMarks are the print page breaks to mark in the text, grouped by the address of the
// text block they fall in and sorted by offset, and the documents where they were placed.
type pageMarks struct {
	byBlock map[string][]book.PageMark
	placed  map[string]string // page -> href of the document with its marker
}

// Where a page mark goes (see book.PageMark): inside a text block at its offset, moved to the
// end of the word when the printed page starts inside one; at the start of the element a
// container's or a heading place's address names; at the start of the generated page
// documents.

// index checks the page marks and groups them by block.
func (pm *pageMarks) index(ed *book.Edition, marks []book.PageMark) error {
	if len(marks) == 0 {
		return nil
	}
	chapters := map[string]bool{"": true}
	for _, ch := range ed.Chapters {
		chapters[ch.ID] = true
	}
	pm.byBlock = map[string][]book.PageMark{}
	pm.placed = map[string]string{}
	seen := map[string]bool{}
	for _, m := range marks {
		switch {
		case strings.TrimSpace(m.Page) == "":
			return errors.New("page mark without a page number")
		case seen[m.Page]:
			return fmt.Errorf("page %q is marked twice", m.Page)
		case !chapters[m.ChapterID]:
			return fmt.Errorf("page %q: no chapter %q", m.Page, m.ChapterID)
		case m.Offset < 0:
			return fmt.Errorf("page %q: negative offset %d", m.Page, m.Offset)
		}
		seen[m.Page] = true
		block := m.Block
		if block == "" {
			block = m.ChapterID
		}
		if block == "" {
			block = titlePageBlock
		}
		pm.byBlock[block] = append(pm.byBlock[block], m)
	}
	for _, ms := range pm.byBlock {
		slices.SortStableFunc(ms, func(a, b book.PageMark) int { return cmp.Compare(a.Offset, b.Offset) })
	}
	return nil
}

// The addresses of the generated pages, as layout names them.
const (
	titlePageBlock = "titlepage"
	imprintBlock   = "imprint"
	contentsBlock  = "contents"
)

// write writes the markers of every page that starts in the block addr, whatever their
// offsets, in the document href: used where the EPUB has no text to count (a container,
// a heading the EPUB words differently, a generated page).
func (pm *pageMarks) write(m *markup, addr, href string) {
	if pm.byBlock == nil {
		return
	}
	for _, mark := range pm.byBlock[addr] {
		pm.marker(m, mark, href)
	}
	delete(pm.byBlock, addr)
}

// marker writes the page-break marker of one page.
func (pm *pageMarks) marker(m *markup, mark book.PageMark, href string) {
	m.empty("span", "id", pageID(mark.Page), "class", "pagebreak", "epub:type", "pagebreak",
		"role", "doc-pagebreak", "aria-label", mark.Page)
	pm.placed[mark.Page] = href
}

// check reports a page mark the publication has not placed.
func (pm *pageMarks) check(marks []book.PageMark) error {
	for _, m := range marks {
		if _, ok := pm.placed[m.Page]; !ok {
			return fmt.Errorf("page %q: chapter %q has no text block %q with %d characters", m.Page, m.ChapterID, m.Block, m.Offset+1)
		}
	}
	return nil
}

// pageBreaks writes the markers of the pages that start in the container or place addr.
func (r *renderer) pageBreaks(addr string) { r.p.pages.write(r.m, addr, r.href) }

// startLeaf begins the text block addr: the markers of pages that start with it are
// written now, before its element; the others wait for their character.
func (r *renderer) startLeaf(addr string) {
	r.pos, r.due, r.midWord = 0, nil, false
	pm := &r.p.pages
	if pm.byBlock == nil {
		return
	}
	marks := pm.byBlock[addr]
	delete(pm.byBlock, addr)
	for len(marks) > 0 && marks[0].Offset == 0 {
		pm.marker(r.m, marks[0], r.href)
		marks = marks[1:]
	}
	r.due = marks
}

// endLeaf ends a text block; a page that would start after its text is an error.
func (r *renderer) endLeaf() {
	for _, m := range r.due {
		if m.Offset <= r.pos { // inside the block's last word
			r.p.pages.marker(r.m, m, r.href)
			continue
		}
		r.fail("page %s starts at character %d of a text block of %d characters", m.Page, m.Offset, r.pos)
	}
	r.due = nil
}

// text writes character data of the current text block, with the page-break markers that
// fall inside it and, in languages reading systems cannot hyphenate, soft hyphens.
func (r *renderer) text(s string) {
	if n := utf8.RuneCountInString(s); (len(r.due) == 0 || r.due[0].Offset-r.pos > n) && utf8.ValidString(s) {
		r.write(s) // no page starts in s
		r.pos += n
		if last, _ := utf8.DecodeLastRuneInString(s); n > 0 {
			r.midWord = !unicode.IsSpace(last)
		}
		return
	}
	rs := []rune(s)
	start := 0
	for len(r.due) > 0 {
		k := r.due[0].Offset - r.pos
		if k > len(rs) {
			break
		}
		k = max(k, start)
		// A page that starts inside a word is marked after the word, which it begins on
		// the page before; the marker never splits a word for search and speech.
		for k < len(rs) && !unicode.IsSpace(rs[k]) && (k > 0 && !unicode.IsSpace(rs[k-1]) || k == 0 && r.midWord) {
			k++
		}
		if k == len(rs) && k > 0 && !unicode.IsSpace(rs[k-1]) {
			break // the word goes on in the next inline, or the block ends with it
		}
		r.write(string(rs[start:k]))
		r.p.pages.marker(r.m, r.due[0], r.href)
		r.due = r.due[1:]
		start = k
	}
	r.write(string(rs[start:]))
	r.pos += len(rs)
	if len(rs) > 0 {
		r.midWord = !unicode.IsSpace(rs[len(rs)-1])
	}
}

// write writes text, with soft hyphens where the language needs them, except in headings,
// notes, code and addresses.
func (r *renderer) write(s string) {
	if r.p.soft != nil && !r.verbatim && !r.inHeading && !r.inNote && r.lang == r.p.ed.Lang {
		s = r.p.soft(s)
	}
	r.m.text(s)
}

// pageID is the identifier of the page-break marker of a printed page.
func pageID(page string) string {
	var b strings.Builder
	b.WriteString("page-")
	for _, r := range page {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}
