package layout

import (
	"math"
	"slices"
	"testing"
)

func TestColumnWidths(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cols    []colRange
		measure float64
		want    []float64
		fits    bool
	}{
		{"none", nil, 300, []float64{}, true},
		{"natural widths fit: slack shared by width", []colRange{{20, 50}, {10, 100}}, 300, []float64{100, 200}, true},
		{"exactly the measure", []colRange{{20, 100}, {10, 200}}, 300, []float64{100, 200}, true},
		{"wrap: each from its minimum by what it wants",
			[]colRange{{40, 140}, {20, 20}, {40, 240}}, 200, []float64{40 + 100*100.0/300, 20, 40 + 200*100.0/300}, true},
		{"minimums exactly fill", []colRange{{100, 400}, {200, 300}}, 300, []float64{100, 200}, true},
		{"too wide", []colRange{{200, 400}, {200, 300}}, 300, []float64{200, 200}, false},
		{"max below min is min", []colRange{{50, 10}, {50, 50}}, 200, []float64{100, 100}, true},
		{"empty cells share evenly", []colRange{{0, 0}, {0, 0}}, 100, []float64{50, 50}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, fits := columnWidths(tc.cols, tc.measure)
			if fits != tc.fits || !slices.EqualFunc(got, tc.want, func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }) {
				t.Errorf("columnWidths(%v, %v) = %v, %v; want %v, %v", tc.cols, tc.measure, got, fits, tc.want, tc.fits)
			}
			if fits {
				sum := 0.0
				for i, w := range got {
					sum += w
					if w < tc.cols[i].min-1e-9 {
						t.Errorf("column %d: %v is under its minimum %v", i, w, tc.cols[i].min)
					}
				}
				if len(got) > 0 && math.Abs(sum-tc.measure) > 1e-9 {
					t.Errorf("widths add up to %v, not the measure %v", sum, tc.measure)
				}
			}
		})
	}
}

func TestCellRange(t *testing.T) {
	b := func(w float64) item { return box(w, nil) }
	sp := glue(3, 1, 1)
	for _, tc := range []struct {
		name    string
		items   []item
		want    colRange
		hyphens bool
	}{
		{"empty", nil, colRange{}, false},
		{"one word", finish([]item{b(10), b(5)}), colRange{15, 15}, false},
		{"two words", finish([]item{b(10), sp, b(30)}), colRange{30, 43}, false},
		{"hyphenation point inside a word", finish([]item{b(10), penalty(4, hyphenPenalty, true, nil), b(12), sp, b(5)}), colRange{22, 30}, false},
		{"split at the hyphenation point", finish([]item{b(10), penalty(4, hyphenPenalty, true, nil), b(12), sp, b(5)}), colRange{14, 30}, true},
		{"no split at a forbidden point", finish([]item{b(10), penalty(4, infPenalty, true, nil), b(12)}), colRange{22, 22}, true},
		{"forced break", []item{b(20), sp, b(20), glue(0, fill, 0), penalty(0, -infPenalty, false, nil), b(25), sp, b(1)},
			colRange{25, 43}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cellRange(tc.items, tc.hyphens); got != tc.want {
				t.Errorf("cellRange = %+v, want %+v", got, tc.want)
			}
		})
	}
}
