package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// StructElem is an element of the structure tree of a tagged PDF (ISO 32000-1, 14.7).
type StructElem struct {
	ref    ref
	typ    string
	parent *StructElem
	kids   []kid
	lang   string
	alt    string
	actual string
	title  string
	id     string
	scope  string
}

// kid is a child of a structure element: an element, marked content on a page, or an
// annotation.
type kid struct {
	elem  *StructElem
	page  ref
	mcid  int // -1 for an annotation
	annot ref
}

// structTree collects the structure tree; it is written when the document is closed.
type structTree struct {
	w       *Writer
	root    *StructElem
	roles   map[string]string
	parents [][]*StructElem // by StructParents key of a page: the element of every MCID
	annots  map[int]*StructElem
	nextKey int
	ids     map[string]ref
}

func newStructTree(w *Writer) *structTree {
	t := &structTree{w: w, roles: map[string]string{}, annots: map[int]*StructElem{}, ids: map[string]ref{}}
	t.root = &StructElem{ref: w.alloc(), typ: "Document"}
	return t
}

// StructRoot returns the Document element of a tagged document, nil when untagged.
func (w *Writer) StructRoot() *StructElem {
	if w.structs == nil {
		return nil
	}
	return w.structs.root
}

// RoleMap maps a custom structure type to a standard one.
func (w *Writer) RoleMap(custom, standard string) {
	if w.structs != nil {
		w.structs.roles[custom] = standard
	}
}

// Add appends a child element of structure type typ (P, H1, Sect, Link, ...).
func (e *StructElem) Add(w *Writer, typ string) *StructElem {
	c := &StructElem{ref: w.alloc(), typ: typ, parent: e}
	e.kids = append(e.kids, kid{elem: c})
	return c
}

// AddBefore is Add for a child placed before next, one of e's child elements: content drawn
// out of its reading order (a figure moved past the text after it) takes its place in the
// tree. It appends when next is not a child of e.
func (e *StructElem) AddBefore(w *Writer, typ string, next *StructElem) *StructElem {
	c := &StructElem{ref: w.alloc(), typ: typ, parent: e}
	at := len(e.kids)
	for k := range e.kids {
		if e.kids[k].elem == next && next != nil {
			at = k
			break
		}
	}
	e.kids = slices.Insert(e.kids, at, kid{elem: c})
	return c
}

// Type returns the element's structure type.
func (e *StructElem) Type() string { return e.typ }

// SetLang sets the natural language of the element's content (BCP 47).
func (e *StructElem) SetLang(lang string) { e.lang = lang }

// SetAlt sets an alternate description.
func (e *StructElem) SetAlt(s string) { e.alt = s }

// SetActualText sets the exact text the element's content stands for.
func (e *StructElem) SetActualText(s string) { e.actual = s }

// SetID sets the element's identifier (an /ID in the tree's IDTree), as PDF/UA asks of
// every Note.
func (e *StructElem) SetID(id string) { e.id = id }

// SetTitle sets the element's title.
func (e *StructElem) SetTitle(s string) { e.title = s }

// SetScope sets a table header cell's scope, "Column", "Row" or "Both" (its /A attribute
// of owner Table); "" writes none.
func (e *StructElem) SetScope(s string) { e.scope = s }

// BeginTagged opens a marked-content sequence that belongs to e, with the next MCID of the
// page; close it with EndMarked.
func (p *Page) BeginTagged(e *StructElem) { p.BeginTaggedText(e, "", false) }

// BeginTaggedText is BeginTagged with an /ActualText for the glyphs of the sequence when
// actual is set (a part of a hyphen-broken word: the whole word on its first part, "" on
// the others). Text extraction reads the actual text in place of the glyphs.
func (p *Page) BeginTaggedText(e *StructElem, text string, actual bool) {
	if p.w.structs == nil || e == nil {
		if actual {
			p.BeginSpan(text)
			return
		}
		p.marked = append(p.marked, false)
		p.op("/Span BMC\n")
		return
	}
	mcid := len(p.parents)
	p.parents = append(p.parents, e)
	e.kids = append(e.kids, kid{page: p.ref, mcid: mcid})
	p.marked = append(p.marked, true)
	b := append(p.content, '/')
	if actual { // poppler reads /ActualText only on a Span
		b = append(b, "Span"...)
	} else {
		b = append(b, e.tagName()...)
	}
	b = strconv.AppendInt(append(b, " <</MCID "...), int64(mcid), 10)
	if actual {
		b = appendTextString(append(b, " /ActualText "...), text)
	}
	p.content = append(b, ">> BDC\n"...)
}

// tagName is the marked-content tag of an element's content: its own type.
func (e *StructElem) tagName() string { return e.typ }

// BeginArtifact opens a marked-content sequence of content that is not part of the text:
// kind is Pagination (running heads, folios), Layout (tints, rules) or Page (crop marks).
func (p *Page) BeginArtifact(kind string) {
	p.marked = append(p.marked, false)
	if kind == "" {
		p.op("/Artifact BMC\n")
		return
	}
	p.op("/Artifact <</Type /" + kind + ">> BDC\n")
}

