package layout

import (
	"slices"
	"strings"

	"github.com/fpc/bindery/layout/pdfdraw"
	"github.com/fpc/bindery/pdf"
)

// runRole is what a run of a line is in the document's structure.
type runRole struct {
	node     *pdfdraw.Node // nil for an artifact
	actual   bool          // part of a hyphen-broken word
	whole    string        // the word, on its first part ("" on the others)
	artifact bool
}

// line places a line's runs with their baseline at y (top is the line's top, where the
// destinations of its anchors point). Consecutive runs in one face, size, colour and
// structure node become one run, with every glyph at its place; a word space becomes a
// space glyph, so the text keeps its spaces; the parts of a hyphen-broken word carry the
// whole word as their actual text. A label is drawn first, as it is read first.
func (ds *displayer) line(out *pdfdraw.Page, ln *line, x, top, y float64) {
	order := ds.order[:0]
	for i, r := range ln.runs {
		if r.tag != nil {
			order = append(order, i)
		}
	}
	for i, r := range ln.runs {
		if r.tag == nil {
			order = append(order, i)
		}
	}
	ds.order = order
	roles := ds.roles(ln)
	ds.chars = 0
	for _, r := range ln.runs {
		ds.chars += len(r.g.text) + 1
	}
	ds.free(out) // the runs placed so far take their room in the buffer before it is measured
	if cap(ds.glyphs)-len(ds.glyphs) < ds.chars {
		ds.glyphs = make([]pdf.Glyph, 0, max(2*cap(ds.glyphs), 4*ds.chars, 1024))
	}
	var cur *pdfdraw.Run
	var curRole runRole
	var last placed
	for _, i := range order {
		r := ln.runs[i]
		if r.g.anchor != "" {
			out.Dests = append(out.Dests, pdfdraw.Dest{Name: r.g.anchor, Y: top})
		}
		role := roles[i]
		if r.g.pic != nil { // a picture inside the text: the words after it are a run of their own
			if cur != nil && !curRole.artifact {
				cur.Glyphs = ds.space(cur, last.x+last.g.width-(cur.X-x))
			}
			ds.picture(out, ln, r, x, y)
			cur = nil
			continue
		}
		if cur != nil && role == curRole && r.tag == nil && last.tag == nil && sameText(last, r) {
			if !touching(last, r) {
				cur.Glyphs = ds.space(cur, last.x+last.g.width-(cur.X-x))
			}
			cur.Glyphs = ds.cache.glyphs(r.g, r.x-(cur.X-x), cur.Glyphs)
			last = r
			continue
		}
		gap := cur != nil && !curRole.artifact && !touching(last, r) && last.tag == nil
		if gap && !curRole.actual {
			cur.Glyphs = ds.space(cur, last.x+last.g.width-(cur.X-x))
		}
		run := ds.run(out, r, x, y, role)
		if gap && curRole.actual { // not inside a broken word's actual text: before the next word
			sp := pdfdraw.Run{Font: run.Font}
			run.Glyphs = append(ds.space(&sp, last.x+last.g.width-r.x), run.Glyphs...)
		}
		out.Runs = append(out.Runs, run)
		cur, curRole, last = &out.Runs[len(out.Runs)-1], role, r
	}
	if cur != nil && !curRole.artifact && !ln.inWord && !ln.last {
		if curRole.actual {
			sp := pdfdraw.Run{Font: cur.Font, Size: cur.Size, X: cur.X, Y: cur.Y, Color: cur.Color, Tag: cur.Tag}
			out.Runs = append(out.Runs, sp)
			cur = &out.Runs[len(out.Runs)-1]
		}
		cur.Glyphs = ds.space(cur, last.x+last.g.width-(cur.X-x))
	}
	ds.lineLinks(out, ln, x, y, roles)
}

// free returns the unused rest of the page's glyph buffer, for a new run to append to, once
// the runs of the page so far are counted as using their glyphs' length of it: each grows
// only until the next starts (one not in the buffer just leaves a gap).
func (ds *displayer) free(out *pdfdraw.Page) []pdf.Glyph {
	for _, r := range out.Runs[ds.counted:] {
		ds.glyphs = ds.glyphs[:min(len(ds.glyphs)+len(r.Glyphs), cap(ds.glyphs))]
	}
	ds.counted = len(out.Runs)
	return ds.glyphs[len(ds.glyphs):]
}

