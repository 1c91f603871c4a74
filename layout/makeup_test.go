package layout

import (
	"fmt"
	"github.com/fpc/bindery/internal/testutil"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// makeup is the page-level quality of one typeset edition, row by row as issue 13 measures it
// from the PDFs, computed here from the engine's own pages and lines.
type makeup struct {
	Spreads     int // facing pages inside a chapter that end on different baselines
	Short       int // pages inside a chapter more than a line short
	Lines       int // lines of text
	Hyphenated  int // of which end with an inserted hyphen
	Ladders     int // runs of 3 or more hyphenated lines
	RectoHyphen int // rectos whose last line ends with a hyphen (a word split across the leaf)
	Compound    int // hyphenated compounds broken inside one of their parts
	Suffix      int // a numeral or acronym left at a line end before its suffix (8-|март)
	Justified   int // justified lines
	Loose       int // of which have a mean word space wider than 0.6 of the type size
	Overfull    int // lines wider than their measure
	OffGrid     int // lines of body type on a chapter's pages whose baseline is off the line grid
}

// makeupRows names the rows of the table in the order of the issue, with the goal each must meet
// (at most goal; for the shares, a percentage of the lines). hyphenGoal is the share allowed to
// English, the others get 20%.
var makeupRows = []struct {
	name  string
	value func(m makeup) float64
	goal  func(lang string) float64
}{
	{"facing pages on different baselines", func(m makeup) float64 { return float64(m.Spreads) }, func(string) float64 { return 1 }},
	{"pages more than a line short", func(m makeup) float64 { return float64(m.Short) }, func(string) float64 { return 2 }},
	{"line ends hyphenated %", func(m makeup) float64 { return pct(m.Hyphenated, m.Lines) }, func(l string) float64 {
		if l == "en" {
			return 10
		}
		return 20
	}},
	{"ladders of 3+ hyphens", func(m makeup) float64 { return float64(m.Ladders) }, func(string) float64 { return 0 }},
	{"hyphen on a recto's last line", func(m makeup) float64 { return float64(m.RectoHyphen) }, func(string) float64 { return 0 }},
	{"compound broken inside a part", func(m makeup) float64 { return float64(m.Compound) }, func(string) float64 { return 0 }},
	{"numeral or acronym split from suffix", func(m makeup) float64 { return float64(m.Suffix) }, func(string) float64 { return 0 }},
	{"loose lines %", func(m makeup) float64 { return pct(m.Loose, m.Justified) }, func(string) float64 { return 3 }},
	{"overfull lines", func(m makeup) float64 { return float64(m.Overfull) }, func(string) float64 { return 0 }},
	{"body lines off the line grid", func(m makeup) float64 { return float64(m.OffGrid) }, func(string) float64 { return 0 }},
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return math.Round(1000*float64(a)/float64(b)) / 10
}

// textLine is a set line with the page it stands on and its words as printed.
type textLine struct {
	page  *Page
	ln    *line
	words []string
}

// measureMakeup computes the table's rows for a document.
func measureMakeup(d *Document) makeup {
	var m makeup
	m.Spreads, m.Short = spreadRows(d)
	m.OffGrid = offGrid(d)
	var tls []textLine
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if pe.e.ln != nil {
				tls = append(tls, textLine{page: p, ln: pe.e.ln, words: lineWords(pe.e.ln)})
			}
		}
	}
	run := 0
	for i, tl := range tls {
		m.Lines++
		if tl.ln.overfull {
			m.Overfull++
		}
		if tl.ln.justified && !tl.ln.last {
			m.Justified++
			if s, ok := lineSpace(tl.ln); ok && s > 0.6 {
				m.Loose++
			}
		}
		if !tl.ln.hyphenated {
			if run >= 3 {
				m.Ladders++
			}
			run = 0
		} else {
			run++
			m.Hyphenated++
		}
		if i+1 == len(tls) || len(tl.words) == 0 || len(tls[i+1].words) == 0 {
			continue
		}
		before, after := tl.words[len(tl.words)-1], tls[i+1].words[0]
		if tl.ln.hyphenated {
			if strings.ContainsAny(strings.TrimSuffix(before, "-")+after, "-‐") {
				m.Compound++
			}
		} else if suffixSplit(before, after) {
			m.Suffix++
		}
	}
	for _, p := range d.pages {
		if p.Number%2 == 1 && p.Kind == BodyPage {
			if ln := lastLine(p); ln != nil && ln.hyphenated {
				m.RectoHyphen++
			}
		}
	}
	return m
}

