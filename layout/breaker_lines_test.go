package layout

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteForceLines tries every subset of breakpoints and returns the least total demerits of
// the settings of exactly n lines (of any number when n is 0).
func bruteForceLines(items []item, p breakParams, n int) float64 {
	var legalAt []int
	for i := range items[:len(items)-1] {
		if ok, _ := legal(items, i, p); ok {
			legalAt = append(legalAt, i)
		}
	}
	best := math.Inf(1)
	for mask := 0; mask < 1<<len(legalAt); mask++ {
		var breaks []int
		for k, at := range legalAt {
			if mask&(1<<k) != 0 {
				breaks = append(breaks, at)
			}
		}
		if n == 0 || len(breaks) == n-1 {
			best = math.Min(best, demerits(items, append(breaks, len(items)-1), p))
		}
	}
	return best
}

// TestExactLineCount asks the breaker for every line count of random paragraphs (as spread
// balancing and keepLeafTurns do) and compares with an exhaustive search: it must find a
// setting whenever one exists, with the least demerits. Keeping only the best node per
// fitness class, whatever its number of lines, lost most of them.
func TestExactLineCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	found, exists := 0, 0
	for range 60 {
		ws := make([]float64, 10+rng.IntN(5))
		for i := range ws {
			ws[i] = 4 + rng.Float64()*10
		}
		items := para(ws...)
		for n := 2; n <= 8; n++ {
			p := fixedWidth(30 + rng.Float64()*15)
			p.tolerance, p.lines = 10000, n
			want := bruteForceLines(items, p, n)
			brks := kpPass(items, p)
			if math.IsInf(want, 1) {
				if brks != nil {
					t.Fatalf("%v at %d lines: breaks %v where no setting exists", ws, n, brks)
				}
				continue
			}
			exists++
			if len(brks) != n {
				t.Errorf("%v: no setting in %d lines found, demerits %.0f exist", ws, n, want)
				continue
			}
			found++
			if got := demerits(items, brks, p); math.Abs(got-want) > 1e-6*want {
				t.Errorf("%v in %d lines: demerits %.0f, optimum %.0f", ws, n, got, want)
			}
		}
	}
	t.Logf("%d of %d line counts that can be set were found", found, exists)
}

// TestTolerancePassWithoutHyphens: a paragraph with no place to hyphenate whose best setting
// has a line of badness between the first pass's 100 and the tolerance is set by the second
// pass, not left to the emergency pass (which may break no-break spaces and hyphenate names).
func TestTolerancePassWithoutHyphens(t *testing.T) {
	items := para(50, 50, 30) // the first line, 50 50, stretches 1.2 times: badness 173
	p := fixedWidth(104.8)
	p.tolerance = 400
	brks, emergency := breakLinesPass(items, p)
	if len(brks) != 2 || emergency {
		t.Errorf("breaks %v, emergency %v; want 2 lines without the emergency pass", brks, emergency)
	}
}

// TestLastWordKept: when only the emergency pass can set a paragraph, it sets a line loose
// (here badness 1350) rather than hyphenate the paragraph's last word.
func TestLastWordKept(t *testing.T) {
	hy := &glyphs{text: "-", width: 2}
	var items []item
	for i := range 8 {
		if i > 0 {
			items = append(items, glue(3, 1.5, 1))
		}
		items = append(items, box(10, nil))
	}
	items = append(items, glue(3, 1.5, 1), box(6, nil), penalty(2, hyphenPenalty, true, hy), box(30, nil))
	keepLastWord(items)
	items = finish(items)
	p := fixedWidth(126) // before the last word the line stretches 2.38 times; hyphenated, 1.33
	p.tolerance = 400
	brks, emergency := breakLinesPass(items, p)
	if !emergency {
		t.Fatal("set without the emergency pass")
	}
	for _, b := range brks {
		if items[b].lastWord {
			t.Errorf("breaks %v: the last word is hyphenated", brks)
		}
	}
}