// run starts a display run for a placed run.
func (ds *displayer) run(out *pdfdraw.Page, r placed, x, y float64, role runRole) pdfdraw.Run {
	run := pdfdraw.Run{Font: int(r.g.font), Size: r.g.size, X: x + r.x, Y: y - r.g.rise, Color: inkColor,
		Tag: role.node, Actual: role.actual, ActualText: role.whole}
	if r.g.alert {
		run.Color = alertColor
	}
	if role.artifact {
		run.Artifact = "Layout"
	}
	run.Glyphs = ds.cache.glyphs(r.g, 0, ds.free(out))
	return run
}

// space appends a space glyph at x (from the run's origin) to a run.
func (ds *displayer) space(run *pdfdraw.Run, x float64) []pdf.Glyph {
	f := ds.d.m.faces[run.Font]
	return append(run.Glyphs, pdf.Glyph{ID: uint16(f.glyph(' ')), Text: " ", X: x})
}

// roles decides the structure node of every run of a line: its label's, its link's, or
// the line's text block; leaders are artifacts.
func (ds *displayer) roles(ln *line) []runRole {
	roles := slices.Grow(ds.roleBuf[:0], len(ln.runs))[:len(ln.runs)]
	clear(roles)
	ds.roleBuf = roles
	for i, r := range ln.runs {
		switch {
		case r.artifact:
			roles[i] = runRole{artifact: true}
		case r.g.link != "" && r.tag != nil:
			roles[i] = runRole{node: ds.langNode(ds.linkNode(r.tag, r.g.link), r.g.lang)}
			delete(ds.spans, r.tag)
		case r.tag != nil:
			roles[i] = runRole{node: ds.langNode(r.tag, r.g.lang)}
		case r.g.link != "":
			roles[i] = runRole{node: ds.langNode(ds.linkNode(ln.tag, r.g.link), r.g.lang)}
			delete(ds.spans, ln.tag)
		default:
			roles[i] = runRole{node: ds.langNode(ln.tag, r.g.lang)}
			delete(ds.links, ln.tag)
		}
	}
	if end, ok := ds.cont[ln]; ok {
		for _, i := range textRuns(ln)[:end+1] {
			roles[i].actual = true
		}
	}
	if w, ok := ds.words[ln]; ok {
		idx := textRuns(ln)
		from := trailingFragment(ln, idx)
		for k, i := range idx[from:] {
			roles[i].actual = true
			if k == 0 {
				roles[i].whole = w
			}
		}
	}
	return roles
}

// langNode returns the node of a run in language lang inside the node parent: parent itself
// for text in the document's language, else a Span whose /Lang says the language, the one of
// parent's previous run when that was in the same language (a Link inside parent ends it,
// so the tree keeps the reading order).
func (ds *displayer) langNode(parent *pdfdraw.Node, lang string) *pdfdraw.Node {
	if lang == "" || lang == ds.d.ed.Lang || parent == nil {
		delete(ds.spans, parent)
		return parent
	}
	if s, ok := ds.spans[parent]; ok && s.Lang == lang {
		return s
	}
	s := &pdfdraw.Node{Role: "Span", Parent: parent, Lang: lang}
	ds.spans[parent] = s
	return s
}

// textRuns returns the indexes of a line's text runs (no label, no leaders), in order.
func textRuns(ln *line) []int { return appendTextRuns(nil, ln) }

// appendTextRuns appends the indexes of a line's text runs to idx.
func appendTextRuns(idx []int, ln *line) []int {
	for i, r := range ln.runs {
		if r.tag == nil && !r.artifact {
			idx = append(idx, i)
		}
	}
	return idx
}

// lastTextRun returns the index of a line's last text run, -1 when it has none.
func lastTextRun(ln *line) int {
	for i := len(ln.runs) - 1; i >= 0; i-- {
		if r := ln.runs[i]; r.tag == nil && !r.artifact {
			return i
		}
	}
	return -1
}

// touches reports whether b continues a's word: it starts where a ends, on its baseline,
// with the same link.
func touches(a, b placed) bool {
	return touching(a, b) && a.g.rise == b.g.rise && a.g.link == b.g.link
}

// touching reports whether b starts where a ends, closer than any word space: kerning
// and letter-spacing move boxes of a word apart by far less.
func touching(a, b placed) bool { return b.x <= a.x+a.g.width+0.08*a.g.size }

