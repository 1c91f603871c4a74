// Package book is the first stage of bindery's pipeline: it reads the content tree
// (content/<report>/<lang>/book.yaml and Markdown chapters) through an fs.FS, builds the
// document model (editions, chapters, blocks, numbered endnotes), applies the language's
// typography, and validates everything, collecting every problem with its file:line:col.
// The renderers (epub, layout) only read the model; book imports none of them.
package book

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/fpc/bindery/typo"
)

// Manifest file names.
const (
	EditionManifest = "book.yaml"
	ReportManifest  = "report.yaml"
)

// Load reads every edition below the root of fsys. It returns the editions it could build
// and every problem found; callers fail when the diagnostics hold an error.
func Load(fsys fs.FS) (*Library, Diagnostics) { return LoadPrefixed(fsys, "") }

// LoadPrefixed is Load with prefix (e.g. "content") put before every path it reports.
func LoadPrefixed(fsys fs.FS, prefix string) (*Library, Diagnostics) {
	return LoadSelected(fsys, prefix, nil)
}

// LoadSelected is LoadPrefixed reading only the editions for which keep returns true
// (all when keep is nil), so a build of one edition does not parse the others.
func LoadSelected(fsys fs.FS, prefix string, keep func(report, lang string) bool) (*Library, Diagnostics) {
	lib := &Library{}
	var eds Diagnostics
	ds := LoadEach(fsys, prefix, keep, func(ed *Edition, d Diagnostics) {
		eds = append(eds, d...)
		if ed != nil {
			lib.Editions = append(lib.Editions, ed)
		}
	})
	SortEditions(lib.Editions)
	ds = append(ds, eds...)
	ds.Sort()
	return lib, ds
}

// SortEditions puts editions in folder order: by report, then by language.
func SortEditions(eds []*Edition) {
	slices.SortStableFunc(eds, func(a, b *Edition) int {
		return cmp.Or(strings.Compare(a.Report, b.Report), strings.Compare(a.Lang, b.Lang))
	})
}

// LoadEach reads the editions LoadSelected reads, a few at a time (one per CPU), and calls
// fn with each edition (nil when it could not be read at all) and its own diagnostics,
// from the calling goroutine. The editions are read and delivered largest first, by the
// size of the Markdown files in their folders (ties in folder order): the largest edition
// then no longer waits until the others are read, alone on one core at the end (LoadSelected
// puts them back in folder order). It keeps no edition: a caller that drops them never
// holds the whole content in memory. It returns the diagnostics of the content tree and of
// the report manifests.
func LoadEach(fsys fs.FS, prefix string, keep func(report, lang string) bool, fn func(*Edition, Diagnostics)) Diagnostics {
	return LoadEachWithin(fsys, prefix, keep, -1, fn, nil)
}

