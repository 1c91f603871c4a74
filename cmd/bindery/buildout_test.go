package main

import (
	"testing"

	"github.com/fpc/bindery/publish"
)

// TestSummaryCounts checks the summary line's counts: the editions that wrote files, and
// apart from them the editions that failed (nothing of them written) and the failures of
// the build itself.
func TestSummaryCounts(t *testing.T) {
	outs := []publish.Output{{Edition: "a-en", Format: publish.PDF}, {Edition: "a-en", Format: publish.EPUB}, {Edition: "b-kk", Format: publish.EPUB}}
	for _, tc := range []struct {
		name     string
		res      publish.Result
		editions int
		note     string
	}{
		{"all built", publish.Result{Outputs: outs}, 2, ""},
		{"one failed", publish.Result{Outputs: outs, Failures: []publish.Failure{{Edition: "c-ru", Reason: "x"}}}, 2,
			"; 1 edition failed (nothing of it written)"},
		{"one failed in two formats", publish.Result{Outputs: outs[2:], Failures: []publish.Failure{
			{Edition: "c-ru", Format: publish.PDF, Reason: "x"}, {Edition: "c-ru", Format: publish.EPUB, Reason: "y"}}}, 1,
			"; 1 edition failed (nothing of it written)"},
		{"two failed and the folder", publish.Result{Failures: []publish.Failure{{Edition: "c-ru"}, {Edition: "d-ky"}, {Reason: "cannot make the output folder"}}}, 0,
			"; 2 editions failed (nothing of them written), 1 other failure"},
	} {
		if got := editions(tc.res); got != tc.editions {
			t.Errorf("%s: editions %d, want %d", tc.name, got, tc.editions)
		}
		if got := failedNote(tc.res); got != tc.note {
			t.Errorf("%s: note %q, want %q", tc.name, got, tc.note)
		}
	}
}
