package layout

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/testutil"
)

// firstBaseline returns the baseline and type size of a page's first line.
func firstBaseline(p *Page) (base, size float64, ok bool) {
	for _, pe := range p.elems {
		if ln := pe.e.ln; ln != nil {
			for _, r := range ln.runs {
				if r.g != nil {
					size = r.g.size
					break
				}
			}
			return pe.y + pe.e.base, size, true
		}
	}
	return 0, 0, false
}

// TestContentsSink checks that the contents heading is sunk like the chapter openers: its
// first baseline stands as deep on its page as every chapter title's, in the same size.
func TestContentsSink(t *testing.T) {
	for _, ed := range corpus(t) {
		for _, paper := range []book.Paper{book.PaperA5, book.PaperA4} {
			d := typeset(t, ed, Options{Paper: paper})
			var toc *Page
			var openers []*Page
			for _, p := range d.pages {
				if p.Kind != OpenerPage {
					continue
				}
				if p.ChapterID == "" && toc == nil {
					toc = p
				} else if p.ChapterID != "" {
					openers = append(openers, p)
				}
			}
			if toc == nil || len(openers) == 0 {
				t.Fatalf("%s %s: no contents page or no chapter opener", ed.Name(), paper)
			}
			tb, ts, _ := firstBaseline(toc)
			if !isContents(d, toc) {
				t.Errorf("%s %s: p.%d, the contents' opener, does not start with %q", ed.Name(), paper, toc.Number, d.ui.Contents)
			}
			for _, p := range openers {
				b, s, ok := firstBaseline(p)
				if !ok || math.Abs(b-tb) > 0.01 || s != ts {
					t.Errorf("%s %s: chapter opener p.%d has its title at %.2f pt in %g pt, the contents' at %.2f pt in %g pt",
						ed.Name(), paper, p.Number, b, s, tb, ts)
				}
			}
		}
	}
}

// TestNotesPages checks, in both note placements, that every recto that starts in the notes
// is headed with the edition's own word for Notes, and that the contents list each chapter's
// notes when they follow the chapter (and the notes section when they are gathered).
func TestNotesPages(t *testing.T) {
	for _, ed := range contentEditions(t) {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			d := typeset(t, ed, Options{Notes: notes})
			word := d.ui.Notes
			if en, _ := book.UI("en"); ed.Lang != "en" && word == en.Notes {
				t.Errorf("%s: the notes are not named in %s", ed.Name(), ed.Lang)
			}
			inNotes := 0
			for _, p := range d.pages {
				if p.Kind == BodyPage && p.Number%2 == 1 && startsInNotes(p.elems) {
					inNotes++
					if p.Head != word {
						t.Errorf("%s notes=%d: p.%d starts in the notes but is headed %q", ed.Name(), notes, p.Number, p.Head)
					}
				}
			}
			withNotes := 0
			for _, ch := range ed.Chapters {
				if len(ch.Notes) > 0 {
					withNotes++
				}
			}
			if notesPages(d) >= 4 && inNotes == 0 {
				t.Errorf("%s notes=%d: no recto starts in the notes", ed.Name(), notes)
			}
			want := withNotes
			if notes == NotesAtEnd && withNotes > 0 {
				want = 1
			}
			if got := contentsLines(d, word); got != want {
				t.Errorf("%s notes=%d: the contents list %q %d times, want %d", ed.Name(), notes, word, got, want)
			}
		}
	}
}

// notesPages counts the pages that hold notes.
func notesPages(d *Document) int {
	n := 0
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if pe.e.notes && pe.e.ln != nil {
				n++
				break
			}
		}
	}
	return n
}

// contentsLines counts the lines of the contents pages that begin with s.
func contentsLines(d *Document, s string) int {
	n, in := 0, false
	for _, p := range d.pages {
		if p.Kind == OpenerPage {
			in = isContents(d, p)
		}
		if !in || p.Kind == BlankPage {
			continue
		}
		for _, pe := range p.elems {
			if pe.e.ln != nil && pe.e.mark == nil && strings.HasPrefix(lineText(pe.e.ln), s) {
				n++
			}
		}
	}
	return n
}

