package publish

import (
	"fmt"
	"path"
	"strings"

	"github.com/fpc/bindery/book"
)

// Batch is the work of one build: the editions to render, the warnings of each (by edition
// name), and the editions that already failed to load.
type Batch struct {
	Editions []*book.Edition
	Warnings map[string]int
	Failures []Failure
	// Dropped are the editions of Editions that stand in it with only their report and
	// language, to keep a large catalogue out of memory, with the size of their Markdown
	// (for the largest-first order); Run reads each with Reload when its turn comes, which
	// returns its own diagnostics too (see Load).
	Dropped map[string]int
	Reload  func(report, lang string) (*book.Edition, book.Diagnostics)
}

// Triage splits a load into a batch. Every diagnostic belongs to an edition (a file in
// prefix/<report>/<lang>/), to every edition of a report (prefix/<report>/report.yaml) or to
// the content tree. An edition with an error of its own or of its report fails with all its
// diagnostics and the others are built; an error of the tree itself (no content, a folder
// that links outside it) is a failure of its own and stops no edition.
func Triage(lib *book.Library, ds book.Diagnostics, prefix string) Batch {
	b := Batch{Warnings: map[string]int{}}
	type group struct {
		key, name string
		ds        book.Diagnostics
	}
	var groups []*group
	byKey := map[string]*group{}
	add := func(key, name string, d book.Diagnostic) {
		g := byKey[key]
		if g == nil {
			g = &group{key: key, name: name}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.ds = append(g.ds, d)
	}
	for _, d := range ds {
		report, lang := place(d.Pos.File, prefix)
		switch {
		case lang != "":
			add(report+"/"+lang, report+"-"+lang, d)
		case report != "":
			add(report, report, d)
		default:
			add("", "", d)
		}
	}
	loaded := map[string]bool{} // edition and report keys of the loaded editions
	for _, ed := range lib.Editions {
		loaded[ed.Report+"/"+ed.Lang], loaded[ed.Report] = true, true
		var eds book.Diagnostics
		if g := byKey[ed.Report]; g != nil {
			eds = append(eds, g.ds...)
		}
		if g := byKey[ed.Report+"/"+ed.Lang]; g != nil {
			eds = append(eds, g.ds...)
		}
		errs, warns := eds.Count()
		b.Warnings[ed.Name()] = warns
		if errs == 0 {
			b.Editions = append(b.Editions, ed)
			continue
		}
		b.Failures = append(b.Failures, Failure{Edition: ed.Name(), Reason: reason(eds), Diagnostics: eds})
	}
	// The errors of editions that did not load at all, of a report none of whose editions
	// loaded, and of the tree itself.
	for _, g := range groups {
		if !loaded[g.key] && hasErrors(g.ds) {
			b.Failures = append(b.Failures, Failure{Edition: g.name, Reason: reason(g.ds), Diagnostics: g.ds})
		}
	}
	return b
}

func hasErrors(ds book.Diagnostics) bool { errs, _ := ds.Count(); return errs > 0 }

// place returns the report and language folder a diagnostic's file lies in.
// Place returns the report and language folder that a diagnostic's file lies in, under the
// content tree shown as prefix: both for an edition's file, the report alone for its
// report.yaml, neither for the tree itself.
func Place(file, prefix string) (report, lang string) { return place(file, prefix) }

func place(file, prefix string) (report, lang string) {
	rel := file
	if prefix != "" {
		r, ok := strings.CutPrefix(file, prefix)
		if !ok || r != "" && r[0] != '/' {
			return "", ""
		}
		rel = strings.TrimPrefix(r, "/")
	}
	parts := strings.Split(path.Clean(rel), "/")
	switch {
	case len(parts) >= 3 || len(parts) == 2 && !strings.Contains(parts[1], "."):
		return parts[0], parts[1]
	case len(parts) == 2 && parts[0] != ".":
		return parts[0], ""
	}
	return "", ""
}

// reason says in one line why an edition failed: its first error and how many more.
func reason(ds book.Diagnostics) string {
	errs, _ := ds.Count()
	for _, d := range ds {
		if d.Severity == book.Error {
			if errs == 1 {
				return d.String()
			}
			return fmt.Sprintf("%d errors, the first %s", errs, d)
		}
	}
	return "failed"
}
