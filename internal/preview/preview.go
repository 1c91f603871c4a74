// Package preview is `bindery serve`: a live preview for editors and translators. It runs
// the whole pipeline (book.Load, publish.Build) on a content folder, serves the results on
// 127.0.0.1 (an index of the editions, each EPUB's chapters as XHTML pages, each PDF),
// watches the folder for saved files, rebuilds only the editions whose files changed, and
// tells open pages to reload through server-sent events. A build that fails shows its
// problems (file:line) in the pages while the last good output stays served.
package preview

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/publish"
)

// Config says what to preview and how to build it.
type Config struct {
	Content string          // content folder on disk
	Prefix  string          // put before paths in messages, e.g. "content"
	Options publish.Options // build settings; OutDir and Formats are the server's own
	Log     io.Writer       // one line per rebuild; nil for none
}

// Server builds and serves the editions of one content folder.
type Server struct {
	cfg    Config
	outDir string

	mu         sync.Mutex
	books      map[string]*edition // last good build of each edition
	problems   map[string][]string // "<report>/<lang>", "<report>" or "" -> error lines
	generation int                 // bumped when the EPUBs or the problems change
	pdfGen     int                 // bumped when the PDFs change
	waiters    map[chan struct{}]struct{}
	buildMu    sync.Mutex // one rebuild at a time
}

// New returns a server that builds into a temporary folder of its own (Close removes it).
func New(cfg Config) (*Server, error) {
	out, err := os.MkdirTemp("", "bindery-serve-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a folder for the preview's files: %v", err)
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	return &Server{cfg: cfg, outDir: out, books: map[string]*edition{}, problems: map[string][]string{},
		waiters: map[chan struct{}]struct{}{}}, nil
}

// Close waits for a rebuild under way and removes the server's build folder.
func (s *Server) Close() error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	return os.RemoveAll(s.outDir)
}

// selection is the set of editions a change touches: whole reports, single editions, or all.
type selection struct {
	all      bool
	reports  map[string]bool
	editions map[string]bool // "<report>/<lang>"
}

func (sel selection) keep(report, lang string) bool {
	return sel.all || sel.reports[report] || sel.editions[report+"/"+lang]
}

// affected maps changed paths (relative to the content folder, slash-separated) to the
// editions they belong to: a file in <report>/<lang>/ to that edition, a file in
// <report>/ (report.yaml) to the whole report, anything else to every edition.
func affected(paths []string) selection {
	sel := selection{reports: map[string]bool{}, editions: map[string]bool{}}
	for _, p := range paths {
		parts := strings.Split(p, "/")
		switch {
		case len(parts) >= 3:
			sel.editions[parts[0]+"/"+parts[1]] = true
		case len(parts) == 2 && !strings.Contains(parts[1], "."):
			sel.editions[parts[0]+"/"+parts[1]] = true // an edition folder made, removed or renamed
		case len(parts) == 2:
			sel.reports[parts[0]] = true
		default:
			sel.all = true
		}
	}
	return sel
}

// BuildAll builds every edition.
func (s *Server) BuildAll(ctx context.Context) { s.rebuild(ctx, selection{all: true}) }

// Changed rebuilds the editions that the changed paths (relative to the content folder)
// belong to.
func (s *Server) Changed(ctx context.Context, paths []string) { s.rebuild(ctx, affected(paths)) }

// rebuild loads the selected editions; those without errors are built and replace their
// last good output, those with errors keep it and record the errors for the pages to show.
func (s *Server) rebuild(ctx context.Context, sel selection) {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	s.mu.Lock()
	first := s.generation == 0
	s.mu.Unlock()
	root, err := os.OpenRoot(s.cfg.Content) // no symbolic link leads out of it
	if err != nil {
		s.fail(fmt.Sprintf("%s: cannot read the content folder: %v", s.cfg.Content, err))
		return
	}
	defer root.Close()
	lib, ds := book.LoadSelected(root.FS(), s.cfg.Prefix, sel.keep)
	problems, good := s.sortOut(lib, ds)
	// The EPUB first, so that open chapters show the change as soon as it is built, then the PDF.
	built, epubErr := s.build(ctx, good, publish.EPUB)
	if epubErr != nil {
		problems[""] = append(problems[""], epubErr.Error())
	}
	s.applyEPUB(sel, problems, built)
	epubTime := time.Since(start)
	pdfs, pdfErr := s.build(ctx, good, publish.PDF)
	s.applyPDF(pdfs, pdfErr)
	errs, _ := ds.Count()
	if epubErr != nil || pdfErr != nil {
		errs++
	}
	verb := "rebuilt"
	if sel.all && first {
		verb = "built"
	}
	fmt.Fprintf(s.cfg.Log, "%s %s in %v (pages reloaded after %v)%s\n", verb, names(lib.Editions), time.Since(start).Round(time.Millisecond),
		epubTime.Round(time.Millisecond), errorNote(errs))
}

