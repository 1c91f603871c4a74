package book

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Library is every edition found under one content directory.
type Library struct {
	Editions []*Edition
}

// Edition is one report in one language: the unit that becomes one EPUB and one PDF.
type Edition struct {
	Report   string // report folder name, e.g. "kazakhstan"
	Lang     string // BCP 47 tag of the edition, e.g. "kk"
	Dir      string // folder of the edition inside the content tree
	Meta     Metadata
	Chapters []*Chapter
}

// Name returns the edition's file stem, "<report>-<lang>".
func (e *Edition) Name() string { return e.Report + "-" + e.Lang }

// Draft reports whether the edition is marked as a draft.
func (e *Edition) Draft() bool { return e.Meta.Status == StatusDraft }

// Status is the publication state of an edition.
type Status string

// The publication states an edition manifest may name.
const (
	StatusFinal Status = "final"
	StatusDraft Status = "draft"
)

// Contributor is a person or body credited in an edition, with a MARC relator role
// such as "aut" (author) or "edt" (editor).
type Contributor struct {
	Name   string `yaml:"name"`
	Role   string `yaml:"role"`
	FileAs string `yaml:"file_as"` // the name as sorted, e.g. "Hug, Adam"; "" = derived (SortName)
}

// SortName returns the name as catalogues sort it: FileAs when given, else a personal
// name's last word first ("Adam Hug" -> "Hug, Adam"), or the name itself when it has one
// word or looks like a body (it contains "The", "Centre", "Association" and the like).
func (c Contributor) SortName() string {
	if c.FileAs != "" {
		return c.FileAs
	}
	words := strings.Fields(c.Name)
	if len(words) < 2 {
		return c.Name
	}
	for _, w := range words {
		switch strings.ToLower(strings.Trim(w, ".,")) {
		case "the", "centre", "center", "association", "foundation", "institute", "committee",
			"watch", "international", "university", "group", "council", "network":
			return c.Name
		}
	}
	last := len(words) - 1
	return words[last] + ", " + strings.Join(words[:last], " ")
}

// Cover holds the colours of a generated cover.
type Cover struct {
	Background string `yaml:"background"`
	Foreground string `yaml:"foreground"`
	Accent     string `yaml:"accent"`
	Image      string `yaml:"image"` // path of a PNG or JPEG inside the edition folder
	Data       []byte `yaml:"-"`     // the image's bytes, read and checked by Load
	Alt        string `yaml:"alt"`
}

// Metadata is the merged description of an edition: its manifest over the report's defaults.
type Metadata struct {
	Title        string
	Subtitle     string
	Series       string
	Country      string
	Contributors []Contributor
	Publisher    string
	Date         time.Time
	Lang         string
	Identifier   string // ISBN ("urn:isbn:…") or a stable UUID URN
	ISBN         ISBN   // the manifest's isbn, checked; zero when it has none
	Rights       string
	ImageCredits []string
	Status       Status
	LatinLang    string // latin_lang: the language of Latin-script parts of a Cyrillic edition ("" = en, "none" = off)
	Paper        Paper  // default trim size for print (DefaultPaper when the manifests name none)
	Keywords     []string
	Description  string
	Source       string
	Cover        Cover
	Print        Print  // the manifest's print: settings
	SeriesPos    int    // series_position: the report's place in its series, 0 for none
	SeriesID     string // series_id: an identifier of the series shared by its reports' editions
	Evaluator    string // accessibility_evaluator: who evaluated the accessibility ("" = the publisher)
}

// Chapter is one manuscript file turned into blocks and numbered endnotes.
type Chapter struct {
	ID     string // stable identifier from the file name, e.g. "ch02-introduction"
	File   string // path of the manuscript inside the content tree
	Title  string
	Author string
	Kind   string // executive-summary, introduction, conclusions, overview or empty
	Source string
	Blocks []Block
	Notes  []Note // in number order: Notes[i].Number == i+1
}

// BlockID returns the identifier of the i-th (0-based) top-level block of the chapter: the
// EPUB writes it before the block, and a PageMark names it as the element a page starts with.
func (c *Chapter) BlockID(i int) string { return blockID(c.ID, i) }

