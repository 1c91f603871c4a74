package epub

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/validate"
)

// The validators are external programs (internal/validate runs them). The EPUBs of the real
// corpus are validated once, as `bindery build` writes them, by the publish tests; here the
// fixtures and the txtar report are.

// writeTemp writes an EPUB into the test's temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name+".epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// validateEPUB runs both validators over one edition, in parallel with the other subtests.
func validateEPUB(t *testing.T, name string, ed *book.Edition, opts Options) {
	t.Run(name, func(t *testing.T) {
		t.Parallel()
		validate.EPUB(t, writeTemp(t, name, build(t, ed, opts)))
	})
}

// TestValidatorsFixture runs epubcheck and Ace over the fixture EPUBs.
func TestValidatorsFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("validators are slow; skipped with -short")
	}
	for _, c := range fixtureCases {
		if c.validate {
			validateEPUB(t, c.name, fixture(c.lang, c.draft), c.opts)
		}
	}
}
