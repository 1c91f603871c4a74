package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fpc/bindery/publish"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// liveProgress is the terminal display of a build: a bar per format of each edition in
// flight, showing its stage, and under them one bar of the editions done. An edition's bars
// appear when it starts; once it is committed (or fails) they leave the live area, and
// lines that look like them, with what it wrote, are printed above it, so that the display
// is as tall as the editions in flight whatever the size of the catalogue, and the
// terminal's scrollback keeps the rest.
type liveProgress struct {
	p       *mpb.Progress
	formats []publish.Format
	width   int // of the edition names
	fwidth  int // of the format names
	total   *mpb.Bar
	// mu guards the maps; mpb's decorators, which it calls while it renders, take no lock
	// (the statuses and the count are atomic), and mu is never held while calling mpb,
	// which may wait for its render. adding serializes the adding of an edition's bars, so
	// that an edition's bars exist once start returns for it.
	mu      sync.Mutex
	adding  sync.Mutex
	bars    map[string]*liveBar // by edition/format
	started map[string]bool     // the editions whose bars were added
	done    map[string]bool     // the editions committed or failed
	ndone   atomic.Int64        // len(done), for the bottom bar
	all     int
	added   int // bars added (their priority: in the order added), under adding
}

type liveBar struct {
	bar    *mpb.Bar
	status atomic.Pointer[string]
}

// setStatus changes what the bar says.
func (lb *liveBar) setStatus(s string) { lb.status.Store(&s) }

// liveSteps are the steps of a bar: typesetting, writing, rendered, in place.
var liveSteps = map[publish.Stage]int64{publish.Setting: 1, publish.Writing: 2, publish.Rendered: 3}

const liveTotal = 4

// A bar is liveBarWidth columns wide, so that a line with the longest status fits 80
// columns; its line takes the terminal's width, or liveLine columns where the output is no
// terminal (a test's buffer).
const (
	liveBarWidth = 20
	liveLine     = 120
)

func newLiveProgress(w io.Writer, editions []string, formats []publish.Format) *liveProgress {
	lp := &liveProgress{
		p: mpb.New(mpb.WithOutput(w), mpb.WithAutoRefresh(), mpb.WithWidth(liveLine),
			mpb.WithRefreshRate(100*time.Millisecond)),
		formats: formats, bars: map[string]*liveBar{}, started: map[string]bool{}, done: map[string]bool{},
		all: len(editions),
	}
	for _, ed := range editions {
		lp.width = max(lp.width, len(ed))
	}
	for _, f := range formats {
		lp.fwidth = max(lp.fwidth, len(f))
	}
	name := fmt.Sprintf("%-*s", lp.width+1+lp.fwidth, "editions")
	lp.total = lp.p.AddBar(int64(len(editions)), mpb.BarWidth(liveBarWidth), mpb.BarPriority(math.MaxInt),
		mpb.PrependDecorators(decor.Name(name, decor.WC{C: decor.DindentRight})),
		mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return lp.totalStatus() })))
	return lp
}

// totalStatus is the bottom bar's text: how many editions are done of how many.
func (lp *liveProgress) totalStatus() string {
	return fmt.Sprintf("%d of %d done", lp.ndone.Load(), lp.all)
}

// start adds an edition's bars, once, when it first reports a stage.
func (lp *liveProgress) start(edition string) {
	lp.adding.Lock()
	defer lp.adding.Unlock()
	lp.mu.Lock()
	skip := lp.started[edition] || lp.done[edition]
	lp.started[edition] = true
	lp.mu.Unlock()
	if skip {
		return
	}
	for _, f := range lp.formats {
		lb := &liveBar{}
		lb.setStatus("queued")
		name := fmt.Sprintf("%-*s %-*s", lp.width, edition, lp.fwidth, f)
		lp.added++
		lb.bar = lp.p.AddBar(liveTotal, mpb.BarWidth(liveBarWidth), mpb.BarPriority(lp.added), mpb.BarRemoveOnComplete(),
			mpb.PrependDecorators(decor.Name(name, decor.WC{C: decor.DindentRight})),
			mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return *lb.status.Load() })))
		lp.mu.Lock()
		lp.bars[edition+"/"+string(f)] = lb
		lp.mu.Unlock()
	}
}

// bar returns the bar of an edition's format, nil when it has none.
func (lp *liveProgress) bar(edition string, f publish.Format) *liveBar {
	lp.mu.Lock()
	defer lp.mu.Unlock()
	return lp.bars[edition+"/"+string(f)]
}

// finish counts an edition done, once.
func (lp *liveProgress) finish(edition string) {
	lp.mu.Lock()
	first := !lp.done[edition]
	lp.done[edition] = true
	lp.mu.Unlock()
	if first {
		lp.ndone.Add(1)
		lp.total.Increment()
	}
}

