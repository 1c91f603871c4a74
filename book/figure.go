package book

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// This file turns goldmark's images into the model's figures and pictures: an image alone
// in its paragraph is a figure (its title the caption), an image inside text a picture set
// at text height. `{.decorative}` right after the image marks it purely ornamental.

// decorativeMark is the attribute that marks an image as purely decorative.
const decorativeMark = "{.decorative}"

// figure returns the figure a paragraph holds when its only content is one image (and its
// decorative mark), or nil.
func (c *converter) figure(p *ast.Paragraph, pos Pos) []Block {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok {
		return nil
	}
	body := c.src.data[c.base:]
	for n := img.NextSibling(); n != nil; n = n.NextSibling() {
		tx, ok := n.(*ast.Text)
		if !ok {
			return nil
		}
		v := bytes.TrimSpace(tx.Segment.Value(body))
		if len(v) > 0 && !(n == img.NextSibling() && string(v) == decorativeMark) {
			return nil
		}
	}
	im := c.image(img)
	b := Block{Kind: Figure, Pos: pos, Image: im}
	if len(img.Title) > 0 {
		title := string(img.Title)
		if strings.Contains(title, "[^") {
			c.ds.Warnf(im.Pos, "a figure's caption is plain text: the note reference in %q is printed as it is, not linked; put the reference in the text that cites the figure", title)
		}
		b.Caption = c.attrText(title)
		for i := range b.Caption {
			b.Caption[i].Pos = im.Pos
		}
	}
	return []Block{b}
}

// picture converts an image inside text.
func (c *converter) picture(img *ast.Image) Inline {
	im := c.image(img)
	if len(img.Title) > 0 {
		c.ds.Warnf(im.Pos, "the title %q of an image inside text is not printed: only a figure (an image alone in its paragraph) has a caption", string(img.Title))
	}
	return Inline{Kind: Picture, Image: im, Pos: im.Pos}
}

// image reads an image node's path, alt text and decorative mark (consumed from the text
// after it), and reports a missing alt text.
func (c *converter) image(img *ast.Image) *Image {
	body := c.src.data[c.base:]
	im := &Image{Src: string(img.Destination), Pos: c.at(c.imageStart(img))}
	alt := c.typeset(mergeText(c.inlineChildren(img, BodyText.Face())))
	walkInlineRefs(alt, func(r *Inline) {
		c.ds.Errorf(r.Pos, "a note reference inside an image's alt text is not linked; put it in the text or the caption")
	})
	im.Alt = PlainLabel(alt)
	if tx, ok := img.NextSibling().(*ast.Text); ok && bytes.HasPrefix(tx.Segment.Value(body), []byte(decorativeMark)) {
		tx.Segment = tx.Segment.WithStart(tx.Segment.Start + len(decorativeMark))
		im.Decorative = true
	}
	switch {
	case im.Src == "":
		c.ds.Errorf(im.Pos, "image has no file: write ![alt text](images/name.png)")
	case im.Decorative && im.Alt != "":
		c.ds.Warnf(im.Pos, "image %q is marked {.decorative}, so its alt text %q is not read; remove one of them", im.Src, im.Alt)
	case !im.Decorative && im.Alt == "":
		c.ds.Errorf(im.Pos, "image %q has no alt text: describe it for readers who cannot see it (![what it shows](%s)), or mark a purely ornamental image ![](%s){.decorative}", im.Src, im.Src, im.Src)
	}
	return im
}

// imageStart returns the body offset of an image's "![".
func (c *converter) imageStart(img *ast.Image) int {
	body := c.src.data[c.base:]
	off := img.Pos()
	if off >= 0 && off+1 < len(body) && body[off] == '!' && body[off+1] == '[' {
		return off
	}
	for n := ast.Node(img); n != nil; n = n.FirstChild() {
		if tx, ok := n.(*ast.Text); ok {
			return max(0, tx.Segment.Start-2)
		}
	}
	return max(0, off)
}
