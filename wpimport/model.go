package wpimport

// blockKind says what a block of a converted post is.
type blockKind int

const (
	kPara blockKind = iota
	kHeading
	kItem
	kCredit
	kQuote
	kBoxStart // a sidebar opens: text holds the title
	kBoxEnd
	kFigure       // an image alone in its paragraph: text holds the alt text, image and caption the rest
	kTable        // a pipe table: text holds its lines
	kTableCaption // the "Table: …" paragraph after a table: text holds the caption
	kCode         // a fenced code block: text holds the code, info its language
	kRule         // a thematic break (<hr>)
)

// block is one block of a converted post, its text already in Markdown.
type block struct {
	kind    blockKind
	level   int    // kHeading: 2-4
	ordered bool   // kItem: numbered list
	group   int    // kItem, kQuote: which list or quotation of the post the block belongs to
	depth   int    // kItem: 0 in the outermost list, 1 in a list inside one of its items, ...
	image   int    // kFigure: index of the image in the chapter's images
	caption string // kFigure: the caption, plain text
	info    string // kCode: the language of the code, "" when unknown; kFigure: {.decorative} or ""
	text    string
	src     Source
}

// note is one endnote definition of a converted post, text in Markdown.
type note struct {
	label string
	text  string
	src   Source
}

// Chapter is one post converted to a manuscript chapter.
type Chapter struct {
	Post   Post
	Title  string
	Kind   string // executive-summary, introduction, conclusions, overview or ""
	Lang   string
	Report string // report folder name, "" when not part of a report
	blocks []block
	notes  []note
	images []*Image // the images the chapter shows, in order of first use
	// Markers are the distinct note labels referenced in the body, in order.
	Markers  []string
	Warnings []Warning
}

// Stats counts what a chapter holds, as the run report prints it.
type Stats struct {
	Paragraphs, Headings, Items, Notes, Markers, Credits int
	Figures, Tables, CodeBlocks                          int
	MissingNotes                                         []string // referenced but not defined
}

// Stats counts the chapter's blocks and notes.
func (c *Chapter) Stats() Stats {
	var s Stats
	for _, b := range c.blocks {
		switch b.kind {
		case kPara, kQuote:
			s.Paragraphs++
		case kHeading:
			s.Headings++
		case kItem:
			s.Items++
		case kCredit:
			s.Credits++
		case kFigure:
			s.Figures++
		case kTable:
			s.Tables++
		case kCode:
			s.CodeBlocks++
		}
	}
	s.Notes = len(c.notes)
	s.Markers = len(c.Markers)
	defined := map[string]bool{}
	for _, n := range c.notes {
		defined[n.label] = true
	}
	for _, m := range c.Markers {
		if !defined[m] {
			s.MissingNotes = append(s.MissingNotes, m)
		}
	}
	return s
}

// Credits returns the text of the chapter's image credits, in order.
func (c *Chapter) Credits() []string {
	var out []string
	for _, b := range c.blocks {
		if b.kind == kCredit {
			out = append(out, unescapeMD(b.text))
		}
	}
	return out
}
