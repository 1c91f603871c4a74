package publish

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/hyphen"
	"github.com/fpc/bindery/internal/testutil"
)

// cleanFS is the book package's clean fixture (demo-en, demo-kk) as a file system.
func cleanFS(t *testing.T) fstest.MapFS {
	t.Helper()
	return testutil.FS(testutil.Archive(t, testutil.Fixture("clean.txtar")))
}

// countingFS counts the opens of every file of a file system.
type countingFS struct {
	fs.FS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestLoadDropsAndReloads builds the fixture with every edition read and kept by Load and
// with none kept (each read only when its turn comes): the same files, byte for byte, and
// every chapter read once. An edition left for its turn that turns out broken fails alone,
// with all its diagnostics, which the result's Read holds too.
func TestLoadDropsAndReloads(t *testing.T) {
	fsys := cleanFS(t)
	build := func(keepBytes int) (Batch, map[string]string, map[string]int) {
		cfs := &countingFS{FS: fsys, opens: map[string]int{}}
		b, ds := Load(cfs, "", nil, keepBytes)
		if ds.HasErrors() || len(b.Failures) > 0 {
			t.Fatalf("load: %v %v", ds, b.Failures)
		}
		dir := t.TempDir()
		if res := Run(context.Background(), b, Options{OutDir: dir, Formats: pdfEPUB, Jobs: 2}); res.Err() != nil {
			t.Fatal(res.Err())
		}
		return b, dirState(t, dir), cfs.opens
	}
	kept, all, once := build(KeepBytes)
	dropped, none, opens := build(0)
	if len(kept.Dropped) != 0 || len(dropped.Dropped) != len(dropped.Editions) || len(dropped.Editions) != 2 {
		t.Fatalf("dropped with the default %v, with 0: %v of %d", kept.Dropped, dropped.Dropped, len(dropped.Editions))
	}
	for _, ed := range dropped.Editions {
		if len(ed.Chapters) != 0 {
			t.Errorf("%s is held whole", ed.Name())
		}
	}
	if !maps.Equal(all, none) {
		t.Errorf("the files differ: %v and %v", slices.Sorted(maps.Keys(all)), slices.Sorted(maps.Keys(none)))
	}
	chapters := 0
	for name, n := range opens {
		if filepath.Ext(name) == ".md" {
			chapters++
			if n != once[name] {
				t.Errorf("%s opened %d times, %d times when Load keeps every edition", name, n, once[name])
			}
		}
	}
	if chapters == 0 {
		t.Error("no chapter was read")
	}

	b, ds := Load(fsys, "", nil, 0)
	for name := range fsys { // break demo-kk: Load has not read it
		if filepath.Dir(name) == "demo/kk" && filepath.Ext(name) == ".md" {
			fsys[name] = &fstest.MapFile{Data: []byte("# T\n\nText.[^9]\n")}
		}
	}
	if ds.HasErrors() || len(b.Failures) > 0 {
		t.Fatalf("load: %v %v", ds, b.Failures)
	}
	dir := t.TempDir()
	res := Run(context.Background(), b, Options{OutDir: dir, Formats: pdfEPUB})
	if len(res.Failures) != 1 || res.Failures[0].Edition != "demo-kk" || len(res.Outputs) != 2 {
		t.Fatalf("outputs %v, failures %v", res.Outputs, res.Failures)
	}
	f := res.Failures[0]
	if !f.Diagnostics.HasErrors() || !strings.Contains(f.Reason, "demo/kk/01-kirispe.md:1:1: error:") {
		t.Errorf("failure %q with %v", f.Reason, f.Diagnostics)
	}
	if !slices.Equal(res.Read, f.Diagnostics) {
		t.Errorf("Read %v lacks the failure's diagnostics %v", res.Read, f.Diagnostics)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("files: %v", ents)
	}
}

// TestParsedOnce builds the fixture's editions (en and kk) twice in one process: the
// embedded fonts and the hyphenation patterns are parsed at most once each, on first use,
// and the second build parses nothing.
func TestParsedOnce(t *testing.T) {
	lib := cleanFixture(t)
	build := func() {
		if res := Run(context.Background(), Batch{Editions: lib.Editions}, Options{OutDir: t.TempDir(), Formats: pdfEPUB, Jobs: 2}); res.Err() != nil {
			t.Fatal(res.Err())
		}
	}
	build()
	f, h := fonts.Parses(), hyphen.Parses()
	if f == 0 || f > len(fonts.All()) || h == 0 || h > len(book.Languages)+1 { // en is en-gb and en-us
		t.Errorf("first build: %d font files parsed (of %d faces), %d languages' patterns", f, len(fonts.All()), h)
	}
	build()
	if fonts.Parses() != f || hyphen.Parses() != h {
		t.Errorf("second build parsed again: fonts %d -> %d, patterns %d -> %d", f, fonts.Parses(), h, hyphen.Parses())
	}
}

// TestInterruptedReadsNoMore: a build interrupted before an edition's turn does not read
// the editions Load left for their turn; each is reported interrupted.
func TestInterruptedReadsNoMore(t *testing.T) {
	b, _ := Load(cleanFS(t), "", nil, 0)
	reads := 0
	reload := b.Reload
	b.Reload = func(report, lang string) (*book.Edition, book.Diagnostics) {
		reads++
		return reload(report, lang)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := Run(ctx, b, Options{OutDir: t.TempDir(), Formats: pdfEPUB})
	if reads != 0 || len(res.Failures) != 2 || !res.Failures[0].Interrupted() || !res.Failures[1].Interrupted() {
		t.Errorf("%d editions read, failures %v", reads, res.Failures)
	}
}

// TestLateEditionReportErrors: a report's print: block is checked when each of its editions
// is merged with it, so an edition Load leaves for its turn must fail on an error there as
// one Load reads does, with the error at its place in report.yaml.
func TestLateEditionReportErrors(t *testing.T) {
	for _, keep := range []int{KeepBytes, 0} {
		fsys := cleanFS(t)
		rm := fsys["demo/report.yaml"]
		fsys["demo/report.yaml"] = &fstest.MapFile{Data: append(slices.Clone(rm.Data), "print: {caliper: 5mm}\n"...)}
		b, _ := Load(fsys, "", nil, keep)
		res := Run(context.Background(), b, Options{OutDir: t.TempDir(), Formats: pdfEPUB})
		if len(res.Outputs) != 0 || len(res.Failures) != 2 {
			t.Fatalf("keep %d: outputs %v, failures %v", keep, res.Outputs, res.Failures)
		}
		for _, f := range res.Failures {
			if !strings.Contains(f.Reason, "demo/report.yaml:") || !strings.Contains(f.Reason, "print: caliper") {
				t.Errorf("keep %d: %s failed with %q", keep, f.Edition, f.Reason)
			}
		}
	}
}
