package wpimport

import (
	"encoding/xml"
	"strings"
)

// wordNote matches the anchors Word leaves in pasted documents: "_ftn1" and
// "_ftnref1" for footnotes, "_edn1" and "_ednref1" for endnotes.
var wordNote = lazyRegexp(`(?:^|#)_(?:ftn|edn)(ref)?(\d+)$`)

// wordNoteLink tells a note reference (true) from the start of a note
// definition (false) by the link's target, or, for anchors without one, by
// the anchor's own name, which is the other way round.
func wordNoteLink(href, name string) (label string, isRef, ok bool) {
	if m := wordNote().FindStringSubmatch(href); m != nil {
		return m[2], m[1] == "", true
	}
	if m := wordNote().FindStringSubmatch(name); m != nil {
		return m[2], m[1] != "", true
	}
	return "", false, false
}

func (c *htmlConv) start(t xml.StartElement) {
	name := strings.ToLower(t.Name.Local)
	if c.preStart(name, t) || c.tableStart(name, t) || c.kind != kItem && c.quote == 0 && c.mediaStart(name, t) {
		return
	}
	switch name {
	case "p", "div", "section", "article", "figure", "figcaption", "center", "address", "dt", "dd", "header", "footer", "aside":
		if c.kind == kItem && (name == "figure" || name == "figcaption") {
			c.cur.WriteString(" ") // a picture in a list item is inline, its caption text of the item
			return
		}
		if c.kind == kItem && strings.TrimSpace(c.cur.String()) == "" {
			return // <li><p>…</p></li>: the paragraph is the item's text
		}
		c.open(kPara, 0)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		c.open(kHeading, int(name[1]-'0')) // mapped onto ##, ### and #### by normalizeHeadings
	case "ul", "ol":
		c.flush()
		if len(c.lists) > maxListDepth && !c.deepList {
			c.deepList = true
			c.warn("lists nested more than %d deep: bindery sets 8 levels, so the deeper items are kept at the eighth", maxListDepth+1)
		}
		c.lists = append(c.lists, name == "ol")
		c.listCount++
		c.listIDs = append(c.listIDs, c.listCount)
	case "li":
		c.open(kItem, 0)
	case "blockquote":
		c.flush()
		if c.quote == 0 {
			c.quoteCount++
			c.quoteID = c.quoteCount
		}
		c.quote++
	case "br":
		c.lineBreak()
	case "em", "i", "cite", "var", "dfn":
		c.openEmph("*")
	case "strong", "b":
		c.openEmph("**")
	case "a":
		c.startLink(t)
	case "img":
		c.image(t)
	case "iframe", "embed", "object", "video", "audio", "source":
		c.embed(name, t)
	case "script", "style":
		c.unsupported("a <"+name+"> element", "its code is dropped")
		c.suppress++
	case "code", "kbd", "samp", "tt":
		c.startCode()
	case "hr":
		c.flush()
		if n := len(c.blocks); n > 0 && c.blocks[n-1].kind != kRule { // no rule opens a post, none follows another
			c.blocks = append(c.blocks, block{kind: kRule, src: c.p.Source})
		}
	}
}

func (c *htmlConv) end(name string) {
	if c.preEnd(name) || c.tableEnd(name) || c.mediaEnd(name) {
		return
	}
	if c.inGallery() && c.capt == nil && c.tbl == nil && (name == "ul" || name == "ol") {
		return // a gallery's grid, not a list
	}
	if c.kind == kItem && (name == "figure" || name == "figcaption") {
		return
	}
	switch name {
	case "code", "kbd", "samp", "tt":
		c.closeCode()
	case "p", "div", "section", "article", "figure", "figcaption", "center", "address", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "li", "header", "footer", "aside":
		c.flush()
	case "ul", "ol":
		c.flush()
		if len(c.lists) > 0 {
			c.lists = c.lists[:len(c.lists)-1]
			c.listIDs = c.listIDs[:len(c.listIDs)-1]
		}
	case "blockquote":
		c.flush()
		c.quote = max(0, c.quote-1)
	case "em", "i", "cite", "var", "dfn", "strong", "b":
		c.closeEmph()
	case "a":
		c.endLink()
	case "script", "style":
		c.suppress = max(0, c.suppress-1)
	}
}

// open starts a block of the given kind, ending the one before.
func (c *htmlConv) open(k blockKind, level int) {
	c.flush()
	c.kind, c.level = k, level
}

func (c *htmlConv) startLink(t xml.StartElement) {
	href := strings.TrimSpace(attr(t, "href"))
	nm := attr(t, "name")
	if label, isRef, ok := wordNoteLink(href, nm); ok {
		if isRef { // href="#_ftn1": a reference in the text
			c.write("[^" + label + "]")
			c.addMarker(label)
		} else { // href="#_ftnref1": the start of the definition
			c.noteDef = label
		}
		c.links = append(c.links, "\x00note")
		c.suppress++
		return
	}
	if nm != "" && href == "" || strings.HasPrefix(href, "#") || href == "" {
		c.links = append(c.links, "")
		return
	}
	c.write("[")
	c.links = append(c.links, href)
}

func (c *htmlConv) endLink() {
	if len(c.links) == 0 {
		return
	}
	href := c.links[len(c.links)-1]
	c.links = c.links[:len(c.links)-1]
	switch {
	case href == "\x00note":
		c.suppress = max(0, c.suppress-1)
	case href == "":
	case strings.HasSuffix(c.cur.String(), "["):
		s := strings.TrimSuffix(c.cur.String(), "[")
		c.cur.Reset()
		c.cur.WriteString(s + "<" + strings.ReplaceAll(href, " ", "%20") + ">")
	default:
		c.cur.WriteString("](" + linkDest(href) + ")")
	}
}

// linkDest writes a URL as a CommonMark link destination.
func linkDest(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

func (c *htmlConv) addMarker(label string) {
	for _, m := range c.markers {
		if m == label {
			return
		}
	}
	c.markers = append(c.markers, label)
}

func (c *htmlConv) embed(name string, t xml.StartElement) {
	src := strings.TrimSpace(attr(t, "src"))
	if src == "" {
		src = strings.TrimSpace(attr(t, "data"))
	}
	c.unsupported("an embed (<"+name+">)", "its address is kept as a paragraph")
	if strings.HasPrefix(src, "http") {
		c.flush()
		c.text(src)
		c.flush()
	}
}
