// Package publish is the last stage of bindery's pipeline: it takes the loaded editions
// (book), runs the renderers (layout for PDF, epub for EPUB) for every edition and format in
// parallel, and writes each file atomically (temporary file, then rename) into the output
// folder. Dates come from SOURCE_DATE_EPOCH or the edition, so same input gives same bytes.
package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/epub"
	"github.com/fpc/bindery/internal/atomicfile"
	"github.com/fpc/bindery/layout"
)

// Format is an output format.
type Format string

// The formats bindery writes.
const (
	EPUB Format = "epub"
	PDF  Format = "pdf"
)

// Options are the settings of one build.
type Options struct {
	OutDir    string
	Formats   []Format
	Paper     book.Paper // PDF trim size; "" = each edition's default
	Bleed     float64    // PDF bleed in mm (book.ParseBleed)
	CropMarks bool
	Notes     book.NotePlacement // after each chapter or gathered at the end of the book
	Modified  *time.Time         // from SOURCE_DATE_EPOCH; nil = each edition's date
	Jobs      int                // editions built at once; 0 = number of CPUs
	Print     PrintOptions
}

// Output is one file written.
type Output struct {
	Edition  string
	Format   Format
	Path     string
	Bytes    int
	Pages    int // PDF only
	Duration time.Duration
	// Diagnostics are the renderer's warnings at their place in the manuscript (the PDF
	// layout's: words too wide for the line, overfull lines, nesting too deep).
	Diagnostics book.Diagnostics
}

// Build renders every edition of lib in every format of opts and writes the files. It
// returns what it wrote; when some editions fail it still writes the others and returns
// all the errors joined.
func Build(ctx context.Context, lib *book.Library, opts Options) ([]Output, error) {
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	outs := make([][]Output, len(lib.Editions))
	errs := make([]error, len(lib.Editions))
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i, ed := range lib.Editions {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if err := ctx.Err(); err != nil {
				errs[i] = err
				return
			}
			outs[i], errs[i] = buildEdition(ed, opts)
		})
	}
	wg.Wait()
	return slices.Concat(outs...), errors.Join(errs...)
}

// buildEdition renders one edition. The EPUB carries the print edition's page numbers:
// where every page of the PDF at the edition's default trim starts, whatever --paper says,
// so that an edition has one EPUB.
func buildEdition(ed *book.Edition, opts Options) ([]Output, error) {
	modified := ed.Meta.Date
	if opts.Modified != nil {
		modified = *opts.Modified
	}
	var outs []Output
	var doc *layout.Document
	if slices.Contains(opts.Formats, PDF) {
		out, d, err := buildPDF(ed, opts, modified)
		if err != nil {
			return outs, err
		}
		outs = append(outs, out)
		if opts.Paper == "" && opts.Bleed == 0 && !opts.CropMarks {
			doc = d
		}
	}
	if slices.Contains(opts.Formats, EPUB) {
		start := time.Now()
		pages, err := printPages(ed, opts.Notes, doc)
		if err != nil {
			return outs, fmt.Errorf("%s: %w", ed.Name(), err)
		}
		var buf bytes.Buffer
		err = epub.Write(&buf, ed, epub.Options{Notes: opts.Notes, Modified: modified, PageList: pages})
		if err != nil {
			return outs, fmt.Errorf("%s: %w", ed.Name(), err)
		}
		out, err := writeOutput(ed, EPUB, opts.OutDir, buf.Bytes(), start)
		if err != nil {
			return outs, err
		}
		outs = append(outs, out)
	}
	if slices.Contains(opts.Formats, Print) { // last: a refused draft still gets its EPUB and PDF
		out, err := buildPrint(ed, opts, modified)
		return append(outs, out...), err
	}
	return outs, nil
}

// printPages returns where the pages of the print edition start, from doc when it was set
// at the edition's default trim, else from the layout computed now (in memory, no PDF).
func printPages(ed *book.Edition, notes book.NotePlacement, doc *layout.Document) ([]book.PageMark, error) {
	if doc == nil {
		var err error
		if doc, err = layout.Typeset(ed, layout.Options{Notes: notes}); err != nil {
			return nil, err
		}
	}
	return doc.PageStarts(), nil
}

func buildPDF(ed *book.Edition, opts Options, modified time.Time) (Output, *layout.Document, error) {
	start := time.Now()
	lo := layout.Options{Paper: opts.Paper, Bleed: opts.Bleed, CropMarks: opts.CropMarks, Notes: opts.Notes, Modified: modified}
	doc, err := layout.Typeset(ed, lo)
	if err != nil {
		return Output{}, nil, fmt.Errorf("%s: %w", ed.Name(), err)
	}
	var buf bytes.Buffer
	if err := doc.WritePDF(&buf); err != nil {
		return Output{}, nil, fmt.Errorf("%s: %w", ed.Name(), err)
	}
	out, err := writeOutput(ed, PDF, opts.OutDir, buf.Bytes(), start)
	out.Pages = len(doc.Pages())
	out.Diagnostics = doc.Diagnostics()
	return out, doc, err
}

func writeOutput(ed *book.Edition, f Format, dir string, data []byte, start time.Time) (Output, error) {
	path := filepath.Join(dir, ed.Name()+"."+string(f))
	if err := WriteFileAtomic(path, data); err != nil {
		return Output{}, fmt.Errorf("%s: %w", ed.Name(), err)
	}
	return Output{Edition: ed.Name(), Format: f, Path: path, Bytes: len(data), Duration: time.Since(start)}, nil
}

// WriteFileAtomic writes data to a temporary file beside path and renames it into place,
// so a failed write never leaves a half-written file.
func WriteFileAtomic(path string, data []byte) error { return atomicfile.Write(path, data) }

// SourceDateEpoch parses the SOURCE_DATE_EPOCH convention (seconds since 1970, UTC).
func SourceDateEpoch(v string) (*time.Time, error) {
	if v == "" {
		return nil, nil
	}
	var secs int64
	if _, err := fmt.Sscanf(v, "%d", &secs); err != nil || fmt.Sprint(secs) != v {
		return nil, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds", v)
	}
	t := time.Unix(secs, 0).UTC()
	return &t, nil
}
