package book

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/fpc/bindery/fonts"
	"github.com/fpc/bindery/typo"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/runenames"
)

// with returns the face with emphasis added: italic or bold, both when it has the other.
func (s Face) with(add fonts.Style) Face {
	switch {
	case s.Style == fonts.Regular:
		s.Style = add
	case s.Style != add:
		s.Style = fonts.BoldItalic
	}
	return s
}

// inlines converts the inline children of a block and applies the language's typography.
func (c *converter) inlines(n ast.Node) []Inline {
	st := BodyText.Face()
	if _, ok := n.(*ast.Heading); ok {
		st = HeadingText.Face()
	}
	return assignLangs(c.typeset(mergeText(c.inlineChildren(n, st))), c.lang, c.latin)
}

func (c *converter) inlineChildren(n ast.Node, st Face) []Inline {
	return c.siblings(n.FirstChild(), nil, st)
}

// appendInline appends the inlines of node n to out.
func (c *converter) appendInline(out []Inline, n ast.Node, st Face) []Inline {
	body := c.src.data[c.base:]
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		raw := string(body[seg.Start:seg.Stop])
		c.checkRun(seg.Start, raw, st)
		txt := resolveText(raw)
		out = append(out, Inline{Kind: Text, Text: txt, Pos: c.at(seg.Start), Marks: c.wordMarks(seg.Start, raw, txt)})
		switch {
		case n.HardLineBreak():
			out = append(out, Inline{Kind: Break})
		case n.SoftLineBreak():
			out = append(out, Inline{Kind: Text, Text: " "})
		}
		return out
	case *ast.String:
		return append(out, Inline{Kind: Text, Text: string(n.Value)})
	case *ast.Emphasis:
		kind, add := Emph, fonts.Italic
		if n.Level >= 2 {
			kind, add = Strong, fonts.Bold
		}
		return append(out, Inline{Kind: kind, Children: mergeText(c.inlineChildren(n, st.with(add)))})
	case *ast.CodeSpan:
		var b strings.Builder
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			if tx, ok := t.(*ast.Text); ok {
				b.Write(tx.Segment.Value(body))
			}
		}
		return append(out, Inline{Kind: Code, Text: b.String()})
	case *ast.Link:
		return append(out, Inline{Kind: Link, URL: string(n.Destination), Children: mergeText(c.inlineChildren(n, st))})
	case *ast.AutoLink:
		return append(out, autoLink(n, body))
	case *noteRefNode:
		return append(out, Inline{Kind: NoteRef, Label: n.label, Pos: c.at(n.offset)})
	case *ast.Image:
		return append(out, c.picture(n))
	case *ast.RawHTML:
		return append(out, c.rawHTML(n, body))
	case *spanCloseNode:
		c.ds.Warnf(c.at(n.offset), "%s closes a span opened outside this emphasis or link; it is kept as text", n.raw)
		return append(out, Inline{Kind: Text, Text: n.raw, Pos: c.at(n.offset)})
	}
	return c.appendSiblings(out, n.FirstChild(), nil, st)
}

// resolveText returns the text of a source text segment: backslash escapes, numeric character
// references and entities resolved.
func resolveText(raw string) string {
	if !strings.ContainsAny(raw, `\&`) {
		return raw // nothing to resolve
	}
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations([]byte(raw)))))
}

// autoLink turns a bare or bracketed URL or e-mail address into a URL run.
func autoLink(n *ast.AutoLink, body []byte) Inline {
	url := string(n.URL(body))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
		url = "mailto:" + url
	} else if !strings.Contains(url, "://") && !strings.HasPrefix(url, "mailto:") {
		url = "http://" + url
	}
	return Inline{Kind: URLText, Text: string(n.Label(body)), URL: url}
}