// sortOut files the errors of a load by problem key and returns the editions free of them.
func (s *Server) sortOut(lib *book.Library, ds book.Diagnostics) (map[string][]string, []*book.Edition) {
	problems := map[string][]string{} // by key: "<report>/<lang>", "<report>" or ""
	for _, d := range ds {
		if d.Severity == book.Error {
			k := s.keyOf(d.Pos.File)
			problems[k] = append(problems[k], d.String())
		}
	}
	var good []*book.Edition
	for _, ed := range lib.Editions {
		if len(problems[ed.Report+"/"+ed.Lang])+len(problems[ed.Report])+len(problems[""]) == 0 {
			good = append(good, ed)
		}
	}
	return problems, good
}

// applyEPUB replaces the problems of the selection and the EPUBs built, then wakes the pages.
func (s *Server) applyEPUB(sel selection, problems map[string][]string, built map[string]*edition) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.problems {
		r, l, _ := strings.Cut(k, "/")
		if l == "" || sel.keep(r, l) { // report.yaml files and the tree are read on every load
			delete(s.problems, k)
		}
	}
	for k, lines := range problems {
		s.problems[k] = lines
	}
	for name, b := range built {
		if old := s.books[name]; old != nil {
			b.pdf, b.pdfPages = old.pdf, old.pdfPages
		}
		s.books[name] = b
	}
	s.generation++
	s.notify()
}

// applyPDF puts the PDFs built into their editions, then wakes the index.
func (s *Server) applyPDF(pdfs map[string]*edition, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.problems[""] = append(s.problems[""], err.Error())
		s.generation++
	}
	for name, b := range pdfs {
		if cur := s.books[name]; cur != nil {
			cur.pdf, cur.pdfPages = b.pdf, b.pdfPages
		}
	}
	s.pdfGen++
	s.notify()
}

// keyOf returns the problem key of a file reported by book: "<report>/<lang>" for a file in
// an edition folder (or the folder itself), "<report>" for report.yaml, "" otherwise.
func (s *Server) keyOf(file string) string {
	rel := file
	if s.cfg.Prefix != "" {
		rel = strings.TrimPrefix(strings.TrimPrefix(file, s.cfg.Prefix), "/")
	}
	parts := strings.Split(rel, "/")
	switch {
	case len(parts) >= 3 || len(parts) == 2 && !strings.Contains(parts[1], "."):
		return parts[0] + "/" + parts[1]
	case len(parts) == 2:
		return parts[0]
	}
	return ""
}

// problemsOf returns the errors that keep an edition from building: its own, its report's
// and the whole tree's.
func (s *Server) problemsOf(report, lang string) []string {
	return slices.Concat(s.problems[report+"/"+lang], s.problems[report], s.problems[""])
}

func names(eds []*book.Edition) string {
	if len(eds) == 0 {
		return "no edition"
	}
	var ns []string
	for _, ed := range eds {
		ns = append(ns, ed.Name())
	}
	return strings.Join(ns, ", ")
}

func errorNote(n int) string {
	if n == 0 {
		return ""
	}
	if n == 1 {
		return ": 1 error, the last good output is still served"
	}
	return fmt.Sprintf(": %d errors, the last good output is still served", n)
}

// fail records a problem of the whole tree for the pages to show.
func (s *Server) fail(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems[""] = []string{msg}
	s.generation++
	s.notify()
	fmt.Fprintln(s.cfg.Log, msg)
}

// notify wakes every event stream; the caller holds s.mu.
func (s *Server) notify() {
	for ch := range s.waiters {
		select {
		case ch <- struct{}{}:
		default: // already woken
		}
	}
}

// build renders the editions in one format into the server's folder and reads them back.
func (s *Server) build(ctx context.Context, eds []*book.Edition, f publish.Format) (map[string]*edition, error) {
	if len(eds) == 0 {
		return nil, nil
	}
	opts := s.cfg.Options
	opts.OutDir = s.outDir
	opts.Formats = []publish.Format{f}
	outs, err := publish.Build(ctx, &book.Library{Editions: eds}, opts)
	built := map[string]*edition{}
	for _, ed := range eds {
		built[ed.Name()] = &edition{name: ed.Name(), report: ed.Report, lang: ed.Lang, title: ed.Meta.Title}
	}
	for _, o := range outs {
		b := built[o.Edition]
		data, rerr := os.ReadFile(o.Path)
		if rerr != nil {
			return nil, rerr
		}
		switch o.Format {
		case publish.PDF:
			b.pdf, b.pdfPages = data, o.Pages
		case publish.EPUB:
			if b.files, b.spine, rerr = unpackEPUB(data); rerr != nil {
				return nil, fmt.Errorf("%s: %v", o.Edition, rerr)
			}
		}
	}
	for name, b := range built {
		if (f == publish.EPUB && b.files == nil) || (f == publish.PDF && b.pdf == nil) {
			delete(built, name) // that edition failed; err says why
		}
	}
	return built, err
}
