// Package epub writes an edition as an EPUB 3 e-book. It sits at the end of the pipeline,
// beside layout: content/ -> book -> renderers (epub, layout) -> files. It reads a
// *book.Edition and never changes it.
//
// The package is its own packager: XHTML, the package document, the navigation document
// and an EPUB 2 NCX are written from the model, packed with archive/zip in a fixed order
// with fixed timestamps, so two builds of the same edition are byte-identical and a changed
// modification date changes only the dates inside the package document.
package epub

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/fpc/bindery/book"
)

// NotePlacement is book.NotePlacement, named here for this package's callers.
type NotePlacement = book.NotePlacement

// The note placements, as in book.
const (
	NotesPerChapter = book.NotesPerChapter
	NotesAtEnd      = book.NotesAtEnd
)

// Errors Write returns (wrapped) for an edition it cannot write; the caller names the edition.
var (
	ErrNoTitle    = errors.New("the edition has no title")
	ErrNoChapters = errors.New("the edition has no chapters")
	ErrNoDate     = errors.New("no modification date")
	ErrLanguage   = errors.New("no interface strings for the language")
	ErrImage      = errors.New("an image cannot be shipped")
)

// Options adjusts how an edition is written.
type Options struct {
	Notes NotePlacement
	// Modified becomes dcterms:modified. The caller derives it from SOURCE_DATE_EPOCH or
	// the edition's date; when zero, the edition's date is used. The clock is never read.
	Modified time.Time
	// PageList, when not empty, adds a page-list navigation with print page breaks.
	PageList []book.PageMark
}

// Write writes the edition as an EPUB 3 file to w. The output depends only on the edition
// and the options; every write error is returned.
func Write(w io.Writer, ed *book.Edition, opts Options) error {
	if ed == nil {
		return errors.New("epub: nil edition")
	}
	p, err := newPublication(ed, opts)
	if err != nil {
		return err
	}
	files, err := p.build()
	if err != nil {
		return err
	}
	if err := writeContainer(w, files); err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	return nil
}

// build renders every resource of the publication, package document last.
func (p *publication) build() ([]file, error) {
	steps := []func() error{
		p.addFonts,
		p.addStyle,
		p.addCover,
		p.addImages,
		p.addTitlePage,
		p.addImprint,
		p.addChapters,
		p.addNotes,
		p.addNav,
		func() error { return p.pages.check(p.opts.PageList) },
		p.addNCX,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("epub: %w", err)
		}
	}
	return p.pack(), nil
}
