package layout

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
)

// seedPath is the WordPress dump whose Kazakh introduction the tests set until content/
// exists.
var seedPath = filepath.Join("..", "..", "shared", "seeds", "002_1d9ec5a14755def2.txt")

// seedLines reads the seed's physical lines, skipping the test when the seeds are absent.
func seedLines(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed text not available: %v", err)
	}
	return strings.Split(string(b), "\n")
}

var markerRE = regexp.MustCompile(`\[(\d+)\]`)

// kazakhEdition builds the Kazakh edition's introduction and conclusions by hand from the seed:
// paragraphs split at no-break spaces, glued headings split off, bullets as lists, the
// monitoring sidebar as a box, and the notes with their long URLs.
func kazakhEdition(t testing.TB) *book.Edition {
	lines := seedLines(t)
	intro := &book.Chapter{ID: "ch02-introduction", Title: "Кіріспе", Author: "Адам Хаг"}
	l42 := lines[41]
	start := strings.Index(l42, "[post_content] => ")
	body := l42[start+len("[post_content] => "):]
	notesAt := strings.Index(lines[61], "\u00a0[1] ")
	var blocks []book.Block
	refs := map[int]int{}
	add := func(s string) { blocks = append(blocks, seedBlocks(s, intro, refs)...) }
	add(body)
	for _, l := range lines[42:51] {
		add(l)
	}
	add(lines[51])
	blocks = append(blocks, seedBox(lines[52:61], intro, refs))
	add(lines[61][:notesAt])
	intro.Blocks = blocks
	intro.Notes = seedNotes(lines[61][notesAt:], refs)
	concl := &book.Chapter{ID: "ch03-conclusions", Title: "Қорытындылар мен ұсыныстар"}
	crefs := map[int]int{}
	concl.Blocks = seedBlocks(lines[71], concl, crefs)
	for n := 1; n <= maxKey(crefs); n++ {
		concl.Notes = append(concl.Notes, book.Note{Number: n, Label: strconv.Itoa(n), Refs: crefs[n],
			Missing: true})
	}
	return &book.Edition{Report: "seed-kazakhstan", Lang: "kk", Chapters: []*book.Chapter{intro, concl},
		Meta: book.Metadata{
			Title:  "Құқықтық шегініс: Қазақстандағы адам құқықтарына қысымды зерттеу",
			Series: "Retreating Rights", Publisher: "The Foreign Policy Centre",
			Contributors: []book.Contributor{{Name: "Адам Хаг", Role: "edt"}},
			Date:         time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC), Lang: "kk",
			Identifier: "urn:uuid:6f1c0c52-3c1e-5b8e-9d57-7c7a3e4d2b10",
			Rights:     "© 2021 The Foreign Policy Centre", Paper: "a5", Status: book.StatusDraft,
			ImageCredits: []string{"Image by Jussi Toivanen under (CC)."},
			Keywords:     []string{"адам құқықтары", "Қазақстан"},
		}}
}

func maxKey(m map[int]int) int {
	n := 0
	for k := range m {
		n = max(n, k)
	}
	return n
}

// seedBlocks splits one physical line into paragraphs, headings and list items.
func seedBlocks(s string, ch *book.Chapter, refs map[int]int) []book.Block {
	s = strings.TrimLeft(s, " \u00a0")
	if strings.HasPrefix(s, "• ") {
		item := []book.Block{{Kind: book.Paragraph, Inlines: seedInlines(s[len("• "):], ch, refs)}}
		return []book.Block{{Kind: book.List, Items: [][]book.Block{item}}}
	}
	var out []book.Block
	for _, p := range strings.Split(s, "\u00a0") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if h, rest := gluedHeading(p); h != "" {
			out = append(out, book.Block{Kind: book.Heading, Level: 2, Inlines: seedInlines(h, ch, refs)})
			p = rest
		}
		out = append(out, book.Block{Kind: book.Paragraph, Inlines: seedInlines(p, ch, refs)})
	}
	return mergeLists(out)
}

