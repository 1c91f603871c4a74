package hyphen

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// texPatterns is what a hyph-utf8 pattern file holds: the \patterns{...} list and the
// \hyphenation{...} exception list.
type texPatterns struct {
	Patterns   []string
	Exceptions []string
}

// parseTeX reads a hyph-utf8 file (hyph-*.tex): UTF-8 text where % starts a comment, with a
// \patterns{...} group and an optional \hyphenation{...} group of whitespace-separated entries.
// Anything else outside the groups is an error, so a damaged file does not load silently.
func parseTeX(src string) (*texPatterns, error) {
	if !utf8.ValidString(src) {
		return nil, fmt.Errorf("pattern file is not valid UTF-8")
	}
	out := &texPatterns{Patterns: make([]string, 0, strings.Count(src, "\n"))} // about one a line
	var group *[]string
	lineNo := -1
	for line := range strings.Lines(src) {
		lineNo++
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		for tok := range strings.FieldsSeq(line) {
			var err error
			group, err = parseToken(out, group, tok)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo+1, err)
			}
		}
	}
	if group != nil {
		return nil, fmt.Errorf("unclosed group at end of file")
	}
	if len(out.Patterns) == 0 {
		return nil, fmt.Errorf("no \\patterns in file")
	}
	return out, nil
}

// parseToken handles one whitespace-separated token and returns the group that is open after
// it (nil outside any group).
func parseToken(out *texPatterns, group *[]string, tok string) (*[]string, error) {
	if group == nil {
		switch {
		case strings.HasPrefix(tok, `\patterns{`):
			group, tok = &out.Patterns, tok[len(`\patterns{`):]
		case strings.HasPrefix(tok, `\hyphenation{`):
			group, tok = &out.Exceptions, tok[len(`\hyphenation{`):]
		default:
			return nil, fmt.Errorf("unexpected %q outside \\patterns and \\hyphenation", tok)
		}
		if tok == "" {
			return group, nil
		}
	}
	closing := strings.HasSuffix(tok, "}")
	tok = strings.TrimSuffix(tok, "}")
	if strings.ContainsAny(tok, `{}\`) {
		return nil, fmt.Errorf("unexpected TeX markup in %q", tok)
	}
	if tok != "" {
		*group = append(*group, tok)
	}
	if closing {
		return nil, nil
	}
	return group, nil
}

// parseException turns "uni-ver-sity" into the lower-case word and the rune indexes before
// which it may break (here 3 and 6).
func parseException(s string) (word string, breaks []uint8, err error) {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '-' {
			if n == 0 || (len(breaks) > 0 && int(breaks[len(breaks)-1]) == n) {
				return "", nil, fmt.Errorf("exception %q: misplaced hyphen", s)
			}
			if n > 255 {
				return "", nil, fmt.Errorf("exception %q: too long", s)
			}
			breaks = append(breaks, uint8(n))
			continue
		}
		b.WriteRune(r)
		n++
	}
	if n == 0 || (len(breaks) > 0 && int(breaks[len(breaks)-1]) == n) {
		return "", nil, fmt.Errorf("exception %q: misplaced hyphen", s)
	}
	return b.String(), breaks, nil
}
