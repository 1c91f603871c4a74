// Package booktest loads the shared txtar fixtures through book.Load, for the tests of the
// renderers and the commands (book's own tests use testutil directly).
package booktest

import (
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
)

// Load loads the content tree of a txtar file, returning every diagnostic.
func Load(t testing.TB, file string) (*book.Library, book.Diagnostics) {
	t.Helper()
	return book.Load(testutil.FS(testutil.Archive(t, file)))
}

// Editions loads the content tree of a txtar file and fails the test on any error
// (warnings, such as undefined notes in a draft, are allowed).
func Editions(t testing.TB, file string) []*book.Edition {
	t.Helper()
	lib, ds := Load(t, file)
	if ds.HasErrors() {
		t.Fatalf("%s: %v", file, ds)
	}
	return lib.Editions
}
