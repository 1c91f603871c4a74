package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
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
	names = sortedNames(names)
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

// nameKey is the byte string a name tree sorts by: the bytes of the string as written
// (the string itself when it is written as a literal, else UTF-16BE after its byte order mark).
func nameKey(s string) string {
	if plain(s) {
		return s
	}
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// sortedNames returns names in the order of their name-tree keys, each key made once.
func sortedNames(names []string) []string {
	keys := make(map[string]string, len(names))
	for _, n := range names {
		keys[n] = nameKey(n)
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(keys[a], keys[b]) })
	return names
}
