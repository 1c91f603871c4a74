package layout

import (
	"math"
	"math/rand/v2"
	"testing"
)

// para makes a paragraph of invisible boxes of the given widths with TeX-like glue.
func para(ws ...float64) []item {
	var items []item
	for i, w := range ws {
		if i > 0 {
			items = append(items, glue(3, 1.5, 1))
		}
		items = append(items, box(w, nil))
	}
	return finish(items)
}

func fixedWidth(w float64) breakParams {
	return breakParams{measure: w, tolerance: 200, linePenalty: 10,
		flaggedDemerits: 10000, fitnessDemerits: 10000, finalHyphen: 5000}
}

// demerits evaluates a set of breaks the way the breaker does, or returns +Inf when a line is
// not feasible.
func demerits(items []item, breaks []int, p breakParams) float64 {
	total, prev := 0.0, &breakNode{pos: -1, fitness: 1}
	var sum totals
	bi := 0
	for i, it := range items {
		if bi < len(breaks) && breaks[bi] == i {
			ok, pen := legal(items, i, p)
			r := ratio(items, i, prev, sum, p)
			if !ok || r < -1 || badness(r) > p.tolerance {
				return math.Inf(1)
			}
			n := finishNode(candidate(items, i, pen, r, prev, sum, p), items, i, sum)
			total = n.demerits
			prev = n
			bi++
		}
		sum.width += widthOf(it)
		if it.kind == glueItem {
			sum.stretch += it.stretch
			sum.shrink += it.shrink
		}
	}
	return total
}

// bruteForce tries every subset of breakpoints and returns the least total demerits.
func bruteForce(items []item, p breakParams) float64 { return bruteForceLines(items, p, 0) }

// TestTotalFitIsOptimal compares the Knuth–Plass breaks with an exhaustive search on random
// paragraphs: the breaker must find the least demerits, which first fit generally does not.
func TestTotalFitIsOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		ws := make([]float64, 6+rng.IntN(8))
		for i := range ws {
			ws[i] = 4 + rng.Float64()*16
		}
		items := para(ws...)
		p := fixedWidth(40 + rng.Float64()*20)
		p.noHyphens = true
		want := bruteForce(items, p)
		got := kpPass(items, p)
		if math.IsInf(want, 1) {
			if got != nil {
				t.Errorf("case %d: breaker found %v where no feasible breaks exist", n, got)
			}
			continue
		}
		if d := demerits(items, got, p); math.Abs(d-want) > 1e-6 {
			t.Errorf("case %d: breaks %v cost %.1f, optimum is %.1f", n, got, d, want)
		}
	}
}

func TestBreakLines(t *testing.T) {
	hy := &glyphs{text: "-", width: 2}
	tests := []struct {
		name      string
		items     []item
		width     float64
		lines     int
		overfull  bool
		hyphenate bool // some line ends with a hyphen
	}{
		{"one line", para(10, 10), 40, 1, false, false},
		{"two lines", para(10, 10, 10, 10, 10, 10), 40, 2, false, false},
		{"forced break", finish(append(para(10, 10)[:3], glue(0, fill, 0), penalty(0, -infPenalty, false, nil), box(10, nil))), 100, 2, false, false},
		{"too wide a box", para(50), 40, 1, true, false},
		{"hyphen avoids a loose line", finish([]item{box(20, nil), glue(3, 1.5, 1), box(12, nil),
			penalty(2, hyphenPenalty, true, hy), box(12, nil), glue(3, 1.5, 1), box(16, nil)}), 36, 2, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := fixedWidth(tc.width)
			lines := setLines(tc.items, nil, breakLines(tc.items, p), p)
			if len(lines) != tc.lines {
				t.Fatalf("%d lines, want %d", len(lines), tc.lines)
			}
			over, hyph := false, false
			for _, l := range lines {
				over = over || l.overfull
				hyph = hyph || l.hyphenated
			}
			if over != tc.overfull || hyph != tc.hyphenate {
				t.Errorf("overfull %v hyphenated %v, want %v %v", over, hyph, tc.overfull, tc.hyphenate)
			}
			if !lines[len(lines)-1].last {
				t.Error("last line not marked")
			}
		})
	}
}

// TestNoStackedHyphens sets a paragraph where every word may be hyphenated and checks that
// consecutive hyphenated lines only occur when no other breaks are feasible.
func TestNoStackedHyphens(t *testing.T) {
	hy := &glyphs{text: "-", width: 2}
	var items []item
	for i := range 40 {
		if i > 0 {
			items = append(items, glue(3, 1.5, 1))
		}
		items = append(items, box(9, nil), penalty(2, hyphenPenalty, true, hy), box(9+float64(i%3), nil))
	}
	items = finish(items)
	p := fixedWidth(61)
	lines := setLines(items, nil, breakLines(items, p), p)
	for i := 1; i < len(lines); i++ {
		if lines[i].hyphenated && lines[i-1].hyphenated {
			t.Errorf("lines %d and %d both end with a hyphen", i-1, i)
		}
	}
}
