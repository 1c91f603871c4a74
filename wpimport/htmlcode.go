package wpimport

import (
	"encoding/xml"
	"strings"
)

// This file turns <pre> into fenced code blocks, with the language of a
// "language-x" or "lang-x" class as the info string, and <code>, <kbd>, <samp>
// and <tt> in running text into code spans. Their text is kept exactly: no
// escapes, no autolinks, the line breaks and spaces of a <pre> as they are.

// preCtx is an open <pre>.
type preCtx struct {
	b    strings.Builder
	info string
	nest int
}

// preStart handles an element inside or opening a <pre>; it reports whether it took it.
func (c *htmlConv) preStart(name string, t xml.StartElement) bool {
	if c.pre != nil {
		switch name {
		case "pre":
			c.pre.nest++
		case "br":
			c.pre.b.WriteByte('\n')
		case "code":
			if c.pre.info == "" {
				c.pre.info = codeLang(t)
			}
		case "img":
			c.pre.b.WriteString(attr(t, "alt"))
		}
		return true // the markup of highlighted code (<span>, <b>, …) adds no text
	}
	if name != "pre" || c.tbl != nil {
		return false
	}
	c.flush()
	c.pre = &preCtx{info: codeLang(t)}
	return true
}

// preEnd handles an end tag inside a <pre>; it reports whether it took it.
func (c *htmlConv) preEnd(name string) bool {
	if c.pre == nil {
		return false
	}
	if name != "pre" {
		return true
	}
	if c.pre.nest > 0 {
		c.pre.nest--
		return true
	}
	code := strings.TrimPrefix(c.pre.b.String(), "\n")
	code = strings.TrimRight(strings.ReplaceAll(code, "\r", ""), " \t\n")
	if strings.TrimSpace(code) != "" {
		c.blocks = append(c.blocks, block{kind: kCode, text: code, info: c.pre.info, src: c.p.Source})
	}
	c.pre = nil
	c.kind = kPara
	return true
}

// codeLang reads the language of code from its class ("language-go", "lang-go").
func codeLang(t xml.StartElement) string {
	for _, cl := range strings.Fields(attr(t, "class")) {
		for _, p := range []string{"language-", "lang-"} {
			if l, ok := strings.CutPrefix(cl, p); ok && l != "" && !strings.ContainsAny(l, "`~ ") {
				return l
			}
		}
	}
	return ""
}

// startCode opens a code span in running text.
func (c *htmlConv) startCode() {
	if c.code == 0 {
		c.write("") // puts a pending emphasis delimiter before the span
		c.codeAt = c.cur.Len()
	}
	c.code++
}

// closeCode ends a code span opened by startCode.
func (c *htmlConv) closeCode() {
	if c.code == 0 {
		return
	}
	c.code--
	if c.code == 0 {
		c.spanCode()
	}
}

// endCode closes a code span left open at the end of a block.
func (c *htmlConv) endCode() {
	if c.code > 0 {
		c.code = 0
		c.spanCode()
	}
}

// spanCode rewrites the text written since the span opened as a code span.
func (c *htmlConv) spanCode() {
	s := c.cur.String()
	at := min(c.codeAt, len(s))
	inner := s[at:]
	c.cur.Reset()
	c.cur.WriteString(s[:at])
	if strings.TrimSpace(inner) == "" {
		c.cur.WriteString(inner)
		return
	}
	c.cur.WriteString(codeSpan(inner))
}

// codeSpan writes text as a CommonMark code span: fenced by one backtick more than
// its longest run of them, padded with a space where it starts or ends with one.
func codeSpan(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// codeFence returns a fence for a code block: three backticks, or one more than the
// longest run of backticks at the start of one of its lines.
func codeFence(code string) string {
	n := 3
	for _, l := range strings.Split(code, "\n") {
		l = strings.TrimLeft(l, " ")
		k := len(l) - len(strings.TrimLeft(l, "`"))
		n = max(n, k+1)
	}
	return strings.Repeat("`", n)
}
