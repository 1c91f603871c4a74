package wpimport

import (
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// This file turns a post's pictures into the manuscript's figures: an <img> (alone,
// in a link, in a <figure> with its <figcaption>, in WordPress's [caption] shortcode or
// its older wp-caption markup), the images of a gallery (the [gallery] shortcode, read
// from the export's attachments, or a block-editor gallery), one figure each. A figure is
// an image alone in its paragraph, `![alt](images/name.jpg "Caption")`; an image inside a
// list item, a table cell or a quotation is an inline image there.

// figureCtx is an open <figure> (or wp-caption element): the images met inside it wait
// for its caption, which comes after them.
type figureCtx struct {
	tag     string // the element that opened it, to find its end
	nest    int    // elements of the same name opened inside it
	images  []int  // the images met inside it, as indexes into htmlConv.images
	alts    []string
	marks   []string // decorative, or ""
	caption string   // its caption, plain text
	tables  int      // tables inside it (a block-editor table figure)
	gallery bool     // a gallery: its list items and paragraphs are only its grid
}

// inGallery reports whether a gallery figure is open: inside it, lists and
// paragraphs lay out the pictures and hold no text of their own.
func (c *htmlConv) inGallery() bool {
	return slices.ContainsFunc(c.figs, func(f *figureCtx) bool { return f.gallery })
}

// captionCtx is an open caption element of a figure: its text is the caption.
type captionCtx struct {
	tag  string
	nest int
}

// isFigureStart tells the elements that hold an image and its caption.
func isFigureStart(name string, t xml.StartElement) bool {
	if name == "figure" {
		return true
	}
	return (name == "div" || name == "dl") && hasClass(t, "wp-caption")
}

// isCaptionStart tells the elements whose text is the caption of the open figure.
func isCaptionStart(name string, t xml.StartElement) bool {
	return name == "figcaption" || hasClass(t, "wp-caption-text") || hasClass(t, "wp-caption-dd") ||
		hasClass(t, "gallery-caption")
}

func hasClass(t xml.StartElement, class string) bool {
	return slices.Contains(strings.Fields(attr(t, "class")), class)
}

// mediaStart handles the start of an element inside or opening a figure; it reports
// whether it took the element.
func (c *htmlConv) mediaStart(name string, t xml.StartElement) bool {
	if n := len(c.figs); n > 0 {
		f := c.figs[n-1]
		if name == f.tag && c.capt == nil {
			f.nest++
		}
		if c.capt != nil && name == c.capt.tag {
			c.capt.nest++
			return false
		}
		switch name {
		case "ul", "ol", "li", "dt", "dd", "p", "div": // a gallery's grid: no list, no paragraphs
			if c.capt == nil && c.tbl == nil && c.inGallery() && !isCaptionStart(name, t) {
				return true
			}
		}
	}
	switch {
	case isFigureStart(name, t) && c.tbl == nil:
		c.flush()
		c.figs = append(c.figs, &figureCtx{tag: name, gallery: hasClass(t, "wp-block-gallery") || hasClass(t, "gallery") ||
			hasClass(t, "tiled-gallery") || hasClass(t, "blocks-gallery-grid")})
		return true
	case len(c.figs) > 0 && c.capt == nil && isCaptionStart(name, t):
		c.flush()
		c.capt = &captionCtx{tag: name}
		return true
	}
	return false
}

// mediaEnd handles the end of an element that closes a caption or a figure; it
// reports whether it took it.
func (c *htmlConv) mediaEnd(name string) bool {
	if c.capt != nil && name == c.capt.tag {
		if c.capt.nest > 0 {
			c.capt.nest--
			return false
		}
		c.endCaption()
		return true
	}
	n := len(c.figs)
	if n == 0 || name != c.figs[n-1].tag {
		return false
	}
	f := c.figs[n-1]
	if f.nest > 0 {
		f.nest--
		return false
	}
	c.endCaption() // a caption left open ends with its figure
	c.flush()
	c.figs = c.figs[:n-1]
	c.endFigure(f)
	return true
}

// endCaption ends the open caption, if any: its text is the innermost figure's caption.
func (c *htmlConv) endCaption() {
	if c.capt == nil {
		return
	}
	c.capt = nil
	text := c.take()
	f := c.figs[len(c.figs)-1]
	f.caption = strings.TrimSpace(f.caption + " " + plainCaption(text))
}

// endFigure writes the figures of a closed figure element: one per image, the caption
// under the only image, else (a gallery's caption, a table's) as its own paragraph.
func (c *htmlConv) endFigure(f *figureCtx) {
	for i, img := range f.images {
		b := block{kind: kFigure, image: img, text: f.alts[i], info: f.marks[i], src: c.p.Source}
		if len(f.images) == 1 {
			b.caption = f.caption
		}
		c.blocks = append(c.blocks, b)
	}
	switch {
	case f.caption == "" || len(f.images) == 1:
	case f.tables > 0 && len(f.images) == 0:
		c.captionTable(f.caption)
	default:
		c.blocks = append(c.blocks, block{kind: kPara, text: escapeText(f.caption), src: c.p.Source})
	}
}

// image handles an <img>: a figure of its own, or an inline image where a figure cannot
// stand (list items, table cells, quotations), or its alt text (emoji, headings).
func (c *htmlConv) image(t xml.StartElement) {
	src := strings.TrimSpace(attr(t, "src"))
	alt := strings.TrimSpace(attr(t, "alt"))
	if title := strings.TrimSpace(attr(t, "title")); alt == "" && !looksLikeFileName(title, src) {
		alt = title // WordPress fills the tooltip with the picture's title, often all it says of it
	}
	alt = spaceRun().ReplaceAllString(alt, " ")
	switch {
	case hasClass(t, "wp-smiley") || hasClass(t, "emoji") || strings.Contains(src, "/images/core/emoji/"):
		c.text(alt)
		return
	case src == "" || strings.HasPrefix(src, "data:"):
		c.warn("an image without a file address (src %q) is left out; its alternative text %q is kept", clipSrc(src), alt)
		c.text(" " + alt + " ")
		return
	case c.kind == kHeading || c.capt != nil || c.tbl != nil && c.tbl.caption:
		c.text(" " + alt + " ") // a heading, a caption: plain text
		return
	}
	// alt="" is HTML's (and WordPress's) mark of a purely decorative picture; no alt
	// attribute at all says nothing, and check asks for a description.
	mark := ""
	switch {
	case alt == "" && hasAttr(t, "alt"):
		mark = decorative
		c.warn("image %s has an empty alt text, which marks it decorative: it is written ![](…)%s; describe it instead if it shows information", src, decorative)
	case alt == "":
		c.warn("image %s has no alternative text: describe it in the manuscript (check reports it)", src)
	}
	idx := c.addImage(src)
	c.dropImageLink(src)
	if n := len(c.figs); n > 0 && c.capt == nil {
		f := c.figs[n-1]
		f.images, f.alts, f.marks = append(f.images, idx), append(f.alts, escapeText(alt)), append(f.marks, mark)
		return
	}
	if c.kind == kItem || c.tbl != nil || c.quote > 0 {
		c.write("![" + escapeText(alt) + "](" + imageRef(idx) + ")" + mark)
		return
	}
	kind := c.kind
	c.flush()
	c.blocks = append(c.blocks, block{kind: kFigure, image: idx, text: escapeText(alt), info: mark, src: c.p.Source})
	c.kind = kind
}

// decorative is the manuscript's mark of a purely decorative image, right after it.
const decorative = "{.decorative}"

func hasAttr(t xml.StartElement, name string) bool {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return true
		}
	}
	return false
}

