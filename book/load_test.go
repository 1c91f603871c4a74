package book

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/internal/testutil"
	"golang.org/x/tools/txtar"
)

// loadTxtar loads a txtar archive from testdata as a content tree.
func loadTxtar(t testing.TB, name string) (*Library, Diagnostics) {
	t.Helper()
	return Load(archiveFS(testutil.Archive(t, "testdata/"+name)))
}

func archiveFS(ar *txtar.Archive) fstest.MapFS { return testutil.FS(ar) }

func TestLoadClean(t *testing.T) {
	lib, ds := loadTxtar(t, "clean.txtar")
	for _, d := range ds {
		if d.Severity == Error || !strings.Contains(d.Message, "never defined") {
			t.Errorf("unexpected diagnostic: %s", d)
		}
	}
	if len(lib.Editions) != 2 {
		t.Fatalf("got %d editions, want 2", len(lib.Editions))
	}
	en := lib.Edition("demo", "en")
	if en.Meta.Publisher != "The Foreign Policy Centre" || en.Meta.Paper != "a5" || en.Draft() {
		t.Errorf("report defaults not merged: %+v", en.Meta)
	}
	if !strings.HasPrefix(en.Meta.Identifier, "urn:uuid:") || en.Meta.Identifier == lib.Edition("demo", "kk").Meta.Identifier {
		t.Errorf("identifier %q", en.Meta.Identifier)
	}
	intro := en.Chapters[1]
	if intro.ID != "ch02-intro" || intro.Kind != "introduction" {
		t.Errorf("chapter id/kind %q %q", intro.ID, intro.Kind)
	}
	kinds := []BlockKind{}
	for _, b := range intro.Blocks {
		kinds = append(kinds, b.Kind)
	}
	want := []BlockKind{Paragraph, Heading, Paragraph, Box, Quote, Heading, Paragraph}
	if !slices.Equal(kinds, want) {
		t.Errorf("blocks %v, want %v", kinds, want)
	}
	box := intro.Blocks[3]
	if PlainText(box.Title) != "Monitoring the security situation" || len(box.Children) != 2 {
		t.Errorf("box %q %d children", PlainText(box.Title), len(box.Children))
	}
	if len(intro.Notes) != 3 || intro.Notes[0].Refs != 2 || len(intro.Notes[1].Blocks) != 2 {
		t.Errorf("notes: %+v", intro.Notes)
	}
	kk := lib.Edition("demo", "kk")
	if n := kk.Chapters[0].Notes; len(n) != 2 || !n[1].Missing {
		t.Errorf("draft note placeholder missing: %+v", n)
	}
}

// TestLoadEachLargestFirst reads three editions of different sizes: LoadEach delivers them
// largest first (by the size of their Markdown files), LoadSelected in folder order.
func TestLoadEachLargestFirst(t *testing.T) {
	fsys := fstest.MapFS{}
	for report, words := range map[string]int{"alpha": 10, "beta": 300, "gamma": 100} {
		fsys[report+"/en/book.yaml"] = &fstest.MapFile{Data: []byte("title: " + report + "\nlanguage: en\npublisher: P\ndate: 2021-07-22\nchapters: [01-text.md]\n")}
		fsys[report+"/en/01-text.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Text\n---\n\n" + strings.Repeat("word ", words) + "\n")}
	}
	var order []string
	LoadEach(fsys, "", nil, func(ed *Edition, ds Diagnostics) {
		if ed == nil || ds.HasErrors() {
			t.Fatalf("load: %v", ds)
		}
		order = append(order, ed.Report)
	})
	if want := []string{"beta", "gamma", "alpha"}; !slices.Equal(order, want) {
		t.Errorf("LoadEach delivered %v, want %v", order, want)
	}
	lib, _ := LoadSelected(fsys, "", nil)
	var names []string
	for _, ed := range lib.Editions {
		names = append(names, ed.Report)
	}
	if want := []string{"alpha", "beta", "gamma"}; !slices.Equal(names, want) {
		t.Errorf("LoadSelected returned %v, want %v", names, want)
	}
	// Within a budget that holds beta's Markdown and alpha's but not gamma's as well, the
	// two are read, largest first, and gamma is skipped, with its size, before them.
	size := func(report string) int64 { return int64(len(fsys[report+"/en/01-text.md"].Data)) }
	var events []string
	LoadEachWithin(fsys, "", nil, size("beta")+size("alpha"), func(ed *Edition, ds Diagnostics) {
		events = append(events, "read "+ed.Report)
	}, func(report, lang string, n int64) {
		if n != size(report) {
			t.Errorf("%s skipped with %d bytes, want %d", report, n, size(report))
		}
		events = append(events, "skip "+report+"/"+lang)
	})
	if want := []string{"skip gamma/en", "read beta", "read alpha"}; !slices.Equal(events, want) {
		t.Errorf("LoadEachWithin: %v, want %v", events, want)
	}
}
