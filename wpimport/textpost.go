package wpimport

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed headings.txt
var defaultHeadings string

// knownHeadings returns the built-in heading list plus extra, longest first.
func knownHeadings(extra []string) []string {
	var hs []string
	for _, l := range strings.Split(defaultHeadings, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			hs = append(hs, l)
		}
	}
	hs = append(hs, extra...)
	slices.SortStableFunc(hs, func(a, b string) int { return len(b) - len(a) })
	return hs
}

// convertText turns the print_r text of a post into blocks and notes.
func convertText(p Post, headings []string) ([]block, []note, []Warning) {
	loc := p.loc
	segs := segmentText(p.Content, p.base)
	if len(segs) == 0 {
		return nil, nil, nil
	}
	d := defsStart(segs)
	var notes []note
	if d < len(segs) {
		notes = splitNotes(segs[d:], loc)
	}
	var warns []Warning
	var raw []block
	body := segs[:d]
	for i := 0; i < len(body); i++ {
		s := body[i]
		src := loc.at(s.off)
		text := cleanSpaces(s.text)
		switch {
		case s.item && !hasAlnum(text):
			warns = append(warns, Warning{src, p.ID, fmt.Sprintf("dropped an empty list item %q", text)})
			continue
		case !hasAlnum(text):
			warns = append(warns, Warning{src, p.ID, fmt.Sprintf("dropped a line with no words: %q", text)})
			continue
		case s.item:
			raw = append(raw, block{kind: kItem, text: text, src: src})
			continue
		}
		if before, credit, ok := splitGluedCredit(text); ok {
			if before != "" {
				raw = append(raw, block{kind: kPara, text: before, src: src})
			}
			text = credit
		}
		if isCredit(text) {
			for !endsSentence(text) && i+1 < len(body) && !body[i+1].item && utf8.RuneCountInString(body[i+1].text) < 120 {
				i++
				text += " " + cleanSpaces(body[i].text)
			}
			raw = append(raw, block{kind: kCredit, text: text, src: src})
			continue
		}
		raw = append(raw, splitHeadings(text, src, headings)...)
	}
	return raw, notes, warns
}

func hasAlnum(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// creditStart matches the start of an image or photo credit line.
var creditStart = lazyRegexp(`^(?:Image|Photo|Photograph|Picture|Фотография|Фото|Сурет|Сүрөт)\s`)

// creditWords are words one of which a credit line holds.
var creditWords = lazyRegexp(`(?i)\(CC\)|creative commons|licen[cs]e|лиценз|\bby\b|shutterstock|getty|wikimedia|unsplash`)

// gluedCredit finds a credit glued to the word before it ("…accessed herePhoto by …").
var gluedCredit = lazyRegexp(`\p{Ll}((?:Image|Photo) by .*)$`)

func isCredit(s string) bool {
	return creditStart().MatchString(s) && creditWords().MatchString(s) && utf8.RuneCountInString(s) < 200
}

func splitGluedCredit(s string) (before, credit string, ok bool) {
	if !strings.Contains(s, "Photo by ") && !strings.Contains(s, "Image by ") {
		return "", "", false
	}
	m := gluedCredit().FindStringSubmatchIndex(s)
	if m == nil || !isCredit(s[m[2]:]) {
		return "", "", false
	}
	return strings.TrimSpace(s[:m[2]]), s[m[2]:], true
}

// anyMarker matches a note marker in source text ("[3]") or in Markdown ("[^3]").
var anyMarker = lazyRegexp(`\[\^?\d{1,4}\]`)

// endsSentence reports whether s ends with sentence punctuation, possibly
// followed by closing quotes, brackets or a note marker.
func endsSentence(s string) bool {
	s = strings.TrimRight(anyMarker().ReplaceAllString(strings.TrimSpace(s), ""), " ’”»\"')]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…", r)
}

// splitHeadings cuts the headings glued to the front of a flattened block
// and classifies what is left as a heading or a paragraph.
func splitHeadings(text string, src Source, headings []string) []block {
	var out []block
	for range 3 {
		h, rest := gluedHeading(text, headings)
		if h == "" {
			break
		}
		out = append(out, block{kind: kHeading, level: 2, text: h, src: src})
		if text = rest; text == "" {
			return out
		}
	}
	kind := kPara
	if looksLikeHeading(text) {
		kind = kHeading
	}
	return append(out, block{kind: kind, level: 2, text: text, src: src})
}

// gluedHeading returns a heading that starts text and is glued to the
// paragraph after it, and the rest of the text. A known heading may be
// followed by a space; any other heading must meet its paragraph with no
// space at all, a lower-case letter or digit running into a capital
// ("…history of KazakhstanThe vast…", "1997-2014Несмотря…").
func gluedHeading(text string, known []string) (string, string) {
	for _, h := range known {
		if rest, ok := strings.CutPrefix(text, h+" "); ok && startsUpper(rest) {
			return h, rest
		}
	}
	prev, wordStart, n := rune(0), 0, 0
	for i, r := range text {
		if n++; n > 150 || strings.ContainsRune(".!?;[", r) {
			return "", ""
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			_, size := utf8.DecodeRuneInString(text[i:]) // 1 for a byte of invalid UTF-8, which r shows as U+FFFD
			wordStart = i + size
		} else if unicode.IsUpper(r) && camelBreak(text, wordStart, i, prev) {
			return strings.TrimSpace(text[:i]), text[i:]
		}
		prev = r
	}
	return "", ""
}

// camelWords are names written with an inner capital, which must not be
// read as a heading glued to a paragraph.
var camelWords = []string{"youtube", "whatsapp", "wikileaks", "linkedin", "paypal", "tiktok",
	"qazvac", "opendemocracy", "levine", "javascript", "wordpress", "github", "facebook",
	"citizengo", "industriall", "iphone", "ebay", "bbc", "mcdonald"}

// camelBreak reports whether the capital at i, in the word starting at
// wordStart, starts a new block glued to the text before it.
func camelBreak(text string, wordStart, i int, prev rune) bool {
	_, size := utf8.DecodeRuneInString(text[i:])
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	if !unicode.IsDigit(prev) && !(unicode.IsLower(prev) && (unicode.IsLower(next) || next == ' ')) {
		return false
	}
	prefix := text[wordStart:i]
	if utf8.RuneCountInString(prefix) < 2 || strings.HasPrefix(prefix, "Mc") || prefix == "Mac" || prefix == "Мак" {
		return false
	}
	word := text[wordStart:]
	if end := strings.IndexFunc(text[i:], func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		word = text[wordStart : i+end]
	}
	return !slices.Contains(camelWords, strings.ToLower(word)) && strings.ContainsRune(text[i:], ' ')
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("«“\"‘", r)
}

// looksLikeHeading reports whether a block standing alone is a heading: short,
// not starting in lower case, without a note marker, not ending like a sentence
// or a lead-in.
func looksLikeHeading(s string) bool {
	if utf8.RuneCountInString(s) > 120 || noteNumber().MatchString(s) || strings.Contains(s, "://") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsLower(first) || strings.ContainsRune(".!?;:,…", last) {
		return false
	}
	return !endsSentence(s)
}