// isContents reports whether a page is the contents' opener: its first line is the heading.
func isContents(d *Document, p *Page) bool {
	for _, pe := range p.elems {
		if pe.e.ln != nil {
			return p.ChapterID == "" && strings.Contains(lineText(pe.e.ln), d.ui.Contents)
		}
	}
	return false
}

// measureOf returns the mean number of characters (spaces included) of the full lines of
// body text of a document: the justified lines on the grid that do not end a paragraph.
func measureOf(d *Document) float64 {
	chars, lines := 0, 0
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if ln := pe.e.ln; ln != nil && pe.e.grid && ln.justified && !ln.last {
				chars += utf8.RuneCountInString(strings.Join(lineWords(ln), " "))
				lines++
			}
		}
	}
	if lines == 0 {
		return 0
	}
	return float64(chars) / float64(lines)
}

// TestMeasure checks that the body text keeps a measure of 55 to 75 characters a line at every
// trim, in English and in Russian (the wide A4 and letter pages take wide outer margins).
func TestMeasure(t *testing.T) {
	for _, ed := range contentEditions(t) {
		if ed.Name() != "kazakhstan-en" && ed.Name() != "tajikistan-ru" {
			continue
		}
		for _, paper := range []book.Paper{book.PaperA5, book.PaperB5, book.PaperRoyal, book.Paper6x9, book.PaperA4, book.PaperLetter} {
			m := measureOf(typeset(t, ed, Options{Paper: paper}))
			t.Logf("%s %s: %.1f characters a line", ed.Name(), paper, m)
			if m < 55 || m > 75 {
				t.Errorf("%s %s: %.1f characters a line, want 55 to 75", ed.Name(), paper, m)
			}
		}
	}
}

// otherTrims are the trims besides A5 whose make-up TestMakeupTrims records.
var otherTrims = []book.Paper{book.PaperB5, book.PaperRoyal, book.Paper6x9, book.PaperA4, book.PaperLetter}

// TestMakeupTrims measures the table's rows at the other trims, every edition, and checks that
// no row gets worse than testdata/makeup-trims.txt records (-update records the new state).
func TestMakeupTrims(t *testing.T) {
	eds := contentEditions(t)
	if len(eds) == 0 {
		t.Skip("no content editions")
	}
	tables := make([]string, len(otherTrims))
	var wg sync.WaitGroup
	for k, paper := range otherTrims {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tables[k] = makeupTable(t, eds, paper)
		}()
	}
	wg.Wait()
	got := strings.Join(tables, "\n")
	t.Logf("page make-up at the other trims:\n%s", got)
	file := filepath.Join("testdata", "makeup-trims.txt")
	if testutil.Update() {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -run MakeupTrims -update to record it)", err)
	}
	wantT, gotT := strings.Split(string(want), "\n\n"), strings.Split(got, "\n\n")
	if len(wantT) != len(gotT) {
		t.Fatalf("%s has %d tables, want %d", file, len(wantT), len(gotT))
	}
	for k := range gotT {
		names, values := parseTable(gotT[k])
		checkNotWorse(t, wantT[k], names, values)
	}
}

// makeupTable measures the editions at one trim and formats the table as TestMakeup does.
func makeupTable(t *testing.T, eds []*book.Edition, paper book.Paper) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-40s", paper)
	var ms []makeup
	for _, ed := range eds {
		d, err := cachedTypeset(ed, Options{Paper: paper})
		if err != nil {
			t.Error(err)
			return ""
		}
		ms = append(ms, measureMakeup(d))
		fmt.Fprintf(&sb, " %14s", ed.Name())
	}
	sb.WriteString("\n")
	for _, r := range makeupRows {
		fmt.Fprintf(&sb, "%-40s", r.name)
		for _, m := range ms {
			fmt.Fprintf(&sb, " %14g", r.value(m))
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// parseTable reads a table makeupTable wrote back into edition names and row values.
func parseTable(s string) ([]string, map[string][]float64) {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	names := strings.Fields(lines[0])[1:]
	values := map[string][]float64{}
	for _, l := range lines[1:] {
		name := strings.TrimSpace(l[:min(40, len(l))])
		for _, f := range strings.Fields(l[min(40, len(l)):]) {
			var v float64
			fmt.Sscan(f, &v)
			values[name] = append(values[name], v)
		}
	}
	return names, values
}