// rawHTML keeps inline HTML as text, with a warning.
func (c *converter) rawHTML(n *ast.RawHTML, body []byte) Inline {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(body[seg.Start:seg.Stop])
	}
	c.ds.Warnf(c.at(n.Segments.At(0).Start), "raw HTML %q is kept as text", b.String())
	return Inline{Kind: Text, Text: b.String()}
}

// checkRun reports characters the face cannot render and words that mix Latin and Cyrillic
// letters, in one pass over the text.
func (c *converter) checkRun(off int, s string, st Face) {
	face := fonts.Get(st.Family, st.Style)
	ascii := face != nil && c.hasASCII(face)
	start := -1 // the start of the word being read
	var latin, cyrillic bool
	for i, r := range s {
		if face != nil && !(ascii && r >= 0x20 && r < 0x7f) && !face.Has(r) && !unicode.IsControl(r) {
			c.ds.Errorf(c.at(off+i), "%U %s not in %s", r, runenames.Name(r), face.Name())
		}
		sc := scriptOf(r)
		if sc.letter || sc.mark {
			if start < 0 {
				start = i
			}
			latin, cyrillic = latin || sc.latin, cyrillic || sc.cyrillic
			continue
		}
		c.mixedScript(off, s, start, i, latin && cyrillic)
		start, latin, cyrillic = -1, false, false
	}
	c.mixedScript(off, s, start, len(s), latin && cyrillic)
}

// mixedScript warns about the word s[start:end] (none when start < 0) if it mixes scripts.
func (c *converter) mixedScript(off int, s string, start, end int, mixed bool) {
	if start >= 0 && mixed {
		c.ds.Warnf(c.at(off+start), "word %q mixes Latin and Cyrillic letters", s[start:end])
	}
}

// hasASCII reports whether face has every printable ASCII character, remembering the answer
// for the chapter.
func (c *converter) hasASCII(face *fonts.Face) bool {
	for _, f := range c.asciiFaces {
		if f.face == face {
			return f.all
		}
	}
	all := true
	for r := rune(0x20); r < 0x7f && all; r++ {
		all = face.Has(r)
	}
	c.asciiFaces = append(c.asciiFaces, faceASCII{face, all})
	return all
}

// faceASCII says whether a face has every printable ASCII character.
type faceASCII struct {
	face *fonts.Face
	all  bool
}

// mergeText joins neighbouring plain text runs, so typography sees whole phrases. It reuses
// the array of in.
func mergeText(in []Inline) []Inline {
	if len(in) == 0 {
		return nil
	}
	w := 0
	for i := 0; i < len(in); {
		j := i + 1
		for j < len(in) && mergeable(in[i], in[j]) {
			j++
		}
		in[w] = joinText(in[i:j]) // w <= i: the runs are read before it is written
		w++
		i = j
	}
	return in[:w]
}

// mergeable reports whether mergeText joins the text run y to the run x before it.
func mergeable(x, y Inline) bool { return x.Kind == Text && y.Kind == Text && x.Lang == y.Lang }

// joinText returns the first of text runs with the text and the marks of them all.
func joinText(runs []Inline) Inline {
	x := runs[0]
	if len(runs) == 1 {
		return x
	}
	size, marks := 0, 0
	for _, r := range runs {
		size, marks = size+len(r.Text), marks+len(r.Marks)
	}
	var b strings.Builder
	b.Grow(size)
	if marks > 0 {
		x.Marks = make([]Mark, 0, marks)
	}
	for _, r := range runs {
		for _, m := range r.Marks {
			x.Marks = append(x.Marks, Mark{At: m.At + b.Len(), Pos: m.Pos})
		}
		b.WriteString(r.Text)
	}
	x.Text = b.String()
	return x
}

// typeset applies the language's typography to the text of one block, in reading order.
func (c *converter) typeset(ins []Inline) []Inline {
	f := c.fixer
	f.Reset()
	var walk func([]Inline)
	walk = func(ins []Inline) {
		for i := range ins {
			switch ins[i].Kind {
			case Text:
				ins[i].Text = c.fixText(f, ins[i].Text, ins[i].Marks)
			case Emph, Strong, Link:
				walk(ins[i].Children)
			}
		}
	}
	walk(ins)
	return tieNoteRefs(ins)
}

