package publish

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/epub"
	"github.com/fpc/bindery/layout"
)

// Stage is a step of rendering one format of an edition.
type Stage string

// The stages Progress hears of, in order for each format.
const (
	Queued   Stage = "queued"
	Setting  Stage = "typesetting" // PDF: line breaking and pagination
	Writing  Stage = "writing"     // rendering the file
	Rendered Stage = "rendered"    // the temporary file is complete
)

// Progress hears of a build as it runs. Its methods are called from the build's goroutines,
// at most one at a time per edition.
type Progress interface {
	// Stage says that a format of an edition entered a stage.
	Stage(edition string, f Format, s Stage)
	// Committed says that an edition's files are in place: outs, which may be none (print
	// alone, refused for a draft).
	Committed(edition string, outs []Output)
	// Failed says that an edition (or one of its formats) failed; nothing of it was written.
	Failed(f Failure)
}

// pending is a rendered file not yet renamed into place.
type pending struct {
	out Output
	tmp string
}

// edition is the state of building one edition.
type edition struct {
	ctx      context.Context
	ed       *book.Edition
	opts     Options
	modified time.Time
	warnings int
}

// buildEdition renders every format of one edition into temporary files and, when all
// have rendered and the build was not interrupted, renames them into place together. On
// any failure no file of the edition changes and every temporary file is removed.
func buildEdition(ctx context.Context, ed *book.Edition, opts Options, warnings int) ([]Output, *RefusedError, *Failure) {
	e := &edition{ctx: ctx, ed: ed, opts: opts, modified: ed.Meta.Date, warnings: warnings}
	if opts.Modified != nil {
		e.modified = *opts.Modified
	}
	var files []pending
	var fail *Failure
	var refused *RefusedError
	if ctx.Err() != nil {
		fail = interruption(ed.Name())
	} else {
		files, fail = e.render()
	}
	if fail == nil && slices.Contains(opts.Formats, Print) { // last: a refused draft still gets its EPUB and PDF
		// An image under book.MinPPI at its printed size fails the edition; one under
		// book.WarnPPI is a warning of the print interior.
		res := ed.PrintResolution(opts.Paper, true)
		if res.HasErrors() {
			fail = &Failure{Edition: ed.Name(), Format: Print, Reason: reason(res), Diagnostics: res}
		} else {
			var more []pending
			var err error
			more, refused, err = e.renderPrint()
			if len(more) > 0 {
				more[0].out.Diagnostics = append(more[0].out.Diagnostics, res...)
				more[0].out.Warnings += len(res)
			}
			files = append(files, more...)
			if err != nil {
				fail = e.failure(Print, err)
			}
		}
	}
	if fail == nil {
		fail = e.commit(files)
	}
	if fail != nil {
		for _, p := range files {
			os.Remove(p.tmp)
		}
		e.failed(*fail)
		return nil, nil, fail
	}
	outs := make([]Output, len(files))
	for i, p := range files {
		outs[i] = p.out
	}
	if opts.Progress != nil {
		opts.Progress.Committed(ed.Name(), outs)
	}
	return outs, refused, nil
}

func (e *edition) stage(f Format, s Stage) {
	if e.opts.Progress != nil {
		e.opts.Progress.Stage(e.ed.Name(), f, s)
	}
}

func (e *edition) failed(f Failure) {
	if e.opts.Progress != nil {
		e.opts.Progress.Failed(f)
	}
}

// render makes the temporary file of every requested format. The EPUB carries the print
// edition's page numbers: where every page of the PDF at the edition's default trim
// starts, whatever --paper says, so that an edition has one EPUB. With both formats the
// EPUB is written while the PDF is drawn.
func (e *edition) render() ([]pending, *Failure) {
	wantPDF, wantEPUB := slices.Contains(e.opts.Formats, PDF), slices.Contains(e.opts.Formats, EPUB)
	var files []pending
	var pdfFile, epubFile pending
	var pdfErr, epubErr error
	start := time.Now()
	var doc *layout.Document
	if wantPDF {
		e.stage(PDF, Setting)
		lo := layout.Options{Paper: e.opts.Paper, Bleed: e.opts.Bleed, CropMarks: e.opts.CropMarks, Notes: e.opts.Notes, Modified: e.modified}
		var err error
		if doc, err = e.opts.typeset(e.ed, lo); err != nil {
			return nil, e.failure(PDF, err)
		}
	}
	var marks []book.PageMark // read before the PDF is drawn: a Document is not shared
	if doc != nil && e.opts.Paper == "" && e.opts.Bleed == 0 && !e.opts.CropMarks {
		marks = doc.PageStarts()
	}
	var wg sync.WaitGroup
	if wantEPUB {
		wg.Go(func() { epubFile, epubErr = e.writeEPUB(marks) })
	}
	if wantPDF {
		pdfFile, pdfErr = e.writePDF(doc, start)
	}
	wg.Wait()
	if wantPDF && pdfFile.tmp != "" {
		files = append(files, pdfFile)
	}
	if wantEPUB && epubFile.tmp != "" {
		files = append(files, epubFile)
	}
	switch {
	case pdfErr != nil:
		return files, e.failure(PDF, pdfErr)
	case epubErr != nil:
		return files, e.failure(EPUB, epubErr)
	}
	return files, nil
}