// Stage moves a bar on.
func (lp *liveProgress) Stage(edition string, f publish.Format, s publish.Stage) {
	lp.start(edition)
	if lb := lp.bar(edition, f); lb != nil {
		lb.setStatus(string(s))
		lb.bar.SetCurrent(liveSteps[s])
	}
}

// Committed ends an edition's bars and prints, above the live area, a line for each of its
// formats with what it wrote: a format that wrote more than one file (print: the interior
// and the cover) sums their sizes and pages ("425+61 KiB, 76+1 pages"); print, refused (a
// draft, notes missing), says it was not printed.
func (lp *liveProgress) Committed(edition string, outs []publish.Output) {
	lp.start(edition)
	var lines strings.Builder
	var ends []func()
	for _, f := range lp.formats {
		lb := lp.bar(edition, f)
		if lb == nil {
			continue
		}
		var files []publish.Output
		for _, o := range outs {
			if o.Format == f {
				files = append(files, o)
			}
		}
		if len(files) == 0 { // only print is left out (a draft, notes missing): the build says why after the display
			lines.WriteString(lp.line(edition, f, false, "not printed (see below)"))
			ends = append(ends, func() { lb.bar.Abort(true) })
			continue
		}
		lines.WriteString(lp.line(edition, f, true, wroteStatus(files)))
		ends = append(ends, func() { lb.bar.SetCurrent(liveTotal) })
	}
	lp.p.Write([]byte(lines.String()))
	for _, end := range ends {
		end()
	}
	lp.finish(edition)
}

// line is the line printed above the live area for a format of an edition that is done: its
// name, a full or an empty bar, and the status.
func (lp *liveProgress) line(edition string, f publish.Format, full bool, status string) string {
	fill := "-"
	if full {
		fill = "="
	}
	return fmt.Sprintf("%-*s %-*s [%s] %s\n", lp.width, edition, lp.fwidth, f, strings.Repeat(fill, liveBarWidth-2), status)
}

// wroteStatus says what the files of one format of an edition are: their sizes, pages and
// the longest time, "450 KiB, 74 pages in 119ms" or "425+61 KiB, 76+1 pages in 54ms".
func wroteStatus(files []publish.Output) string {
	var sizes, pages []string
	var took time.Duration
	kib := true // every size in KiB: the unit once, at the end
	for _, o := range files {
		sizes = append(sizes, size(o.Bytes))
		kib = kib && strings.HasSuffix(sizes[len(sizes)-1], " KiB")
		if o.Pages > 0 {
			pages = append(pages, fmt.Sprint(o.Pages))
		}
		took = max(took, o.Duration)
	}
	if kib {
		for i := range sizes[:len(sizes)-1] {
			sizes[i] = strings.TrimSuffix(sizes[i], " KiB")
		}
	}
	s := strings.Join(sizes, "+")
	switch {
	case len(pages) == 1 && pages[0] == "1":
		s += ", 1 page"
	case len(pages) > 0:
		s += ", " + strings.Join(pages, "+") + " pages"
	}
	return fmt.Sprintf("%s in %v", s, took.Round(time.Millisecond))
}

// Failed ends an edition's bars, when they were shown, and prints that it failed above
// the live area; an edition stopped before it started (interrupted, or failed to load)
// only counts as done.
func (lp *liveProgress) Failed(f publish.Failure) {
	status := "failed (see below)"
	if f.Interrupted() {
		status = "interrupted"
	}
	var bars []*liveBar
	var lines strings.Builder
	for _, fm := range lp.formats {
		if lb := lp.bar(f.Edition, fm); lb != nil && !lb.bar.AbortedOrCompleted() { // mpb asked with mu released
			bars = append(bars, lb)
			lines.WriteString(lp.line(f.Edition, fm, false, status))
		}
	}
	if len(bars) > 0 {
		lp.p.Write([]byte(lines.String()))
	}
	for _, lb := range bars {
		lb.bar.Abort(true)
	}
	lp.finish(f.Edition)
}

// wait ends the display once every bar is complete or stopped.
func (lp *liveProgress) wait() {
	lp.mu.Lock()
	bars := make([]*liveBar, 0, len(lp.bars))
	for _, lb := range lp.bars {
		bars = append(bars, lb)
	}
	lp.mu.Unlock()
	for _, lb := range bars {
		if !lb.bar.AbortedOrCompleted() {
			lb.bar.Abort(false)
		}
	}
	if !lp.total.Completed() {
		lp.total.Abort(false)
	}
	lp.p.Wait()
}
