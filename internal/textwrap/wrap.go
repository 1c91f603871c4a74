// Package textwrap breaks the display text of the covers (the EPUB's cover image and the printed
// cover) into lines. It sits beside the renderers, which measure the text in their own units.
package textwrap

import (
	"strings"
	"unicode/utf8"
)

// Lines breaks text into lines at spaces, tabs and line feeds, greedily: each line takes
// words while fits says the line is not too wide. No-break spaces hold, and a word of one or
// two letters (a preposition or conjunction) stays with the next word. A single word too wide
// for the line has a line of its own.
func Lines(text string, fits func(line string) bool) []string {
	var words []string
	breakable := func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' }
	for _, w := range strings.FieldsFunc(text, breakable) {
		if n := len(words); n > 0 && utf8.RuneCountInString(words[n-1]) <= 2 {
			words[n-1] += "\u00a0" + w
			continue
		}
		words = append(words, w)
	}
	var lines []string
	line := ""
	for _, w := range words {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && !fits(try) {
			lines = append(lines, line)
			try = w
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
