package book

import (
	"bytes"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fpc/bindery/typo"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// frontMatter is the YAML header of a chapter file.
type frontMatter struct {
	Title  string `yaml:"title"`
	Author string `yaml:"author"`
	Kind   string `yaml:"kind"`
	Source string `yaml:"source"`
}

var chapterKinds = map[string]bool{"": true, "executive-summary": true, "introduction": true,
	"conclusions": true, "overview": true, "chapter": true}

// source is one manuscript file with a line index for positions.
type source struct {
	file  string
	data  []byte
	raw   []byte // data as read, before sanitize
	lines []int  // byte offset of the start of each line
	// The last position computed: the next one on the same line, further on, counts
	// characters from there (callers walk forward, so a long line is read once).
	memoOff, memoCol int
	memoLine         int // the index in lines of the line of memoOff
}

func newSource(file string, data []byte) *source {
	s := &source{file: file, data: data, raw: data, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// pos converts a byte offset into a line and a column counted in characters.
func (s *source) pos(off int) Pos {
	lo, hi := 0, len(s.lines)-1
	if m := s.memoLine; s.lines[m] <= off && (m == hi || off < s.lines[m+1]) {
		lo, hi = m, m // on the line of the last position: no search
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	start, col := s.lines[lo], 0
	off = min(off, len(s.data))
	if s.memoOff >= start && s.memoOff <= off {
		start, col = s.memoOff, s.memoCol
	}
	col += utf8.RuneCount(s.data[start:off])
	s.memoOff, s.memoCol, s.memoLine = off, col, lo
	return Pos{File: s.file, Line: lo + 1, Col: col + 1}
}

// splitFrontMatter returns the YAML header and the offset where the body starts.
func splitFrontMatter(data []byte) (header []byte, body int, ok bool) {
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, 0, false
	}
	start := bytes.IndexByte(data, '\n') + 1
	for i := start; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		end := len(data)
		if j >= 0 {
			end = i + j
		}
		if strings.TrimRight(string(data[i:end]), "\r ") == "---" {
			return data[start:i], min(end+1, len(data)), true
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	return nil, 0, false
}

// parseChapter turns one manuscript into a chapter with the default Latin rule.
func parseChapter(file string, data []byte, lang string, draft bool, ds *Diagnostics) *Chapter {
	return parseChapterLang(file, data, lang, latinLangFor(lang, ""), draft, ds)
}

// parseChapterLang turns one manuscript into a chapter; latin is the language of Latin
// parts ("" for none).
func parseChapterLang(file string, data []byte, lang, latin string, draft bool, ds *Diagnostics) *Chapter {
	return parseChapterFixer(typo.New(lang), file, data, lang, latin, draft, ds)
}

// parseChapterFixer is parseChapterLang with the Fixer for lang to use, so that the chapters
// of an edition share one and its buffers.
func parseChapterFixer(fx *typo.Fixer, file string, data []byte, lang, latin string, draft bool, ds *Diagnostics) *Chapter {
	src := newSource(file, data)
	checkText(src, ds)
	data = sanitize(data)
	src.data, src.memoOff, src.memoCol, src.memoLine = data, 0, 0, 0
	ch := &Chapter{File: file, ID: chapterID(file)}
	bom := 0
	if bytes.HasPrefix(data, []byte("   ")) && bytes.HasPrefix(src.raw, []byte("\ufeff")) {
		bom = 3 // sanitize blanked the byte order mark an editor saved
	}
	header, body, ok := splitFrontMatter(data[bom:])
	body += bom
	if !ok {
		ds.Errorf(src.pos(0), "chapter has no front matter (a YAML header between --- lines with a title)")
	} else {
		parseFrontMatter(src, header, ch, ds)
	}
	root := manuscriptParser().Parse(text.NewReader(data[body:]))
	c := &converter{src: src, base: body, lang: lang, latin: latin, ds: ds, defs: map[string][]*Note{}, fixer: fx}
	c.defPositions(data[body:])
	ch.Blocks = c.blocks(root)
	if len(ch.Blocks) == 0 {
		ds.Errorf(src.pos(body), "chapter %q is empty", ch.Title)
	}
	c.checkHeadings(ch.Blocks)
	checkNesting(ch.Blocks, 0, ds)
	for _, d := range c.defList {
		checkNesting(d.Blocks, 0, ds)
	}
	numberNotes(ch, c.defList, draft, ds)
	if len(ch.Notes) > MaxNotes {
		ds.Errorf(ch.Notes[MaxNotes].Pos, "chapter has %d endnotes: bindery numbers at most %d notes in a chapter; split it into chapters", len(ch.Notes), MaxNotes)
	}
	return ch
}

func parseFrontMatter(src *source, header []byte, ch *Chapter, ds *Diagnostics) {
	var fm frontMatter
	var node yaml.Node
	if err := yaml.Unmarshal(header, &node); err != nil {
		p := yamlErrPos(src.file, err)
		p.Line++ // the header starts on line 2
		ds.Errorf(p, "invalid YAML front matter: %s", yamlErrMsg(err))
		return
	}
	if len(node.Content) > 0 {
		warnFrontMatterKeys(src, node.Content[0], ds)
	}
	if err := node.Decode(&fm); err != nil {
		p := yamlErrPos(src.file, err)
		p.Line++
		ds.Errorf(p, "front matter: %s", yamlErrMsg(err))
	}
	ch.Title, ch.Author, ch.Kind, ch.Source = strings.TrimSpace(fm.Title), fm.Author, fm.Kind, fm.Source
	if ch.Title == "" {
		ds.Errorf(Pos{File: src.file, Line: 1, Col: 1}, "front matter is missing the required field %q", "title")
	}
	if !chapterKinds[ch.Kind] {
		pos := Pos{File: src.file, Line: 1, Col: 1}
		var top *yaml.Node
		if len(node.Content) > 0 {
			top = node.Content[0]
		}
		if v := valueNode(top, "kind"); v != nil {
			pos = Pos{File: src.file, Line: v.Line + 1, Col: v.Column}
		}
		ds.Warnf(pos, "unknown chapter kind %q%s", ch.Kind, didYouMean(ch.Kind, slices.Sorted(maps.Keys(chapterKinds))))
	}
}

// chapterID makes an XML-safe identifier from the file name: "ch02-introduction".
func chapterID(file string) string {
	stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
	var b strings.Builder
	b.WriteString("ch")
	for _, r := range strings.ToLower(stem) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// converter turns goldmark's tree into the model's blocks and inlines.
type converter struct {
	src     *source
	base    int // offset of the body inside the file
	lang    string
	latin   string // the language of Latin parts, "" when the rule is off (see lang.go)
	ds      *Diagnostics
	defList []*Note // every definition, in source order
	defs    map[string][]*Note
	defPos  map[string][]int
	fixer   *typo.Fixer // the typography of every block, in c.lang, reused (see typeset)
	offs    []int       // a working buffer of typeset
	// asciiFaces are the faces checkRun has met, each with whether it has all of ASCII.
	asciiFaces []faceASCII
}

func (c *converter) at(off int) Pos { return c.src.pos(c.base + off) }

// defPositions records where each footnote definition `[^label]:` starts, by label.
func (c *converter) defPositions(body []byte) {
	c.defPos = map[string][]int{}
	for line := 0; line < len(body); {
		if at, label := defAt(body[line:]); label != nil {
			c.defPos[string(label)] = append(c.defPos[string(label)], line+at)
		}
		next := bytes.IndexByte(body[line:], '\n')
		if next < 0 {
			break
		}
		line += next + 1
	}
}

// defAt reads the start of a line as a footnote definition: at most three spaces, then
// `[^label]:` with a label of one or more characters other than `]` and white space. It
// returns the offset of the `[` and the label, nil when the line holds no definition.
func defAt(line []byte) (int, []byte) {
	at := 0
	for at < 3 && at < len(line) && line[at] == ' ' {
		at++
	}
	if !bytes.HasPrefix(line[at:], []byte("[^")) {
		return 0, nil
	}
	end := at + 2
	for end < len(line) && !defLabelStop(line[end]) {
		end++
	}
	if end == at+2 || !bytes.HasPrefix(line[end:], []byte("]:")) {
		return 0, nil
	}
	return at, line[at+2 : end]
}

// defLabelStop reports whether b ends a definition's label: `]` or white space (\s of RE2).
func defLabelStop(b byte) bool {
	switch b {
	case ']', ' ', '\t', '\n', '\f', '\r':
		return true
	}
	return false
}

// blockPos returns the position of a block node's first line.
func (c *converter) blockPos(n ast.Node) Pos {
	for m := n; m != nil; m = m.FirstChild() {
		if m.Type() == ast.TypeBlock && m.Lines().Len() > 0 {
			return c.at(m.Lines().At(0).Start)
		}
		if cn, ok := m.(*containerNode); ok {
			return c.at(cn.open)
		}
	}
	return c.at(0)
}

func (c *converter) blocks(parent ast.Node) []Block {
	var out []Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if bs, last := c.tableBlocks(n); last != nil {
			out = append(out, bs...)
			n = last
			continue
		}
		out = append(out, c.block(n)...)
	}
	return out
}

func (c *converter) block(n ast.Node) []Block {
	pos := c.blockPos(n)
	switch n := n.(type) {
	case *ast.Paragraph:
		if fig := c.figure(n, pos); fig != nil {
			return fig
		}
		return []Block{{Kind: Paragraph, Pos: pos, Inlines: c.inlines(n)}}
	case *ast.TextBlock:
		return []Block{{Kind: Paragraph, Pos: pos, Inlines: c.inlines(n)}}
	case *ast.Heading:
		return []Block{{Kind: Heading, Pos: pos, Level: n.Level, Inlines: c.inlines(n)}}
	case *ast.List:
		b := Block{Kind: List, Pos: pos, Ordered: n.IsOrdered(), Start: n.Start}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			b.Items = append(b.Items, c.blocks(it))
		}
		return []Block{b}
	case *ast.Blockquote:
		return []Block{{Kind: Quote, Pos: pos, Children: c.blocks(n)}}
	case *containerNode:
		return c.container(n, pos)
	case *extast.FootnoteList:
		c.footnotes(n)
		return nil
	case *ast.ThematicBreak:
		return []Block{{Kind: SectionBreak, Pos: c.at(n.Pos())}}
	case *ast.FencedCodeBlock:
		return []Block{c.codeBlock(n, c.at(n.Pos()), string(n.Language(c.src.data[c.base:])))}
	case *ast.CodeBlock:
		c.ds.Warnf(pos, "an indented code block is set as code (monospace, verbatim); if it is a paragraph, remove its indentation, and write code between ``` fences")
		return []Block{c.codeBlock(n, pos, "")}
	case *ast.HTMLBlock:
		c.ds.Warnf(pos, "raw HTML is not part of the manuscript format; its text is kept as a paragraph")
		return []Block{{Kind: Paragraph, Pos: pos, Inlines: []Inline{{Kind: Code, Text: string(linesText(n, c.src.data[c.base:])), Lang: c.lang}}}}
	}
	c.ds.Warnf(pos, "unsupported block %s", n.Kind())
	return nil
}

func linesText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

func (c *converter) container(n *containerNode, pos Pos) []Block {
	if !n.closed {
		c.ds.Errorf(c.at(n.open), "::: %s is never closed: end it with a line holding only :::", n.name)
	}
	switch n.name {
	case "box":
		b := Block{Kind: Box, Pos: pos, Children: c.blocks(n)}
		b.Title = c.attrText(n.attrs["title"])
		b.Byline = c.attrText(n.attrs["byline"])
		return []Block{b}
	case "credit":
		var ins []Inline
		for _, b := range c.blocks(n) {
			if len(ins) > 0 {
				ins = append(ins, Inline{Kind: Break, Lang: c.lang})
			}
			ins = append(ins, b.Inlines...)
		}
		return []Block{{Kind: Credit, Pos: pos, Inlines: ins}}
	}
	c.ds.Errorf(pos, "unknown container %q (bindery knows ::: box and ::: credit)", n.name)
	return c.blocks(n)
}

// attrText turns a container attribute into inlines with typography applied.
func (c *converter) attrText(s string) []Inline {
	if s == "" {
		return nil
	}
	return assignLangs(c.typeset([]Inline{{Kind: Text, Text: s}}), c.lang, c.latin)
}

func (c *converter) footnotes(list *extast.FootnoteList) {
	seen := map[string]int{}
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		fn := n.(*extast.Footnote)
		label := string(fn.Ref)
		k := seen[label]
		seen[label]++
		pos := c.blockPos(fn)
		if offs := c.defPos[label]; k < len(offs) {
			pos = c.at(offs[k])
		}
		note := &Note{Label: label, Pos: pos, Blocks: c.blocks(fn)}
		c.defList = append(c.defList, note)
	}
}

// checkHeadings reports headings that break the outline: a level-1 heading in the body,
// levels deeper than MaxHeadingLevel, and skipped levels.
func (c *converter) checkHeadings(blocks []Block) {
	prev := 1
	for _, b := range blocks {
		if b.Kind != Heading {
			continue
		}
		switch {
		case b.Level == 1:
			c.ds.Errorf(b.Pos, "level-1 heading in a chapter body: the chapter title comes from the front matter; use ## for sections")
		case b.Level > MaxHeadingLevel:
			c.ds.Errorf(b.Pos, "heading level %d: bindery sets headings from ## to #### (level %d); use #### or bold text", b.Level, MaxHeadingLevel)
		case b.Level > prev+1:
			c.ds.Warnf(b.Pos, "heading level %d follows level %d: a level is skipped", b.Level, prev)
		}
		prev = b.Level
	}
}
