package layout

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/fpc/bindery/book"
	"golang.org/x/tools/txtar"
)

// needTool returns the path of an external validator. Without it the test skips, except under
// CI, where a missing tool is a failure.
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required under CI: %v", name, err)
		}
		t.Skipf("%s not installed: %v", name, err)
	}
	return p
}

// txtarEditions loads the editions of a content tree stored as a txtar archive.
func txtarEditions(t testing.TB, file string) []*book.Edition {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	lib, ds := book.Load(fsys)
	if ds.HasErrors() {
		t.Fatalf("%s: %v", file, ds)
	}
	return lib.Editions
}

// contentEditions loads every edition of the real corpus in ../content, if it has any yet.
func contentEditions(t testing.TB) []*book.Edition {
	t.Helper()
	dir := filepath.Join("..", "content")
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) == 0 {
		return nil
	}
	lib, ds := book.LoadPrefixed(os.DirFS(dir), "content")
	if ds.HasErrors() {
		t.Fatalf("content does not load: %v", ds)
	}
	return lib.Editions
}

// corpus is every edition the quality tests check: the real content, the book package's
// clean fixture and, when the seeds are present, the Kazakh introduction set from the seed.
func corpus(t testing.TB) []*book.Edition {
	t.Helper()
	eds := contentEditions(t)
	eds = append(eds, txtarEditions(t, filepath.Join("..", "book", "testdata", "clean.txtar"))...)
	if _, err := os.Stat(seedPath); err == nil {
		eds = append(eds, kazakhEdition(t))
	} else {
		t.Logf("seed text not available (%v): checking without the Kazakh seed edition", err)
	}
	if len(eds) == 0 {
		t.Fatal("no editions to check")
	}
	return eds
}
