package wpimport

import (
	"strconv"
	"strings"
)

// noteNumber finds bracketed numbers, the "[n]" of endnote markers and definitions.
var noteNumber = lazyRegexp(`\[(\d{1,4})\]`)

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
// bracketed numbers that continue the sequence (see defStarts). Segments
// that start without a number are continuation lines of the previous note.
func splitNotes(segs []seg, loc *locator) []note {
	var toks []noteToken
	for si, s := range segs {
		for _, m := range noteNumber().FindAllStringSubmatchIndex(s.text, -1) {
			n, _ := strconv.Atoi(s.text[m[2]:m[3]])
			toks = append(toks, noteToken{n: n, seg: si, start: m[0], end: m[1]})
		}
	}
	starts := defStarts(toks)
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

// defStarts picks the bracketed numbers that start definitions: the next
// number of the sequence, or, when it never comes (a definition missing
// from the source), the smallest larger number that does. When the number
// occurs more than once before the one after it, the last occurrence is the
// definition and the others are text of the note before ("see [2] above").
func defStarts(toks []noteToken) []noteToken {
	occ := map[int][]int{}
	for i, t := range toks {
		occ[t.n] = append(occ[t.n], i)
	}
	var starts []noteToken
	pos, want := -1, 1
	for {
		cands := after(occ[want], pos)
		if len(cands) == 0 {
			next := -1
			for n, is := range occ {
				if n > want && len(after(is, pos)) > 0 && (next < 0 || n < next) {
					next = n
				}
			}
			if next < 0 {
				return starts
			}
			want = next
			continue
		}
		limit := len(toks)
		if nx := after(occ[want+1], cands[0]); len(nx) > 0 {
			limit = nx[0]
		}
		pick := cands[0]
		for _, c := range cands {
			if c < limit {
				pick = c
			}
		}
		starts = append(starts, toks[pick])
		pos, want = pick, want+1
	}
}

// after returns the indices in is (ascending) that are greater than pos.
func after(is []int, pos int) []int {
	for k, i := range is {
		if i > pos {
			return is[k:]
		}
	}
	return nil
}