// BeginSpan opens a marked-content sequence whose glyphs stand for text (ActualText):
// a word broken by a hyphen carries the whole word on its first part and "" on the rest.
func (p *Page) BeginSpan(text string) {
	p.marked = append(p.marked, false)
	p.op("/Span <</ActualText " + textString(text) + ">> BDC\n")
}

// EndMarked closes the innermost marked-content sequence.
func (p *Page) EndMarked() {
	if len(p.marked) == 0 {
		return
	}
	p.marked = p.marked[:len(p.marked)-1]
	p.op("EMC\n")
}

// Tag makes the annotation a child of e (an OBJR), for a Link element.
func (a *Annot) Tag(w *Writer, p *Page, e *StructElem) {
	t := w.structs
	if t == nil || e == nil {
		return
	}
	a.parent = t.nextKey
	t.annots[t.nextKey] = e
	t.nextKey++
	e.kids = append(e.kids, kid{mcid: -1, annot: a.ref, page: p.ref})
}

// pageParents records the elements of a page's MCIDs and returns its StructParents key.
func (t *structTree) pageParents(es []*StructElem) int {
	key := t.nextKey
	t.nextKey++
	for len(t.parents) <= key {
		t.parents = append(t.parents, nil)
	}
	t.parents[key] = es
	return key
}

// write writes every element, the parent tree and the root.
func (t *structTree) write() ref {
	w := t.w
	root := w.alloc()
	t.writeElem(t.root, root)
	var nums bytes.Buffer
	for key := range t.nextKey {
		if key < len(t.parents) && t.parents[key] != nil {
			fmt.Fprintf(&nums, "%d [", key)
			for i, e := range t.parents[key] {
				if i > 0 {
					nums.WriteByte(' ')
				}
				nums.WriteString(e.ref.String())
			}
			nums.WriteString("] ")
		} else if e, ok := t.annots[key]; ok {
			fmt.Fprintf(&nums, "%d %s ", key, e.ref)
		}
	}
	pt := w.alloc()
	w.dictObject(pt, "/Nums ["+string(bytes.TrimSpace(nums.Bytes()))+"]")
	d := fmt.Sprintf("/Type /StructTreeRoot /K %s /ParentTree %s /ParentTreeNextKey %d", t.root.ref, pt, t.nextKey)
	if len(t.ids) > 0 {
		d += " /IDTree " + t.writeIDs().String()
	}
	if len(t.roles) > 0 {
		d += " /RoleMap <<"
		for _, k := range slices.Sorted(maps.Keys(t.roles)) {
			d += "/" + k + " /" + t.roles[k] + " "
		}
		d += ">>"
	}
	w.dictObject(root, d)
	return root
}

// writeElem writes an element and, depth first, its descendants.
func (t *structTree) writeElem(e *StructElem, parent ref) {
	d := append(t.w.dict[:0], "<</Type /StructElem /S /"...)
	d = parent.append(append(append(d, e.typ...), " /P "...))
	for _, a := range [...]struct{ key, val string }{
		{" /Lang ", e.lang}, {" /Alt ", e.alt}, {" /ActualText ", e.actual}, {" /T ", e.title}} {
		if a.val != "" {
			d = appendTextString(append(d, a.key...), a.val)
		}
	}
	if e.scope != "" {
		d = append(append(append(d, " /A <</O /Table /Scope /"...), e.scope...), ">>"...)
	}
	if e.id != "" {
		d = appendTextString(append(d, " /ID "...), e.id)
		t.ids[e.id] = e.ref
	}
	var pg ref // the page of the first marked content: its MCIDs are written as integers
	for _, k := range e.kids {
		if k.elem == nil && k.mcid >= 0 {
			pg = k.page
			d = pg.append(append(d, " /Pg "...))
			break
		}
	}
	d = append(d, " /K ["...)
	for i, k := range e.kids {
		if i > 0 {
			d = append(d, ' ')
		}
		switch {
		case k.elem != nil:
			d = k.elem.ref.append(d)
		case k.mcid >= 0 && k.page == pg:
			d = strconv.AppendInt(d, int64(k.mcid), 10)
		case k.mcid >= 0:
			d = k.page.append(append(d, "<</Type /MCR /Pg "...))
			d = append(strconv.AppendInt(append(d, " /MCID "...), int64(k.mcid), 10), ">>"...)
		default:
			d = k.page.append(append(d, "<</Type /OBJR /Pg "...))
			d = append(k.annot.append(append(d, " /Obj "...)), ">>"...)
		}
	}
	t.w.dict = append(d, "]>>"...)
	t.w.object(e.ref, t.w.dict)
	for _, k := range e.kids {
		if k.elem != nil {
			t.writeElem(k.elem, e.ref)
		}
	}
}

// writeIDs writes the name tree from element identifiers to elements.
func (t *structTree) writeIDs() ref {
	ids := sortedNames(slices.Collect(maps.Keys(t.ids)))
	var b strings.Builder
	b.WriteString("/Names [")
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(textString(id) + " " + t.ids[id].String())
	}
	fmt.Fprintf(&b, "] /Limits [%s %s]", textString(ids[0]), textString(ids[len(ids)-1]))
	r := t.w.alloc()
	t.w.dictObject(r, b.String())
	return r
}