// gluedHeading splits "ТақырыпМәтін…" at the first lower-to-upper boundary near the start.
func gluedHeading(p string) (string, string) {
	prev := rune(0)
	for i, r := range p {
		if i > 90 || r == '.' {
			return "", p
		}
		if unicode.IsLower(prev) && unicode.IsUpper(r) {
			return p[:i], p[i:]
		}
		prev = r
	}
	return "", p
}

// mergeLists joins adjacent one-item lists.
func mergeLists(bs []book.Block) []book.Block {
	var out []book.Block
	for _, b := range bs {
		if n := len(out); n > 0 && b.Kind == book.List && out[n-1].Kind == book.List {
			out[n-1].Items = append(out[n-1].Items, b.Items...)
			continue
		}
		out = append(out, b)
	}
	return out
}

// seedInlines turns note markers into references.
func seedInlines(s string, ch *book.Chapter, refs map[int]int) []book.Inline {
	var out []book.Inline
	for {
		loc := markerRE.FindStringSubmatchIndex(s)
		if loc == nil {
			break
		}
		if loc[0] > 0 {
			out = append(out, book.Inline{Kind: book.Text, Text: s[:loc[0]]})
		}
		n, _ := strconv.Atoi(s[loc[2]:loc[3]])
		refs[n]++
		out = append(out, book.Inline{Kind: book.NoteRef, Note: n, Ref: refs[n]})
		s = s[loc[1]:]
	}
	if s != "" {
		out = append(out, book.Inline{Kind: book.Text, Text: s})
	}
	return out
}

// seedBox makes the monitoring sidebar: a glued title, a paragraph and its bullets.
func seedBox(lines []string, ch *book.Chapter, refs map[int]int) book.Block {
	first := strings.TrimSpace(lines[0])
	title, rest := gluedHeading(first)
	var children []book.Block
	children = append(children, seedBlocks(rest, ch, refs)...)
	for _, l := range lines[1:] {
		children = append(children, seedBlocks(l, ch, refs)...)
	}
	return book.Block{Kind: book.Box, Title: seedInlines(title, ch, refs),
		Byline: []book.Inline{{Kind: book.Emph, Children: []book.Inline{{Kind: book.Text,
			Text: "Қадыр-Қасиет қоғамдық бірлестігі"}}}}, Children: mergeLists(children)}
}

// seedNotes splits "[1] …[2] …" into notes; URLs become URLText inlines.
func seedNotes(s string, refs map[int]int) []book.Note {
	var notes []book.Note
	for n := 1; ; n++ {
		open := "[" + strconv.Itoa(n) + "] "
		i := strings.Index(s, open)
		if i < 0 {
			break
		}
		s = s[i+len(open):]
		end := strings.Index(s, "["+strconv.Itoa(n+1)+"] ")
		txt := s
		if end >= 0 {
			txt = s[:end]
		} else if j := strings.IndexAny(txt, "\u00a0\n"); j >= 0 {
			txt = txt[:j]
		}
		notes = append(notes, book.Note{Number: n, Label: strconv.Itoa(n), Refs: refs[n],
			Blocks: []book.Block{{Kind: book.Paragraph, Inlines: urlInlines(strings.TrimSpace(txt))}}})
	}
	for n := len(notes) + 1; n <= maxKey(refs); n++ {
		notes = append(notes, book.Note{Number: n, Label: strconv.Itoa(n), Refs: refs[n], Missing: true})
	}
	return notes
}

var urlRE = regexp.MustCompile(`https?://\S+`)

func urlInlines(s string) []book.Inline {
	var out []book.Inline
	for _, loc := range urlRE.FindAllStringIndex(s, -1) {
		_ = loc
	}
	rest := s
	for {
		loc := urlRE.FindStringIndex(rest)
		if loc == nil {
			break
		}
		if loc[0] > 0 {
			out = append(out, book.Inline{Kind: book.Text, Text: rest[:loc[0]]})
		}
		out = append(out, book.Inline{Kind: book.URLText, Text: rest[loc[0]:loc[1]]})
		rest = rest[loc[1]:]
	}
	if rest != "" && utf8.ValidString(rest) {
		out = append(out, book.Inline{Kind: book.Text, Text: rest})
	}
	return out
}
