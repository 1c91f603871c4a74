package layout

import (
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/fpc/bindery/book"
)

// TestNoOverfull checks, from the engine's own line data, that no line and no glyph run
// leaves the text block, in every edition at every trim size and with both note placements.
func TestNoOverfull(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		t.Run(ed.Name(), func(t *testing.T) {
			t.Parallel()
			for _, paper := range book.Papers() {
				for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
					checkInside(t, typeset(t, ed, Options{Paper: paper, Notes: notes}))
				}
			}
		})
	}
}

func checkInside(t *testing.T, d *Document) {
	t.Helper()
	for _, l := range d.Lines() {
		if l.Overfull || l.Set > l.Measure+l.Protrude+0.01 {
			t.Errorf("%s %s p.%d: overfull line %.2fpt > %.2fpt", d.ed.Name(), d.g.paper, l.Page, l.Set, l.Measure)
		}
	}
	for _, p := range d.pages {
		for _, pe := range p.elems {
			if pe.y+pe.e.h > d.g.textH+d.g.leading+0.01 { // a spread may run a line long
				t.Errorf("%s %s p.%d: element below the text block (%.1f > %.1f)", d.ed.Name(), d.g.paper, p.Number, pe.y+pe.e.h, d.g.textH)
			}
			if pe.e.ln == nil {
				continue
			}
			for _, r := range pe.e.ln.runs {
				x0 := pe.e.ln.indent + r.x
				// Only the last glyph may hang into the margin, by its protrusion.
				if x0 < -0.01 || x0+r.g.width > d.g.textW+pe.e.ln.protrude+0.01 {
					t.Errorf("%s %s p.%d: %q set at %.2f–%.2f outside 0–%.2f", d.ed.Name(), d.g.paper, p.Number, r.g.text, x0, x0+r.g.width, d.g.textW)
				}
			}
		}
	}
}

// TestValidators runs pdffonts, qpdf and pdftotext over every edition's PDF: all fonts
// embedded, a sound file, and every letter of the source in the extracted text.
func TestValidators(t *testing.T) {
	t.Parallel()
	pdffonts, qpdf := needTool(t, "pdffonts"), needTool(t, "qpdf")
	for _, ed := range corpus(t) {
		_, path := writePDF(t, ed, Options{})
		out, err := exec.Command(pdffonts, path).CombinedOutput()
		if err != nil {
			t.Fatalf("pdffonts %s: %v\n%s", path, err, out)
		}
		fontLines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		if len(fontLines) == 0 {
			t.Errorf("%s: pdffonts lists no fonts", ed.Name())
		}
		for _, l := range fontLines {
			if f := strings.Fields(l); len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
				t.Errorf("%s: font not embedded as a subset: %s", ed.Name(), l)
			}
		}
		if out, err := exec.Command(qpdf, "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check %s: %v\n%s", ed.Name(), err, out)
		}
		got := letters(pdfText(t, path, "-raw")) // the extraction the tagged tests read too
		for r := range letters(sourceText(ed)) {
			if !got[r] {
				t.Errorf("%s: letter %q of the source is missing from the PDF's text", ed.Name(), r)
			}
		}
	}
}

// letters returns the set of letters in s.
func letters(s string) map[rune]bool {
	set := map[rune]bool{}
	for _, r := range s {
		if unicode.IsLetter(r) {
			set[r] = true
		}
	}
	return set
}

// sourceText concatenates every string of an edition's chapters and notes.
func sourceText(ed *book.Edition) string {
	var sb strings.Builder
	var blocks func([]book.Block)
	blocks = func(bs []book.Block) {
		for _, b := range bs {
			sb.WriteString(book.PlainText(b.Inlines) + book.PlainText(b.Title) + book.PlainText(b.Byline) + " ")
			blocks(b.Children)
			for _, it := range b.Items {
				blocks(it)
			}
		}
	}
	for _, ch := range ed.Chapters {
		sb.WriteString(ch.Title + " " + ch.Author + " ")
		blocks(ch.Blocks)
		for _, n := range ch.Notes {
			blocks(n.Blocks)
		}
	}
	return sb.String()
}

var (
	lineRE = regexp.MustCompile(`(?s)<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</line>`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)
	pageRE = regexp.MustCompile(`<page width`)
)

// pdfWord is a word's box as pdftotext sees it.
type pdfWord struct{ x0, y0, x1, y1 float64 }

// wordSpaces measures, from the PDF, the mean word space of every line that is set full
// measure, as a fraction of the type size. A superscript note number joins the word before it.
func wordSpaces(t *testing.T, d *Document, path string) []float64 {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdftotext"), "-bbox-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox-layout: %v", err)
	}
	pages := pageRE.Split(string(out), -1)[1:]
	var spaces []float64
	off := d.opts.Bleed * mm
	for i, pg := range pages {
		right := off + d.g.left(i+1) + d.g.textW
		for _, m := range lineRE.FindAllStringSubmatch(pg, -1) {
			x1, _ := strconv.ParseFloat(m[2], 64)
			if right-x1 > 0.5 || x1 > right+0.5 {
				continue
			}
			if s, ok := meanSpace(words(m[3])); ok {
				spaces = append(spaces, s/d.g.size)
			}
		}
	}
	return spaces
}

func words(line string) []pdfWord {
	var ws []pdfWord
	for _, m := range wordRE.FindAllStringSubmatch(line, -1) {
		var w pdfWord
		w.x0, _ = strconv.ParseFloat(m[1], 64)
		w.y0, _ = strconv.ParseFloat(m[2], 64)
		w.x1, _ = strconv.ParseFloat(m[3], 64)
		w.y1, _ = strconv.ParseFloat(m[4], 64)
		if n := len(ws); n > 0 && (w.y1-w.y0) < 0.8*(ws[n-1].y1-ws[n-1].y0) && w.x0-ws[n-1].x1 < 1 {
			ws[n-1].x1 = w.x1 // a note reference
			continue
		}
		ws = append(ws, w)
	}
	return ws
}

func meanSpace(ws []pdfWord) (float64, bool) {
	if len(ws) < 2 {
		return 0, false
	}
	sum := 0.0
	for i := 1; i < len(ws); i++ {
		sum += ws[i].x0 - ws[i-1].x1
	}
	return sum / float64(len(ws)-1), true
}

// TestWordSpacing is the river check: at most 3% of full-measure lines may have a mean word
// space wider than 0.6 of the type size. It logs the distribution for every edition.
func TestWordSpacing(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		d, path := writePDF(t, ed, Options{})
		sp := wordSpaces(t, d, path)
		if len(sp) == 0 {
			t.Errorf("%s: no justified lines found in the PDF", ed.Name())
			continue
		}
		sort.Float64s(sp)
		wide := sort.SearchFloat64s(sp, 0.6)
		frac := float64(len(sp)-wide) / float64(len(sp))
		n := len(sp)
		t.Logf("%s: %d justified lines, mean word space/size median %.2f p90 %.2f p97 %.2f max %.2f; wider than 0.6: %.1f%%",
			ed.Name(), n, sp[n/2], sp[n*9/10], sp[n*97/100], sp[n-1], 100*frac)
		if n >= 30 && frac > 0.03 {
			t.Errorf("%s: %.1f%% of justified lines have word spaces wider than 0.6 of the type size (max 3%%)", ed.Name(), 100*frac)
		}
	}
}
