package publish

import (
	"io/fs"

	"github.com/fpc/bindery/book"
)

// KeepBytes is how much Markdown Load reads and keeps in memory by default between checking
// the editions and building them: the model takes about eight times its text, so this is
// about 10 MiB. The editions past it are read only when their turn comes, once, and their
// problems reported then. The corpus in content/ (0.93 MB of Markdown) fits.
const KeepBytes = 5 << 18

// Load reads the editions of a content tree for a build (book.LoadEachWithin) and triages
// them (Triage). It reads the editions largest first, each one whose Markdown still fits
// in keepBytes with those before; every other edition stands in the batch with only its
// report and language and is read when its turn comes (Batch.Reload), so that a large
// catalogue is never in memory at once and no edition is read twice. It returns the batch
// and the diagnostics of what it read.
func Load(fsys fs.FS, prefix string, keep func(report, lang string) bool, keepBytes int) (Batch, book.Diagnostics) {
	lib := &book.Library{}
	var ds book.Diagnostics
	later := map[string]int{}
	tree := book.LoadEachWithin(fsys, prefix, keep, int64(keepBytes), func(ed *book.Edition, eds book.Diagnostics) {
		ds = append(ds, eds...)
		if ed != nil {
			lib.Editions = append(lib.Editions, ed)
		}
	}, func(report, lang string, size int64) {
		ed := &book.Edition{Report: report, Lang: lang}
		later[ed.Name()] = int(size)
		lib.Editions = append(lib.Editions, ed)
	})
	book.SortEditions(lib.Editions)
	ds = append(ds, tree...)
	ds.Sort()
	b := Triage(lib, ds, prefix)
	if len(later) > 0 {
		b.Dropped = later
		seen := map[book.Diagnostic]bool{} // the tree's, which LoadEdition finds again in a report manifest
		for _, d := range tree {
			seen[d] = true
		}
		b.Reload = func(report, lang string) (*book.Edition, book.Diagnostics) {
			ed, eds := book.LoadEdition(fsys, prefix, report, lang)
			own := eds[:0:0] // the edition's, and its report's that only merging it finds (print:)
			for _, d := range eds {
				if !seen[d] {
					own = append(own, d)
				}
			}
			return ed, own
		}
	}
	return b, ds
}

// edition returns edition i of the batch, read now if Load left it for its turn, with the
// diagnostics of that reading (none for an edition Load read). An edition read now that
// has errors fails with all of them.
func (b Batch) edition(i int) (*book.Edition, book.Diagnostics, *Failure) {
	ed := b.Editions[i]
	if _, ok := b.Dropped[ed.Name()]; !ok || b.Reload == nil {
		return ed, nil, nil
	}
	full, ds := b.Reload(ed.Report, ed.Lang)
	if full == nil || ds.HasErrors() {
		return nil, ds, &Failure{Edition: ed.Name(), Reason: reason(ds), Diagnostics: ds}
	}
	return full, ds, nil
}

// Names returns the names of the editions the batch builds, in its order.
func (b Batch) Names() []string {
	names := make([]string, len(b.Editions))
	for i, ed := range b.Editions {
		names[i] = ed.Name()
	}
	return names
}