func clipSrc(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// dropImageLink removes the link that wraps an image (WordPress links a picture to its
// full-size file or its attachment page): a figure cannot be a link. A link to
// anything else is reported, its address being lost.
func (c *htmlConv) dropImageLink(src string) {
	n := len(c.links)
	if n == 0 {
		return
	}
	href := c.links[n-1]
	if href == "" || href == "\x00note" || !strings.HasSuffix(c.cur.String(), "[") {
		return
	}
	s := strings.TrimSuffix(c.cur.String(), "[")
	c.cur.Reset()
	c.cur.WriteString(s)
	c.links[n-1] = ""
	if !linksToImage(href, src) {
		c.warn("the link around an image (to %s) is left out: a figure cannot be a link", href)
	}
}

// imageExt matches the file names of pictures.
var imageExt = lazyRegexp(`(?i)\.(jpe?g|png|gif|webp|svg|bmp|tiff?)$`)

func linksToImage(href, src string) bool {
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	// An attachment page ends in the picture's name: …/post-format-gallery/img_0767/.
	page := strings.ToLower(path.Base(strings.TrimSuffix(u.Path, "/")))
	stem := strings.ToLower(strings.TrimSuffix(imageName(src), path.Ext(imageName(src))))
	return imageExt().MatchString(u.Path) || u.Query().Has("attachment_id") || strings.Contains(u.Path, "/attachment/") ||
		page != "" && (page == stem || strings.HasPrefix(page, stem+"-") || strings.HasPrefix(stem, page+"-"))
}

// looksLikeFileName tells a title that only repeats a picture's file name ("dsc_0042"),
// which says nothing to a reader who cannot see it, or an empty one.
func looksLikeFileName(title, src string) bool {
	stem := strings.TrimSuffix(imageName(src), path.Ext(imageName(src)))
	t := strings.ToLower(strings.ReplaceAll(title, " ", "-"))
	return t == "" || t == strings.ToLower(stem) || strings.HasPrefix(strings.ToLower(stem), t) || imageExt().MatchString(t)
}

// imageKey is what tells two images apart: the address without its query, which on
// WordPress only asks for another size of the same file.
func imageKey(src string) string {
	if u, err := url.Parse(src); err == nil {
		u.RawQuery, u.Fragment = "", ""
		return u.String()
	}
	return src
}

// addImage records an image of the post and returns its index.
func (c *htmlConv) addImage(src string) int {
	key := imageKey(src)
	for i, img := range c.images {
		if imageKey(img.URL) == key {
			return i
		}
	}
	c.images = append(c.images, &Image{URL: src})
	return len(c.images) - 1
}

// imageRef is the stand-in for an image's path in the text of a block until the
// edition has named its image files (see Chapter.resolveImages).
func imageRef(i int) string { return "\x00img" + strconv.Itoa(i) + "\x00" }

var imageRefs = lazyRegexp("\x00img([0-9]+)\x00")

// plainCaption turns a caption written as Markdown into the plain text of a figure's
// title: escapes removed, a link's address kept after its text.
func plainCaption(md string) string {
	md = mdLink().ReplaceAllStringFunc(md, func(m string) string {
		sm := mdLink().FindStringSubmatch(m)
		text, dest := sm[1], strings.Trim(sm[2], "<>")
		if unescapeMD(text) == dest {
			return dest
		}
		return text + " (" + dest + ")"
	})
	md = strings.ReplaceAll(md, "\\\n", " ")
	var b strings.Builder // without the emphasis delimiters, which are the only unescaped "*"
	for i := 0; i < len(md); i++ {
		switch {
		case md[i] == '\\' && i+1 < len(md):
			b.WriteString(md[i : i+2])
			i++
		case md[i] != '*':
			b.WriteByte(md[i])
		}
	}
	return strings.TrimSpace(unescapeMD(b.String()))
}

// mdLink matches an inline link as htmlConv writes it.
var mdLink = lazyRegexp(`\[((?:\\.|[^\]\\])*)\]\(([^)\s]*|<[^>]*>)\)`)

// captionShortcode matches WordPress's [caption] shortcode around an image.
var captionShortcode = lazyRegexp(`(?s)\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]`)

// captionAttr reads the caption="…" attribute of old [caption] shortcodes.
var captionAttr = lazyRegexp(`\bcaption=(?:"([^"]*)"|'([^']*)')`)

// imgTag ends at the end of an <img> and of the link around it.
var imgTag = lazyRegexp(`(?is)^.*<img\b[^>]*>(\s*</a>)?`)

// expandCaptions rewrites [caption] shortcodes as <figure> elements with a <figcaption>:
// the image is the shortcode's <img> (with its link), the caption the text after it or
// the caption attribute.
func expandCaptions(s string) string {
	return captionShortcode().ReplaceAllStringFunc(s, func(m string) string {
		sm := captionShortcode().FindStringSubmatch(m)
		img := imgTag().FindString(sm[2])
		if img == "" {
			return sm[2]
		}
		caption := strings.TrimSpace(sm[2][len(img):])
		if a := captionAttr().FindStringSubmatch(sm[1]); a != nil && caption == "" {
			caption = a[1] + a[2]
		}
		return "<figure>" + img + "<figcaption>" + caption + "</figcaption></figure>"
	})
}

// galleryShortcode matches WordPress's [gallery] shortcode.
var galleryShortcode = lazyRegexp(`\[gallery\b([^\]]*)\]`)

var galleryIDs = lazyRegexp(`\b(?:ids|include)=["']?([0-9, ]+)`)

// expandGalleries rewrites [gallery] shortcodes as figures of the attachments they show:
// those named by ids="…", else those uploaded to the post, in their order. It returns
// the attachments it could not find.
func expandGalleries(p Post) (string, []int) {
	var missing []int
	s := galleryShortcode().ReplaceAllStringFunc(p.Content, func(m string) string {
		attrs := galleryShortcode().FindStringSubmatch(m)[1]
		var shown []*Attachment
		if ids := galleryIDs().FindStringSubmatch(attrs); ids != nil {
			for _, f := range strings.FieldsFunc(ids[1], func(r rune) bool { return r == ',' || r == ' ' }) {
				id, _ := strconv.Atoi(f)
				if a := p.media[id]; a != nil && a.URL != "" {
					shown = append(shown, a)
				} else {
					missing = append(missing, id)
				}
			}
		} else {
			for _, a := range p.media {
				if a.Parent == p.ID && a.Parent != 0 && a.URL != "" {
					shown = append(shown, a)
				}
			}
			slices.SortFunc(shown, func(a, b *Attachment) int { return cmpInts(a.Order, b.Order, a.ID, b.ID) })
		}
		var b strings.Builder
		b.WriteString(`<div class="bindery-gallery">`)
		for _, a := range shown {
			fmt.Fprintf(&b, `<figure><img src="%s" alt="%s" /><figcaption>%s</figcaption></figure>`,
				html.EscapeString(a.URL), html.EscapeString(a.Alt), html.EscapeString(a.Caption))
		}
		b.WriteString(`</div>`)
		return b.String()
	})
	return s, missing
}

func cmpInts(a1, b1, a2, b2 int) int {
	if a1 != b1 {
		return a1 - b1
	}
	return a2 - b2
}

// imageName is the file name an image gets in the edition's images folder: the last
// part of its address, in letters, digits, dots, hyphens and underscores.
func imageName(src string) string {
	p := src
	if u, err := url.Parse(src); err == nil {
		p = u.Path
	}
	base := path.Base(p)
	if s, err := url.PathUnescape(base); err == nil {
		base = s
	}
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), ".-")
	if name == "" {
		name = "image"
	}
	return name
}