// LoadEachWithin is LoadEach reading only the editions whose Markdown fits in budget bytes
// together, taken largest first, each one that still fits (a negative budget reads them
// all). It does not read the others: it calls skip with each one's report, language and
// Markdown size, in the same order, from the calling goroutine, before fn is first called.
func LoadEachWithin(fsys fs.FS, prefix string, keep func(report, lang string) bool, budget int64,
	fn func(*Edition, Diagnostics), skip func(report, lang string, size int64)) Diagnostics {
	var ds Diagnostics
	reports, err := fs.ReadDir(fsys, ".")
	if err != nil {
		ds.Errorf(Pos{File: or(prefix, ".")}, "cannot read content: %v", err)
		return ds
	}
	type job struct {
		report, lang string
		rm           *manifest
		size         int64 // markdownBytes of its folder
	}
	var jobs []job
	for _, r := range reports {
		if linkedFolder(prefix, r.Name(), r, &ds) || !r.IsDir() || strings.HasPrefix(r.Name(), ".") {
			continue
		}
		rm := loadReportManifest(fsys, prefix, r.Name(), &ds)
		langs, _ := fs.ReadDir(fsys, r.Name())
		for _, l := range langs {
			if linkedFolder(prefix, path.Join(r.Name(), l.Name()), l, &ds) {
				continue
			}
			if l.IsDir() && !strings.HasPrefix(l.Name(), ".") && (keep == nil || keep(r.Name(), l.Name())) {
				jobs = append(jobs, job{r.Name(), l.Name(), rm, markdownBytes(fsys, path.Join(r.Name(), l.Name()))})
			}
		}
	}
	slices.SortStableFunc(jobs, func(a, b job) int { return cmp.Compare(b.size, a.size) })
	if len(jobs) == 0 && keep == nil {
		ds.Errorf(Pos{File: or(prefix, ".")}, "no editions found (expected <report>/<lang>/%s)", EditionManifest)
	}
	if budget >= 0 {
		read, used := jobs[:0], int64(0)
		for _, j := range jobs {
			if used+j.size <= budget {
				used += j.size
				read = append(read, j)
			} else if skip != nil {
				skip(j.report, j.lang, j.size)
			}
		}
		jobs = read
	}
	type result struct {
		ed *Edition
		ds Diagnostics
	}
	// Each job delivers into its own slot; a job starts only when fewer than one per CPU
	// are loading or waiting to be taken, so at most that many editions are in memory here.
	slots := make([]chan result, len(jobs))
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	free := make(chan struct{}, runtime.GOMAXPROCS(0))
	go func() {
		for i, j := range jobs {
			free <- struct{}{}
			go func() {
				ed, d := loadEdition(fsys, prefix, j.report, j.lang, j.rm)
				slots[i] <- result{ed, d}
			}()
		}
	}()
	for _, slot := range slots {
		r := <-slot
		<-free
		fn(r.ed, r.ds)
	}
	return ds
}

// markdownBytes is the size of the Markdown files in an edition folder, which it reads
// only the folder listing for: an estimate, before parsing, of how long the edition takes
// to load and to build.
func markdownBytes(fsys fs.FS, dir string) int64 {
	files, _ := fs.ReadDir(fsys, dir)
	var n int64
	for _, f := range files {
		if f.Type().IsRegular() && path.Ext(f.Name()) == ".md" {
			if info, err := f.Info(); err == nil {
				n += info.Size()
			}
		}
	}
	return n
}

// LoadEdition reads one edition, report/lang, as LoadSelected would, with its report
// manifest; the diagnostics are the edition's and the manifest's.
func LoadEdition(fsys fs.FS, prefix, report, lang string) (*Edition, Diagnostics) {
	var ds Diagnostics
	rm := loadReportManifest(fsys, prefix, report, &ds)
	ed, eds := loadEdition(fsys, prefix, report, lang, rm)
	ds = append(ds, eds...)
	ds.Sort()
	return ed, ds
}

func display(prefix, p string) string {
	if prefix == "" {
		return p
	}
	return path.Join(prefix, p)
}

func loadReportManifest(fsys fs.FS, prefix, report string, ds *Diagnostics) *manifest {
	p := path.Join(report, ReportManifest)
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil
	}
	m, _ := parseManifest(display(prefix, p), data, ds)
	return m
}

