// Package pdfdraw is the layout's draw step. It sits between the layout and the PDF object
// writer (content/ -> book -> layout -> layout/pdfdraw -> pdf -> files): the layout hands it
// complete pages (every glyph, tint, rule, link, destination and bookmark already placed, in
// points from the top left of the media box) and it draws them, page by page, with package
// pdf. It measures, centres and pads nothing; what is on a page is decided by the layout.
package pdfdraw

import (
	"fmt"
	"io"
	"iter"
	"slices"

	"github.com/fpc/bindery/pdf"
)

// Document is what the whole PDF shares.
type Document struct {
	Options pdf.Options
	Fonts   [][]byte      // TrueType programs; Run.Font indexes them
	Boxes   pdf.PageBoxes // every page's boxes, in PDF user space
}

// Page is one page, complete.
type Page struct {
	Tints  []Tint
	Images []Image
	Rules  []Rule
	Runs   []Run
	Links  []Link
	Dests  []Dest
	Marks  []Mark
}

// Tint is a filled rectangle: left, top, width and height in points.
type Tint struct {
	X, Y, W, H float64
	Color      pdf.Color
	Artifact   string // the artifact kind (Layout for a panel's tint)
}

// Image is a picture placed on the page: left, top, width and height in points. Data is the
// file (JPEG is passed through, PNG re-encoded); the same file is embedded once however often
// it is drawn. In a tagged document it is the content of its Figure node Tag (which carries
// the alt text), or an artifact when Artifact is set (a decorative image). It is drawn, and
// read, before the run Runs[Before] (after the last run when Before is len(Runs)).
type Image struct {
	X, Y, W, H float64
	Data       []byte
	JPEG       bool
	Tag        *Node
	Artifact   string
	Before     int
}

// Rule is a stroked line, such as a crop mark.
type Rule struct {
	X0, Y0, X1, Y1 float64
	Width          float64
	Color          pdf.Color
	Artifact       string
}

// Run is a stretch of glyphs of one font, size and colour on one baseline: X and Y are the
// run's origin; each glyph's X is relative to it. In a tagged document a run is either the
// content of the structure node Tag or an artifact.
type Run struct {
	Font     int
	Size     float64
	X, Y     float64
	Color    pdf.Color
	Glyphs   []pdf.Glyph
	Artifact string // "" for text, else the artifact kind (Pagination for heads and folios)
	Tag      *Node
	// Actual, when set, gives the text the run's glyphs stand for (ActualText): the whole
	// word on the first part of a hyphen-broken word, "" on its other parts.
	Actual     bool
	ActualText string
}

// Node is an element of the document's logical structure, made by the layout from the
// model: a Sect per chapter, headings, paragraphs, lists, notes, links. A nil Parent is
// the Document.
type Node struct {
	Role       string // standard structure type, or one the RoleMap maps
	Parent     *Node
	Lang       string // when it differs from the parent's
	Alt        string
	ActualText string
	ID         string
	// Scope is a table header cell's scope, "Column" or "Row" (written as its /A attribute).
	Scope string
	// Order is the node's place in the reading order, when the layout numbers it: a node
	// drawn after a sibling of higher Order goes before it in the tree. 0 keeps the order of
	// drawing.
	Order int
}

// Link is a link area: left, top, width, height; Target is a URL or "#name" for a named
// destination. In a tagged document Tag is its Link node and Alt its description.
type Link struct {
	X, Y, W, H float64
	Target     string
	Tag        *Node
	Alt        string
}

// Dest is a named destination at height Y (from the top) of the page.
type Dest struct {
	Name string
	Y    float64
}

// Mark is an outline entry at height Y of the page; Level 0 is the top.
type Mark struct {
	Title string
	Level int
	Y     float64
}

// Write draws the pages to w as one PDF document. Pages come one at a time, so memory does
// not grow with their number.
func Write(w io.Writer, doc Document, pages iter.Seq[*Page]) error {
	pw := pdf.New(w, doc.Options)
	fonts := make([]*pdf.Font, len(doc.Fonts))
	for i, data := range doc.Fonts {
		f, err := pw.AddTrueType(data)
		if err != nil {
			return fmt.Errorf("pdfdraw: font %d: %w", i, err)
		}
		fonts[i] = f
	}
	d := &drawer{w: pw, fonts: fonts, h: doc.Boxes.Media.Y1, tagged: doc.Options.Tagged,
		elems: map[*Node]*pdf.StructElem{}}
	for custom, std := range roleMap {
		pw.RoleMap(custom, std)
	}
	for p := range pages {
		if err := d.page(p, doc.Boxes); err != nil {
			return err
		}
	}
	return pw.Close()
}

// roleMap maps the custom structure types the layout uses to standard ones.
var roleMap = map[string]string{"Aside": "Sect"}

// drawer holds the state of one Write.
type drawer struct {
	w      *pdf.Writer
	fonts  []*pdf.Font
	h      float64 // media box height, to turn top-down y into PDF user space
	tagged bool
	elems  map[*Node]*pdf.StructElem         // the element of each node drawn so far, in this document
	kids   map[*pdf.StructElem][]orderedElem // each element's child elements, in tree order
}

// orderedElem is a structure element with its node's Order.
type orderedElem struct {
	e     *pdf.StructElem
	order int
}