// fixText returns s through the Fixer and moves the marks of its words with it.
func (c *converter) fixText(f *typo.Fixer, s string, marks []Mark) string {
	c.offs = c.offs[:0]
	for _, m := range marks {
		c.offs = append(c.offs, m.At)
	}
	s = f.TextMap(s, c.offs)
	for k := range marks {
		marks[k].At = c.offs[k]
	}
	return s
}

// tieNoteRefs takes away the space a source puts before a note reference ("саммиті) [^135]",
// "жылы. [^2]"), so that the reference is never the first thing on a line, in the PDF or
// in a reading system; a space between two references stays (the layout ties it).
func tieNoteRefs(ins []Inline) []Inline {
	out := ins[:0]
	for i, x := range ins {
		x.Children = tieNoteRefs(x.Children)
		if x.Kind == Text && i+1 < len(ins) && ins[i+1].Kind == NoteRef {
			trimmed := strings.TrimRight(x.Text, " \t\n")
			if trimmed == "" && i > 0 && ins[i-1].Kind == NoteRef {
				trimmed = x.Text
			}
			x.Text = trimmed
			if x.Text == "" {
				continue
			}
			for k := range x.Marks {
				x.Marks[k].At = min(x.Marks[k].At, len(x.Text))
			}
		}
		out = append(out, x)
	}
	return out
}

// PlainText returns the text of inlines without markup, note references and pictures
// left out (a picture's alt text is not part of the line) and a line break as a space: the
// characters a PageMark's Offset counts.
func PlainText(ins []Inline) string {
	var b strings.Builder
	writePlain(&b, ins)
	return b.String()
}

// PlainLabel is PlainText with each run of ASCII white space made one space and none at
// either end: the text of a heading in a contents, a navigation entry, a bookmark or a
// running head. No-break spaces stay.
func PlainLabel(ins []Inline) string {
	return strings.Join(strings.FieldsFunc(PlainText(ins), asciiSpace), " ")
}

func writePlain(b *strings.Builder, ins []Inline) {
	for _, x := range ins {
		switch x.Kind {
		case Text, Code, URLText:
			b.WriteString(x.Text)
		case Break:
			b.WriteByte(' ')
		default:
			writePlain(b, x.Children)
		}
	}
}

func asciiSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func (n *Note) String() string { return fmt.Sprintf("note %d [^%s]", n.Number, n.Label) }

// wordMarks returns the places of the words of a text segment that starts at byte off of the
// body: raw is its source, txt the text it became (escapes and entities resolved, which never
// add or remove a space), so the n-th word of txt starts where the n-th word of raw does.
func (c *converter) wordMarks(off int, raw, txt string) []Mark {
	n := countWords(txt)
	if n == 0 {
		return nil
	}
	marks := make([]Mark, 0, n)
	ri := 0
	for ti := 0; ti < len(txt); {
		if txt[ti] == ' ' || txt[ti] == '\t' || txt[ti] == '\n' {
			ti++
			continue
		}
		for ri < len(raw) && (raw[ri] == ' ' || raw[ri] == '\t' || raw[ri] == '\n') {
			ri++
		}
		marks = append(marks, Mark{At: ti, Pos: c.at(off + ri)})
		for ti < len(txt) && txt[ti] != ' ' && txt[ti] != '\t' && txt[ti] != '\n' {
			ti++
		}
		for ri < len(raw) && raw[ri] != ' ' && raw[ri] != '\t' && raw[ri] != '\n' {
			ri++
		}
	}
	return marks
}

// countWords returns how many words wordMarks finds in txt.
func countWords(txt string) int {
	n, in := 0, false
	for i := 0; i < len(txt); i++ {
		space := txt[i] == ' ' || txt[i] == '\t' || txt[i] == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
