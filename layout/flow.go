package layout

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/layout/pdfdraw"
)

// elem is one item of a page's vertical list: a set line or a vertical space.
type elem struct {
	h       float64 // vertical advance
	base    float64 // baseline below the element's top (lines only)
	ln      *line   // nil for a space
	keep    bool    // no page break directly before this element
	grid    bool    // a line of body text, which stands on the page's line grid
	brk     bool    // a page break directly before this element (a floated box's start)
	discard bool    // a space that vanishes at the top or bottom of a page
	panel   int     // the sidebar panel the element belongs to, 0 for none
	anchors []string
	mark    *outlineMark
	notes   bool     // part of a chapter's notes
	para    *paraRef // the paragraph a line belongs to
	idx     int      // the line's index in it
}

// outlineMark is a bookmark that starts at an element.
type outlineMark struct {
	title string
	level int
}

// alignment is how a paragraph's lines sit in the measure.
type alignment uint8

// The alignments paragraphs use.
const (
	justify alignment = iota
	raggedRight
	centred
)

// paraSpec says how to set one paragraph.
type paraSpec struct {
	font          fontID
	size, leading float64
	left, right   float64 // indents from the text block's edges
	first         float64 // extra indent of the first line
	align         alignment
	hyphenate     bool
	alert         bool    // set in the alert colour (placeholders in drafts)
	label         *glyphs // a list bullet or note number hung left of the first line
}

// flow collects the vertical list of one stretch of text (a chapter, the notes, the contents).
type flow struct {
	rep       *reporter // the document's warnings
	m         *metrics
	hy        Hyphenator
	lang      string // the edition's language
	g         geometry
	ch        *book.Chapter
	elems     []*elem
	panel     int
	panels    *int // counter shared by the flows of one document
	keepNext  bool // the next element stays with the previous (after a heading)
	pending   []string
	mark      *outlineMark
	missing   string              // the placeholder text of a missing note
	sectionOf map[*book.Block]int // the chapter's outline sections, by heading, for the contents' links
	// anchorBlocks, when set to a chapter id, makes the next blocks call give each of its
	// blocks the identifier the EPUB puts before it (book.Chapter.BlockID).
	anchorBlocks string
	// leaf is the address of the text block being set, given to its lines (see textAddr).
	leaf    string
	inNotes bool // the elements added are notes (their pages are headed Notes)
	// onGrid makes the lines of body type stand on the line grid (a chapter's pages): the
	// space above a heading makes it a whole number of lines, and pagination moves every
	// body line down to the grid (see grid.top).
	onGrid bool
	// node is the structure node new text blocks go into; role is the structure type of the
	// next text block ("" for P); lbl the node of the next label (a list item's or note's).
	node *pdfdraw.Node
	role string
	lbl  *pdfdraw.Node
	// memo, when set, has the chapter's paragraphs set by helpers too (see prefetch.go).
	memo *paraMemo
	// reach, when set, is told of each unit of the chapter the flow comes to, a top-level
	// block or a note (see ahead.go); the flow stops there when it returns false.
	reach func(u int) bool
}

// textAddr is the address of a block of a chapter's text, shared with the EPUB so that a
// printed page's start can be marked there: a top-level block is Chapter.BlockID(i);
// the blocks inside a box, quote, list item or note are the container's address, ".", and
// their index (a list adds the item's index first: "ch01-b4.2.0"); a box's title and byline
// are ".title" and ".byline". Headings without a block have the identifier the EPUB gives
// their place: the chapter ("ch01"), its notes section ("ch01-notes"), the gathered notes
// ("notes"), and the generated pages "titlepage", "imprint" and "contents".
func textAddr(scope string, ch *book.Chapter, i int) string {
	if scope == "" && ch != nil {
		return ch.BlockID(i)
	}
	return scope + "." + strconv.Itoa(i)
}

// add appends an element, attaching pending anchors and bookmarks to the first line.
func (f *flow) add(e *elem) {
	e.panel = f.panel
	e.notes = f.inNotes
	if f.keepNext {
		e.keep = true
	}
	if e.ln != nil {
		f.keepNext = false
		if len(f.pending) > 0 {
			e.anchors = append(e.anchors, f.pending...)
			f.pending = nil
		}
		if f.mark != nil {
			e.mark, f.mark = f.mark, nil
		}
	}
	f.elems = append(f.elems, e)
}

// space adds vertical space; it may be dropped at a page break unless keep is set.
func (f *flow) space(h float64, keep bool) {
	if h <= 0 {
		return
	}
	f.add(&elem{h: h, discard: !keep, keep: keep})
}

