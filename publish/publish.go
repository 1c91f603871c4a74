// Package publish is the last stage of bindery's pipeline: it takes the loaded editions
// (book), runs the renderers (layout for PDF, epub for EPUB) for every edition and format,
// several editions at once, and writes the files into the output folder. Each edition
// commits its files together: every format renders into a temporary file beside its final
// name, and only when all have rendered are they renamed into place, so a failed or
// interrupted build leaves the previous files as they were and no temporary file. Dates
// come from SOURCE_DATE_EPOCH or the edition, so same input gives same bytes.
package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/fpc/bindery/book"
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

// Formats are all the formats (Print is in print.go), in the order an edition renders them.
var Formats = []Format{PDF, EPUB, Print}

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
	// MemoryBudget bounds the estimated working memory of the editions built at once, in
	// bytes (see WorkBytesPerTextByte); 0 = DefaultMemoryBudget. An edition over the
	// budget builds alone.
	MemoryBudget int
	Print        PrintOptions
	// Progress, when set, hears of each stage of the build, from the build's goroutines.
	Progress Progress

	typesetting chan struct{}  // Run's slots for typesetting (see typeset)
	cores       *layout.Tokens // the jobs' cores: one per building edition, the rest lent to typesetting
}

// Output is one file written.
type Output struct {
	Edition  string        `json:"edition"`
	Format   Format        `json:"format"`
	Path     string        `json:"path"`
	Bytes    int           `json:"bytes"`
	Pages    int           `json:"pages,omitempty"` // PDF only
	Part     string        `json:"part,omitempty"`  // print only: Interior or CoverPart
	Warnings int           `json:"warnings"`        // the edition's warnings (bindery check lists them)
	Duration time.Duration `json:"-"`
	Seconds  float64       `json:"seconds"` // Duration in seconds, for JSON readers
	// Diagnostics are the renderer's warnings at their place in the manuscript (the PDF
	// layout's: words too wide for the line, overfull lines, nesting too deep); Warnings
	// counts them too.
	Diagnostics book.Diagnostics `json:"diagnostics,omitempty"`
}

// The parts of the print format, each a file of its own (Output.Part).
const (
	Interior  = "interior" // <edition>-print.pdf
	CoverPart = "cover"    // <edition>-cover.pdf, with spine and barcode
)

// Failure is an edition that was not built (or a problem outside any edition), and why.
type Failure struct {
	Edition     string           `json:"edition"`          // report-lang; "" for the content tree itself
	Format      Format           `json:"format,omitempty"` // the format that failed to render, if one did
	Reason      string           `json:"reason"`           // one line
	Diagnostics book.Diagnostics `json:"diagnostics,omitempty"`
}

// Error formats the failure as one line.
func (f Failure) Error() string {
	name := f.Edition
	if name == "" {
		name = "content"
	}
	if f.Format != "" {
		name += " " + string(f.Format)
	}
	return name + ": " + f.Reason
}

// Result is what a build wrote and what it could not build.
type Result struct {
	Outputs  []Output  `json:"outputs"`
	Failures []Failure `json:"failures"`
	// Refused are the editions kept from press (print format): their other formats built.
	Refused []*RefusedError `json:"refused,omitempty"`
	// Read are the diagnostics of the editions Run read when their turn came (Batch.Dropped),
	// in edition order; those of an edition that failed are its Failure's too.
	Read book.Diagnostics `json:"-"`
}

// Err returns the failures as one error, or nil; it wraps context.Canceled when the build
// was interrupted.
func (r Result) Err() error {
	var errs []error
	for _, rf := range r.Refused {
		errs = append(errs, rf)
	}
	for _, f := range r.Failures {
		errs = append(errs, f)
		if f.Reason == interrupted {
			errs = append(errs, context.Canceled)
		}
	}
	return errors.Join(errs...)
}

// Interrupted reports whether the build stopped because its context was cancelled.
func (r Result) Interrupted() bool {
	return slices.ContainsFunc(r.Failures, Failure.Interrupted)
}

// Interrupted reports whether the edition was not built because the build was interrupted.
func (f Failure) Interrupted() bool { return f.Reason == interrupted }

// Interruption is the failure of an edition that an interrupt kept from building.
func Interruption(edition string) Failure { return Failure{Edition: edition, Reason: interrupted} }

