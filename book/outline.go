package book

// Section is a heading that the contents of the PDF and the navigation of the EPUB list.
type Section struct {
	Title string // the heading's text, PlainLabel
	Block *Block // the heading, inside its chapter's blocks
}

// OutlineChapter is a chapter with its listed sections.
type OutlineChapter struct {
	Chapter  *Chapter
	Sections []Section
	Notes    bool // the chapter's notes follow it (NotesPerChapter) and are listed after its sections
}

// Outline is what the contents and the navigation list, decided once for both renderers:
// every chapter with its sections and, when its notes follow it, its notes (titled
// Strings.Notes); the gathered notes when they end the book, with the chapters they hold.
type Outline struct {
	Chapters []OutlineChapter
	Notes    bool // a notes section (titled Strings.Notes) follows the last chapter
	// NotesOf are the chapters whose notes the gathered section holds, each listed under
	// it by the chapter's title (only when Notes is set).
	NotesOf []*Chapter
}

// Outline returns the edition's outline for a note placement. A section is a level-2
// heading (##) of a chapter, in reading order, also inside a list or a quote. Headings
// inside a box are not listed: a box is a sidebar beside the argument, like its title, and
// its headings stay in the text of both renderers without entering the contents.
func (e *Edition) Outline(notes NotePlacement) Outline {
	var o Outline
	for _, ch := range e.Chapters {
		o.Chapters = append(o.Chapters, OutlineChapter{Chapter: ch, Sections: ch.Sections(),
			Notes: notes == NotesPerChapter && len(ch.Notes) > 0})
	}
	o.Notes = notes == NotesAtEnd && e.HasNotes()
	for _, ch := range e.Chapters {
		if o.Notes && len(ch.Notes) > 0 {
			o.NotesOf = append(o.NotesOf, ch)
		}
	}
	return o
}

// Sections returns the chapter's headings that the outline lists (see Edition.Outline).
func (c *Chapter) Sections() []Section {
	var out []Section
	walkSections(c.Blocks, &out)
	return out
}

func walkSections(bs []Block, out *[]Section) {
	for i := range bs {
		b := &bs[i]
		switch b.Kind {
		case Heading:
			if b.Level == 2 {
				*out = append(*out, Section{Title: PlainLabel(b.Inlines), Block: b})
			}
		case List:
			for _, it := range b.Items {
				walkSections(it, out)
			}
		case Quote:
			walkSections(b.Children, out)
		}
	}
}

// HasNotes reports whether any chapter of the edition has endnotes.
func (e *Edition) HasNotes() bool {
	for _, ch := range e.Chapters {
		if len(ch.Notes) > 0 {
			return true
		}
	}
	return false
}
