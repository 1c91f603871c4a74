package epub

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

// TestLanguageOfParts checks that the EPUB marks the language of every run that differs
// from its surroundings, with both lang and xml:lang: an explicit span, and the Latin-script
// citations of the Kazakh and Russian editions (the Kazakh notes cite English titles in 144
// of 146 notes).
func TestLanguageOfParts(t *testing.T) {
	t.Parallel()
	ed := &book.Edition{Report: "r", Lang: "kk", Meta: book.Metadata{Title: "T", Lang: "kk"}, Chapters: []*book.Chapter{{
		ID: "ch01", Title: "Т", Blocks: []book.Block{{Kind: book.Paragraph, Inlines: []book.Inline{
			{Kind: book.Text, Text: "Баяндама ", Lang: "kk"},
			{Kind: book.Text, Text: "Human Rights Watch", Lang: "en"},
			{Kind: book.Emph, Lang: "fr", Children: []book.Inline{{Kind: book.Text, Text: "Rapport", Lang: "fr"}}},
			{Kind: book.Strong, Lang: "kk", Children: []book.Inline{{Kind: book.Text, Text: "қазақша", Lang: "kk"}}},
		}}}}}}
	ed.Meta.Date = time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC)
	got := strings.ReplaceAll(string(unpack(t, build(t, ed, Options{})).files["EPUB/ch01.xhtml"]), "\u00ad", "")
	for _, want := range []string{`Баяндама <span lang="en" xml:lang="en">Human Rights Watch</span>`,
		`<em lang="fr" xml:lang="fr">Rapport</em>`, `<strong>қазақша</strong>`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
	notes := regexp.MustCompile(`(?m)^<li id="[^"]*-note-\d+".*$`)
	for _, ed := range corpus(t).Editions {
		if ed.Lang != "kk" && ed.Lang != "ru" {
			continue
		}
		u := unpack(t, build(t, ed, Options{}))
		spans, cited, total := 0, 0, 0
		for name, data := range u.files {
			if !strings.HasSuffix(name, ".xhtml") {
				continue
			}
			spans += strings.Count(string(data), `<span lang="en" xml:lang="en">`)
			for _, n := range notes.FindAllString(string(data), -1) {
				total++
				if strings.Contains(n, `lang="en"`) {
					cited++
				}
			}
		}
		if spans <= 100 || ed.Lang == "kk" && cited*10 < total*9 {
			t.Errorf("%s: %d English spans, %d of %d notes with one", ed.Name(), spans, cited, total)
		}
		t.Logf("%s: %d English spans, %d of %d notes with one", ed.Name(), spans, cited, total)
	}
}

// TestSentinelErrors checks that callers can tell Write's refusals apart with errors.Is, and
// that the message leaves naming the edition to the caller.
func TestSentinelErrors(t *testing.T) {
	for _, c := range []struct {
		change func(*book.Edition)
		want   error
	}{
		{func(e *book.Edition) { e.Meta.Title = "" }, ErrNoTitle},
		{func(e *book.Edition) { e.Chapters = nil }, ErrNoChapters},
		{func(e *book.Edition) { e.Meta.Date = time.Time{} }, ErrNoDate},
		{func(e *book.Edition) { e.Lang = "de" }, ErrLanguage},
	} {
		ed := fixture("en", false)
		c.change(ed)
		err := Write(io.Discard, ed, Options{})
		if !errors.Is(err, c.want) || strings.Contains(fmt.Sprint(err), ed.Name()) {
			t.Errorf("%v: want errors.Is %v and no edition name", err, c.want)
		}
	}
}
