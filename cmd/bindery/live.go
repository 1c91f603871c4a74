package main

import (
	"fmt"
	"io"
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

func newLiveProgress(w io.Writer, editions []string, formats []publish.Format) *liveProgress {
	lp := &liveProgress{p: mpb.New(mpb.WithOutput(w), mpb.WithWidth(24), mpb.WithRefreshRate(100*time.Millisecond)),
		bars: map[string]*liveBar{}}
	width := 0
	for _, ed := range editions {
		width = max(width, len(ed))
	}
	for _, ed := range editions {
		for _, f := range formats {
			lb := &liveBar{status: "queued"}
			name := fmt.Sprintf("%-*s %-4s", width, ed, f)
			lb.bar = lp.p.AddBar(liveTotal,
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

// Committed completes an edition's bars with what they wrote.
func (lp *liveProgress) Committed(outs []publish.Output) {
	for _, o := range outs {
		if lb := lp.set(o.Edition, o.Format, fmt.Sprintf("%s%s in %v", size(o.Bytes), pagesOf(o, ", "), o.Duration.Round(time.Millisecond))); lb != nil {
			lb.bar.SetCurrent(liveTotal)
		}
	}
}

// Failed stops an edition's bars with the reason.
func (lp *liveProgress) Failed(f publish.Failure) {
	for key, lb := range lp.bars {
		if key[:len(key)-len(lastPart(key))-1] != f.Edition {
			continue
		}
		lp.set(f.Edition, publish.Format(lastPart(key)), "failed")
		lb.bar.Abort(false)
	}
}

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
