package publish

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/validate"
)

// TestMain removes the shared corpus build after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// shared is the whole corpus built once in both formats, as `bindery build` writes it, for
// every test that reads the built files.
var shared struct {
	once sync.Once
	lib  *book.Library
	dir  string
	outs []Output
	err  error
}

// builtCorpus builds the corpus on first use and returns it with its output folder.
func builtCorpus(t *testing.T) (*book.Library, string, []Output) {
	t.Helper()
	if testing.Short() {
		t.Skip("whole-corpus build; run without -short")
	}
	shared.once.Do(func() {
		shared.lib = loadCorpus(t)
		if shared.dir, shared.err = os.MkdirTemp("", "bindery-publish-"); shared.err != nil {
			return
		}
		shared.outs, shared.err = Build(context.Background(), shared.lib, Options{OutDir: shared.dir, Formats: []Format{PDF, EPUB}})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.lib, shared.dir, shared.outs
}

// TestBuiltEPUBsValidate runs epubcheck (one JVM for all of them), epubcheck-ts and DAISY
// Ace over every EPUB exactly as `bindery build` writes it, built beside the PDFs: the one
// place the corpus EPUBs are validated.
func TestBuiltEPUBsValidate(t *testing.T) {
	t.Parallel()
	lib, dir, _ := builtCorpus(t)
	files := map[string]string{}
	for _, ed := range lib.Editions {
		files[ed.Name()] = filepath.Join(dir, ed.Name()+".epub")
	}
	validate.EPUBs(t, files)
}
