package epub

import (
	"time"

	"github.com/fpc/bindery/book"
)

// Hand-built editions for the tests: two chapters with a box, lists, a quotation, notes
// referred to more than once, a link with a note inside it, and in the draft a note that
// was never defined.

func txt(s string) book.Inline { return book.Inline{Kind: book.Text, Text: s} }

func ref(n, k int) book.Inline { return book.Inline{Kind: book.NoteRef, Note: n, Ref: k} }

func para(ins ...book.Inline) book.Block { return book.Block{Kind: book.Paragraph, Inlines: ins} }

func heading(level int, s string) book.Block {
	return book.Block{Kind: book.Heading, Level: level, Inlines: []book.Inline{txt(s)}}
}

func note(n, refs int, blocks ...book.Block) book.Note {
	return book.Note{Number: n, Label: "x", Blocks: blocks, Refs: refs, Missing: len(blocks) == 0}
}

// fixtureTexts are the words of the fixture in one language.
type fixtureTexts struct {
	title, subtitle, series, ch1, ch2, section, subsection, boxTitle, byline string
	para1, para2, quote, item1, item2, note1, note2, credit                  string
}

var fixtureLang = map[string]fixtureTexts{
	"en": {
		title: "Retreating Rights", subtitle: "Examining the pressure on human rights in Kazakhstan",
		series: "Retreating Rights", ch1: "Executive summary", ch2: "Introduction",
		section: "Freedom of assembly", subsection: "The 2020 law", boxTitle: "Monitoring defenders",
		byline: "By Public Association Kadyr-Kasiyet",
		para1:  "Kazakhstan’s government has “modernised” its laws on assembly.",
		para2:  "Peaceful protesters are still detained — often within minutes.",
		quote:  "Freedom of assembly is a right, not a privilege.",
		item1:  "notification instead of permission;", item2: "designated places only.",
		note1: "Human Rights Watch, “Kazakhstan: Events of 2020”, January 2021, ",
		note2: "Interview with a lawyer, Almaty, March 2021.", credit: "Image by Jussi Toivanen under (CC).",
	},
	"kk": {
		title: "Шегініп жатқан құқықтар", subtitle: "Қазақстандағы адам құқықтарына қысым",
		series: "Шегініп жатқан құқықтар", ch1: "Қысқаша мазмұны", ch2: "Кіріспе",
		section: "Бейбіт жиналыс бостандығы", subsection: "2020 жылғы заң", boxTitle: "Құқық қорғаушыларды бақылау",
		byline: "«Кадыр-Касиет» қоғамдық бірлестігі",
		para1:  "Қазақстан үкіметі жиналыс туралы заңдарын «жаңартты».",
		para2:  "Бейбіт наразылық білдірушілер әлі де ұсталады — көбіне бірнеше минут ішінде.",
		quote:  "Жиналыс бостандығы — артықшылық емес, құқық.",
		item1:  "рұқсаттың орнына хабарлама;", item2: "тек арнайы орындар.",
		note1: "Human Rights Watch, “Kazakhstan: Events of 2020”, 2021 жылғы қаңтар, ",
		note2: "Заңгермен сұхбат, Алматы, 2021 жылғы наурыз.", credit: "Сурет: Jussi Toivanen (CC).",
	},
}

// fixture returns the test edition in a language; a draft has an undefined note.
func fixture(lang string, draft bool) *book.Edition {
	t := fixtureLang[lang]
	url := book.Inline{Kind: book.URLText, Text: "https://www.hrw.org/world-report/2021/country-chapters/kazakhstan#section-on-freedom-of-assembly-and-association"}
	ch1 := &book.Chapter{
		ID: "ch01-executive-summary", File: "fixture/" + lang + "/01-executive-summary.md",
		Title: t.ch1, Kind: "executive-summary",
		Blocks: []book.Block{
			para(txt(t.para1), ref(1, 1)),
			{Kind: book.List, Items: [][]book.Block{{para(txt(t.item1))}, {para(txt(t.item2), ref(2, 1))}}},
			para(book.Inline{Kind: book.Emph, Children: []book.Inline{txt(t.para2)}}, ref(1, 2)),
		},
		Notes: []book.Note{
			note(1, 2, para(txt(t.note1), url)),
			note(2, 1, para(txt(t.note2)), para(book.Inline{Kind: book.Strong, Children: []book.Inline{txt("Ibid.")}})),
		},
	}
	ch2Notes := []book.Note{
		note(1, 1, para(txt(t.note2))),
		note(2, 3, para(book.Inline{Kind: book.Link, URL: "https://fpc.org.uk/", Children: []book.Inline{txt("fpc.org.uk")}})),
	}
	ch2Tail := []book.Inline{txt(t.para2), ref(2, 3)}
	if draft {
		ch2Notes = append(ch2Notes, book.Note{Number: 3, Label: "7", Refs: 1, Missing: true})
		ch2Tail = append(ch2Tail, ref(3, 1))
	}
	ch2 := &book.Chapter{
		ID: "ch02-introduction", File: "fixture/" + lang + "/02-introduction.md",
		Title: t.ch2, Author: "Adam Hug", Kind: "introduction",
		Blocks: []book.Block{
			para(txt(t.para1), ref(1, 1)),
			heading(2, t.section),
			para(book.Inline{Kind: book.Link, URL: "https://fpc.org.uk/publications/", Children: []book.Inline{txt(t.para2), ref(2, 1)}}),
			{Kind: book.Quote, Children: []book.Block{para(txt(t.quote), ref(2, 2))}},
			heading(3, t.subsection),
			{Kind: book.Box, Title: []book.Inline{txt(t.boxTitle)}, Byline: []book.Inline{txt(t.byline)},
				Children: []book.Block{
					para(txt(t.para1)),
					{Kind: book.List, Ordered: true, Start: 3, Items: [][]book.Block{{para(txt(t.item1))}, {para(txt(t.item2)), para(txt(t.quote))}}},
				}},
			para(ch2Tail...),
			{Kind: book.Credit, Inlines: []book.Inline{txt(t.credit)}},
		},
		Notes: ch2Notes,
	}
	status := book.StatusFinal
	if draft {
		status = book.StatusDraft
	}
	return &book.Edition{
		Report: "fixture", Lang: lang, Dir: "fixture/" + lang,
		Meta: book.Metadata{
			Title: t.title, Subtitle: t.subtitle, Series: t.series, Country: "Kazakhstan",
			Contributors: []book.Contributor{{Name: "Adam Hug", Role: "edt"}},
			Publisher:    "The Foreign Policy Centre", Date: time.Date(2021, 7, 22, 0, 0, 0, 0, time.UTC),
			Lang: lang, Rights: "© 2021 The Foreign Policy Centre. All rights reserved.",
			ImageCredits: []string{"Image by Jussi Toivanen under (CC)."}, Status: status,
			Keywords: []string{"human rights", "Kazakhstan"},
		},
		Chapters: []*book.Chapter{ch1, ch2},
	}
}
