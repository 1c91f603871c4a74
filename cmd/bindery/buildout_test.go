package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
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
		{"interrupted", publish.Result{Outputs: outs[:2], Failures: []publish.Failure{{Edition: "c-ru", Reason: "x"}, interrupted("b-kk"), interrupted("d-ky")}}, 1,
			"; 1 edition failed (nothing of it written), 2 editions not built, interrupted (nothing of them written)"},
	} {
		if got := editions(tc.res); got != tc.editions {
			t.Errorf("%s: editions %d, want %d", tc.name, got, tc.editions)
		}
		if got := failedNote(tc.res); got != tc.note {
			t.Errorf("%s: note %q, want %q", tc.name, got, tc.note)
		}
	}
}

// interrupted is the failure of an edition an interrupt kept from building.
func interrupted(edition string) publish.Failure { return publish.Interruption(edition) }

// TestSummaryWarnings counts the warnings of the editions the summary speaks of: each
// edition's own once (Output.Warnings repeats them on every file), the files' own, those
// of an edition that failed for its content, none of an interrupted one.
func TestSummaryWarnings(t *testing.T) {
	diags := func(n int) book.Diagnostics {
		ds := make(book.Diagnostics, n)
		for i := range ds {
			ds[i].Severity = book.Warning
		}
		return ds
	}
	res := publish.Result{
		Outputs: []publish.Output{
			{Edition: "a-en", Format: publish.PDF, Warnings: 5 + 2, Diagnostics: diags(2)},
			{Edition: "a-en", Format: publish.EPUB, Warnings: 5},
			{Edition: "b-kk", Format: publish.EPUB, Warnings: 1},
		},
		Failures: []publish.Failure{{Edition: "c-ru", Reason: "x", Diagnostics: append(diags(3), book.Diagnostic{Severity: book.Error})}, interrupted("d-ky")},
	}
	if m, l := warnings(res); m != 5+1+3 || l != 2 {
		t.Errorf("warnings %d of the manuscripts and %d of the layout, want 9 and 2", m, l)
	}
	for d, want := range map[time.Duration]string{702 * time.Millisecond: "702ms", 4840 * time.Millisecond: "4.84s", 4692 * time.Millisecond: "4.69s"} {
		if got := seconds(d); got != want {
			t.Errorf("seconds(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestEmptyShards: plan makes at most one shard an edition, and a share with no edition
// (asked for all the same) builds nothing and succeeds, with an empty JSON document.
func TestEmptyShards(t *testing.T) {
	dir := unpack(t, "clean.txtar") // two editions
	code, stdout, stderr := runCLI("plan", "--shards", "3", dir)
	if code != 0 || stdout != `{"include":[{"shard":"1/2"},{"shard":"2/2"}]}`+"\n" || !strings.Contains(stderr, "--shards 3: 2 editions, so 2 shards") {
		t.Errorf("plan --shards 3: exit %d %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI("build", "--shard", "3/3", "--json", "--out", t.TempDir(), dir)
	var doc map[string][]any
	if err := json.Unmarshal([]byte(stdout), &doc); code != 0 || err != nil || len(doc["outputs"]) != 0 || doc["failures"] == nil ||
		!strings.Contains(stderr, "--shard 3/3 holds no edition: nothing to build") {
		t.Errorf("build --shard 3/3: exit %d %v %q %q", code, err, stdout, stderr)
	}
}
