package epub

import (
	"io/fs"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/content"
	"github.com/fpc/bindery/internal/testutil"
)

// loadTxtar loads a txtar archive from testdata through book.Load.
func loadTxtar(t *testing.T, name string) *book.Library {
	t.Helper()
	return load(t, testutil.FS(testutil.Archive(t, "testdata/"+name)))
}

// load reads a content tree and fails on errors; warnings (such as undefined notes in a
// draft) are allowed.
func load(t *testing.T, fsys fs.FS) *book.Library {
	t.Helper()
	lib, ds := book.Load(fsys)
	for _, d := range ds {
		if d.Severity == book.Error {
			t.Errorf("%s", d)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return lib
}

// TestLoadedReport builds the editions of a txtar content tree loaded by book.Load, in both
// note placements, and checks their links and structure.
func TestLoadedReport(t *testing.T) {
	t.Parallel()
	lib := loadTxtar(t, "report.txtar")
	if len(lib.Editions) != 2 {
		t.Fatalf("%d editions, want 2", len(lib.Editions))
	}
	for _, ed := range lib.Editions {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			u := unpack(t, build(t, ed, Options{Notes: notes}))
			checkLinks(t, ed, u)
			checkDocuments(t, ed, u)
		}
	}
	kk := lib.Edition("demo", "kk")
	if kk == nil || !kk.Draft() {
		t.Fatal("no Kazakh draft edition")
	}
	u := unpack(t, build(t, kk, Options{}))
	for _, want := range []string{"Жоба", "Бұл ескертпенің мәтіні дереккөзде жоқ."} {
		if !containsAny(u, want) {
			t.Errorf("the Kazakh draft does not show %q", want)
		}
	}
}

func containsAny(u *unpacked, s string) bool {
	for _, data := range u.files {
		if bytesContains(data, s) {
			return true
		}
	}
	return false
}

// corpus loads the real content tree, the embedded content.FS. It is the heavy part of the
// suite: with -short (make test runs the suite so under the race detector) it skips the test.
func corpus(t *testing.T) *book.Library {
	t.Helper()
	if testing.Short() {
		t.Skip("the whole corpus is checked without -short")
	}
	lib := load(t, content.FS)
	if len(lib.Editions) == 0 {
		t.Fatal("the corpus has no editions")
	}
	return lib
}

// TestCorpus builds every edition of the corpus and checks links and structure.
func TestCorpus(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t).Editions {
		t.Run(ed.Name(), func(t *testing.T) {
			for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
				u := unpack(t, build(t, ed, Options{Notes: notes}))
				checkLinks(t, ed, u)
				checkDocuments(t, ed, u)
			}
		})
	}
}
