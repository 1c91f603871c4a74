package wpimport

import (
	"regexp"
	"strconv"
	"strings"
)

// noteNumber finds bracketed numbers, the "[n]" of endnote markers and definitions.
var noteNumber = regexp.MustCompile(`\[(\d{1,4})\]`)

// defsStart returns the index of the first segment of the trailing run of
// note definitions, or len(segs) when the post has none. The run starts
// with a block that begins "[1]" and holds no list items; the last such
// block wins, because a body never starts a paragraph with its first marker
// while the definitions always do.
func defsStart(segs []seg) int {
	for i := len(segs) - 1; i >= 0; i-- {
		if segs[i].item {
			return len(segs)
		}
		if strings.HasPrefix(strings.TrimLeft(segs[i].text, " \u00a0"), "[1]") {
			return i
		}
	}
	return len(segs)
}

// noteToken is one "[n]" in a run of definitions.
type noteToken struct {
	n          int
	seg        int
	start, end int // byte offsets in the segment's text
}

// splitNotes cuts a run of note definitions into notes. Definitions follow
// each other with nothing but the next "[n]" in between, and URLs run
// straight into it ("…/central-asia/[2] Wudan Yan…"), so the run is split on
// bracketed numbers that continue the sequence: a number is a new definition
// when it is the next one, or when it skips ahead and the next one never
// comes (a definition missing from the source). Any other bracketed number
// is text of the current note. Segments that start without a number are
// continuation lines of the previous note.
func splitNotes(segs []seg, loc *locator) []note {
	var toks []noteToken
	for si, s := range segs {
		for _, m := range noteNumber.FindAllStringSubmatchIndex(s.text, -1) {
			n, _ := strconv.Atoi(s.text[m[2]:m[3]])
			toks = append(toks, noteToken{n: n, seg: si, start: m[0], end: m[1]})
		}
	}
	lastAt := map[int]int{}
	for i, t := range toks {
		lastAt[t.n] = i
	}
	var starts []noteToken
	last := 0
	for i, t := range toks {
		later, ok := lastAt[last+1]
		if t.n == last+1 || t.n > last+1 && (!ok || later < i) {
			starts = append(starts, t)
			last = t.n
		}
	}
	notes := make([]note, 0, len(starts))
	for i, t := range starts {
		var text strings.Builder
		endSeg, endOff := len(segs)-1, len(segs[len(segs)-1].text)
		if i+1 < len(starts) {
			endSeg, endOff = starts[i+1].seg, starts[i+1].start
		}
		for si := t.seg; si <= endSeg; si++ {
			from, to := 0, len(segs[si].text)
			if si == t.seg {
				from = t.end
			}
			if si == endSeg {
				to = endOff
			}
			text.WriteString(" " + segs[si].text[from:to])
		}
		notes = append(notes, note{label: strconv.Itoa(t.n), text: cleanSpaces(text.String()),
			src: loc.at(segs[t.seg].off + t.start)})
	}
	return notes
}