// failure describes a rendering error in one line.
func (e *edition) failure(f Format, err error) *Failure {
	if errors.Is(err, context.Canceled) || e.ctx.Err() != nil {
		return interruption(e.ed.Name())
	}
	return &Failure{Edition: e.ed.Name(), Format: f, Reason: err.Error()}
}

func (e *edition) writePDF(doc *layout.Document, start time.Time) (pending, error) {
	e.stage(PDF, Writing)
	p, err := e.write(PDF, start, doc.WritePDF)
	p.out.Pages = len(doc.Pages())
	p.out.Diagnostics = doc.Diagnostics()
	p.out.Warnings += len(p.out.Diagnostics)
	return p, err
}

// writeEPUB writes the EPUB with the print page marks, which it computes (in memory, no
// PDF) when the PDF was not set at the edition's default trim.
func (e *edition) writeEPUB(marks []book.PageMark) (pending, error) {
	start := time.Now()
	if marks == nil {
		e.stage(EPUB, Setting)
		doc, err := e.opts.typeset(e.ed, layout.Options{Notes: e.opts.Notes})
		if err != nil {
			return pending{}, err
		}
		marks = doc.PageStarts()
	}
	if err := e.ctx.Err(); err != nil {
		return pending{}, err
	}
	e.stage(EPUB, Writing)
	eo := epub.Options{Notes: e.opts.Notes, Modified: e.modified, PageList: marks}
	return e.write(EPUB, start, func(w io.Writer) error { return epub.Write(w, e.ed, eo) })
}

// write renders one format into a temporary file for <edition>.<format>.
func (e *edition) write(f Format, start time.Time, render func(io.Writer) error) (pending, error) {
	return e.writeFile(f, e.ed.Name()+"."+string(f), start, render)
}

// writeFile renders a file of the edition into a temporary file in the output folder,
// synced and closed; a cancelled context stops the rendering at its next write.
func (e *edition) writeFile(f Format, name string, start time.Time, render func(io.Writer) error) (pending, error) {
	path := filepath.Join(e.opts.OutDir, name)
	tmp, err := os.CreateTemp(e.opts.OutDir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return pending{}, err
	}
	p := pending{tmp: tmp.Name()}
	cw := &countWriter{ctx: e.ctx, w: bufio.NewWriterSize(tmp, 256<<10)}
	err = render(cw)
	if err == nil {
		err = cw.w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = e.ctx.Err()
	}
	d := time.Since(start)
	p.out = Output{Edition: e.ed.Name(), Format: f, Path: path, Bytes: cw.n, Warnings: e.warnings,
		Duration: d, Seconds: d.Seconds()}
	if err == nil {
		e.stage(f, Rendered)
	}
	return p, err
}

// commit renames an edition's temporary files into place, unless the build was
// interrupted first. The previous files are kept under a hard link until every rename has
// succeeded, so that a failed rename puts them back: the edition is all new or all old.
func (e *edition) commit(files []pending) *Failure {
	if e.ctx.Err() != nil {
		return interruption(e.ed.Name())
	}
	old := make([]string, len(files))
	defer func() {
		for _, o := range old {
			if o != "" {
				os.Remove(o)
			}
		}
	}()
	for i, p := range files {
		if _, err := os.Lstat(p.out.Path); err == nil {
			o := p.tmp + ".old"
			if err := os.Link(p.out.Path, o); err != nil {
				return e.commitFailure(p, err)
			}
			old[i] = o
		}
	}
	for i, p := range files {
		if err := os.Rename(p.tmp, p.out.Path); err != nil {
			for j := range i { // put the previous files back
				if old[j] != "" {
					os.Rename(old[j], files[j].out.Path)
					old[j] = ""
				} else {
					os.Remove(files[j].out.Path)
				}
			}
			for _, q := range files[i:] {
				os.Remove(q.tmp)
			}
			return e.commitFailure(p, err)
		}
	}
	return nil
}

func (e *edition) commitFailure(p pending, err error) *Failure {
	return &Failure{Edition: e.ed.Name(), Format: p.out.Format,
		Reason: fmt.Sprintf("cannot put %s in place, so no file of the edition changed: %v", p.out.Path, err)}
}

// countWriter counts what passes and fails once the context is cancelled.
type countWriter struct {
	ctx context.Context
	w   *bufio.Writer
	n   int
}

func (c *countWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

// typeset runs layout.Typeset in one of Run's typesetting slots (see Run), waiting for one
// without holding a core, and lends it the cores no other edition holds for its helpers.
func (o Options) typeset(ed *book.Edition, lo layout.Options) (*layout.Document, error) {
	if o.typesetting != nil {
		select {
		case o.typesetting <- struct{}{}:
		default:
			o.cores.Release()
			o.typesetting <- struct{}{}
			o.cores.Acquire()
		}
		defer func() { <-o.typesetting }()
	}
	if o.cores != nil {
		lo.Jobs, lo.Helpers = o.Jobs, o.cores
	}
	return layout.Typeset(ed, lo)
}
