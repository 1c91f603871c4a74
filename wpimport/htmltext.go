package wpimport

import (
	"strings"
	"unicode/utf8"
)

var (
	blankLines = lazyRegexp(`\n[ \t]*\n\s*`)
	spaceRun   = lazyRegexp(`[ \t\n\r]+`)
	spaces     = lazyRegexp(` {2,}`)
	// shortcode matches a WordPress shortcode tag: a known name, or any
	// name followed by attributes ("[gallery ids=…]", "[caption id=…]", "[/caption]").
	shortcode = lazyRegexp(`\[(/?)(caption|wp_caption|gallery|embed|audio|video|playlist|youtube|vimeo|code|sourcecode|contact-form(?:-7)?|[a-zA-Z_][\w-]*(?:\s+[\w-]+=[^\[\]]*))(?:\s[^\[\]]*)?/?\]`)
)

// text adds character data of the HTML to the current block. Blank lines
// separate paragraphs, as WordPress's wpautop reads raw post content.
func (c *htmlConv) text(s string) {
	s = cleanText(s)
	if c.pre != nil {
		c.pre.b.WriteString(s)
		return
	}
	if c.code > 0 {
		c.write(spaceRun().ReplaceAllString(s, " "))
		return
	}
	parts := blankLines().Split(s, -1)
	for i, part := range parts {
		if i > 0 && (c.kind == kPara || c.kind == kQuote) {
			c.flush()
		}
		part = c.stripShortcodes(spaceRun().ReplaceAllString(part, " "))
		if part == "" {
			continue
		}
		if len(c.links) > 0 && c.links[len(c.links)-1] != "" {
			c.write(escapeText(part))
		} else {
			c.write(renderText(part, nil))
		}
	}
}

// stripShortcodes removes shortcode tags, keeping the text between them,
// and reports each kind once.
func (c *htmlConv) stripShortcodes(s string) string {
	return shortcode().ReplaceAllStringFunc(s, func(m string) string {
		name := shortcode().FindStringSubmatch(m)[2]
		if i := strings.IndexAny(name, " \t\n"); i >= 0 {
			name = name[:i]
		}
		c.unsupported("a shortcode ["+name+"]", "the tag is dropped and any text inside it kept")
		return ""
	})
}

// lineBreak records a <br>. It becomes a hard line break if text follows in
// the same paragraph, list item or quotation, and a space in a heading.
func (c *htmlConv) lineBreak() {
	if c.kind == kHeading {
		c.cur.WriteString(" ")
		return
	}
	c.brk = strings.TrimSpace(c.cur.String()) != ""
}

// write appends Markdown, putting a pending emphasis delimiter after any
// leading space so that it opens the emphasis.
func (c *htmlConv) write(md string) {
	if c.brk && strings.TrimSpace(md) != "" {
		c.brk = false
		s := strings.TrimRight(c.cur.String(), " ")
		c.cur.Reset()
		c.cur.WriteString(s + "\\\n")
		md = escapeLineStart(strings.TrimLeft(md, " "))
	}
	if c.pending != "" {
		trimmed := strings.TrimLeft(md, " ")
		if trimmed == "" {
			c.cur.WriteString(md)
			return
		}
		if c.cur.Len() == 0 {
			md = trimmed
		}
		c.cur.WriteString(md[:len(md)-len(trimmed)] + c.pending)
		md = trimmed
		c.pending = ""
	}
	c.cur.WriteString(md)
}

func (c *htmlConv) openEmph(d string) {
	c.pending += d
	c.emph = append(c.emph, d)
}

// closeEmph closes the innermost emphasis, before any trailing space; an
// emphasis that got no text is dropped.
func (c *htmlConv) closeEmph() {
	if len(c.emph) == 0 {
		return
	}
	d := c.emph[len(c.emph)-1]
	c.emph = c.emph[:len(c.emph)-1]
	if strings.HasSuffix(c.pending, d) {
		c.pending = strings.TrimSuffix(c.pending, d)
		return
	}
	s := c.cur.String()
	trimmed := strings.TrimRight(s, " ")
	c.cur.Reset()
	c.cur.WriteString(trimmed + d + s[len(trimmed):])
}

// take closes what is still open in the current block (emphasis, links) and
// returns its text, leaving the block empty.
func (c *htmlConv) take() string {
	for len(c.emph) > 0 {
		c.closeEmph()
	}
	c.pending = ""
	for i := len(c.links) - 1; i >= 0; i-- {
		if h := c.links[i]; h != "" && h != "\x00note" {
			c.cur.WriteString("](" + linkDest(h) + ")")
			c.links[i] = ""
		}
	}
	c.endCode()
	c.brk = false
	text := strings.TrimSpace(spaces().ReplaceAllString(c.cur.String(), " "))
	c.cur.Reset()
	return text
}

// flush ends the current block: closes what is still open in it and stores
// it as a block, a note definition, or the continuation of the last note.
func (c *htmlConv) flush() {
	if c.tbl != nil || c.capt != nil {
		return // a table's cells and a caption end with their elements
	}
	text := c.take()
	kind, level := c.kind, c.level
	c.kind, c.level = kPara, 0
	switch {
	case text == "" || text == "[]()" || text == "\\[\\]":
		if c.noteDef != "" && text == "" {
			return
		}
	case c.noteDef != "":
		c.notes = append(c.notes, note{label: c.noteDef, text: text, src: c.p.Source})
		c.noteDef = ""
	case len(c.notes) > 0 && kind == kPara:
		c.notes[len(c.notes)-1].text += " " + text
	default:
		if plain := strings.Trim(unescapeMD(text), "*_ "); kind == kPara && isCredit(plain) {
			kind, text = kCredit, escapeText(plain)
		}
		// Items of nested lists belong to their outermost list (group) and are
		// indented by their depth; paragraphs of nested quotations join the
		// outermost quotation.
		ordered, group, depth := false, 0, 0
		switch {
		case kind == kItem && len(c.lists) > 0:
			ordered, group, depth = c.lists[len(c.lists)-1], c.listIDs[0], min(len(c.lists)-1, maxListDepth)
		case kind == kPara && c.quote > 0:
			kind, group = kQuote, c.quoteID
		}
		c.blocks = append(c.blocks, block{kind: kind, level: level, ordered: ordered, group: group, depth: depth, text: text, src: c.p.Source})
	}
}

// maxListDepth is the deepest list the importer writes (0 is the outermost): bindery
// sets 8 levels of lists inside one another (docs/manuscript.md, Limits).
const maxListDepth = 7

// cleanText makes text fit for a manuscript, which bindery check rejects with invalid
// UTF-8 or control characters in it: a byte that is not UTF-8 is read as Latin-1 (what
// old WordPress databases hold; "?" for the C1 range, as for U+FFFD), control characters
// other than tab and line feed are dropped (they are invisible in the post).
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case r != utf8.RuneError || size > 1:
				b.WriteString(s[i : i+size])
			case s[i] >= 0xa0:
				b.WriteRune(rune(s[i]))
			default:
				b.WriteByte('?')
			}
			i += size
		}
		s = b.String()
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f:
			return -1
		case r == utf8.RuneError: // the mark of text lost before it reached WordPress; no font has it
			return '?'
		}
		return r
	}, s)
}
