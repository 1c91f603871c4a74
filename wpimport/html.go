package wpimport

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// htmlConv converts the HTML of a post (WXR content:encoded or REST
// content.rendered) into blocks and notes, event by event, so that the
// unclosed and mismatched tags of real post content do no harm.
type htmlConv struct {
	p          Post
	blocks     []block
	notes      []note
	markers    []string
	warned     []string // constructs already reported
	warns      []Warning
	cur        strings.Builder
	kind       blockKind
	level      int
	quote      int
	lists      []bool       // open lists, true when ordered
	listCount  int          // lists opened so far, to tell adjacent lists apart
	listIDs    []int        // numbers of the open lists
	quoteCount int          // quotations opened so far
	quoteID    int          // number of the open outermost quotation
	links      []string     // hrefs of open <a>, "" for anchors that are not links
	emph       []string     // open emphasis delimiters
	pending    string       // an emphasis delimiter waiting for its first text
	noteDef    string       // label of the note whose definition the current block holds
	suppress   int          // inside a note anchor's "[n]" text, or script/style
	brk        bool         // a <br> waits for the text after it
	images     []*Image     // the images of the post, in order of first use
	figs       []*figureCtx // open figures, innermost last
	capt       *captionCtx  // the open caption of the innermost figure
	tbl        *tableCtx    // the open table
	pre        *preCtx      // the open <pre>
	code       int          // open code elements in running text
	codeAt     int          // where in cur the open code span starts
	deepList   bool         // lists nested deeper than maxListDepth were reported
}

// convertHTML turns the HTML content of a post into blocks and notes.
func convertHTML(p Post) ([]block, []note, []string, []*Image, []Warning) {
	c := &htmlConv{p: p}
	content, missing := expandGalleries(p)
	if len(missing) > 0 {
		c.warn("a [gallery] shows attachments that the input does not hold (%s): their images are left out; import the export that has them", abbreviate(intStrings(missing)))
	}
	if !utf8.ValidString(content) {
		c.warn("the content is not all UTF-8: its stray bytes are read as Latin-1")
	}
	src := sanitizeHTML(cleanText(expandCaptions(content)))
	d := xml.NewDecoder(strings.NewReader(src))
	d.Strict, d.AutoClose, d.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.warn("HTML it cannot parse (%v); the rest is kept as plain text", err)
			c.text(stripTags(src[min(int(d.InputOffset()), len(src)):]))
			break
		}
		c.token(tok)
	}
	c.closeAll()
	if len(c.notes) == 0 && len(c.markers) == 0 {
		c.plainTextNotes()
	}
	return c.blocks, c.notes, c.markers, c.images, c.warns
}

// closeAll ends what the content leaves open at its end: a <pre>, a table, figures.
func (c *htmlConv) closeAll() {
	if c.pre != nil {
		c.pre.nest = 0
		c.preEnd("pre")
	}
	if c.capt != nil {
		c.capt.nest = 0
		c.mediaEnd(c.capt.tag)
	}
	if c.tbl != nil {
		c.tbl.nested = 0
		c.tableEnd("table")
	}
	for len(c.figs) > 0 {
		f := c.figs[len(c.figs)-1]
		f.nest = 0
		c.mediaEnd(f.tag)
	}
	c.flush()
	for n := len(c.blocks); n > 0 && c.blocks[n-1].kind == kRule; n-- {
		c.blocks = c.blocks[:n-1] // the rule above the notes that Word writes, or one that ends the post
	}
}

func intStrings(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = strconv.Itoa(n)
	}
	return out
}

var bareLt = lazyRegexp(`<([^a-zA-Z/!?]|$)`)

// sanitizeHTML escapes the "&" and "<" that HTML tolerates as text and XML does not.
func sanitizeHTML(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		if entityRef().MatchString(s[i:]) {
			b.WriteByte('&')
		} else {
			b.WriteString("&amp;")
		}
		s = s[i+1:]
	}
	b.WriteString(s)
	return bareLt().ReplaceAllString(b.String(), "&lt;$1")
}

// warn reports a problem of the post, once: a gallery shown in several sizes
// repeats its pictures, not its warnings.
func (c *htmlConv) warn(format string, args ...any) {
	w := Warning{c.p.Source, c.p.ID, fmt.Sprintf(format, args...)}
	if !slices.Contains(c.warns, w) {
		c.warns = append(c.warns, w)
	}
}

// unsupported reports, once per post and construct, something the
// manuscript format cannot express.
func (c *htmlConv) unsupported(construct, kept string) {
	if slices.Contains(c.warned, construct) {
		return
	}
	c.warned = append(c.warned, construct)
	c.warn("%s cannot be expressed in a manuscript; %s", construct, kept)
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return cleanText(a.Value)
		}
	}
	return ""
}

func (c *htmlConv) token(tok xml.Token) {
	switch t := tok.(type) {
	case xml.StartElement:
		c.start(t)
	case xml.EndElement:
		c.end(strings.ToLower(t.Name.Local))
	case xml.CharData:
		if c.pre != nil {
			c.text(string(t))
		} else if c.suppress == 0 {
			c.text(string(t))
		}
	case xml.Comment:
		if s := strings.TrimSpace(string(t)); strings.HasPrefix(s, "wp:") || strings.HasPrefix(s, "/wp:") {
			c.unsupported("block-editor comments (<!-- wp:… -->)", "the comments are dropped and the blocks' content kept")
		}
	}
}
