package book

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Language of parts. Every inline run of the model carries a language (Inline.Lang): the
// edition's, the language of an explicit span `[text]{lang=en}`, or, in an edition written
// in Cyrillic (kk, ky, ru, tg), the language of Latin-script text: a run of Latin-script
// words there is English by default, since the reports cite English sources. The rule works
// on the words of the text between spaces:
//
//   - a Latin word has a Latin letter and no Cyrillic one; a Roman numeral (XX, IV) and a
//     word of digits and punctuation only are neutral; any other word with letters is the
//     edition's;
//   - a Latin part runs from the first to the last of consecutive Latin words (neutral
//     words between them included), with the punctuation attached to them («Freedom House»,);
//   - the manifest's `latin_lang:` names the language of Latin parts (default en; `none`
//     turns the rule off), and an explicit span always wins: nothing inside it is guessed.
//
// The EPUB writes lang and xml:lang where a run's language differs from its surroundings,
// the PDF layout hyphenates each run with its language's patterns, and the PDF's structure
// tree can carry /Lang from the same field.

// cyrillicLanguages are the edition languages written in Cyrillic, where the Latin rule applies.
var cyrillicLanguages = map[string]bool{"kk": true, "ky": true, "ru": true, "tg": true}

// DefaultLatinLang is the language of Latin-script parts of a Cyrillic edition.
const DefaultLatinLang = "en"

// latinLangFor returns the language the rule gives Latin parts of an edition in lang, "" when
// the rule does not apply: override is the manifest's latin_lang ("" for the default).
func latinLangFor(lang, override string) string {
	if !cyrillicLanguages[lang] || override == "none" {
		return ""
	}
	if override != "" {
		return override
	}
	return DefaultLatinLang
}

// checkLangTag reports whether a language tag is well-formed BCP 47.
func checkLangTag(tag string) bool {
	if tag == "" || strings.ContainsAny(tag, " \t\"<>&") {
		return false
	}
	_, err := language.Parse(tag)
	return err == nil
}

// setLang gives every inline without a language the language lang, through its children.
func setLang(ins []Inline, lang string) {
	for i := range ins {
		if ins[i].Lang == "" {
			ins[i].Lang = lang
		}
		setLang(ins[i].Children, ins[i].Lang)
	}
}

// assignLangs gives the inlines of a block their languages: runs not yet assigned (outside
// explicit spans) get the edition's language, and their Latin parts latin when it is set.
func assignLangs(ins []Inline, lang, latin string) []Inline {
	if len(ins) == 0 {
		return nil
	}
	out := make([]Inline, 0, len(ins))
	for _, x := range ins {
		if x.Lang != "" {
			setLang(x.Children, x.Lang)
			out = append(out, x)
			continue
		}
		if x.Kind == Text && latin != "" {
			out = appendSplitLatin(out, x, lang, latin)
			continue
		}
		x.Lang = lang
		x.Children = assignLangs(x.Children, lang, latin)
		out = append(out, x)
	}
	return out
}

// appendSplitLatin cuts a text run into parts of the edition's language and Latin parts and
// appends them to out. The marks of a part are those that fall inside it (Marks are in text
// order), counted from its start.
func appendSplitLatin(out []Inline, x Inline, lang, latin string) []Inline {
	if !hasLatin(x.Text) {
		x.Lang = lang
		x.Marks = marksBefore(x.Marks, len(x.Text))
		return append(out, x)
	}
	parts := latinParts(x.Text)
	if len(parts) == 1 {
		x.Lang = lang
		if parts[0].latin {
			x.Lang = latin
		}
		x.Marks = marksBefore(x.Marks, len(x.Text))
		return append(out, x)
	}
	marks := make([]Mark, len(marksBefore(x.Marks, len(x.Text))))
	copy(marks, x.Marks)
	for _, p := range parts {
		y := x
		y.Text = x.Text[p.from:p.to]
		n := 0
		for n < len(marks) && marks[n].At < p.to {
			marks[n].At -= p.from
			n++
		}
		y.Marks = nil
		if n > 0 {
			y.Marks, marks = marks[:n:n], marks[n:]
		}
		y.Lang = lang
		if p.latin {
			y.Lang = latin
		}
		out = append(out, y)
	}
	return out
}

// hasLatin reports whether s has a letter of the Latin script: without one, latinParts finds
// no Latin part.
func hasLatin(s string) bool {
	for _, r := range s {
		if scriptOf(r).latin {
			return true
		}
	}
	return false
}

// marksBefore returns the marks of a text of length n: the leading ones, up to the first at
// or after n (nil if none is left).
func marksBefore(marks []Mark, n int) []Mark {
	k := len(marks)
	for k > 0 && marks[k-1].At >= n {
		k--
	}
	if k == 0 {
		return nil
	}
	return marks[:k]
}

// part is a stretch of a text, Latin or not, by byte offsets.
type part struct {
	from, to int
	latin    bool
}

// latinParts splits s into alternating parts, Latin ones as the rule above describes.
func latinParts(s string) []part {
	var out []part
	start := 0    // where the current non-Latin part starts
	open := -1    // start of the Latin part being collected, -1 for none
	lastEnd := -1 // end of the last Latin word of that part
	flush := func(end int) {
		if open >= 0 {
			if open > start {
				out = append(out, part{from: start, to: open})
			}
			out = append(out, part{from: open, to: lastEnd, latin: true})
			start, open = lastEnd, -1
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		switch wordClass(s[i:j]) {
		case latinWord:
			if open < 0 {
				open = i
			}
			lastEnd = j
		case otherWord:
			flush(i)
		}
		i = j
	}
	flush(len(s))
	if start < len(s) || len(out) == 0 {
		out = append(out, part{from: start, to: len(s)})
	}
	return out
}

type class int

const (
	neutralWord class = iota
	latinWord
	otherWord
)

// wordClass says whether a word between spaces is Latin, neutral or of the edition.
func wordClass(w string) class {
	var latin, other, roman = false, false, true
	for _, r := range w {
		switch sc := scriptOf(r); {
		case sc.latin:
			latin = true
			roman = roman && strings.ContainsRune("IVXLCDM", r)
		case sc.letter:
			other = true
		}
	}
	switch {
	case other:
		return otherWord
	case latin && !roman:
		return latinWord
	}
	return neutralWord
}