func interruption(edition string) *Failure {
	f := Interruption(edition)
	return &f
}

const interrupted = "interrupted: nothing written"

// Build renders every edition of lib in every format of opts and writes the files. It
// returns what it wrote; when some editions fail it still writes the others and returns
// all the errors joined.
func Build(ctx context.Context, lib *book.Library, opts Options) ([]Output, error) {
	r := Run(ctx, Batch{Editions: lib.Editions}, opts)
	return r.Outputs, r.Err()
}

// Run builds the editions of a batch, largest first, up to opts.Jobs at a time and as
// many as opts.MemoryBudget lets be in flight together. The batch's
// failures come first in the result, then those of rendering, in edition order; the
// outputs are in edition and format order whatever the scheduling.
func Run(ctx context.Context, b Batch, opts Options) Result {
	res := Result{Outputs: []Output{}, Failures: slices.Clone(b.Failures)}
	if res.Failures == nil {
		res.Failures = []Failure{}
	}
	if len(b.Editions) == 0 {
		return res
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		res.Failures = append(res.Failures, Failure{Reason: fmt.Sprintf("cannot make the output folder: %v", err)})
		return res
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	opts.Jobs = jobs
	outs := make([][]Output, len(b.Editions))
	fails := make([]*Failure, len(b.Editions))
	refused := make([]*RefusedError, len(b.Editions))
	read := make([]book.Diagnostics, len(b.Editions))
	// Typesetting holds the most memory and is the edition's one sequential step; the PDF
	// and the EPUB are then written at once. Half the jobs may typeset at a time, so that
	// the others write what was typeset and the peak memory stays that of half as many
	// typeset documents, at about the same wall time.
	opts.typesetting = make(chan struct{}, max(1, jobs/2))
	budget := opts.MemoryBudget
	if budget == 0 {
		budget = DefaultMemoryBudget
	}
	sched := newScheduler(b, budget)
	// A worker holds one of the jobs' cores while it builds an edition, and gives it back
	// whenever it waits (for an edition it may start, or for a typesetting slot): the
	// typesetting in progress takes every core free for its helpers, chapter by chapter.
	opts.cores = layout.NewTokens(jobs)
	// Run holds each edition only while it builds: its own copy of the list lets go of the
	// edition once it is committed, so that its memory can be freed.
	b.Editions = slices.Clone(b.Editions)
	var wg sync.WaitGroup
	for range min(jobs, len(b.Editions)) {
		wg.Go(func() {
			for i, ok := sched.next(); ok; i, ok = sched.next() {
				opts.cores.Acquire()
				outs[i], refused[i], fails[i], read[i] = b.build(ctx, i, opts)
				opts.cores.Release()
				sched.done(i)
			}
		})
	}
	wg.Wait()
	for i := range b.Editions {
		res.Outputs = append(res.Outputs, outs[i]...)
		if fails[i] != nil {
			res.Failures = append(res.Failures, *fails[i])
		}
		if refused[i] != nil {
			res.Refused = append(res.Refused, refused[i])
		}
		res.Read = append(res.Read, read[i]...)
	}
	return res
}

// textSize is the number of bytes of text in an edition's chapters and notes.
func textSize(ed *book.Edition) int {
	n := 0
	ed.EachInline(func(in book.Inline) { n += len(in.Text) + len(in.URL) })
	return n
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

// build builds edition i of the batch (read first if Load left it for its turn) and lets
// go of it; it returns the diagnostics of that reading too, whose warnings the outputs count.
func (b Batch) build(ctx context.Context, i int, opts Options) ([]Output, *RefusedError, *Failure, book.Diagnostics) {
	name := b.Editions[i].Name()
	if ctx.Err() != nil { // interrupted: read nothing more
		b.Editions[i] = nil
		fail := interruption(name)
		if opts.Progress != nil {
			opts.Progress.Failed(*fail)
		}
		return nil, nil, fail, nil
	}
	ed, ds, fail := b.edition(i)
	b.Editions[i] = nil
	if fail != nil {
		if opts.Progress != nil {
			opts.Progress.Failed(*fail)
		}
		return nil, nil, fail, ds
	}
	_, warns := ds.Count()
	outs, refused, fail := buildEdition(ctx, ed, opts, b.Warnings[name]+warns)
	return outs, refused, fail, ds
}