func blockID(chapterID string, i int) string { return chapterID + "-b" + strconv.Itoa(i) }

// IsBlockID reports whether id is the BlockID of a block of the chapter chapterID.
func IsBlockID(chapterID, id string) bool {
	rest, ok := strings.CutPrefix(id, chapterID+"-b")
	n, err := strconv.Atoi(rest)
	return ok && chapterID != "" && err == nil && n >= 0 && blockID(chapterID, n) == id
}

// NoteID returns the document-wide identifier of note n of this chapter.
func (c *Chapter) NoteID(n int) string { return fmt.Sprintf("%s-note-%d", c.ID, n) }

// RefID returns the identifier of the k-th reference (1-based) to note n of this chapter.
func (c *Chapter) RefID(n, k int) string {
	if k <= 1 {
		return fmt.Sprintf("%s-ref-%d", c.ID, n)
	}
	return fmt.Sprintf("%s-ref-%d-%d", c.ID, n, k)
}

// BlockKind says what a Block is.
type BlockKind int

// The kinds of block a chapter is made of.
const (
	Paragraph    BlockKind = iota
	Heading                // Level 2 (section), 3 (subsection) or 4 (not in the contents); level 1 is the chapter title
	List                   // Items, Ordered and Start; an item's blocks may hold a nested List
	Quote                  // Children
	Box                    // a sidebar: Title, Byline, Children
	Credit                 // an image or photo credit line: Inlines
	Figure                 // an image alone in its paragraph: Image, Caption (from the image's title)
	Table                  // a pipe table: Columns, Header, Rows, RowHeaders, Caption (a Table: paragraph)
	CodeBlock              // a fenced code block: Inlines is one Code inline with its lines verbatim, Language
	SectionBreak           // a thematic break (--- or ***), set as a section ornament
)

var blockKindNames = [...]string{"paragraph", "heading", "list", "quote", "box", "credit",
	"figure", "table", "code block", "section break"}

// String returns the lower-case name of the kind.
func (k BlockKind) String() string { return blockKindNames[k] }

// Block is one block-level element of a chapter or of a note.
type Block struct {
	Kind     BlockKind
	Pos      Pos
	Level    int      // Heading
	Inlines  []Inline // Paragraph, Heading, Credit
	Ordered  bool     // List
	Start    int      // List: number of the first item when Ordered
	Items    [][]Block
	Children []Block  // Quote, Box
	Title    []Inline // Box
	Byline   []Inline // Box
	// Figure: the picture; its alt text and file are in Image.
	Image *Image
	// Caption is a figure's printed caption (the image's title) or a table's (its Table:
	// paragraph, without the word Table:). A table's caption is read before its rows.
	Caption []Inline
	// Table: the alignment of each column, the header row and the body rows, every row
	// with exactly len(Columns) cells (short rows are padded with empty cells).
	Columns []Align
	Header  []Cell
	Rows    [][]Cell
	// RowHeaders says that the first cell of each body row heads its row: the rule is that
	// the table's top-left header cell is empty (see docs/manuscript.md).
	RowHeaders bool
	Language   string // CodeBlock: the first word of the fence's info string ("go", "sh"), or ""
}

// Cell is one cell of a table: its inlines (note references number in reading order:
// the caption, the header row, then each row from left to right) and its place.
type Cell struct {
	Inlines []Inline
	Pos     Pos
}

// Align is the alignment of a table column as the delimiter row marks it.
type Align int

// The column alignments: none marked (`---`, set as the text around it), `:--`, `:-:`, `--:`.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

var alignNames = [...]string{"default", "left", "center", "right"}

// String returns the alignment's name: "default", "left", "center" or "right".
func (a Align) String() string {
	if a >= 0 && int(a) < len(alignNames) {
		return alignNames[a]
	}
	return "Align(" + strconv.Itoa(int(a)) + ")"
}

// InlineKind says what an Inline is.
type InlineKind int

