package layout

import "github.com/fpc/bindery/book"

// itemKind says whether an item is a box, glue or a penalty (Knuth and Plass 1981).
type itemKind uint8

// The three kinds of item a paragraph is made of.
const (
	boxItem itemKind = iota
	glueItem
	penaltyItem
)

// infPenalty forbids a break; -infPenalty forces one.
const infPenalty = 10000

// item is one element of a paragraph's horizontal list: a box of fixed width, glue that
// stretches and shrinks, or a penalty marking a possible break.
type item struct {
	width   float64
	stretch float64
	shrink  float64
	penalty float64
	// protrude is how far the line may reach into the right margin when it ends at this
	// penalty (a hyphen, stop or comma hangs out, as microtype does); width has it subtracted
	// unless hangSet.
	protrude float64
	// ink is what a box draws (nil: an invisible box such as an indent), or what a penalty
	// draws at the end of a line when the line breaks there (an inserted hyphen). It is the
	// item's only pointer: a paragraph's items are most of a typeset document's memory, and
	// copying them, clearing them and scanning them in the collector cost less with fewer.
	ink *glyphs
	at  int32 // a box: characters of the paragraph's text before it (see textAddr)
	// wide marks a penalty inside a word too wide for the line, between letters: 1 + the
	// word's index in the paragraph's wide words (paraItems.wides); 0 for none.
	wide int32
	// The small fields last, together, so that an item takes 64 bytes, not 72: see ink.
	kind itemKind
	// flagged marks a break after which the line ends with a hyphen, inserted (hyphen set)
	// or the word's own: consecutive flagged breaks cost extra, and count in the ladder limit.
	flagged  bool
	last     bool // a break only the emergency pass may take (inside a no-break run)
	lastWord bool // a hyphenation point in a paragraph's last word (last is set too)
	// hangSet marks a break inside a word after a character that hangs (a compound's own
	// hyphen, a range's dash, a URL's stop): the breaker measures the line without the
	// protrusion, setLine lets the character hang.
	hangSet bool
}

// glyphs is a run of text in one face and size, kerned into pieces.
type glyphs struct {
	font   fontID
	alert  bool // drawn in the alert colour
	size   float64
	rise   float64 // baseline shift upwards, for superscripts
	text   string
	pieces []piece // nil: the whole text is one piece at 0 (see kerned)
	link   string  // "#id" for an internal target, else a URL; "" for none
	anchor string  // an identifier this run defines (a note reference)
	width  float64
	pic    *book.Image // a picture inside text, drawn in the box instead of glyphs (see addPicture)
	lang   string      // the language of the text (book.Inline.Lang), "" for the edition's
	// track is the letter-spacing, in points, after every character of a run copied into a
	// letter-spaced line (see tracked); width includes it.
	track float64
}

// kerned returns the pieces of a run: its own, or the whole text as one piece at 0 in one,
// the caller's storage, when nothing in it is kerned.
func (g *glyphs) kerned(one *[1]piece) []piece {
	if g.pieces != nil || g.text == "" {
		return g.pieces
	}
	one[0] = piece{text: g.text}
	return one[:]
}

// inserted reports whether a penalty is a hyphenation point: a break that adds a hyphen.
func (it item) inserted() bool {
	return it.kind == penaltyItem && it.flagged && it.ink != nil && it.penalty > -infPenalty
}

// endsHyphen reports whether a line that ends at the penalty ends with a hyphen, inserted or
// the word's own.
func (it item) endsHyphen() bool {
	return it.kind == penaltyItem && it.flagged && it.penalty > -infPenalty
}

func box(w float64, g *glyphs) item { return item{kind: boxItem, width: w, ink: g} }

func glue(w, stretch, shrink float64) item {
	return item{kind: glueItem, width: w, stretch: stretch, shrink: shrink}
}

func penalty(w, p float64, flagged bool, h *glyphs) item {
	return item{kind: penaltyItem, width: w, penalty: p, flagged: flagged, ink: h}
}

// finish ends a paragraph the usual way: no break before the final fill, which absorbs the
// last line's slack, then a forced break.
func finish(items []item) []item {
	if n := len(items); n > 0 && items[n-1].kind == glueItem {
		items = items[:n-1]
	}
	return append(items,
		penalty(0, infPenalty, false, nil),
		glue(0, fill, 0),
		penalty(0, -infPenalty, true, nil))
}

// emergencyPenalty is what breaking at a no-break space costs when nothing else fits.
const emergencyPenalty = 5000

// nbsp is the penalty before the glue of a no-break space.
func nbsp() item { return item{kind: penaltyItem, penalty: emergencyPenalty, last: true} }

// fill is glue stretch that is, for all practical purposes, infinite.
const fill = 1e6

// hyphen returns what a penalty draws at the end of a line that breaks there, nil for a box,
// glue or a penalty that draws nothing.
func (it *item) hyphen() *glyphs {
	if it.kind != penaltyItem {
		return nil
	}
	return it.ink
}
