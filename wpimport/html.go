package wpimport

import (
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
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
	lists      []bool   // open lists, true when ordered
	listCount  int      // lists opened so far, to tell adjacent lists apart
	listIDs    []int    // numbers of the open lists
	quoteCount int      // quotations opened so far
	quoteID    int      // number of the open outermost quotation
	links      []string // hrefs of open <a>, "" for anchors that are not links
	emph       []string // open emphasis delimiters
	pending    string   // an emphasis delimiter waiting for its first text
	noteDef    string   // label of the note whose definition the current block holds
	suppress   int      // inside a note anchor's "[n]" text, or script/style
	brk        bool     // a <br> waits for the text after it
}

// convertHTML turns the HTML content of a post into blocks and notes.
func convertHTML(p Post) ([]block, []note, []string, []Warning) {
	c := &htmlConv{p: p}
	src := sanitizeHTML(p.Content)
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
	c.flush()
	if len(c.notes) == 0 && len(c.markers) == 0 {
		c.plainTextNotes()
	}
	return c.blocks, c.notes, c.markers, c.warns
}

var bareLt = regexp.MustCompile(`<([^a-zA-Z/!?]|$)`)

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
		if entityRef.MatchString(s[i:]) {
			b.WriteByte('&')
		} else {
			b.WriteString("&amp;")
		}
		s = s[i+1:]
	}
	b.WriteString(s)
	return bareLt.ReplaceAllString(b.String(), "&lt;$1")
}

func (c *htmlConv) warn(format string, args ...any) {
	c.warns = append(c.warns, Warning{c.p.Source, c.p.ID, fmt.Sprintf(format, args...)})
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
			return a.Value
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
		if c.suppress == 0 {
			c.text(string(t))
		}
	case xml.Comment:
		if s := strings.TrimSpace(string(t)); strings.HasPrefix(s, "wp:") || strings.HasPrefix(s, "/wp:") {
			c.unsupported("block-editor comments (<!-- wp:… -->)", "the comments are dropped and the blocks' content kept")
		}
	}
}