// trailingFragment returns the position in idx of the first run of the word a hyphenated
// line ends with (the inserted hyphen is the last run).
func trailingFragment(ln *line, idx []int) int {
	k := len(idx) - 1
	for k > 0 && touches(ln.runs[idx[k-1]], ln.runs[idx[k]]) {
		k--
	}
	return k
}

// leadingFragment returns the position in idx of the last run of the word a line starts with.
func leadingFragment(ln *line, idx []int) int {
	k := 0
	for k+1 < len(idx) && touches(ln.runs[idx[k]], ln.runs[idx[k+1]]) {
		k++
	}
	return k
}

// brokenWords finds every word broken at the end of a line (by an inserted hyphen, after a
// hyphen of its own, in a URL), also over several lines: for the line where it starts, the
// whole word; for each line after it, how many of its runs continue the word.
func (d *Document) brokenWords() (map[*line]string, map[*line]int) {
	words, cont := map[*line]string{}, map[*line]int{}
	var first, prev *line // the line the word started on, the line before this one
	var w strings.Builder
	var ni []int // the text runs of the line, in a buffer reused line by line
	for _, p := range d.pages {
		for _, ln := range p.textLines() {
			ni = appendTextRuns(ni[:0], ln)
			end := -1
			if first != nil && prev.tag == ln.tag && len(ni) > 0 {
				end = leadingFragment(ln, ni)
				w.WriteString(fragmentText(ln, ni[:end+1]))
				cont[ln] = end
				if end == len(ni)-1 && ln.inWord { // the whole line is part of the word
					prev = ln
					continue
				}
				words[first] = w.String()
			}
			first, prev = nil, ln
			w.Reset()
			if ln.inWord && !ln.last {
				if from := trailingFragment(ln, ni); from > end && from < len(ni) {
					first = ln
					w.WriteString(fragmentText(ln, ni[from:]))
				}
			}
		}
	}
	return words, cont
}

// fragmentText is the text of some runs of a line, without an inserted hyphen.
func fragmentText(ln *line, idx []int) string {
	var b strings.Builder
	for k, i := range idx {
		if ln.hyphenated && k == len(idx)-1 && i == lastTextRun(ln) {
			break
		}
		b.WriteString(ln.runs[i].g.text)
	}
	return b.String()
}

// lineLinks puts one link area over each stretch of consecutive runs of a line that share
// a target, so a URL broken into many boxes still gets a single annotation, tagged with
// the Link node of its runs and described by their text.
func (ds *displayer) lineLinks(out *pdfdraw.Page, ln *line, x, y float64, roles []runRole) {
	for i := 0; i < len(ln.runs); {
		r := ln.runs[i]
		j, width := i+1, r.g.width
		text := r.g.text
		for j < len(ln.runs) && r.g.link != "" && ln.runs[j].g.link == r.g.link && ln.runs[j].g.rise == r.g.rise {
			width = ln.runs[j].x + ln.runs[j].g.width - r.x
			text += ln.runs[j].g.text
			j++
		}
		if l := r.g.link; l != "" && (!strings.HasPrefix(l, "#") || ds.targets[l[1:]]) {
			out.Links = append(out.Links, pdfdraw.Link{X: x + r.x, Y: y - r.g.rise - 0.8*r.g.size,
				W: width, H: r.g.size, Target: l, Tag: roles[i].node, Alt: ds.describe(r.g, text)})
		}
		i = j
	}
}

// describe is the alternate description of a link: a note reference names the note; other
// links are described by their text, or their address.
func (ds *displayer) describe(g *glyphs, text string) string {
	if g.anchor != "" && g.rise > 0 {
		return strings.TrimSpace(ds.d.ui.Note) + " " + text
	}
	if strings.TrimSpace(text) == "" {
		return g.link
	}
	return text
}

// linkNode returns the Link node of a run that links to target in the text block block: the
// node of the block's previous run when that linked to the same target, else a new one.
func (ds *displayer) linkNode(block *pdfdraw.Node, target string) *pdfdraw.Node {
	if l, ok := ds.links[block]; ok && l.target == target {
		return l.node
	}
	n := &pdfdraw.Node{Role: "Link", Parent: block}
	ds.links[block] = &openLink{target: target, node: n}
	return n
}

// sameText reports whether b can continue a's run: same face, size, baseline and colour, to
// its right.
func sameText(a, b placed) bool {
	return a.g.font == b.g.font && a.g.size == b.g.size && a.g.rise == b.g.rise && a.g.alert == b.g.alert &&
		b.x >= a.x+a.g.width-0.01
}