// suffixSplit reports whether a line ending in before and the next starting with after split a
// numeral or an acronym from the suffix its hyphen joins (8-|март, EPCA-|ны).
func suffixSplit(before, after string) bool {
	stem, ok := strings.CutSuffix(before, "-")
	if !ok || stem == "" {
		return false
	}
	if i := strings.LastIndexAny(stem, "-‐"); i >= 0 {
		stem = stem[i+1:]
	}
	stem = strings.TrimLeftFunc(stem, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	r, _ := utf8.DecodeRuneInString(after)
	if stem == "" || !unicode.IsLower(r) {
		return false
	}
	digits, upper := true, 0
	for _, c := range stem {
		if !unicode.IsDigit(c) && c != '%' {
			digits = false
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	return digits || (upper >= 2 && upper == utf8.RuneCountInString(stem))
}

// lineWords returns the words of a set line as printed, a hyphen at a break included: runs that
// touch belong to one word, a gap of more than a point separates words. Hung labels are left out.
func lineWords(ln *line) []string {
	var words []string
	var cur strings.Builder
	end := math.Inf(-1)
	for _, r := range ln.runs {
		if r.x < 0 || r.g == nil {
			continue
		}
		if r.x-end > 1 && cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
		cur.WriteString(r.g.text)
		end = r.x + r.g.width
	}
	if cur.Len() > 0 {
		words = append(words, cur.String())
	}
	return words
}

// lineSpace returns the mean word space of a line as a fraction of its type size.
func lineSpace(ln *line) (float64, bool) {
	v := lineWordSpace(ln) // 0 only for a line without a word space
	return v, v > 0
}

// lastLine returns the last set line of a page.
func lastLine(p *Page) *line {
	for i := len(p.elems) - 1; i >= 0; i-- {
		if ln := p.elems[i].e.ln; ln != nil {
			return ln
		}
	}
	return nil
}

// lastBaseline returns the depth of a page's last baseline below the top of the text block.
func lastBaseline(p *Page) (float64, bool) {
	for i := len(p.elems) - 1; i >= 0; i-- {
		if pe := p.elems[i]; pe.e.ln != nil {
			return pe.y + pe.e.base, true
		}
	}
	return 0, false
}

// spreadRows counts, over the pages of the chapters that are not a chapter's last, the facing
// pages that end on different baselines and the pages more than a line short of the full page.
func spreadRows(d *Document) (spreads, short int) {
	sp, sh := spreadPages(d)
	return len(sp), len(sh)
}

// spreadPages lists the versos of the spreads spreadRows counts and the short pages.
func spreadPages(d *Document) (spreads, short []int) {
	inside := map[int]bool{} // page numbers inside a chapter, not its last
	for i, p := range d.pages {
		last := i+1 == len(d.pages) || d.pages[i+1].Kind == OpenerPage || d.pages[i+1].Kind == BlankPage
		if p.ChapterID != "" && (p.Kind == BodyPage || p.Kind == OpenerPage) && !last {
			inside[p.Number] = true
		}
	}
	full := float64(d.g.lines-1)*d.g.leading + d.g.leading/2 + d.g.size*0.32
	for _, p := range d.pages {
		if !inside[p.Number] {
			continue
		}
		b, ok := lastBaseline(p)
		if ok && b < full-d.g.leading-0.5 {
			short = append(short, p.Number)
		}
		if p.Number%2 == 0 && inside[p.Number+1] {
			b2, ok2 := lastBaseline(d.pages[p.Number])
			if ok && ok2 && math.Abs(b-b2) > 0.5 {
				spreads = append(spreads, p.Number)
			}
		}
	}
	return spreads, short
}

// offGrid counts the lines of body type (the body's size and leading, not a heading) on the
// pages of the chapters whose baseline does not stand on the page's line grid.
func offGrid(d *Document) int {
	n := 0
	for _, p := range d.pages {
		if p.ChapterID == "" || p.Kind != BodyPage && p.Kind != OpenerPage {
			continue
		}
		for _, pe := range p.elems {
			ln := pe.e.ln
			if ln == nil || ln.art != nil || pe.e.h != d.g.leading || ln.tag != nil && strings.HasPrefix(ln.tag.Role, "H") {
				continue
			}
			if r := math.Mod(pe.y, d.g.leading); math.Min(r, d.g.leading-r) > 0.01 {
				if os.Getenv("MAKEUP_DEBUG") != "" {
					fmt.Printf("%s off grid p.%d y=%.2f %q\n", d.ed.Name(), p.Number, pe.y, strings.Join(lineWords(ln), " "))
				}
				n++
			}
		}
	}
	return n
}

// makeupFile records the table per edition at A5; the test fails when a row gets worse than
// recorded, and -update records the new state.
var makeupFile = filepath.Join("testdata", "makeup-a5.txt")

// metGoals are the rows whose goal every edition must meet (the others must not get worse).
var metGoals = map[string]bool{
	"pages more than a line short":         true,
	"line ends hyphenated %":               true,
	"ladders of 3+ hyphens":                true,
	"hyphen on a recto's last line":        true,
	"compound broken inside a part":        true,
	"numeral or acronym split from suffix": true,
	"loose lines %":                        true,
	"overfull lines":                       true,
}

// TestMakeup measures the page make-up of every edition of the corpus at A5, row by row as
// issue 13's table, and checks each row against the recorded state and the rows that have
// reached their goal against the goal.
func TestMakeup(t *testing.T) {
	t.Parallel()
	eds := contentEditions(t)
	if len(eds) == 0 {
		t.Skip("no content editions")
	}
	var names []string
	values := map[string][]float64{}
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-40s", "A5")
	for _, ed := range eds {
		d := typeset(t, ed, Options{Paper: "a5"})
		m := measureMakeup(d)
		sp, sh := spreadPages(d)
		t.Logf("%s: spreads ending apart (versos) %v, short pages %v", ed.Name(), sp, sh)
		names = append(names, ed.Name())
		fmt.Fprintf(&sb, " %14s", ed.Name())
		for _, r := range makeupRows {
			v := r.value(m)
			values[r.name] = append(values[r.name], v)
			if metGoals[r.name] && v > r.goal(ed.Lang) {
				t.Errorf("%s: %s is %g, goal at most %g", ed.Name(), r.name, v, r.goal(ed.Lang))
			}
		}
	}
	sb.WriteString("\n")
	for _, r := range makeupRows {
		fmt.Fprintf(&sb, "%-40s", r.name)
		for _, v := range values[r.name] {
			fmt.Fprintf(&sb, " %14g", v)
		}
		sb.WriteString("\n")
	}
	got := sb.String()
	t.Logf("page make-up at A5:\n%s", got)
	if testutil.Update() {
		if err := os.WriteFile(makeupFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(makeupFile)
	if err != nil {
		t.Fatalf("%v (run go test -run Makeup -update to record it)", err)
	}
	checkNotWorse(t, string(want), names, values)
}

// checkNotWorse compares the measured rows with the recorded table, edition by edition.
func checkNotWorse(t *testing.T, recorded string, names []string, values map[string][]float64) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(recorded), "\n")
	if len(lines) == 0 {
		t.Fatalf("%s is empty", makeupFile)
	}
	cols := strings.Fields(lines[0])[1:]
	for _, l := range lines[1:] {
		name := strings.TrimSpace(l[:min(40, len(l))])
		fields := strings.Fields(l[min(40, len(l)):])
		for i, col := range cols {
			j := indexOf(names, col)
			if j < 0 || i >= len(fields) || values[name] == nil {
				continue
			}
			var was float64
			fmt.Sscan(fields[i], &was)
			if now := values[name][j]; now > was+1e-9 {
				t.Errorf("%s: %s got worse: %g, recorded %g", col, name, now, was)
			}
		}
	}
}

func indexOf(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return -1
}
