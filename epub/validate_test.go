package epub

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/validate"
)

// The validators are external programs (internal/validate runs them). The EPUBs of the real
// corpus are validated once, as `bindery build` writes them, by the publish tests; here the
// fixtures and the txtar report are.

// TestValidators runs epubcheck (one JVM for all the files), epubcheck-ts and Ace over the
// fixture EPUBs marked validate, the txtar report's Kazakh draft, notes at the end, and the
// figures report (figures_test.go).
func TestValidators(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("validators are slow; skipped with -short")
	}
	dir := t.TempDir()
	files := map[string]string{}
	add := func(name string, ed *book.Edition, opts Options) {
		files[name] = filepath.Join(dir, name+".epub")
		if err := os.WriteFile(files[name], build(t, ed, opts), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range fixtureCases {
		if c.validate {
			add(c.name, fixture(c.lang, c.draft), c.opts)
		}
	}
	ed := loadTxtar(t, "report.txtar").Edition("demo", "kk")
	add("txtar-"+ed.Name(), ed, Options{Notes: NotesAtEnd, Modified: time.Unix(1700000000, 0)})
	add("figures-en", figuresEdition(t), figuresOpts)
	validate.EPUBs(t, files)
}