// TestLineBoundSameBreaks: a pass for an exact line count drops the candidates that cannot
// end the paragraph in as many lines (restLines); on random paragraphs with hyphens, in every
// pass (strict, tolerant, emergency, with a line that must not end hyphenated), it must return
// the breaks of the pass without that bound, and the emergency pass must take its overfull
// line where the full pass does.
func TestLineBoundSameBreaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	hy := &glyphs{text: "-", width: 2}
	set, pruned, retried, overfull := 0, 0, 0, 0
	for range 40 {
		var items []item
		for i := range 12 + rng.IntN(24) {
			if i > 0 {
				items = append(items, glue(3, 1.5, 1))
			}
			w := 3 + rng.Float64()*12
			if rng.IntN(40) == 0 {
				w *= 5 // wider than some measures: an overfull line
			}
			items = append(items, box(w, nil))
			if rng.IntN(3) == 0 {
				items = append(items, penalty(2, hyphenPenalty, true, hy), box(3+rng.Float64()*8, nil))
			}
		}
		items = finish(items)
		p := fixedWidth(30 + rng.Float64()*30)
		for _, pass := range []struct {
			tolerance float64
			final     bool
			avoid     int
		}{{400, false, 0}, {2000, false, 0}, {10000, true, 0}, {10000, true, 2}} {
			p.tolerance, p.final, p.avoid = pass.tolerance, pass.final, pass.avoid
			for n := 1; n <= 12; n++ {
				p.lines = n
				s := &kpScratch{unbounded: true}
				want, _ := s.run(items, p)
				full := len(s.chunks)*kpChunk + len(s.chunks[s.cur])
				s = &kpScratch{}
				s.restLines(items, p)
				got, ok := s.run(items, p)
				if !ok {
					retried++
					got = kpPass(items, p)
				} else if len(s.chunks)*kpChunk+len(s.chunks[s.cur]) < full {
					pruned++
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%d lines, tolerance %g, final %v: breaks %v with the bound, %v without", n, p.tolerance, p.final, got, want)
				}
				if want != nil {
					set++
					for _, ln := range setLines(items, nil, want, p) {
						if ln.overfull {
							overfull++
							break
						}
					}
				}
			}
		}
	}
	t.Logf("%d settings (%d with an overfull line), %d passes with fewer nodes, %d run again without the bound",
		set, overfull, pruned, retried)
	if set == 0 || overfull == 0 || pruned == 0 || retried == 0 {
		t.Error("the random paragraphs do not exercise the bound")
	}
}

// TestLoosePruningSameBreaks: a pass that stops reading the active list at the first line
// too loose for it (kpScratch.ordered) returns the breaks of a pass that reads every node, on
// random paragraphs with hyphens, justified and ragged, with and without letter expansion,
// in every pass and for exact line counts; a negative width turns the pruning off.
func TestLoosePruningSameBreaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	hy := &glyphs{text: "-", width: 2}
	ink := &glyphs{text: "x"}
	ordered := 0
	for n := range 300 {
		var items []item
		for i := range 8 + rng.IntN(40) {
			if i > 0 {
				items = append(items, glue(2+rng.Float64()*2, rng.Float64()*2, rng.Float64()))
			}
			items = append(items, box(2+rng.Float64()*14, ink))
			if rng.IntN(3) == 0 {
				items = append(items, penalty(2, hyphenPenalty, true, hy), box(2+rng.Float64()*8, ink))
			}
		}
		items = finish(items)
		p := fixedWidth(25 + rng.Float64()*40)
		p.expand = n%2 == 1
		if n%5 == 0 {
			p.ragged = 6
		}
		for _, pass := range []struct {
			tolerance float64
			hyphens   bool
			lines     int
		}{{100, false, 0}, {200, true, 0}, {1000, true, 0}, {400, true, 2 + rng.IntN(6)}} {
			p.tolerance, p.noHyphens, p.lines = pass.tolerance, !pass.hyphens, pass.lines
			all := &kpScratch{unbounded: true, readAll: true}
			want, _ := all.run(items, p)
			pruned := &kpScratch{unbounded: true}
			got, _ := pruned.run(items, p)
			if pruned.ordered {
				ordered++
			}
			if !slices.Equal(got, want) {
				t.Fatalf("case %d, tolerance %g, %d lines: breaks %v when the pass stops at a loose line, %v when it reads every node",
					n, p.tolerance, p.lines, got, want)
			}
		}
	}
	if ordered == 0 {
		t.Fatal("no pass pruned its active list")
	}
	neg := finish([]item{box(10, ink), glue(3, 1.5, 1), box(-2, ink), glue(3, 1.5, 1), box(10, ink)})
	s := &kpScratch{unbounded: true}
	s.run(neg, fixedWidth(30))
	if s.ordered {
		t.Error("a paragraph with a negative width was pruned")
	}
}
