package epub

import (
	"errors"
	"fmt"
	"strings"

	"github.com/fpc/bindery/book"
)

// pageMarks are the print page breaks to mark in the text, by the identifier of the element
// they go before, and the documents where they were placed.
type pageMarks struct {
	byAnchor map[string][]book.PageMark
	placed   map[string]string // page -> href of the document with its marker
}

// A page mark goes before the element its Block names (the block's start: Offset is not
// placed inside the block yet), at the start of its chapter when Block is empty or the
// chapter's ID, and on the title page when both ChapterID and Block are empty.

// index checks the page marks and groups them by anchor.
func (pm *pageMarks) index(ed *book.Edition, marks []book.PageMark) error {
	if len(marks) == 0 {
		return nil
	}
	chapters := map[string]bool{"": true}
	for _, ch := range ed.Chapters {
		chapters[ch.ID] = true
	}
	pm.byAnchor = map[string][]book.PageMark{}
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
		}
		seen[m.Page] = true
		key := m.Block
		if key == "" {
			key = m.ChapterID
		}
		pm.byAnchor[key] = append(pm.byAnchor[key], m)
	}
	return nil
}

// write writes the markers of the pages that start before the element with the identifier
// id, in the document href.
func (pm *pageMarks) write(m *markup, id, href string) {
	for _, mark := range pm.byAnchor[id] {
		m.empty("span", "id", pageID(mark.Page), "class", "pagebreak", "epub:type", "pagebreak",
			"role", "doc-pagebreak", "aria-label", mark.Page)
		pm.placed[mark.Page] = href
	}
}

// check reports a page mark whose anchor the publication does not have.
func (pm *pageMarks) check(marks []book.PageMark) error {
	for _, m := range marks {
		if _, ok := pm.placed[m.Page]; !ok {
			return fmt.Errorf("page %q: chapter %q has no element %q", m.Page, m.ChapterID, m.Block)
		}
	}
	return nil
}

// pageBreaks writes the markers that go before the element id of the renderer's document.
func (r *renderer) pageBreaks(id string) {
	if r.p.pages.byAnchor != nil {
		r.p.pages.write(r.m, id, r.href)
	}
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
