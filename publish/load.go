package publish

import (
	"fmt"
	"io/fs"

	"github.com/fpc/bindery/book"
)

// KeepBytes is how much edition text Load keeps in memory by default between checking the
// editions and building them: the model takes about eight times its text, so this is
// about 10 MiB. The editions past it are read again when their turn comes. The corpus in
// content/ (0.95 MB of text) fits.
const KeepBytes = 5 << 18

// Load reads the editions of a content tree for a build (book.LoadEach) and triages them
// (Triage). It keeps loaded editions while their text totals at most keepBytes; each other
// edition is dropped as soon as it has been checked and stands in the batch with only its
// report and language, to be read again (Batch.Reload) when its turn comes, so that a
// large catalogue is never in memory at once. It returns the batch and every diagnostic.
func Load(fsys fs.FS, prefix string, keep func(report, lang string) bool, keepBytes int) (Batch, book.Diagnostics) {
	lib := &book.Library{}
	var ds book.Diagnostics
	dropped := map[string]int{}
	kept := 0
	tree := book.LoadEach(fsys, prefix, keep, func(ed *book.Edition, eds book.Diagnostics) {
		ds = append(ds, eds...)
		if ed == nil {
			return
		}
		if n := textSize(ed); kept+n > keepBytes {
			dropped[ed.Name()] = n
			ed = &book.Edition{Report: ed.Report, Lang: ed.Lang}
		} else {
			kept += n
		}
		lib.Editions = append(lib.Editions, ed)
	})
	book.SortEditions(lib.Editions)
	ds = append(ds, tree...)
	ds.Sort()
	b := Triage(lib, ds, prefix)
	if len(dropped) > 0 {
		b.Dropped = dropped
		b.Reload = func(report, lang string) (*book.Edition, error) {
			ed, eds := book.LoadEdition(fsys, prefix, report, lang)
			if eds.HasErrors() || ed == nil {
				return nil, fmt.Errorf("changed while the build ran: %s", reason(eds))
			}
			return ed, nil
		}
	}
	return b, ds
}

// edition returns edition i of the batch, read again if it was dropped after loading.
func (b Batch) edition(i int) (*book.Edition, *Failure) {
	ed := b.Editions[i]
	if _, ok := b.Dropped[ed.Name()]; !ok || b.Reload == nil {
		return ed, nil
	}
	full, err := b.Reload(ed.Report, ed.Lang)
	if err != nil {
		return nil, &Failure{Edition: ed.Name(), Reason: err.Error()}
	}
	return full, nil
}

// Names returns the names of the editions the batch builds, in its order.
func (b Batch) Names() []string {
	names := make([]string, len(b.Editions))
	for i, ed := range b.Editions {
		names[i] = ed.Name()
	}
	return names
}
