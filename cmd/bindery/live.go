package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/fpc/bindery/publish"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// liveProgress is the terminal display of a build: one bar per edition and format, its
// stage, and when done its pages, size and time.
type liveProgress struct {
	p    *mpb.Progress
	mu   sync.Mutex
	bars map[string]*liveBar
}

type liveBar struct {
	bar    *mpb.Bar
	status string
}

// liveSteps are the steps of a bar: typesetting, writing, rendered, in place.
var liveSteps = map[publish.Stage]int64{publish.Setting: 1, publish.Writing: 2, publish.Rendered: 3}

const liveTotal = 4

// A bar is liveBarWidth columns wide; its line takes the terminal's width, or liveLine
// columns where the output is no terminal (a test's buffer).
const (
	liveBarWidth = 24
	liveLine     = 120
)

func newLiveProgress(w io.Writer, editions []string, formats []publish.Format) *liveProgress {
	lp := &liveProgress{p: mpb.New(mpb.WithOutput(w), mpb.WithAutoRefresh(), mpb.WithWidth(liveLine), mpb.WithRefreshRate(100*time.Millisecond)),
		bars: map[string]*liveBar{}}
	width, fwidth := 0, 0
	for _, ed := range editions {
		width = max(width, len(ed))
	}
	for _, f := range formats {
		fwidth = max(fwidth, len(f))
	}
	for _, ed := range editions {
		for _, f := range formats {
			lb := &liveBar{status: "queued"}
			name := fmt.Sprintf("%-*s %-*s", width, ed, fwidth, f)
			lb.bar = lp.p.AddBar(liveTotal, mpb.BarWidth(liveBarWidth),
				mpb.PrependDecorators(decor.Name(name, decor.WC{C: decor.DindentRight})),
				mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return lp.status(lb) })))
			lp.bars[ed+"/"+string(f)] = lb
		}
	}
	return lp
}

func (lp *liveProgress) status(lb *liveBar) string {
	lp.mu.Lock()
	defer lp.mu.Unlock()
	return lb.status
}

func (lp *liveProgress) set(edition string, f publish.Format, status string) *liveBar {
	lb := lp.bars[edition+"/"+string(f)]
	if lb == nil {
		return nil
	}
	lp.mu.Lock()
	lb.status = status
	lp.mu.Unlock()
	return lb
}

// Stage moves a bar on.
func (lp *liveProgress) Stage(edition string, f publish.Format, s publish.Stage) {
	if lb := lp.set(edition, f, string(s)); lb != nil {
		lb.bar.SetCurrent(liveSteps[s])
	}
}

// Committed completes an edition's bars with what they wrote: a format that wrote more than
// one file (print: the interior and the cover) lists them all. An edition's bar of a format
// that wrote nothing (print, refused for a draft) says so.
func (lp *liveProgress) Committed(outs []publish.Output) {
	if len(outs) == 0 {
		return
	}
	wrote := map[publish.Format][]string{}
	took := map[publish.Format]time.Duration{}
	for _, o := range outs {
		wrote[o.Format] = append(wrote[o.Format], size(o.Bytes)+pagesOf(o, ", "))
		took[o.Format] = max(took[o.Format], o.Duration)
	}
	edition := outs[0].Edition
	for key, lb := range lp.bars {
		if editionOf(key) != edition {
			continue
		}
		f := publish.Format(lastPart(key))
		files, ok := wrote[f]
		if !ok { // only print is left out, for a draft: the build says why after the display
			lp.set(edition, f, "not printed: a draft (see below)")
			lb.bar.Abort(false)
			continue
		}
		lp.set(edition, f, fmt.Sprintf("%s in %v", strings.Join(files, " + "), took[f].Round(time.Millisecond)))
		lb.bar.SetCurrent(liveTotal)
	}
}

// Failed stops an edition's bars with the reason.
func (lp *liveProgress) Failed(f publish.Failure) {
	for key, lb := range lp.bars {
		if editionOf(key) != f.Edition {
			continue
		}
		lp.set(f.Edition, publish.Format(lastPart(key)), "failed")
		lb.bar.Abort(false)
	}
}

// editionOf is the edition of a bar's key, edition/format.
func editionOf(key string) string { return key[:len(key)-len(lastPart(key))-1] }

func lastPart(key string) string {
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '/' {
			return key[i+1:]
		}
	}
	return key
}

// wait ends the display once every bar is complete or stopped.
func (lp *liveProgress) wait() {
	for _, lb := range lp.bars {
		if !lb.bar.AbortedOrCompleted() {
			lb.bar.Abort(false)
		}
	}
	lp.p.Wait()
}