// paragraph breaks inlines into lines and adds them, marking where the page may not break:
// never after the first line or before the last (no orphans, no widows).
func (f *flow) paragraph(in []book.Inline, ps paraSpec) []line {
	width := f.g.textW - ps.left - ps.right
	bp := breakParams{
		measure: width, tolerance: 400, linePenalty: 10,
		flaggedDemerits: 300000, fitnessDemerits: 10000, finalHyphen: 50000,
	}
	if ps.align != justify {
		bp.ragged = 2.5 * ps.size
	} else {
		bp.expand, bp.m = true, f.m
	}
	set := f.setParagraph(in, ps, bp)
	items, lines, emergency := set.items, set.lines, set.emergency
	ref := &paraRef{items: items, wides: set.wides, bp: bp, ps: ps, width: width, src: f.leaf, tag: f.block(f.role), lbl: f.lbl,
		emergency: emergency}
	if f.rep != nil {
		ref.check = &paraCheck{pos: firstPos(in), emergency: emergency, tooDeep: width < minMeasure*f.g.textW,
			anchors: set.anchors}
	}
	f.role, f.lbl = "", nil
	ref.finish(lines)
	n := len(lines)
	onGrid := f.onGrid && ps.leading == f.g.leading && ps.size == f.g.size
	for i := range lines {
		e := &elem{h: ps.leading, base: baseline(ps), ln: &lines[i], keep: i > 0 && (i < 2 || i > n-2),
			para: ref, idx: i, grid: onGrid}
		ref.elems = append(ref.elems, e)
		f.add(e)
	}
	return lines
}

// setParagraph builds a paragraph's items, breaks them and sets the lines, or takes all that
// from the chapter's memo when it has one (see prefetch.go).
func (f *flow) setParagraph(in []book.Inline, ps paraSpec, bp breakParams) paraSet {
	set := func() paraSet {
		pi := f.itemsWithPlaces(in, ps)
		breaks, emergency := breakLinesPass(pi.items, bp)
		return paraSet{items: pi.items, anchors: pi.anchors, wides: pi.wides, breaks: breaks, emergency: emergency,
			lines: setLines(pi.items, pi.wides, breaks, bp)}
	}
	if f.memo == nil || len(in) == 0 {
		return set()
	}
	k := paraKey{first: &in[0], n: len(in), ps: ps}
	k.ps.label = nil
	s := f.memo.get(k, set)
	s.lines = cloneLines(s.lines)
	return s
}

// paraRef keeps what a paragraph's lines were made from, so that pagination can have the
// paragraph broken again (see avoidHyphen).
type paraRef struct {
	items []item
	wides []*wideWord // the too-wide words the items name (item.wide)
	bp    breakParams
	ps    paraSpec
	width float64
	src   string
	elems []*elem
	tag   *pdfdraw.Node // the paragraph's structure node
	lbl   *pdfdraw.Node // its label's, nil when it has none or the label is the paragraph's
	check *paraCheck    // what the paragraph's warnings need; nil for none
	// emergency is set when the paragraph could be set only with the emergency pass.
	emergency bool
	// relengths keeps relength's breaks by delta (nil: it cannot be done), computed once.
	relengths map[int][]int
}

// finish places set lines in the paragraph's indents, with its label.
func (r *paraRef) finish(lines []line) {
	for i := range lines {
		ln := &lines[i]
		ln.src = r.src
		ln.tag = r.tag
		ln.indent = r.ps.left
		if r.ps.align == centred {
			ln.indent += (r.width - ln.set) / 2
		}
		if i == 0 && r.ps.label != nil {
			ln.runs = append(ln.runs, placed{x: -r.ps.label.width - 0.4*r.ps.size, g: r.ps.label, tag: r.lbl})
		}
	}
}

// avoidHyphen breaks the paragraph again so that its line idx does not end with a hyphen
// (inserted or the word's own), in the same number of lines, so the pages stay as they are; it
// returns "" when it could, else why not. Where only the emergency pass could, and the
// paragraph did not need it, it sets the paragraph as loose as maxVersoRatio allows (a hyphen
// on a verso's last line, where the eye goes across the spread), or maxLeafRatio when leaf is
// set (the line ends a recto: the word would be split across the turn of the leaf), without
// the emergency pass's other freedoms (a proper name hyphenated, a no-break space broken); a
// recto takes the emergency setting after all when no line of it is looser than maxLeafRatio.
func (r *paraRef) avoidHyphen(idx int, leaf bool) string {
	lines, why := r.rebreak(idx, leaf)
	if why != "" {
		return why
	}
	r.finish(lines)
	for i, e := range r.elems {
		e.ln = &lines[i]
	}
	return ""
}

