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

// TestSummaryWarnings counts the warnings of the editions the summary speaks of, as
// bindery check lists them: each edition's own, its report's once however many editions
// the report has, those of an edition read at its turn, of one that failed for its
// content, none of an interrupted one; and the renderers' apart.
func TestSummaryWarnings(t *testing.T) {
	warn := func(file string) book.Diagnostic {
		return book.Diagnostic{Pos: book.Pos{File: file, Line: 1, Col: 1}, Severity: book.Warning, Message: "w"}
	}
	o := &buildOutput{prefix: "c", reports: map[string]string{"a-en": "a", "a-kk": "a", "b-kk": "b", "d-ky": "d", "e-ru": "e"},
		loaded: book.Diagnostics{warn("c/a/en/01.md"), warn("c/a/en/02.md"), warn("c/a/report.yaml"), warn("c/b/kk/01.md"),
			warn("c/d/ky/01.md"), warn("c/d/report.yaml"), {Pos: book.Pos{File: "c/b/kk/01.md"}, Severity: book.Error}}}
	res := publish.Result{
		Outputs: []publish.Output{
			{Edition: "a-en", Format: publish.PDF, Diagnostics: book.Diagnostics{warn("c/a/en/01.md"), warn("c/a/en/02.md")}},
			{Edition: "a-en", Format: publish.EPUB},
			{Edition: "a-kk", Format: publish.EPUB},
		},
		Failures: []publish.Failure{{Edition: "b-kk", Reason: "x", Diagnostics: book.Diagnostics{warn("c/b/kk/01.md")}},
			interrupted("d-ky"), {Edition: "e-ru", Reason: "y", Diagnostics: book.Diagnostics{warn("c/e/ru/01.md")}}},
		Read: book.Diagnostics{warn("c/e/ru/01.md")},
	}
	if m, l := o.warnings(res); m != 2+1+1+1 || l != 2 {
		t.Errorf("warnings %d of the manuscripts and %d found rendering, want 5 and 2", m, l)
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
