package main

import (
	"runtime/debug"
	"testing"
)

// gcSettings returns the collector's GOGC and memory limit without changing them.
func gcSettings() (int, int64) {
	pct := debug.SetGCPercent(100)
	debug.SetGCPercent(pct)
	return pct, debug.SetMemoryLimit(-1)
}

// TestTuneGC checks that a build sets the collector (GOGC, memory limit) only when the
// user set neither GOGC nor GOMEMLIMIT, and that restore puts the settings back.
func TestTuneGC(t *testing.T) {
	pct0, limit0 := gcSettings()
	for _, env := range []struct{ gogc, limit string }{{"", ""}, {"150", ""}, {"", "1GiB"}} {
		t.Setenv("GOGC", env.gogc)
		t.Setenv("GOMEMLIMIT", env.limit)
		g := tuneGC()
		pct, limit := gcSettings()
		tuned := env.gogc == "" && env.limit == ""
		if tuned && (pct != buildGCPercent || limit != 80<<20) {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: GOGC %d and limit %d, want %d and %d", env.gogc, env.limit, pct, limit, buildGCPercent, 80<<20)
		}
		if !tuned && (pct != pct0 || limit != limit0) {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: the build changed the collector (GOGC %d, limit %d)", env.gogc, env.limit, pct, limit)
		}
		g.restore()
		if pct, limit := gcSettings(); pct != pct0 || limit != limit0 {
			t.Errorf("GOGC=%q GOMEMLIMIT=%q: after restore GOGC %d, limit %d, want %d, %d", env.gogc, env.limit, pct, limit, pct0, limit0)
		}
	}
}
