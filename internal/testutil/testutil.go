// Package testutil is the test harness every package's tests share, beside the pipeline
// (it is imported by tests only): txtar fixtures as content trees, golden files with one
// -update flag (the rule for tests that need an external validator is
// internal/validate.Tool). It imports no
// bindery package, so that every package's tests can use it; booktest loads fixtures
// through book.
package testutil

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// update is the one -update flag of the test binaries that import this package.
var update = flag.Bool("update", false, "rewrite golden files (and recorded baselines) in testdata")

// Update reports whether the test binary runs with -update.
func Update() bool { return *update }

// root is the module's root folder, found from this file's place.
func root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testutil: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Fixture returns the path of a shared txtar fixture: the content trees of
// book/testdata, which every package's tests read from that one place.
func Fixture(name string) string { return filepath.Join(root(), "book", "testdata", name) }

// Archive reads a txtar file.
func Archive(t testing.TB, file string) *txtar.Archive {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return ar
}

// FS turns a txtar archive into a file system.
func FS(ar *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// Unpack writes the files of a txtar file into a new temporary folder and returns it.
func Unpack(t testing.TB, file string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range Archive(t, file).Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Golden compares got with the golden file path; with -update it rewrites the file instead.
// It returns false (after reporting the first difference) when they differ.
func Golden(t testing.TB, path string, got []byte) bool {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return true
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update after an intended change, and read the diff): %s",
			path, FirstDiff(string(want), string(got)))
		return false
	}
	return true
}

// FirstDiff describes the first line where two texts differ.
func FirstDiff(want, got string) string {
	wl, gl := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, w, g)
		}
	}
	return "no line differs"
}