// loadEdition reads one edition folder; it returns nil when there is no manifest to go by.
func loadEdition(fsys fs.FS, prefix, report, lang string, rm *manifest) (*Edition, Diagnostics) {
	var ds Diagnostics
	dir := path.Join(report, lang)
	mp := path.Join(dir, EditionManifest)
	data, err := fs.ReadFile(fsys, mp)
	if err != nil {
		ds.Errorf(Pos{File: display(prefix, dir)}, "edition folder has no %s", EditionManifest)
		return nil, ds
	}
	m, ok := parseManifest(display(prefix, mp), data, &ds)
	if !ok {
		return nil, ds
	}
	ed := &Edition{Report: report, Lang: lang, Dir: display(prefix, dir)}
	ed.Meta = merge(rm, m, report, lang, &ds)
	if _, known := UI(lang); !known {
		ds.Errorf(Pos{File: display(prefix, dir)}, "unknown language tag %q in folder name (bindery supports %s)", lang, strings.Join(Languages, ", "))
	}
	loadCover(fsys, dir, &ed.Meta.Cover, m, &ds)
	listed := map[string]bool{}
	ids := map[string]string{}
	images := map[string]*Image{}
	fx := typo.New(lang)
	for i, name := range m.Chapters {
		if listed[name] {
			ds.Errorf(m.chapterPos(i), "chapter file %q is listed twice", name)
			continue
		}
		listed[name] = true
		if other, dup := ids[chapterID(name)]; dup {
			ds.Errorf(m.chapterPos(i), "chapter files %q and %q get the same identifier %q; rename one", other, name, chapterID(name))
			continue
		}
		ids[chapterID(name)] = name
		src, err := readInside(fsys, dir, name, MaxChapterBytes, "chapter files")
		if tl := (errTooLarge{}); errors.As(err, &tl) {
			err = fmt.Errorf("%w: split it into chapters", err)
		}
		if err != nil {
			ds.Errorf(m.chapterPos(i), "chapter file %q %v", name, err)
			continue
		}
		cp := path.Join(dir, name)
		ch := parseChapterFixer(fx, display(prefix, cp), src, lang, latinLangFor(lang, ed.Meta.LatinLang), ed.Draft(), &ds)
		loadImages(fsys, prefix, dir, ch, images, &ds)
		ed.Chapters = append(ed.Chapters, ch)
	}
	unlisted(fsys, prefix, dir, listed, &ds)
	return ed, ds
}

// unlisted warns about Markdown files in the edition folder that the manifest leaves out.
func unlisted(fsys fs.FS, prefix, dir string, listed map[string]bool, ds *Diagnostics) {
	files, _ := fs.ReadDir(fsys, dir)
	for _, f := range files {
		if !f.IsDir() && path.Ext(f.Name()) == ".md" && !listed[f.Name()] {
			ds.Warnf(Pos{File: display(prefix, path.Join(dir, f.Name()))}, "chapter file is not listed in %s", EditionManifest)
		}
	}
}

// Edition returns the edition of a report in a language, or nil.
func (l *Library) Edition(report, lang string) *Edition {
	i := slices.IndexFunc(l.Editions, func(e *Edition) bool { return e.Report == report && e.Lang == lang })
	if i < 0 {
		return nil
	}
	return l.Editions[i]
}

// loadCover reads the cover image a manifest names, checking that it is a PNG or JPEG.
func loadCover(fsys fs.FS, dir string, c *Cover, m *manifest, ds *Diagnostics) {
	if c.Image == "" {
		return
	}
	data, err := readInside(fsys, dir, c.Image, MaxImageBytes, "cover images")
	switch {
	case err != nil:
		ds.Errorf(m.coverPos("image"), "cover image %q %v", c.Image, err)
	case !strings.HasPrefix(string(data), "\x89PNG\r\n\x1a\n") && !strings.HasPrefix(string(data), "\xff\xd8\xff"):
		ds.Errorf(m.coverPos("image"), "cover image %q is neither PNG nor JPEG", c.Image)
	case c.Alt == "":
		ds.Errorf(m.coverPos("image"), "cover image %q needs an alt text (cover.alt) for readers who cannot see it", c.Image)
	default:
		c.Data = data
	}
}

// linkedFolder reports a symbolic link where an edition or report folder belongs: bindery
// does not follow it (it could lead out of the content directory, or load a folder twice).
func linkedFolder(prefix, p string, e fs.DirEntry, ds *Diagnostics) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return false
	}
	ds.Warnf(Pos{File: display(prefix, p)}, "a symbolic link to a folder is not followed; move the folder into the content directory")
	return true
}
