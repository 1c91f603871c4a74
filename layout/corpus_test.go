package layout

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil/booktest"
	"github.com/fpc/bindery/internal/validate"
)

// needTool returns the path of an external validator. Without it the test skips, except under
// CI, where a missing tool is a failure.
func needTool(t testing.TB, name string) string {
	t.Helper()
	return validate.Tool(t, name)
}

// txtarEditions loads the editions of a content tree stored as a txtar archive.
func txtarEditions(t testing.TB, file string) []*book.Edition {
	t.Helper()
	return booktest.Editions(t, file)
}

// contentEditions loads every edition of the real corpus in ../content, if it has any yet;
// with -short, none. The editions are loaded once per test binary and shared, read-only.
func contentEditions(t testing.TB) []*book.Edition {
	t.Helper()
	if testing.Short() {
		return nil
	}
	loaded.content.Do(func() {
		dir := filepath.Join("..", "content")
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) == 0 {
			return
		}
		lib, ds := book.LoadPrefixed(os.DirFS(dir), "content")
		loaded.contentDs = ds
		loaded.contentEds = lib.Editions
	})
	if loaded.contentDs.HasErrors() {
		t.Fatalf("content does not load: %v", loaded.contentDs)
	}
	return loaded.contentEds
}

// loaded holds the editions the tests share, each set loaded on first use.
var loaded struct {
	content, clean, seed sync.Once
	contentEds, cleanEds []*book.Edition
	contentDs            book.Diagnostics
	seedEd               *book.Edition
}

// cleanEditions returns the editions of the book package's clean fixture.
func cleanEditions(t testing.TB) []*book.Edition {
	t.Helper()
	loaded.clean.Do(func() { loaded.cleanEds = txtarEditions(t, filepath.Join("..", "book", "testdata", "clean.txtar")) })
	if loaded.cleanEds == nil {
		t.Fatal("the clean fixture did not load")
	}
	return loaded.cleanEds
}

// corpus is every edition the quality tests check: the real content, the book package's
// clean fixture and, when the seeds are present, the Kazakh introduction set from the seed.
// With -short (make test runs the suite so under the race detector) it is the clean fixture
// alone; the full run, without the race detector, checks everything.
func corpus(t testing.TB) []*book.Edition {
	t.Helper()
	if testing.Short() {
		return cleanEditions(t)
	}
	eds := slices.Clone(contentEditions(t))
	eds = append(eds, cleanEditions(t)...)
	if _, err := os.Stat(seedPath); err == nil {
		loaded.seed.Do(func() { loaded.seedEd = kazakhEdition(t) })
		eds = append(eds, loaded.seedEd)
	} else {
		t.Logf("seed text not available (%v): checking without the Kazakh seed edition", err)
	}
	if len(eds) == 0 {
		t.Fatal("no editions to check")
	}
	return eds
}
