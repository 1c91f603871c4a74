package publish

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/content"
	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/hyphen"
)

func loadCorpus(t testing.TB) *book.Library {
	t.Helper()
	lib, ds := book.LoadPrefixed(content.FS, "content")
	if ds.HasErrors() {
		t.Fatalf("corpus has errors:\n%v", ds)
	}
	return lib
}

// TestReproducible builds the corpus a second time and compares every byte with the shared
// build, then checks that a different SOURCE_DATE_EPOCH changes the files (only their dates).
func TestReproducible(t *testing.T) {
	t.Parallel()
	lib, a, outs := builtCorpus(t)
	if len(outs) != 2*len(lib.Editions) {
		t.Fatalf("%d files for %d editions", len(outs), len(lib.Editions))
	}
	opts := Options{Formats: []Format{PDF, EPUB}, OutDir: t.TempDir()}
	b := opts.OutDir
	if _, err := Build(context.Background(), lib, opts); err != nil {
		t.Fatal(err)
	}
	for _, ed := range lib.Editions {
		for _, ext := range []string{".pdf", ".epub"} {
			x := readFile(t, filepath.Join(a, ed.Name()+ext))
			y := readFile(t, filepath.Join(b, ed.Name()+ext))
			if !bytes.Equal(x, y) {
				t.Errorf("%s%s differs between two builds", ed.Name(), ext)
			}
		}
	}
	epoch := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	one := &book.Library{Editions: lib.Editions[:1]}
	opts.OutDir, opts.Modified = t.TempDir(), &epoch
	if _, err := Build(context.Background(), one, opts); err != nil {
		t.Fatal(err)
	}
	ed := lib.Editions[0].Name()
	for _, ext := range []string{".pdf", ".epub"} {
		if bytes.Equal(readFile(t, filepath.Join(a, ed+ext)), readFile(t, filepath.Join(opts.OutDir, ed+ext))) {
			t.Errorf("%s%s ignores SOURCE_DATE_EPOCH", ed, ext)
		}
	}
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSourceDateEpoch(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{{"", "", true}, {"1700000000", "2023-11-14T22:13:20Z", true}, {"17e8", "", false}, {"-", "", false}, {" 1", "", false}} {
		got, err := SourceDateEpoch(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("%q: err %v", tt.in, err)
		}
		if got != nil && got.Format(time.RFC3339) != tt.want {
			t.Errorf("%q: %v", tt.in, got)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.pdf")
	if err := WriteFileAtomic(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	if string(readFile(t, p)) != "two" {
		t.Error("not replaced")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x.pdf"), nil); err == nil {
		t.Error("no error for a missing folder")
	}
}

// BenchmarkBuildAll builds every edition of the corpus in both formats.
func BenchmarkBuildAll(b *testing.B) {
	lib := loadCorpus(b)
	opts := Options{OutDir: b.TempDir(), Formats: []Format{PDF, EPUB}}
	f, h := fonts.Parses(), hyphen.Parses()
	for b.Loop() {
		if _, err := Build(context.Background(), lib, opts); err != nil {
			b.Fatal(err)
		}
	}
	// Fonts and patterns are parsed once per process: these stay at most 6 and 5 in all.
	b.ReportMetric(float64(fonts.Parses()-f), "font-parses")
	b.ReportMetric(float64(hyphen.Parses()-h), "pattern-parses")
}

// BenchmarkLoad parses and validates the whole corpus.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		book.LoadPrefixed(content.FS, "content")
	}
}
