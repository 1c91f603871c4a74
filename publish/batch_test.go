package publish

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
	"github.com/fpc/bindery/internal/testutil/booktest"
)

// cleanFixture loads the book package's clean fixture (demo-en, demo-kk).
func cleanFixture(t *testing.T) *book.Library {
	t.Helper()
	lib, ds := booktest.Load(t, testutil.Fixture("clean.txtar"))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	return lib
}

// broken returns a copy of ed that layout sets but epub rejects (a chapter named like a
// generated document), under another name.
func broken(ed *book.Edition) *book.Edition {
	b := *ed
	b.Report = "broken"
	ch := *b.Chapters[0]
	ch.ID = "nav"
	b.Chapters = append([]*book.Chapter{&ch}, b.Chapters[1:]...)
	return &b
}

// dirState reads every file of a folder.
func dirState(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

// TestRunIsolatesFailure builds two good editions and one that fails in its second format:
// the good ones are written, the broken one keeps its previous files byte for byte, and no
// temporary file is left.
func TestRunIsolatesFailure(t *testing.T) {
	t.Parallel()
	lib := cleanFixture(t)
	bad := broken(lib.Editions[0])
	dir := t.TempDir()
	for _, ext := range []string{".pdf", ".epub"} {
		if err := os.WriteFile(filepath.Join(dir, bad.Name()+ext), []byte("previous "+ext), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eds := append(slices.Clone(lib.Editions), bad)
	res := Run(context.Background(), Batch{Editions: eds}, Options{OutDir: dir, Formats: pdfEPUB, Jobs: 2})
	if len(res.Outputs) != 4 || len(res.Failures) != 1 {
		t.Fatalf("outputs %v, failures %v", res.Outputs, res.Failures)
	}
	f := res.Failures[0]
	if f.Edition != bad.Name() || f.Format != EPUB || !strings.Contains(f.Reason, "used twice") {
		t.Errorf("failure %+v", f)
	}
	for i, o := range res.Outputs { // edition order, then format order
		if want := lib.Editions[i/2].Name(); o.Edition != want || o.Format != pdfEPUB[i%2] {
			t.Errorf("output %d is %s %s", i, o.Edition, o.Format)
		}
	}
	state := dirState(t, dir)
	if len(state) != 6 {
		t.Errorf("files: %v", keys(state))
	}
	for _, ext := range []string{".pdf", ".epub"} {
		if got := state[bad.Name()+ext]; got != "previous "+ext {
			t.Errorf("%s%s changed: %.20q", bad.Name(), ext, got)
		}
	}
	if res.Err() == nil || res.Interrupted() {
		t.Errorf("Err %v, Interrupted %v", res.Err(), res.Interrupted())
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestCommitRollsBack makes the last rename of an edition fail (its EPUB path is a
// folder): the PDF renamed before it is put back.
func TestCommitRollsBack(t *testing.T) {
	ed := cleanFixture(t).Editions[0]
	dir := t.TempDir()
	pdf := filepath.Join(dir, ed.Name()+".pdf")
	if err := os.WriteFile(pdf, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, ed.Name()+".epub", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	res := Run(context.Background(), Batch{Editions: []*book.Edition{ed}}, Options{OutDir: dir, Formats: pdfEPUB})
	if len(res.Failures) != 1 || res.Failures[0].Format != EPUB || len(res.Outputs) != 0 {
		t.Fatalf("%+v", res)
	}
	if b, _ := os.ReadFile(pdf); string(b) != "previous" {
		t.Errorf("the PDF changed: %.20q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("left behind: %v", ents)
	}
}

// TestRunInterrupted cancels the build: nothing is written and no temporary file is left.
func TestRunInterrupted(t *testing.T) {
	lib := cleanFixture(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := Run(ctx, Batch{Editions: lib.Editions}, Options{OutDir: dir, Formats: pdfEPUB})
	if !res.Interrupted() || len(res.Outputs) != 0 || len(res.Failures) != len(lib.Editions) {
		t.Fatalf("%+v", res)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
}

// TestRunMatchesBuild checks that the bytes do not depend on the number of jobs, nor on
// the cores lent to a typesetting's helpers (a budget of 1 byte builds the editions one at
// a time, so the other jobs' cores go to the edition being set).
func TestRunMatchesBuild(t *testing.T) {
	t.Parallel()
	lib := cleanFixture(t)
	a := t.TempDir()
	if _, err := Build(context.Background(), lib, Options{OutDir: a, Formats: pdfEPUB, Jobs: 1}); err != nil {
		t.Fatal(err)
	}
	sa := dirState(t, a)
	if len(sa) != 4 {
		t.Fatalf("files %v", keys(sa))
	}
	for _, o := range []Options{{Jobs: 4}, {Jobs: 2, MemoryBudget: 1}, {Jobs: 3, MemoryBudget: 1}} {
		o.OutDir, o.Formats = t.TempDir(), pdfEPUB
		if _, err := Build(context.Background(), lib, o); err != nil {
			t.Fatal(err)
		}
		sb := dirState(t, o.OutDir)
		for k, v := range sa {
			if !bytes.Equal([]byte(v), []byte(sb[k])) {
				t.Errorf("%s differs with %d jobs and a budget of %d", k, o.Jobs, o.MemoryBudget)
			}
		}
	}
}

func TestTriage(t *testing.T) {
	ed := func(r, l string) *book.Edition { return &book.Edition{Report: r, Lang: l} }
	lib := &book.Library{Editions: []*book.Edition{ed("a", "en"), ed("a", "kk"), ed("b", "en"), ed("c", "ru")}}
	diag := func(sev book.Severity, file string) book.Diagnostic {
		return book.Diagnostic{Pos: book.Pos{File: file, Line: 3, Col: 1}, Severity: sev, Message: "m " + file}
	}
	ds := book.Diagnostics{
		diag(book.Error, "content/a/en/01.md"),
		diag(book.Error, "content/a/en/02.md"),
		diag(book.Warning, "content/a/kk/01.md"),
		diag(book.Error, "content/b/report.yaml"),
		diag(book.Error, "content/d/en/book.yaml"), // an edition that did not load
		diag(book.Warning, "content/c/ru/01.md"),
		diag(book.Warning, "bindery.yaml"),
	}
	b := Triage(lib, ds, "content")
	var names []string
	for _, e := range b.Editions {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "a-kk c-ru" {
		t.Errorf("to build: %v", names)
	}
	var failed []string
	for _, f := range b.Failures {
		failed = append(failed, f.Edition+"="+f.Reason)
	}
	want := []string{
		"a-en=2 errors, the first content/a/en/01.md:3:1: error: m content/a/en/01.md",
		"b-en=content/b/report.yaml:3:1: error: m content/b/report.yaml",
		"d-en=content/d/en/book.yaml:3:1: error: m content/d/en/book.yaml",
	}
	if !slices.Equal(failed, want) {
		t.Errorf("failures:\n%s\nwant\n%s", strings.Join(failed, "\n"), strings.Join(want, "\n"))
	}
	if b.Warnings["a-kk"] != 1 || b.Warnings["c-ru"] != 1 || b.Warnings["a-en"] != 0 {
		t.Errorf("warnings %v", b.Warnings)
	}
}

func TestShards(t *testing.T) {
	var units []Unit
	for i, size := range []int64{90, 10, 50, 50, 30, 70, 20, 5, 60} {
		units = append(units, Unit{Report: string(rune('a' + i)), Lang: "en", Bytes: size})
	}
	for n := 1; n <= 5; n++ {
		shares := Shards(units, n)
		if !slices.Equal(Shards(slices.Clone(units), n)[0], shares[0]) {
			t.Errorf("n=%d: not deterministic", n)
		}
		seen := map[string]int{}
		var loads []int64
		for _, s := range shares {
			var l int64
			for _, u := range s {
				seen[u.Name()]++
				l += u.Bytes
			}
			loads = append(loads, l)
		}
		for _, u := range units {
			if seen[u.Name()] != 1 {
				t.Errorf("n=%d: %s in %d shares", n, u.Name(), seen[u.Name()])
			}
		}
		// Largest first, each to the lightest share: no share exceeds another by more than
		// the largest unit.
		if slices.Max(loads)-slices.Min(loads) > 90 {
			t.Errorf("n=%d: unbalanced %v", n, loads)
		}
	}
	if got := Shards(units, 3); got[0][0].Name() != "a-en" {
		t.Errorf("the largest unit is not in the first share: %v", got)
	}
	for _, bad := range []string{"0/2", "3/2", "1", "a/b", "1/0", "-1/2"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if s, err := ParseShard("2/4"); err != nil || s != (Shard{2, 4}) || s.String() != "2/4" {
		t.Errorf("2/4: %v %v", s, err)
	}
}

func TestUnits(t *testing.T) {
	fsys := fstest.MapFS{
		"b/en/book.yaml": {Data: make([]byte, 10)}, "b/en/01.md": {Data: make([]byte, 90)},
		"a/kk/book.yaml": {Data: make([]byte, 7)}, "a/report.yaml": {Data: make([]byte, 3)},
		".git/x/y": {Data: []byte("z")}, "a/.hidden/book.yaml": {Data: []byte("z")},
	}
	units, err := Units(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []Unit{{"a", "kk", 7}, {"b", "en", 100}}
	if !slices.Equal(units, want) {
		t.Errorf("got %v, want %v", units, want)
	}
}

// pdfEPUB are the formats the batch tests build (print has its own tests).
var pdfEPUB = []Format{PDF, EPUB}
