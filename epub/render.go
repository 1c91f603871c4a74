package epub

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
)

// renderer writes the blocks and inlines of one chapter, or of its notes, as XHTML.
type renderer struct {
	m        *markup
	p        *publication
	ch       *book.Chapter
	href     string     // the document being written
	level    int        // level of the last heading written; 1 is the document title
	headings int        // headings written so far, for their identifiers
	tables   int        // captioned tables written so far, for their captions' identifiers
	sections []tocEntry // the outline's sections, for the navigation
	refs     []int      // references seen per note number
	inLink   bool
	afterRef bool          // the last inline written was a note reference
	deferred []book.Inline // note references met inside a link, written after it
	lang     string        // the language of the element being written
	err      error

	// The text block being written, for the page-break markers (see pages.go).
	pos       int             // characters of its text written so far
	due       []book.PageMark // pages that start further into it
	midWord   bool            // the text written last ends inside a word
	verbatim  bool            // writing code or an address: no soft hyphens
	inHeading bool            // writing a heading: no soft hyphens, as in print
	inNote    bool            // writing an endnote: no soft hyphens (notes are never hyphenated)
}

func newRenderer(m *markup, p *publication, ch *book.Chapter, href string) *renderer {
	return &renderer{m: m, p: p, ch: ch, href: href, level: 1, refs: make([]int, len(ch.Notes)+1), lang: p.ed.Lang}
}

// fail records the first error of a rendering.
func (r *renderer) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("chapter %s: "+format, append([]any{r.ch.File}, args...)...)
	}
}

// blocks writes a sequence of blocks, the one at index i with the address
// blockAddr(scope, from+i): a top-level block of the chapter when scope is "", else one
// nested in the container scope, as the layout addresses them (layout.PageStart).
func (r *renderer) blocks(bs []book.Block, scope string, from int) {
	for i := range bs {
		r.block(&bs[i], r.blockAddr(scope, from+i))
	}
}

// blockAddr is the address of block i of the container scope ("" for the chapter).
func (r *renderer) blockAddr(scope string, i int) string {
	if scope == "" {
		return r.ch.BlockID(i)
	}
	return scope + "." + strconv.Itoa(i)
}

// leaf writes a text block's inlines inside an element.
func (r *renderer) leaf(addr, tag string, ins []book.Inline, attrs ...string) {
	r.startLeaf(addr)
	r.m.open(tag, attrs...)
	r.inlines(ins)
	r.endLeaf()
	r.m.close(tag)
}

// block writes one block with the address addr.
func (r *renderer) block(b *book.Block, addr string) {
	m := r.m
	switch b.Kind {
	case book.Paragraph:
		r.leaf(addr, "p", b.Inlines)
	case book.Credit:
		r.leaf(addr, "p", b.Inlines, "class", "credit")
	case book.Heading:
		r.heading(b, addr)
	case book.List:
		r.list(b, addr)
	case book.Quote:
		r.pageBreaks(addr)
		m.openLine("blockquote")
		r.blocks(b.Children, addr, 0)
		m.close("blockquote")
	case book.Box:
		r.box(b, addr)
	case book.Figure:
		r.figure(b, addr)
	case book.Table:
		r.table(b, addr)
	case book.CodeBlock:
		r.codeBlock(b, addr)
	case book.SectionBreak:
		r.sectionBreak(addr)
	default:
		r.fail("%s: unknown block kind %d", b.Pos, b.Kind)
	}
	m.WriteByte('\n')
}

// headingLevel returns the level a heading gets: never above 6, never more than one below
// the previous heading, so that no level is skipped.
func (r *renderer) headingLevel(want int) int {
	return max(2, min(want, r.level+1, 6))
}

// heading writes a section heading and records level-2 headings for the navigation.
func (r *renderer) heading(b *book.Block, addr string) {
	lvl := r.headingLevel(b.Level)
	r.level = lvl
	r.headings++
	id := fmt.Sprintf("%s-s%d", r.ch.ID, r.headings)
	r.inHeading = true
	r.leaf(addr, "h"+strconv.Itoa(lvl), b.Inlines, "id", id)
	r.inHeading = false
	if r.p.sections[b] {
		r.sections = append(r.sections, tocEntry{title: book.PlainLabel(b.Inlines), href: r.ch.ID + ".xhtml#" + id})
	}
}

// list writes a bulleted or numbered list; an item of one paragraph is written without <p>.
// Item i has the address addr.i.
func (r *renderer) list(b *book.Block, addr string) {
	m := r.m
	tag := "ul"
	if b.Ordered {
		tag = "ol"
	}
	if b.Ordered && b.Start > 1 {
		m.open(tag, "start", strconv.Itoa(b.Start))
	} else {
		m.open(tag)
	}
	m.WriteByte('\n')
	for i, item := range b.Items {
		ia := addr + "." + strconv.Itoa(i)
		m.open("li")
		r.pageBreaks(ia)
		if len(item) == 1 && item[0].Kind == book.Paragraph {
			r.startLeaf(ia + ".0")
			r.inlines(item[0].Inlines)
			r.endLeaf()
		} else {
			r.blocks(item, ia, 0)
		}
		m.closeLine("li")
	}
	m.close(tag)
}

