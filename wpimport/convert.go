package wpimport

import (
	"fmt"
	"slices"
	"strings"
)

// Convert turns one post into a chapter: blocks and notes in Markdown, the
// language, report and chapter kind. headings extends the built-in list of
// headings that flattened dumps glue to their paragraph with a space.
func Convert(p Post, headings []string) *Chapter {
	c := &Chapter{Post: p}
	var raw []block
	var notes []note
	var htmlMarkers []string
	if p.HTML {
		raw, notes, htmlMarkers, c.images, c.Warnings = convertHTML(p)
	} else {
		raw, notes, c.Warnings = convertText(p, knownHeadings(headings))
	}
	c.Lang = DetectLanguage(plainBody(raw))
	if c.Lang == "" && p.HTML {
		c.Lang = "en"
	}
	c.Kind, c.Title = ClassifyTitle(p.Title)
	c.Report = ClassifyReport(p.Title, plainBody(raw))
	if !p.HTML {
		m := newMarkers(notes)
		for i := range raw {
			if raw[i].kind != kBoxStart && raw[i].kind != kBoxEnd {
				raw[i].text = renderText(raw[i].text, m)
			}
		}
		for i := range notes {
			notes[i].text = renderText(notes[i].text, nil)
		}
		c.Markers = m.order
	} else {
		c.Markers = htmlMarkers
	}
	c.blocks, c.notes = raw, notes
	c.normalizeHeadings()
	c.checkLanguages(raw)
	c.checkEnding(raw)
	return c
}

// plainBody joins the text of the body blocks for language and country detection.
func plainBody(bs []block) string {
	var b strings.Builder
	for _, x := range bs {
		b.WriteString(x.text)
		b.WriteByte('\n')
	}
	return b.String()
}

// checkLanguages records as damage a body that switches language, the mark
// of another post's text glued in: three blocks in a row, or a fifth of the
// letters, in a language other than the post's. A quotation or two in
// another language does not count.
func (c *Chapter) checkLanguages(bs []block) {
	run, foreign, total := 0, 0, 0
	var first Source
	other := ""
	for _, b := range bs {
		if b.kind == kBoxStart || b.kind == kCredit {
			continue // credits name photographers and licences in Latin letters
		}
		text := anyURL().ReplaceAllString(b.text, "")
		lc := countLetters(text)
		letters := lc.latin + lc.cyrillic
		total += letters
		if letters < 40 {
			continue
		}
		l := DetectLanguage(text)
		if l == c.Lang || isCyrillicLang(l) && isCyrillicLang(c.Lang) && lc.latin > lc.cyrillic/4 {
			run = 0
			continue
		}
		if run == 0 {
			first = b.src
		}
		if other == "" {
			other = l
		}
		run++
		foreign += letters
		if run >= 3 {
			c.Post.Damage = append(c.Post.Damage, fmt.Sprintf(
				"the content switches from %s to %s at %s: another post's text is glued in", c.Lang, l, first))
			return
		}
	}
	if total > 0 && foreign*5 >= total {
		c.Post.Damage = append(c.Post.Damage, fmt.Sprintf(
			"a fifth of the content is in %s, not %s (from %s): another post's text is glued in", other, c.Lang, first))
	}
}

// anyURL matches a URL, whose letters say nothing about a text's language.
var anyURL = lazyRegexp(`https?://[^\s)>]+`)

func isCyrillicLang(l string) bool { return l == "kk" || l == "ky" || l == "ru" || l == "tg" }

// Truncated reports whether a dumped post's body seems cut off: its last
// block is a paragraph that ends mid-sentence. (Posts read as HTML end as
// their authors like, with links, media and lead-ins, so they are never
// judged truncated.)
func (c *Chapter) Truncated() bool {
	if c.Post.Cut.Line > 0 {
		return true
	}
	if len(c.blocks) == 0 || c.Post.HTML {
		return false
	}
	last := c.blocks[len(c.blocks)-1]
	return (last.kind == kPara || last.kind == kQuote) && !endsSentence(unescapeMD(last.text))
}

func (c *Chapter) checkEnding(bs []block) {
	switch {
	case c.Post.Cut.Line > 0 && c.Post.CutInContent:
		// The last line was cut, not written as a heading or a lead-in.
		if n := len(c.blocks); n > 0 && c.blocks[n-1].kind == kHeading {
			c.blocks[n-1].kind, c.blocks[n-1].level = kPara, 0
		}
		c.Warnings = append(c.Warnings, Warning{c.Post.Cut, c.Post.ID,
			"the input ends inside this post's content: the copy is cut off here; its edition is marked draft"})
		return
	case c.Post.Cut.Line > 0:
		c.Warnings = append(c.Warnings, Warning{c.Post.Cut, c.Post.ID,
			"the input ends inside this post's fields, after its content: its title and status may be cut; its edition is marked draft"})
		return
	}
	if c.Truncated() {
		last := bs[len(bs)-1]
		c.Warnings = append(c.Warnings, Warning{last.src, c.Post.ID, fmt.Sprintf(
			"the post ends mid-sentence (%q): the copy looks truncated", lastWords(unescapeMD(last.text), 6))})
	}
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return "…" + strings.Join(f, " ")
}

// normalizeHeadings maps the post's heading levels onto the manuscript's
// three (## sections, ### subsections, #### below them): the levels the post
// uses, in order, become ##, ###, and #### for all deeper ones; no heading is
// more than one level below the one before it (a subsection before any
// section is promoted, <h2> then <h4> is ## then ###).
func (c *Chapter) normalizeHeadings() {
	var used []int
	for _, b := range c.blocks {
		if b.kind == kHeading && !slices.Contains(used, b.level) {
			used = append(used, b.level)
		}
	}
	slices.Sort(used)
	prev, flattened := 1, false
	for i := range c.blocks {
		b := &c.blocks[i]
		if b.kind != kHeading {
			continue
		}
		level := slices.Index(used, b.level) + 2
		if level > 4 {
			level, flattened = 4, true
		}
		level = min(level, prev+1)
		b.level, prev = level, level
	}
	if flattened {
		c.Warnings = append(c.Warnings, Warning{c.Post.Source, c.Post.ID,
			"headings nested deeper than three levels (such as <h5> and <h6> under <h2>) are kept as #### headings, the manuscript's deepest"})
	}
}
