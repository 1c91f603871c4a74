package wpimport

// escapedNumber matches a bracketed number as escapeText writes it: `\[12\]`.
var escapedNumber = lazyRegexp(`\\\[(\d{1,4})\\\]`)

// plainTextNotes finds notes written as plain text in HTML content, the
// way they come out of pasted documents whose footnote links were lost:
// "[1]" markers in the text and paragraphs starting "[1] …" at the end. It
// is used when the content has no Word-style note links. The definitions
// are split as in print_r dumps (splitNotes), and the markers that match
// become note references.
func (c *htmlConv) plainTextNotes() {
	segs := make([]seg, len(c.blocks))
	for i, b := range c.blocks {
		if !hasText(b.kind) {
			continue // code, figures and rules hold no note
		}
		segs[i] = seg{text: escapedNumber().ReplaceAllString(b.text, "[$1]"), item: b.kind == kItem}
	}
	d := defsStart(segs)
	if d == len(segs) {
		return
	}
	notes := splitNotes(segs[d:], nil)
	for i := range notes {
		notes[i].src = c.p.Source
	}
	m := newMarkers(notes)
	c.blocks = c.blocks[:d]
	for i := range c.blocks {
		if !hasText(c.blocks[i].kind) {
			continue
		}
		c.blocks[i].text = escapedNumber().ReplaceAllStringFunc(c.blocks[i].text, func(s string) string {
			label := escapedNumber().FindStringSubmatch(s)[1]
			if m.accept(label) {
				return "[^" + label + "]"
			}
			return s
		})
	}
	c.notes, c.markers = notes, m.order
}

// hasText tells the blocks whose text is running text, in which notes are referenced.
func hasText(k blockKind) bool { return k != kCode && k != kFigure && k != kRule }