// box writes a sidebar as an aside, labelled by its title; its title and byline have the
// addresses addr.title and addr.byline, its blocks addr.i.
func (r *renderer) box(b *book.Block, addr string) {
	m := r.m
	saved := r.level
	r.pageBreaks(addr)
	if len(b.Title) > 0 {
		r.headings++
		id := fmt.Sprintf("%s-s%d", r.ch.ID, r.headings)
		lvl := min(r.level+1, 6)
		m.openLine("aside", "class", "box", "aria-labelledby", id)
		r.inHeading = true
		r.leaf(addr+".title", "h"+strconv.Itoa(lvl), b.Title, "id", id)
		r.inHeading = false
		m.WriteByte('\n')
		r.level = lvl
	} else {
		m.openLine("aside", "class", "box")
	}
	if len(b.Byline) > 0 {
		r.leaf(addr+".byline", "p", b.Byline, "class", "byline")
		m.WriteByte('\n')
	}
	r.blocks(b.Children, addr, 0)
	m.close("aside")
	r.level = saved
}

// inlines writes a run of inline content.
func (r *renderer) inlines(ins []book.Inline) {
	for i := range ins {
		r.inline(&ins[i])
	}
}

// inline writes one inline element.
func (r *renderer) inline(in *book.Inline) {
	m := r.m
	if in.Kind != book.NoteRef {
		r.afterRef = false
	}
	switch in.Kind {
	case book.Text:
		saved := r.lang
		if attrs := r.langAttrs(in); attrs != nil {
			m.open("span", attrs...)
			r.text(in.Text)
			m.close("span")
		} else {
			r.text(in.Text)
		}
		r.lang = saved
	case book.Emph, book.Strong:
		tag := "em"
		if in.Kind == book.Strong {
			tag = "strong"
		}
		saved := r.lang
		m.open(tag, r.langAttrs(in)...)
		r.inlines(in.Children)
		m.close(tag)
		r.lang = saved
	case book.Code:
		saved := r.lang
		m.open("code", r.langAttrs(in)...)
		r.verbatim = true
		r.text(in.Text)
		r.verbatim = false
		m.close("code")
		r.lang = saved
	case book.Link:
		r.link(in.URL, "", in.Children, "")
	case book.URLText:
		r.link(in.Text, "url", nil, in.Text)
	case book.NoteRef:
		if r.inLink {
			r.deferred = append(r.deferred, *in)
			return
		}
		r.noteRef(in)
	case book.Break:
		m.empty("br")
	case book.Picture:
		r.picture(in)
	default:
		r.fail("%s: unknown inline kind %d", in.Pos, in.Kind)
	}
}

// langAttrs returns the lang and xml:lang attributes of an inline whose language differs
// from the element it is written in, and makes it the current language; nil otherwise. The
// caller restores r.lang after the inline.
func (r *renderer) langAttrs(in *book.Inline) []string {
	if in.Lang == "" || in.Lang == r.lang {
		return nil
	}
	r.lang = in.Lang
	return []string{"lang", in.Lang, "xml:lang", in.Lang}
}

// link writes a hyperlink to an absolute URL; anything else is written as its text only,
// since a relative link could not resolve inside the publication. Note references inside
// the link follow it, as links cannot nest.
func (r *renderer) link(raw, class string, children []book.Inline, text string) {
	m := r.m
	href, ok := linkTarget(raw)
	r.verbatim = class != ""
	defer func() { r.verbatim = false }()
	if r.inLink || !ok {
		if class != "" {
			m.open("span", "class", class)
			r.text(text)
			m.close("span")
		} else {
			r.text(text)
		}
		r.inlines(children)
		return
	}
	if class != "" {
		m.open("a", "class", class, "href", href)
	} else {
		m.open("a", "href", href)
	}
	r.inLink = true
	r.text(text)
	r.verbatim = false
	r.inlines(children)
	r.inLink = false
	m.close("a")
	deferred := r.deferred
	r.deferred = nil
	for i := range deferred {
		r.noteRef(&deferred[i])
	}
}

// linkTarget returns the href of an absolute web or mail URL, percent-encoded where needed.
func linkTarget(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || !utf8.ValidString(raw) || strings.ContainsAny(raw, " \t\n\"<>\\^`{|}") {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "ftp":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" {
			return "", false
		}
	default:
		return "", false
	}
	return u.String(), true
}
