package book

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file holds the goldmark extensions of the manuscript format: `::: name attrs`
// containers, `[^label]` note references that remember their place, and the footnote
// definition parser without goldmark's transformer (bindery numbers and validates notes
// itself, see notes.go). Nothing outside book sees goldmark types.

// kindContainer is the node kind of a `:::` container.
var kindContainer = ast.NewNodeKind("BinderyContainer")

// containerNode is a `::: name key="value"` … `:::` block.
type containerNode struct {
	ast.BaseBlock
	name   string
	attrs  map[string]string
	open   int  // byte offset of the opening line
	closed bool // a closing ::: line ended it (not the end of the file or of its parent)
}

func (n *containerNode) Kind() ast.NodeKind { return kindContainer }

func (n *containerNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type containerParser struct{}

func (containerParser) Trigger() []byte { return []byte{':'} }

var attrRe = regexp.MustCompile(`([A-Za-z_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"`)

func (containerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	trimmed := bytes.TrimSpace(line)
	if !bytes.HasPrefix(trimmed, []byte(":::")) {
		return nil, parser.NoChildren
	}
	rest := strings.TrimSpace(string(trimmed[3:]))
	if rest == "" {
		return nil, parser.NoChildren // a closing fence with nothing open
	}
	name, attrText, _ := strings.Cut(rest, " ")
	n := &containerNode{name: name, attrs: map[string]string{}, open: seg.Start}
	for _, m := range attrRe.FindAllStringSubmatch(attrText, -1) {
		n.attrs[m[1]] = strings.ReplaceAll(m[2], `\"`, `"`)
	}
	reader.AdvanceToEOL()
	return n, parser.HasChildren
}

func (containerParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if string(bytes.TrimSpace(line)) == ":::" {
		reader.AdvanceToEOL()
		node.(*containerNode).closed = true
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (containerParser) Close(ast.Node, text.Reader, parser.Context) {}
func (containerParser) CanInterruptParagraph() bool                 { return true }
func (containerParser) CanAcceptIndentedLine() bool                 { return false }

// kindNoteRef is the node kind of a `[^label]` reference.
var kindNoteRef = ast.NewNodeKind("BinderyNoteRef")

// noteRefNode is a note reference with the byte offset of its `[`.
type noteRefNode struct {
	ast.BaseInline
	label  string
	offset int
}

func (n *noteRefNode) Kind() ast.NodeKind         { return kindNoteRef }
func (n *noteRefNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type noteRefParser struct{}

func (noteRefParser) Trigger() []byte { return []byte{'['} }

func (noteRefParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 4 || line[1] != '^' {
		return nil
	}
	end := bytes.IndexByte(line, ']')
	if end < 3 {
		return nil
	}
	label := line[2:end]
	if bytes.ContainsAny(label, " \t[") {
		return nil
	}
	block.Advance(end + 1)
	return &noteRefNode{label: string(label), offset: seg.Start}
}

// manuscriptParser returns the goldmark parser of the manuscript format, built once. A
// goldmark parser keeps the state of a parse in its parser.Context, so one serves every
// goroutine (as goldmark's own default parser does); the parsers of the extensions above
// are stateless too.
var manuscriptParser = sync.OnceValue(newParser)

// newParser builds the goldmark parser of the manuscript format.
func newParser() parser.Parser {
	p := parser.NewParser(
		parser.WithBlockParsers(append(parser.DefaultBlockParsers(),
			util.Prioritized(containerParser{}, 50),
			util.Prioritized(extension.NewFootnoteBlockParser(), 999))...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(),
			util.Prioritized(spanParser{}, 99),
			util.Prioritized(noteRefParser{}, 101),
			util.Prioritized(extension.NewLinkifyParser(), 999))...),
		parser.WithParagraphTransformers(append(parser.DefaultParagraphTransformers(),
			util.Prioritized(extension.NewTableParagraphTransformer(), 200))...),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
	return p
}
