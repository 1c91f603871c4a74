package epub

import (
	"bytes"
	"unicode/utf8"
)

// markup accumulates XML text. Writes to a bytes.Buffer cannot fail, so its methods
// return nothing; the container writer returns the errors that can happen. A finished
// document is its Bytes, without a copy.
type markup struct {
	bytes.Buffer
}

// text writes character data, escaped.
func (m *markup) text(s string) { escapeTo(m, s, false) }

// attr writes ` name="value"` with the value escaped.
func (m *markup) attr(name, value string) {
	m.WriteByte(' ')
	m.WriteString(name)
	m.WriteString(`="`)
	escapeTo(m, value, true)
	m.WriteByte('"')
}

// open writes a start tag with attributes given as name, value pairs.
func (m *markup) open(tag string, attrs ...string) {
	m.WriteByte('<')
	m.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		m.attr(attrs[i], attrs[i+1])
	}
	m.WriteByte('>')
}

// empty writes an empty-element tag.
func (m *markup) empty(tag string, attrs ...string) {
	m.WriteByte('<')
	m.WriteString(tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		m.attr(attrs[i], attrs[i+1])
	}
	m.WriteString("/>")
}

// close writes an end tag.
func (m *markup) close(tag string) {
	m.WriteString("</")
	m.WriteString(tag)
	m.WriteByte('>')
}

// element writes a whole element with escaped text content.
func (m *markup) element(tag, content string, attrs ...string) {
	m.open(tag, attrs...)
	m.text(content)
	m.close(tag)
}

// escapeTo writes s with the XML special characters escaped, invalid UTF-8 replaced by
// U+FFFD and characters XML 1.0 forbids dropped. Runs that need none of it are written
// as they are.
func escapeTo(m *markup, s string, inAttr bool) {
	done := 0 // s[:done] is written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainASCII(c, inAttr) {
				i++
				continue
			}
			m.WriteString(s[done:i])
			escapeRune(m, rune(c), inAttr)
			i++
			done = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r != utf8.RuneError || size > 1) && xmlChar(r) {
			i += size
			continue
		}
		m.WriteString(s[done:i])
		escapeRune(m, r, inAttr)
		i += size
		done = i
	}
	m.WriteString(s[done:])
}

// plainASCII reports whether an ASCII character is written as it is.
func plainASCII(c byte, inAttr bool) bool {
	switch {
	case c == '&' || c == '<' || c == '>':
		return false
	case c == '"' || c == '\t' || c == '\n':
		return !inAttr
	}
	return c >= 0x20 && c < 0x7f
}

// escapeRune writes one character that is not written as it is: an entity, a space for a
// line break or tab in an attribute, a line feed for a carriage return, U+FFFD for
// invalid UTF-8, or nothing for a character XML forbids.
func escapeRune(m *markup, r rune, inAttr bool) {
	switch {
	case r == '&':
		m.WriteString("&amp;")
	case r == '<':
		m.WriteString("&lt;")
	case r == '>':
		m.WriteString("&gt;")
	case r == '"' && inAttr:
		m.WriteString("&quot;")
	case (r == '\n' || r == '\t' || r == '\r') && inAttr:
		m.WriteByte(' ')
	case r == '\r':
		m.WriteByte('\n')
	case !xmlChar(r):
	default:
		m.WriteRune(r)
	}
}

// xmlChar reports whether XML 1.0 allows r in a document (and it is not a discouraged
// non-character).
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return false
	case r >= 0xd800 && r < 0xe000, r == 0xfffe, r == 0xffff:
		return false
	}
	return r <= 0x10ffff
}

// openLine is open followed by a line break.
func (m *markup) openLine(tag string, attrs ...string) { m.open(tag, attrs...); m.WriteByte('\n') }

// closeLine is close followed by a line break.
func (m *markup) closeLine(tag string) { m.close(tag); m.WriteByte('\n') }

// elementLine is element followed by a line break.
func (m *markup) elementLine(tag, content string, attrs ...string) {
	m.element(tag, content, attrs...)
	m.WriteByte('\n')
}

// emptyLine is empty followed by a line break.
func (m *markup) emptyLine(tag string, attrs ...string) { m.empty(tag, attrs...); m.WriteByte('\n') }

// xhtmlHead starts an XHTML content document in the edition's language.
func (m *markup) xhtmlHead(lang, title, bodyClass string) {
	m.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
	m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "xmlns:epub", "http://www.idpf.org/2007/ops",
		"lang", lang, "xml:lang", lang)
	m.WriteString("\n<head>\n<meta charset=\"UTF-8\"/>\n")
	m.element("title", title)
	m.WriteString("\n<link rel=\"stylesheet\" type=\"text/css\" href=\"" + styleFile + "\"/>\n</head>\n")
	if bodyClass != "" {
		m.open("body", "class", bodyClass)
	} else {
		m.open("body")
	}
	m.WriteByte('\n')
}

// xhtmlTail ends an XHTML content document.
func (m *markup) xhtmlTail() { m.WriteString("</body>\n</html>\n") }
