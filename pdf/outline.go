package pdf

import (
	"fmt"
	"slices"
	"strings"
)

// outline is the document outline (bookmarks) as a tree.
type outline struct {
	items []*outlineItem // top level
	last  []*outlineItem // the latest item of each level
}

type outlineItem struct {
	title string
	dest  string
	kids  []*outlineItem
	ref   ref
}

// Bookmark adds an outline entry at height y of page p; level 0 is the top. A level deeper
// than the previous entry's plus one is raised, so no level is skipped.
func (w *Writer) Bookmark(title string, level int, p *Page, y float64) {
	o := &w.outline
	level = min(level, len(o.last))
	it := &outlineItem{title: title, dest: "[" + p.ref.String() + " /XYZ null " + num(y) + " null]"}
	if level == 0 {
		o.items = append(o.items, it)
	} else {
		parent := o.last[level-1]
		parent.kids = append(parent.kids, it)
	}
	o.last = append(o.last[:level], it)
}

// write writes the outline and returns its root, 0 when there is none.
func (o *outline) write(w *Writer) ref {
	if len(o.items) == 0 {
		return 0
	}
	root := w.alloc()
	o.writeLevel(w, o.items, root)
	w.dictObject(root, fmt.Sprintf("/Type /Outlines /First %s /Last %s /Count %d",
		o.items[0].ref, o.items[len(o.items)-1].ref, len(o.items)))
	return root
}

// writeLevel writes siblings and their descendants, every item with children closed.
func (o *outline) writeLevel(w *Writer, items []*outlineItem, parent ref) {
	for _, it := range items {
		it.ref = w.alloc()
	}
	for i, it := range items {
		var d strings.Builder
		fmt.Fprintf(&d, "/Title %s /Parent %s /Dest %s", textString(it.title), parent, it.dest)
		if i > 0 {
			d.WriteString(" /Prev " + items[i-1].ref.String())
		}
		if i+1 < len(items) {
			d.WriteString(" /Next " + items[i+1].ref.String())
		}
		if len(it.kids) > 0 {
			o.writeLevel(w, it.kids, it.ref)
			fmt.Fprintf(&d, " /First %s /Last %s /Count %d", it.kids[0].ref, it.kids[len(it.kids)-1].ref, -len(it.kids))
		}
		w.dictObject(it.ref, d.String())
	}
}

// writeDests writes the named destinations as a name tree; 0 when there are none.
func (w *Writer) writeDests() ref {
	if len(w.dests) == 0 {
		return 0
	}
	names := make([]string, 0, len(w.dests))
	for n := range w.dests {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(string(nameKey(a)), string(nameKey(b))) })
	var d strings.Builder
	d.WriteString("/Names [")
	for i, n := range names {
		if i > 0 {
			d.WriteByte(' ')
		}
		d.WriteString(textString(n) + " " + w.dests[n])
	}
	fmt.Fprintf(&d, "] /Limits [%s %s]", textString(names[0]), textString(names[len(names)-1]))
	r := w.alloc()
	w.dictObject(r, d.String())
	return r
}

// nameKey is the byte string a name tree sorts by: the bytes of the string as written.
func nameKey(s string) string {
	t := textString(s)
	if t[0] == '(' {
		return s
	}
	var b []byte
	for i := 1; i+1 < len(t)-1; i += 2 {
		var v byte
		fmt.Sscanf(t[i:i+2], "%02X", &v)
		b = append(b, v)
	}
	return string(b)
}
