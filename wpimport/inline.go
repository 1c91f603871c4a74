package wpimport

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// inlineToken finds note markers and bare URLs in running text.
var inlineToken = lazyRegexp(`\[(\d{1,4})\]|https?://[^\s\x{00a0}\x{202f}<>\[\]"]+`)

// markers decides which bracketed numbers in a body are note references and
// remembers them in order of first use. A number is a reference when a note
// with that label is defined, or when it continues the sequence seen so far
// (numbering restarts at 1 in every post), so "[2019]" stays text.
type markers struct {
	defined map[string]bool
	max     int
	seen    map[string]bool
	order   []string
}

func newMarkers(notes []note) *markers {
	m := &markers{defined: map[string]bool{}, seen: map[string]bool{}}
	for _, n := range notes {
		m.defined[n.label] = true
	}
	return m
}

func (m *markers) accept(label string) bool {
	n, err := strconv.Atoi(label)
	if err != nil || n < 1 {
		return false
	}
	if !m.defined[label] && n > m.max+1 {
		return false
	}
	m.max = max(m.max, n)
	if !m.seen[label] {
		m.seen[label] = true
		m.order = append(m.order, label)
	}
	return true
}

// renderText turns plain source text into Markdown inline text: note markers
// become "[^n]" (when m is not nil), bare URLs become autolinks, everything
// else is escaped so that it reads back as the same characters.
func renderText(s string, m *markers) string {
	var b strings.Builder
	last := 0
	for _, loc := range inlineToken().FindAllStringSubmatchIndex(s, -1) {
		tok := s[loc[0]:loc[1]]
		switch {
		case loc[2] >= 0:
			label := s[loc[2]:loc[3]]
			if m == nil || !m.accept(label) {
				continue
			}
			b.WriteString(escapeText(s[last:loc[0]]))
			b.WriteString("[^" + label + "]")
		default:
			url := trimURL(tok)
			b.WriteString(escapeText(s[last:loc[0]]))
			b.WriteString("<" + url + ">")
			loc[1] = loc[0] + len(url)
		}
		last = loc[1]
	}
	b.WriteString(escapeText(s[last:]))
	return b.String()
}

// trimURL drops sentence punctuation that follows a URL in running text.
func trimURL(u string) string {
	for u != "" {
		r, size := utf8.DecodeLastRuneInString(u)
		switch {
		case r == ')' && strings.Count(u, "(") >= strings.Count(u, ")"):
			return u
		case strings.ContainsRune(".,;:!?)’”»'", r):
			u = u[:len(u)-size]
		default:
			return u
		}
	}
	return u
}

// escapeText backslash-escapes the characters CommonMark would read as markup.
func escapeText(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '~':
			b.WriteByte('\\')
		case '&':
			if entityRef().MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// entityRef matches an HTML entity or character reference, which CommonMark
// would turn into a character unless its "&" is escaped.
var entityRef = lazyRegexp(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// orderedStart matches text that CommonMark would take for an ordered list item.
var orderedStart = lazyRegexp(`^(\d{1,9})([.)])(\s|$)`)

// escapeLineStart protects the start of a block's text from being read as
// block markup (headings, quotes, list items, thematic breaks, containers).
func escapeLineStart(s string) string {
	s = strings.TrimLeft(s, " \t")
	if s == "" {
		return s
	}
	if m := orderedStart().FindStringSubmatchIndex(s); m != nil {
		return s[:m[4]] + `\` + s[m[4]:]
	}
	switch s[0] {
	case '#', '>', '+', '-', '=', ':', '|':
		return `\` + s
	}
	if rest, ok := strings.CutPrefix(s, "Table:"); ok { // a paragraph, not a table's caption
		return `Table\:` + rest
	}
	return s
}

// unescapeMD removes the backslash escapes escapeText adds and the brackets
// of autolinks, for metadata that is not Markdown.
func unescapeMD(s string) string {
	s = autolink().ReplaceAllString(s, "$1")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_[]<>~&#+-=:|.)!", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

var autolink = lazyRegexp(`<(https?://[^<>\s]+)>`)
