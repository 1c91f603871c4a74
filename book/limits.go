package book

import "slices"

// The limits of the manuscript format. Each is documented in docs/manuscript.md with the
// message it gives; beyond them the renderers could not set every word.
const (
	// MaxChapterBytes is the largest chapter file read.
	MaxChapterBytes = 4 << 20
	// MaxImageBytes is the largest cover image or figure read.
	MaxImageBytes = 16 << 20
	// MaxImagePixels is the most pixels an image may have on a side.
	MaxImagePixels = 20000
)

// Limits of structure inside a chapter.
const (
	// MaxNesting is how many lists, quotes and boxes may stand inside one another: the
	// page indents each, and beyond this a line would have no room left for its words.
	MaxNesting = 8
	// MaxNotes is the most endnotes a chapter may have (numbers up to three digits).
	MaxNotes = 999
)

// checkNesting reports blocks nested deeper than MaxNesting, once for each outermost
// block that goes too deep, at the position of the first level too many.
func checkNesting(blocks []Block, depth int, ds *Diagnostics) {
	for _, b := range blocks {
		d := depth
		if b.Kind == List || b.Kind == Quote || b.Kind == Box {
			d++
		}
		if d > MaxNesting {
			ds.Errorf(b.Pos, "%s nested %d deep: bindery sets at most %d levels of lists, quotes and boxes inside one another", b.Kind, deepest(b, d), MaxNesting)
			continue
		}
		for _, it := range b.Items {
			checkNesting(it, d, ds)
		}
		checkNesting(b.Children, d, ds)
	}
}

// deepest returns the nesting depth of the innermost block inside b, which is at depth d.
func deepest(b Block, d int) int {
	most := d
	for _, kids := range append(slices.Clone(b.Items), b.Children) {
		for _, k := range kids {
			kd := d
			if k.Kind == List || k.Kind == Quote || k.Kind == Box {
				kd++
			}
			most = max(most, deepest(k, kd))
		}
	}
	return most
}

// MaxHeadingLevel is the deepest heading (####); ## is a section, ### a subsection, and
// only ## enters the contents.
const MaxHeadingLevel = 4