// rebreak sets the paragraph's lines again as avoidHyphen describes, without changing it.
func (r *paraRef) rebreak(idx int, leaf bool) ([]line, string) {
	if r.items == nil { // its pages were final: the items are gone (dropItems)
		return nil, "its pages were final"
	}
	bp := r.bp
	bp.avoid, bp.lines = idx+1, len(r.elems)
	brks, emergency := breakLinesPass(r.items, bp)
	limit := maxVersoRatio
	if leaf {
		limit = maxLeafRatio
	}
	if emergency && !r.emergency {
		loose := bp
		loose.tolerance = badness(limit)
		if b := kpPass(r.items, loose); b != nil {
			brks, emergency = b, false
		} else if !leaf {
			return nil, fmt.Sprintf("in %d lines only with a line looser than %g or the emergency pass", len(r.elems), limit)
		}
	}
	if len(brks) != len(r.elems) {
		return nil, fmt.Sprintf("no setting in %d lines", len(r.elems))
	}
	lines := setLines(r.items, r.wides, brks, bp)
	if lines[idx].hyphenEnd {
		return nil, "every setting in as many lines ends the line with a hyphen"
	}
	for _, ln := range lines {
		if ln.overfull {
			return nil, "only with an overfull line"
		}
		if emergency && !r.emergency && ln.justified && ln.ratio > maxLeafRatio {
			return nil, fmt.Sprintf("only with the emergency pass and a line looser than %g", maxLeafRatio)
		}
	}
	return lines, ""
}

// maxLeafRatio is the most a line's spaces may stretch (as a share of their stretch) in a
// paragraph set again so that no word is split across the turn of a leaf: a word split across
// the leaf is taken to be worse than a line whose spaces are up to three times their width.
// maxVersoRatio is the same for a hyphen on a verso's last line, which is less bad: the word
// is split across the spread, both halves in view. (Where even that is not enough the hyphen
// stays; pagination could then choose another page break.)
const (
	maxLeafRatio  = 3.0
	maxVersoRatio = 2.0
)

func baseline(ps paraSpec) float64 { return ps.leading/2 + ps.size*0.32 }

// items builds a paragraph's item list, with its first-line indent.
func (f *flow) items(in []book.Inline, ps paraSpec) []item {
	return f.itemsWithPlaces(in, ps).items
}

// paraItems is a paragraph's item list, with, when warnings are reported, the manuscript
// places of its words and the words too wide for a line that its items name (item.wide).
type paraItems struct {
	items   []item
	anchors []anchor
	wides   []*wideWord
}

// itemsWithPlaces is items that also returns the manuscript places of the paragraph's words
// and its too-wide words when warnings are reported.
func (f *flow) itemsWithPlaces(in []book.Inline, ps paraSpec) paraItems {
	b := paraBuilder{m: f.m, ragged: ps.align != justify, ch: f.ch, measure: f.g.textW - ps.left - ps.right, rep: f.rep,
		items: f.m.takeScratch()}
	if ps.hyphenate {
		b.hy = f.hy
	}
	if ps.first > 0 {
		b.items = append(b.items, box(ps.first, nil))
	}
	b.addInlines(in, textStyle{font: ps.font, size: ps.size, alert: ps.alert})
	for len(b.items) > 0 && b.items[0].kind == glueItem {
		b.items = b.items[1:]
	}
	if len(b.items) == 0 {
		b.items = append(b.items, box(0, nil))
	}
	keepLastWord(b.items)
	items := finish(b.items)
	f.m.scratch = items[:0]
	return paraItems{items: slices.Clone(items), anchors: b.anchors, wides: b.wides}
}

// keepLastWord leaves the hyphenation points of a paragraph's last word to the emergency pass:
// the last line never starts with the tail of a word.
func keepLastWord(items []item) {
	j := len(items) - 1
	for j >= 0 && items[j].kind != boxItem { // the space and protrusion after the word
		j--
	}
	for ; j >= 0 && items[j].kind != glueItem; j-- {
		if items[j].inserted() {
			items[j].last, items[j].lastWord = true, true
		}
	}
}

// heading adds a heading kept with what follows. On the line grid the space above it grows or
// shrinks (to no less than three quarters of before) so that the space, the heading and the
// space after it make a whole number of lines; at the head of a page, where the space above
// is dropped, the next body line moves down to the grid instead.
func (f *flow) heading(in []book.Inline, ps paraSpec, before, after float64, mark *outlineMark) {
	sp := len(f.elems)
	f.space(before, false)
	f.mark = mark
	start := len(f.elems)
	lines := f.paragraph(in, ps)
	for _, e := range f.elems[start:] {
		e.grid = false
		if e != f.elems[start] {
			e.keep = true
		}
	}
	f.keepNext = true
	f.space(after, true)
	f.keepNext = true
	if f.onGrid && before > 0 && sp < start {
		set := float64(len(lines))*ps.leading + after
		L := f.g.leading
		k := math.Round((before + set) / L)
		for k*L-set < 0.75*before {
			k++
		}
		f.elems[sp].h = k*L - set
	}
}

// block makes the structure node of a text block of the given role (P when ""), in the
// current container.
func (f *flow) block(role string) *pdfdraw.Node {
	if role == "" {
		role = "P"
	}
	return &pdfdraw.Node{Role: role, Parent: f.node}
}

// enter makes a container node of the given role the current one and returns a function
// that restores the previous one.
func (f *flow) enter(role string) (*pdfdraw.Node, func()) {
	prev := f.node
	f.node = &pdfdraw.Node{Role: role, Parent: prev}
	return f.node, func() { f.node = prev }
}