// The kinds of inline element.
const (
	Text    InlineKind = iota
	Emph               // Children
	Strong             // Children
	Code               // Text, verbatim
	Link               // URL, Children
	NoteRef            // Note, Ref
	Break              // a hard line break
	URLText            // a bare URL in running text: Text, never changed by typography
	Picture            // an image inside text, set at text height: Image (Text is empty)
)

// Inline is one run of inline content.
type Inline struct {
	Kind     InlineKind
	Text     string
	URL      string
	Children []Inline
	Note     int // NoteRef: the note's number in its chapter
	Ref      int // NoteRef: which reference to that note this is, from 1
	Label    string
	Pos      Pos
	Image    *Image // Picture
	// Lang is the run's language, a BCP 47 tag: the edition's, an explicit span's
	// ([text]{lang=en}) or, for Latin-script words in a Cyrillic edition, the Latin rule's
	// (see lang.go). Load sets it on every inline, children included; renderers read it to
	// mark the language (EPUB lang/xml:lang, the PDF's /Lang) and to hyphenate. An inline a
	// renderer makes itself may leave it empty: it is then in its surroundings' language.
	Lang string
	// Marks are the manuscript places of the words of a Text run: each word's first byte
	// in Text (At) with its line and column, kept through merging, typography and the
	// language split, so that a renderer can report a problem at the word itself.
	Marks []Mark `json:"-"`
}

// Mark is the manuscript place of the text from byte At of a Text inline.
type Mark struct {
	At  int
	Pos Pos
}

// Note is one endnote of a chapter.
type Note struct {
	Number  int
	Label   string // the label used in the manuscript, e.g. "12"
	Pos     Pos    // where the definition starts
	Blocks  []Block
	Refs    int  // how many references point at this note
	Missing bool // referenced but never defined (allowed in drafts)
}

// NotePlacement says where a renderer puts the endnotes of an edition.
type NotePlacement int

// The note placements: after each chapter (the default, numbering restarts per chapter as
// in the source), or gathered at the end of the book, grouped by chapter ("--notes book").
const (
	NotesPerChapter NotePlacement = iota
	NotesAtEnd
)

// notePlacementNames are the names of the placements on the command line, by value.
var notePlacementNames = [...]string{NotesPerChapter: "chapter", NotesAtEnd: "book"}

// String returns the placement's name: "chapter" or "book".
func (n NotePlacement) String() string {
	if int(n) >= 0 && int(n) < len(notePlacementNames) {
		return notePlacementNames[n]
	}
	return "NotePlacement(" + strconv.Itoa(int(n)) + ")"
}

// ErrNotePlacement is returned (wrapped) by ParseNotePlacement for an unknown name.
var ErrNotePlacement = errors.New("unknown note placement")

// ParseNotePlacement reads a placement by its name, "chapter" or "book".
func ParseNotePlacement(s string) (NotePlacement, error) {
	for n, name := range notePlacementNames {
		if s == name {
			return NotePlacement(n), nil
		}
	}
	return 0, fmt.Errorf("%w %q (want chapter or book)", ErrNotePlacement, s)
}

// PageMark says where a page of the print edition starts, for the EPUB page-list: the text
// block the page's first line belongs to and the character of that block's text the line
// starts with. The layout makes them (one per page); the EPUB places a page-break marker there.
type PageMark struct {
	Page      string // the printed page number, e.g. "12" or "xi" (also where it is not shown)
	ChapterID string // the chapter the page starts in, "" for the front matter
	// Block is the text block's address: Chapter.BlockID(i) for a top-level block, with
	// ".k" per level of nesting, or the identifier of a heading's place (the chapter,
	// "<chapter>-notes", "notes") or of a generated page ("titlepage", "imprint", "contents").
	// Inside a figure or a table at address a: its caption is the text block a.caption, a
	// table's header cell c a.head.c, body row r (from 0) the place a.r (the EPUB marks it
	// in the row's first cell) and its cell c the text block a.r.c; a code block is one
	// text block whose characters include its line breaks.
	Block string
	// Offset counts the characters (runes) of the block's text before the page's first
	// character: the Text, Code and URLText inlines in order; a note reference or a line
	// break counts none. It is 0 for a page that starts with the block.
	Offset int
}
