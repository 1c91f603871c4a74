package book

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Explicit language spans: pandoc's bracketed spans `[text]{lang=en}` (also lang="en", and
// other attributes such as .class beside it, which bindery ignores). The opening `[` and the
// closing `]{…}` must stand on one line. The text between is parsed as usual (emphasis,
// links, note references) and every run of it gets the span's language. A bracket with
// attributes but no lang is left as text.

var (
	kindSpanOpen  = ast.NewNodeKind("BinderySpanOpen")
	kindSpanClose = ast.NewNodeKind("BinderySpanClose")
	spanCloses    = parser.NewContextKey() // map[int]int: offset of a span's `]` -> length of `]{…}`
)

// spanOpenNode marks the `[` of a span, with the span's language and the offset of the `[`.
type spanOpenNode struct {
	ast.BaseInline
	lang   string
	offset int
}

func (n *spanOpenNode) Kind() ast.NodeKind         { return kindSpanOpen }
func (n *spanOpenNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// spanCloseNode marks the `]{…}` that ends a span; raw is its source text.
type spanCloseNode struct {
	ast.BaseInline
	raw    string
	offset int
}

func (n *spanCloseNode) Kind() ast.NodeKind         { return kindSpanClose }
func (n *spanCloseNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// spanParser recognizes the two ends of a span. It runs before goldmark's link parser, which
// otherwise reads the brackets.
type spanParser struct{}

func (spanParser) Trigger() []byte { return []byte{'[', ']'} }

func (spanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	if line[0] == ']' {
		closes, _ := pc.Get(spanCloses).(map[int]int)
		n, ok := closes[seg.Start]
		if !ok {
			return nil
		}
		delete(closes, seg.Start)
		block.Advance(n)
		return &spanCloseNode{raw: string(line[:n]), offset: seg.Start}
	}
	end, attrs, ok := scanSpan(line)
	if !ok {
		return nil
	}
	lang, ok := spanLang(attrs)
	if !ok {
		return nil
	}
	closes, _ := pc.Get(spanCloses).(map[int]int)
	if closes == nil {
		closes = map[int]int{}
		pc.Set(spanCloses, closes)
	}
	closes[seg.Start+end] = len(attrs) + 3
	block.Advance(1)
	return &spanOpenNode{lang: lang, offset: seg.Start}
}

// scanSpan finds, in a line starting with `[`, the matching `]` (brackets nest, a backslash
// escapes, code spans are skipped) followed by `{attrs}`; it returns the offset of the `]`.
func scanSpan(line []byte) (end int, attrs string, ok bool) {
	if len(line) < 2 || line[1] == '^' {
		return 0, "", false
	}
	depth := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '`':
			j := i
			for j < len(line) && line[j] == '`' {
				j++
			}
			if k := strings.Index(string(line[j:]), string(line[i:j])); k >= 0 {
				i = j + k + (j - i) - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			if i+1 >= len(line) || line[i+1] != '{' {
				return 0, "", false
			}
			k := strings.IndexAny(string(line[i+2:]), "}\n")
			if k < 0 || line[i+2+k] != '}' {
				return 0, "", false
			}
			return i, string(line[i+2 : i+2+k]), true
		}
	}
	return 0, "", false
}

// spanLang returns the lang attribute of a span's attribute text.
func spanLang(attrs string) (string, bool) {
	m := langAttrRe.FindStringSubmatch(attrs)
	if m == nil {
		return "", false
	}
	return m[1] + m[2] + m[3], true
}

var langAttrRe = regexp.MustCompile(`(?:^|\s)lang=(?:"([^"]*)"|'([^']*)'|([^\s"']+))`)

// siblings converts the inline nodes from first up to stop (nil: to the end), each explicit
// span with its language.
func (c *converter) siblings(first, stop ast.Node, st Face) []Inline {
	return c.appendSiblings(nil, first, stop, st)
}

// appendSiblings appends the inlines of siblings(first, stop, st) to out.
func (c *converter) appendSiblings(out []Inline, first, stop ast.Node, st Face) []Inline {
	for n := first; n != nil && n != stop; n = n.NextSibling() {
		open, ok := n.(*spanOpenNode)
		if !ok {
			out = c.appendInline(out, n, st)
			continue
		}
		close := matchingClose(open)
		if close == nil {
			c.ds.Warnf(c.at(open.offset), "span [ is not closed by ]{lang=%s} within the same emphasis, link or line; it is kept as text", open.lang)
			out = append(out, Inline{Kind: Text, Text: "[", Pos: c.at(open.offset)})
			continue
		}
		out = append(out, c.span(open, close, st)...)
		n = close
	}
	return out
}

// matchingClose returns the close of an open span among its later siblings, or nil.
func matchingClose(open *spanOpenNode) *spanCloseNode {
	depth := 0
	for n := open.NextSibling(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *spanOpenNode:
			depth++
		case *spanCloseNode:
			if depth == 0 {
				return n
			}
			depth--
		}
	}
	return nil
}

// span converts the nodes between open and close and gives their runs the span's language.
func (c *converter) span(open *spanOpenNode, close *spanCloseNode, st Face) []Inline {
	inner := mergeText(c.siblings(open.NextSibling(), close, st))
	if !checkLangTag(open.lang) {
		c.ds.Warnf(c.at(open.offset), "span language %q is not a BCP 47 tag (such as en or kk-Latn); the text gets its language as if it were not in a span", open.lang)
		return inner
	}
	if len(inner) == 0 {
		c.ds.Warnf(c.at(open.offset), "empty span []{lang=%s}", open.lang)
	}
	setLang(inner, open.lang)
	return inner
}
