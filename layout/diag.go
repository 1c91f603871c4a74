package layout

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
)

// The layout reports what it could not set well as warnings at the place of the manuscript
// the text comes from: a word wider than the line, at the word's own line and column, when a
// line of the final pages breaks it between letters without a hyphen (the layout sets some
// paragraphs again in trials, whose lines are not printed); at the first word of the line, a
// paragraph the line breaker could set only in its emergency pass (its loose line) and a line
// that sticks out of the measure; at the paragraph's first run, text nested so deep that its
// measure is under minMeasure of the text block.

// minMeasure is the narrowest share of the text block that nested text may be set in
// without a warning.
const minMeasure = 0.45

// maxBadness is the badness above which a loose line is reported, TeX's \hbadness.
const maxBadness = 1000

// reporter collects the layout's diagnostics of one document, each once.
type reporter struct {
	ds   book.Diagnostics
	seen map[string]bool
}

// warn records a warning at pos, unless the same one was recorded already (the layout sets
// some text twice, such as the contents, or again for a better page break).
func (r *reporter) warn(pos book.Pos, format string, args ...any) {
	if r == nil || pos.File == "" {
		return
	}
	d := book.Diagnostic{Pos: pos, Severity: book.Warning, Message: "PDF: " + fmt.Sprintf(format, args...)}
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	if k := d.String(); !r.seen[k] {
		r.seen[k] = true
		r.ds = append(r.ds, d)
	}
}

// Diagnostics returns the warnings of the layout, sorted by place.
func (d *Document) Diagnostics() book.Diagnostics {
	if d.rep == nil {
		return nil
	}
	ds := slices.Clone(d.rep.ds)
	ds.Sort()
	return ds
}

// firstPos returns the position of the first inline of a run that has one.
func firstPos(in []book.Inline) book.Pos {
	for _, x := range in {
		if x.Pos.File != "" {
			return x.Pos
		}
		if p := firstPos(x.Children); p.File != "" {
			return p
		}
	}
	return book.Pos{}
}

// paraCheck is what the warnings of a paragraph need besides its final lines.
type paraCheck struct {
	pos       book.Pos // the paragraph's first place
	emergency bool     // only the line breaker's emergency pass could set it
	tooDeep   bool     // its measure is under minMeasure of the text block
	anchors   []anchor // the places of its words, for the warnings about one line
}

// linePos returns the manuscript place of a line's first word, or the paragraph's first
// place when it is not known.
func (c *paraCheck) linePos(ln *line) book.Pos {
	b := paraBuilder{anchors: c.anchors}
	if p := b.wordPos(ln.at); p.File != "" {
		return p
	}
	return c.pos
}

// checkParagraph reports the problems of a paragraph from its lines on the final pages.
func (r *reporter) checkParagraph(ref *paraRef, lines []*line) {
	c := ref.check
	if c == nil {
		return
	}
	if c.tooDeep {
		r.warn(c.pos, "text nested too deep: its lines are %.0f mm wide, under %.0f%% of the text block; the layout sets nesting only so deep", ref.width/mm, 100*minMeasure)
	}
	for _, ln := range lines {
		if ln.overfull {
			r.warn(c.linePos(ln), "a line sticks out of the measure by %.1f pt: %q", ln.set-ln.measure, lineStart(ln))
			return
		}
	}
	if !c.emergency || ref.ps.align != justify {
		return // ragged lines are never loose
	}
	for _, ln := range lines {
		if b := badness(ln.ratio); b > maxBadness && !ln.last {
			r.warn(c.linePos(ln), "the paragraph could be set only with the line breaker's emergency pass: this line has badness %.0f, its spaces stretched %.1f times (%q)", b, ln.ratio, lineStart(ln))
			return
		}
	}
}

// lineStart returns the first characters of a line's text, for messages.
func lineStart(ln *line) string {
	s, end := "", 0.0
	for _, r := range ln.runs {
		if r.g != nil {
			if s != "" && r.x > end+0.5 {
				s += " "
			}
			s += r.g.text
			end = r.x + r.g.width
		}
		if utf8.RuneCountInString(s) > 40 {
			break
		}
	}
	if rs := []rune(s); len(rs) > 40 {
		s = string(rs[:40]) + "…"
	}
	return s
}

// wideWord is a word too wide for the line, which the line breaker may break between letters,
// with its manuscript place.
type wideWord struct {
	word string
	pos  book.Pos
}

// anchor is the manuscript place of the paragraph's text from character at.
type anchor struct {
	at  int
	pos book.Pos
}

// anchor records the places of an inline's words, or of the inline, before it is set.
func (b *paraBuilder) anchor(x book.Inline) {
	if b.rep == nil {
		return
	}
	if len(x.Marks) == 0 {
		if x.Pos.File != "" {
			b.anchors = append(b.anchors, anchor{at: b.pos, pos: x.Pos})
		}
		return
	}
	at, n := 0, 0 // characters in x.Text[:at], counted on from the last mark (marks ascend)
	for _, m := range x.Marks {
		if m.At < at {
			at, n = 0, 0
		}
		n += utf8.RuneCountInString(x.Text[at:m.At])
		at = m.At
		b.anchors = append(b.anchors, anchor{at: b.pos + n, pos: m.Pos})
	}
}

// wordPos returns the manuscript place of the paragraph's character at: the last anchor
// before it, moved along its line.
func (b *paraBuilder) wordPos(at int) book.Pos {
	for i := len(b.anchors) - 1; i >= 0; i-- {
		if a := b.anchors[i]; a.at <= at {
			if a.pos.Col > 0 {
				a.pos.Col += at - a.at
			}
			return a.pos
		}
	}
	return book.Pos{}
}

// betweenLetters reports whether a break after the box is inside the word, not after its
// own hyphen or dash.
func betweenLetters(it item) bool {
	if it.kind != boxItem || it.ink == nil {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(it.ink.text)
	return !strings.ContainsRune("-‐‑–—/", r)
}

// checkPages reports the too-wide words that the final pages break between letters: the
// layout sets paragraphs in trials too, and only the lines it keeps count; then the
// problems of each paragraph those lines come from.
func (d *Document) checkPages() {
	var order []*paraRef
	lines := map[*paraRef][]*line{}
	for _, p := range d.pages {
		for _, pe := range p.elems {
			ln := pe.e.ln
			if ln == nil {
				continue
			}
			for _, l := range pe.e.lines() { // a table's cells too
				if l.wide != nil {
					d.rep.reportWide(l.wide)
				}
			}
			if r := pe.e.para; r != nil {
				if _, ok := lines[r]; !ok {
					order = append(order, r)
				}
				lines[r] = append(lines[r], ln)
			}
		}
	}
	for _, ref := range order {
		d.rep.checkParagraph(ref, lines[ref])
	}
}

// reportWide reports a word too wide for the line, which is broken between letters.
func (r *reporter) reportWide(w *wideWord) {
	short := w.word
	if rs := []rune(short); len(rs) > 24 {
		short = string(rs[:24]) + "…"
	}
	r.warn(w.pos, "the word %q (%d characters) is wider than the line: it is broken between letters, without a hyphen", short, utf8.RuneCountInString(w.word))
}