// elem returns the structure element of a node, creating it and its ancestors on first use,
// so the tree's order is the order in which the layout draws its content. The elements are
// the drawer's, not the node's: the same pages can be drawn into another document.
func (d *drawer) elem(n *Node) *pdf.StructElem {
	if n == nil {
		return d.w.StructRoot()
	}
	e := d.elems[n]
	if e == nil {
		e = d.add(d.elem(n.Parent), n)
		e.SetLang(n.Lang)
		e.SetAlt(n.Alt)
		e.SetActualText(n.ActualText)
		e.SetID(n.ID)
		e.SetScope(n.Scope)
		d.elems[n] = e
	}
	return e
}

// add makes the element of node n under parent: after its siblings, or before the first of
// those drawn already whose Order comes after n's.
func (d *drawer) add(parent *pdf.StructElem, n *Node) *pdf.StructElem {
	if d.kids == nil {
		d.kids = map[*pdf.StructElem][]orderedElem{}
	}
	kids := d.kids[parent]
	at := len(kids)
	for n.Order > 0 && at > 0 && kids[at-1].order > n.Order {
		at--
	}
	var e *pdf.StructElem
	if at == len(kids) {
		e = parent.Add(d.w, n.Role)
	} else {
		e = parent.AddBefore(d.w, n.Role, kids[at].e)
	}
	d.kids[parent] = slices.Insert(kids, at, orderedElem{e, n.Order})
	return e
}

// page draws one page: tints, rules, text, then links, destinations and bookmarks.
func (d *drawer) page(p *Page, boxes pdf.PageBoxes) error {
	pg := d.w.NewPage(boxes)
	for _, t := range p.Tints {
		d.artifact(pg, t.Artifact, func() {
			pg.SetFill(t.Color)
			pg.FillRect(pdf.Rect{X0: t.X, Y0: d.h - t.Y - t.H, X1: t.X + t.W, Y1: d.h - t.Y})
		})
	}
	for _, r := range p.Rules {
		d.artifact(pg, r.Artifact, func() {
			pg.Line(r.X0, d.h-r.Y0, r.X1, d.h-r.Y1, r.Width, r.Color)
		})
	}
	var open *Node // the node of the open marked-content sequence, which the next run may continue
	images := p.Images
	for k, r := range p.Runs {
		for len(images) > 0 && images[0].Before <= k {
			if open != nil {
				pg.EndMarked()
				open = nil
			}
			if err := d.image(pg, images[0]); err != nil {
				return err
			}
			images = images[1:]
		}
		show := func() {
			pg.SetFill(r.Color)
			pg.ShowGlyphs(d.fonts[r.Font], r.Size, r.X, d.h-r.Y, r.Glyphs)
		}
		if r.Artifact != "" || !d.tagged {
			if open != nil {
				pg.EndMarked()
				open = nil
			}
			d.artifact(pg, r.Artifact, show)
			continue
		}
		if open != nil && (open != r.Tag || r.Actual) {
			pg.EndMarked()
			open = nil
		}
		if open == nil {
			pg.BeginTaggedText(d.elem(r.Tag), r.ActualText, r.Actual)
		}
		show()
		if r.Actual {
			pg.EndMarked()
		} else {
			open = r.Tag
		}
	}
	if open != nil {
		pg.EndMarked()
	}
	for _, im := range images {
		if err := d.image(pg, im); err != nil {
			return err
		}
	}
	for _, l := range p.Links {
		rect := pdf.Rect{X0: l.X, Y0: d.h - l.Y - l.H, X1: l.X + l.W, Y1: d.h - l.Y}
		var a *pdf.Annot
		if len(l.Target) > 0 && l.Target[0] == '#' {
			a = pg.LinkDest(rect, l.Target[1:])
		} else {
			a = pg.Link(rect, l.Target)
		}
		a.SetContents(l.Alt)
		if d.tagged {
			a.Tag(d.w, pg, d.elem(l.Tag))
		}
	}
	for _, ds := range p.Dests {
		pg.Dest(ds.Name, d.h-ds.Y)
	}
	for _, m := range p.Marks {
		d.w.Bookmark(m.Title, m.Level, pg, d.h-m.Y)
	}
	pg.Close()
	return nil
}

// image draws a picture, tagged with its node or as an artifact.
func (d *drawer) image(pg *pdf.Page, im Image) error {
	add := d.w.AddPNG
	if im.JPEG {
		add = d.w.AddJPEG
	}
	x, err := add(im.Data)
	if err != nil {
		return fmt.Errorf("pdfdraw: image: %w", err)
	}
	draw := func() { pg.DrawImage(x, pdf.Rect{X0: im.X, Y0: d.h - im.Y - im.H, X1: im.X + im.W, Y1: d.h - im.Y}) }
	if !d.tagged || im.Artifact != "" {
		d.artifact(pg, im.Artifact, draw)
		return nil
	}
	pg.BeginTagged(d.elem(im.Tag))
	draw()
	pg.EndMarked()
	return nil
}

// artifact draws content, marked as an artifact of a kind when kind is set.
func (d *drawer) artifact(pg *pdf.Page, kind string, draw func()) {
	if kind == "" {
		draw()
		return
	}
	pg.BeginArtifact(kind)
	draw()
	pg.EndMarked()
}
