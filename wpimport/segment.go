package wpimport

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// seg is one candidate block of print_r text: a paragraph, heading, list
// item or run of note definitions, with the byte offset where it starts in
// the input file.
type seg struct {
	text string
	off  int
	item bool
}

const nbsp = '\u00a0'

// segmentText cuts the plain text of a post into candidate blocks. Physical
// lines are blocks; a line starting with "•" or "-" is a list item. Inside a
// line, flattened dumps separate paragraphs with U+00A0 (see isSeparator).
// base is the byte offset of text in its file.
func segmentText(text string, base int) []seg {
	var out []seg
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		lineOff := off
		off += len(line)
		line = strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(line, " \u00a0\t")
		lead := len(line) - len(trimmed)
		if item, ok := listItem(trimmed); ok {
			out = append(out, seg{text: item, off: base + lineOff + lead + len(trimmed) - len(item), item: true})
			continue
		}
		for _, p := range splitSeparators(line) {
			if strings.TrimSpace(strings.ReplaceAll(p.text, "\u00a0", " ")) != "" {
				out = append(out, seg{text: p.text, off: base + lineOff + p.off})
			}
		}
	}
	return out
}

// listItem recognises a bulleted line ("• item" in page scrapes and flattened
// dumps, "- item" in multi-line dumps) and returns the item text.
func listItem(s string) (string, bool) {
	for _, bullet := range []string{"• ", "- ", "* "} {
		if strings.HasPrefix(s, bullet) {
			return strings.TrimSpace(s[len(bullet):]), true
		}
	}
	return "", s == "•" || s == "-"
}

// part is a piece of a line between paragraph separators.
type part struct {
	text string
	off  int
}

// splitSeparators cuts a flattened line at its paragraph separators.
func splitSeparators(line string) []part {
	var out []part
	start := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if r != ' ' && r != nbsp {
			i += size
			continue
		}
		j := i
		for j < len(line) {
			r2, s2 := utf8.DecodeRuneInString(line[j:])
			if r2 != ' ' && r2 != nbsp {
				break
			}
			j += s2
		}
		prev, _ := utf8.DecodeLastRuneInString(line[:i])
		next, _ := utf8.DecodeRuneInString(line[j:])
		if i > 0 && j < len(line) && isSeparator(prev, line[i:j], next) {
			out = append(out, part{line[start:i], start})
			start = j
		}
		i = j
	}
	return append(out, part{line[start:], start})
}

// isSeparator reports whether a run of spaces and no-break spaces between
// prev and next separates two paragraphs of a flattened dump. The rule
// (INVENTORY §3.1): the run starts and ends with U+00A0, is not followed by a
// lower-case letter, and follows sentence punctuation, a closing bracket or
// quote, or a letter when the next paragraph starts with a capital or an
// opening quote. A run of three or more U+00A0 always separates.
func isSeparator(prev rune, run string, next rune) bool {
	if strings.Count(run, "\u00a0") >= 3 {
		return true
	}
	first, _ := utf8.DecodeRuneInString(run)
	last, _ := utf8.DecodeLastRuneInString(run)
	if first != nbsp || last != nbsp || unicode.IsLower(next) {
		return false
	}
	switch {
	case strings.ContainsRune(".!?:;…]’”»\")'", prev):
		return true
	case unicode.IsLetter(prev):
		return unicode.IsUpper(next) || strings.ContainsRune("«“\"‘", next)
	}
	return false
}

// cleanSpaces turns every U+00A0 into a space, collapses runs of spaces and
// trims the ends: once separators are cut, the no-break spaces of the dumps
// carry no meaning (INVENTORY §6 rule 7).
func cleanSpaces(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return strings.TrimSpace(s)
}
