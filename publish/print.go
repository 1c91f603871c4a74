package publish

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/fpc/bindery/cover"
	"github.com/fpc/bindery/icc"
	"github.com/fpc/bindery/layout"
)

// Print is the print format: per edition a PDF/X-4 interior, <report>-<lang>-print.pdf,
// and its cover, <report>-<lang>-cover.pdf.
const Print Format = "print"

// DefaultPrintBleed is the bleed of print files, in mm, when the build names none.
const DefaultPrintBleed = 3.0

// PrintOptions are the settings of the print format.
type PrintOptions struct {
	Bleed  float64     // in mm, on all four sides of every page and of the cover
	Intent *icc.Intent // the output intent; nil = icc.Default() (FOGRA39)
	Drafts bool        // print drafts and editions with missing notes too
}

// RefusedError is an edition kept from press: a draft, or one with missing notes, in a
// print build without Drafts.
type RefusedError struct {
	Edition string `json:"edition"`
	Reason  string `json:"reason"`
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("%s: not printed: %s (--drafts prints it anyway)", e.Edition, e.Reason)
}

// Refused returns the editions err refuses for print (err as Build returns it), and err
// without them.
func Refused(err error) ([]*RefusedError, error) {
	var refused []*RefusedError
	var rest []error
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var r *RefusedError
		if errors.As(e, &r) {
			refused = append(refused, r)
			return
		}
		rest = append(rest, e)
	}
	if err != nil {
		walk(err)
	}
	return refused, errors.Join(rest...)
}

// renderPrint renders the interior and the cover of one edition into temporary files,
// committed with the edition's other files. A draft (or an edition with missing notes)
// without Drafts is refused: no print file, the other formats still build.
func (e *edition) renderPrint() ([]pending, *RefusedError, error) {
	ed, opts := e.ed, e.opts
	po := opts.Print
	if why := ed.PressRefusal(); why != "" && !po.Drafts {
		return nil, &RefusedError{Edition: ed.Name(), Reason: why}, nil
	}
	intent := icc.Default()
	if po.Intent != nil {
		intent = *po.Intent
	}
	start := time.Now()
	e.stage(Print, Setting)
	lo := layout.Options{Paper: opts.Paper, Bleed: po.Bleed, CropMarks: opts.CropMarks, Notes: opts.Notes, Modified: e.modified}
	doc, err := opts.typeset(ed, lo)
	if err != nil {
		return nil, nil, err
	}
	doc.PadPages(4)
	e.stage(Print, Writing)
	// Both files stream into their temporary files: neither is held whole in memory.
	pages := len(doc.Pages())
	w, h := doc.TrimSize()
	design, err := cover.Layout(ed, cover.Spec{TrimW: w, TrimH: h, Pages: pages, Bleed: po.Bleed * 72 / 25.4})
	if err != nil {
		return nil, nil, err
	}
	var files []pending
	for _, f := range []struct {
		suffix, part string
		render       func(io.Writer) error
		pages        int
	}{
		{"-print.pdf", Interior, func(w io.Writer) error { return doc.WritePrintPDF(w, intent) }, pages},
		{"-cover.pdf", CoverPart, func(w io.Writer) error {
			return design.WritePDF(w, ed, cover.PDFOptions{Intent: intent, CropMarks: opts.CropMarks, Modified: e.modified})
		}, 1},
	} {
		p, err := e.writeFile(Print, ed.Name()+f.suffix, start, f.render)
		if p.tmp != "" {
			p.out.Pages, p.out.Part = f.pages, f.part
			files = append(files, p)
		}
		if err != nil {
			return files, nil, err
		}
	}
	return files, nil, nil
}
