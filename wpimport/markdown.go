package wpimport

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// frontMatter is the YAML header of a chapter file (docs/manuscript.md).
type frontMatter struct {
	Title  string `yaml:"title"`
	Author string `yaml:"author,omitempty"`
	Kind   string `yaml:"kind,omitempty"`
	Source string `yaml:"source,omitempty"`
}

// SourceNote names the post a chapter comes from, for the front matter.
func (c *Chapter) SourceNote() string {
	s := c.Post.Source
	return fmt.Sprintf("WordPress post %d (%s)", c.Post.ID, Source{File: path.Base(s.File), Line: s.Line, Col: s.Col})
}

// Markdown renders the chapter as a manuscript file: front matter, body
// blocks, and the note definitions at the end.
func (c *Chapter) Markdown() []byte {
	var b bytes.Buffer
	fm, _ := yaml.Marshal(frontMatter{Title: c.chapterTitle(), Author: c.Post.Author, Kind: c.Kind, Source: c.SourceNote()})
	b.WriteString("---\n")
	b.Write(fm)
	b.WriteString("---\n")
	prev := block{kind: -1}
	var markers []int // widths of the markers of the items a nested item is indented under
	for _, bl := range c.blocks {
		sameList := bl.kind == kItem && prev.kind == kItem && bl.group == prev.group
		switch {
		case sameList && (bl.ordered == prev.ordered || bl.depth > 0 || prev.depth > 0):
		case bl.kind == kQuote && prev.kind == kQuote && bl.group == prev.group:
			b.WriteString(">\n") // the next paragraph of the same quotation
		default:
			b.WriteByte('\n')
			markers = markers[:0]
		}
		bl.text = c.resolveImages(bl.text)

		if bl.kind == kItem {
			markers = markers[:min(bl.depth, len(markers))]
			indent := 0
			for _, w := range markers {
				indent += w
			}
			b.WriteString(strings.Repeat(" ", indent))
			markers = append(markers, 2+btoi(bl.ordered))
		}
		c.writeBlock(&b, bl)
		prev = bl
	}
	if len(c.notes) > 0 {
		b.WriteByte('\n')
	}
	for _, n := range c.notes {
		fmt.Fprintf(&b, "[^%s]: %s\n", n.label, c.resolveImages(n.text))
	}
	return b.Bytes()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (c *Chapter) chapterTitle() string {
	if c.Title != "" {
		return c.Title
	}
	return fmt.Sprintf("Post %d", c.Post.ID)
}

func (c *Chapter) writeBlock(b *bytes.Buffer, bl block) {
	switch bl.kind {
	case kHeading:
		fmt.Fprintf(b, "%s %s\n", strings.Repeat("#", max(2, min(bl.level, 4))), escapeHeadingEnd(bl.text))
	case kItem:
		marker := "-"
		if bl.ordered {
			marker = "1."
		}
		fmt.Fprintf(b, "%s %s\n", marker, escapeLineStart(bl.text))
	case kQuote:
		fmt.Fprintf(b, "> %s\n", escapeLineStart(bl.text))
	case kCredit:
		fmt.Fprintf(b, "::: credit\n%s\n:::\n", escapeLineStart(bl.text))
	case kBoxStart:
		fmt.Fprintf(b, "::: box title=%q\n", unescapeMD(bl.text))
	case kBoxEnd:
		b.WriteString(":::\n")
	case kFigure:
		fmt.Fprintf(b, "![%s](%s%s)%s\n", bl.text, linkDest(c.imagePath(bl.image)), linkTitle(bl.caption), bl.info)
	case kTable:
		fmt.Fprintf(b, "%s\n", bl.text)
	case kTableCaption:
		fmt.Fprintf(b, "Table: %s\n", bl.text)
	case kCode:
		fence := codeFence(bl.text)
		fmt.Fprintf(b, "%s%s\n%s\n%s\n", fence, bl.info, bl.text, fence)
	case kRule:
		b.WriteString("---\n")
	default:
		fmt.Fprintf(b, "%s\n", escapeLineStart(bl.text))
	}
}

// escapeHeadingEnd keeps a heading's trailing "#" from being read as a closing sequence.
func escapeHeadingEnd(s string) string {
	if strings.HasSuffix(s, "#") {
		return strings.TrimSuffix(s, "#") + `\#`
	}
	return s
}

// linkTitle writes a figure's caption as the title of its image, "" for none.
func linkTitle(caption string) string {
	if caption == "" {
		return ""
	}
	return ` "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(caption) + `"`
}
