package main

import (
	"os"
	"runtime/debug"

	"github.com/fpc/bindery/publish"
)

// buildGCPercent is the collector's GOGC for a build: the heap may grow to three times what
// is live before a collection while it is small, so that the start of a build, whose live
// heap grows from nothing, is not collected a dozen times on its way up; once three times the
// live heap passes the memory limit (publish.MemoryLimit), the limit decides. Measured on
// content/ (GODEBUG=gctrace=1): 21 collections with the default GOGC=100, 14 with 200 under
// the limit; GOGC=off under the limit let a one-edition PDF build's heap grow to the limit
// (17,000 page faults against 12,000 and about 0.13 s more CPU).
const buildGCPercent = 200

// gcTuning is the collector's setting for one build, unless the user chose one: a memory
// limit from the batch (publish.MemoryLimit) and buildGCPercent. GOGC or GOMEMLIMIT in the
// environment leave the runtime's settings alone.
type gcTuning struct {
	on          bool
	percent     int   // GOGC before, put back by restore
	limitBefore int64 // the memory limit before
}

// tuneGC sets the collector for a build of the default memory budget, before the batch is
// known.
func tuneGC() *gcTuning {
	t := &gcTuning{on: os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == ""}
	if t.on {
		t.limitBefore = debug.SetMemoryLimit(publish.MemoryLimit(publish.Batch{}, 0))
		t.percent = debug.SetGCPercent(buildGCPercent)
	}
	return t
}

// fit raises the memory limit for a batch whose largest edition needs more than the budget.
func (t *gcTuning) fit(b publish.Batch, budget int) {
	if t.on {
		debug.SetMemoryLimit(publish.MemoryLimit(b, budget))
	}
}

// restore puts back the settings from before tuneGC (the tests run many builds in one
// process).
func (t *gcTuning) restore() {
	if t.on {
		debug.SetGCPercent(t.percent)
		debug.SetMemoryLimit(t.limitBefore)
	}
}
