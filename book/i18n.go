package book

import (
	"fmt"
	"time"
)

// Strings are the words an edition prints around its text (headings of generated pages,
// labels, accessibility texts), in the edition's language.
type Strings struct {
	Language             string // the language's own name
	Contents             string
	Notes                string
	Note                 string // a single note, for labels such as "Note 3"
	Chapter              string
	Draft                string
	DraftNotice          string
	Cover                string
	CoverAlt             string // format with the title: "Cover: %s"
	TitlePage            string
	Imprint              string
	Landmarks            string
	Pages                string
	Page                 string
	BackToText           string
	MissingNote          string
	Publisher            string
	Published            string
	Rights               string
	ImageCredits         string
	Identifier           string
	Editor               string
	Author               string
	Translator           string // contributor role trl
	Contributor          string // any other contributor role
	Typefaces            string // imprint label of the embedded fonts
	AccessibilitySummary string // what the e-book offers, without a claim
	AccessibilityClaim   string // the conformance sentence a final edition adds
	AccessibilityDraft   string // the sentence a draft adds instead: no conformance claimed
	Months               [12]string
	DateFormat           string // with %[1]d day, %[2]s month, %[3]d year
}

// Languages are the BCP 47 tags bindery has strings, fonts and hyphenation for.
var Languages = []string{"en", "kk", "ky", "ru", "tg"}

// UI returns the strings of a language, and false if bindery does not know it.
func UI(lang string) (Strings, bool) {
	s, ok := uiStrings[lang]
	return s, ok
}

// Role names a contributor's MARC relator role ("aut", "edt", "trl"; any other is a
// contributor) in the language.
func (s Strings) Role(role string) string {
	switch role {
	case "aut":
		return s.Author
	case "edt":
		return s.Editor
	case "trl":
		return s.Translator
	}
	return s.Contributor
}

// FormatDate writes a date the way the language writes it in running text.
func (s Strings) FormatDate(t time.Time) string {
	return fmt.Sprintf(s.DateFormat, t.Day(), s.Months[t.Month()-1], t.Year())
}

var uiStrings = map[string]Strings{
	"en": {
		Language: "English", Contents: "Contents", Notes: "Notes", Note: "Note", Chapter: "Chapter",
		Draft: "Draft", DraftNotice: "Draft – not for distribution", Cover: "Cover", CoverAlt: "Cover: %s",
		TitlePage: "Title page", Imprint: "Imprint", Landmarks: "Landmarks", Pages: "Pages", Page: "Page",
		BackToText: "Back to text", MissingNote: "The text of this note is missing from the source.",
		Publisher: "Publisher", Published: "Published", Rights: "Rights", ImageCredits: "Image credits",
		Identifier: "Identifier", Editor: "Editor", Author: "Author",
		Translator: "Translator", Contributor: "Contributor", Typefaces: "Typefaces",
		AccessibilityClaim: "This publication meets EPUB Accessibility 1.1 and WCAG 2.1 Level AA.",
		AccessibilityDraft: "This is a draft: its accessibility has not been evaluated and no conformance is claimed.",
		AccessibilitySummary: "It has a navigable table of contents, headings in logical order, endnotes linked to and " +
			"from the text, and a text description of its cover image.",
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December"},
		DateFormat: "%[1]d %[2]s %[3]d",
	},
	"ru": {
		Language: "Русский", Contents: "Содержание", Notes: "Примечания", Note: "Примечание", Chapter: "Глава",
		Draft: "Черновик", DraftNotice: "Черновик — не для распространения", Cover: "Обложка", CoverAlt: "Обложка: %s",
		TitlePage: "Титульный лист", Imprint: "Выходные сведения", Landmarks: "Ориентиры", Pages: "Страницы", Page: "Страница",
		BackToText: "Вернуться к тексту", MissingNote: "Текст этого примечания отсутствует в источнике.",
		Publisher: "Издатель", Published: "Дата публикации", Rights: "Права", ImageCredits: "Иллюстрации",
		Identifier: "Идентификатор", Editor: "Редактор", Author: "Автор",
		Translator: "Переводчик", Contributor: "Участник", Typefaces: "Шрифты",
		AccessibilityClaim: "Публикация соответствует требованиям EPUB Accessibility 1.1 и WCAG 2.1 уровня AA.",
		AccessibilityDraft: "Это черновик: его доступность не оценивалась, соответствие стандартам не заявляется.",
		AccessibilitySummary: "В публикации есть оглавление с навигацией, заголовки в логическом порядке, примечания со ссылками " +
			"в обе стороны и текстовое описание обложки.",
		Months: [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
			"августа", "сентября", "октября", "ноября", "декабря"},
		DateFormat: "%[1]d %[2]s %[3]d г.",
	},
	"kk": {
		Language: "Қазақша", Contents: "Мазмұны", Notes: "Ескертпелер", Note: "Ескертпе", Chapter: "Тарау",
		Draft: "Жоба", DraftNotice: "Жоба — таратуға арналмаған", Cover: "Мұқаба", CoverAlt: "Мұқаба: %s",
		TitlePage: "Титул беті", Imprint: "Шығу деректері", Landmarks: "Бағдарлар", Pages: "Беттер", Page: "Бет",
		BackToText: "Мәтінге оралу", MissingNote: "Бұл ескертпенің мәтіні дереккөзде жоқ.",
		Publisher: "Баспагер", Published: "Жарияланған күні", Rights: "Құқықтар", ImageCredits: "Суреттер",
		Identifier: "Сәйкестендіргіш", Editor: "Редактор", Author: "Автор",
		Translator: "Аудармашы", Contributor: "Қатысушы", Typefaces: "Қаріптер",
		AccessibilityClaim: "Бұл басылым EPUB Accessibility 1.1 және WCAG 2.1 AA деңгейінің талаптарына сай келеді.",
		AccessibilityDraft: "Бұл — жоба: оның қолжетімділігі бағаланбаған, стандарттарға сәйкестігі мәлімделмейді.",
		AccessibilitySummary: "Онда навигациясы бар мазмұн, логикалық ретпен берілген тақырыптар, мәтінмен екі жақты " +
			"байланысқан ескертпелер және мұқабаның мәтіндік сипаттамасы бар.",
		Months: [12]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде",
			"тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"},
		DateFormat: "%[3]d жылғы %[1]d %[2]s",
	},
	"ky": {
		Language: "Кыргызча", Contents: "Мазмуну", Notes: "Эскертүүлөр", Note: "Эскертүү", Chapter: "Бөлүм",
		Draft: "Долбоор", DraftNotice: "Долбоор — таратууга арналган эмес", Cover: "Мукаба", CoverAlt: "Мукаба: %s",
		TitlePage: "Титулдук барак", Imprint: "Басылма жөнүндө маалымат", Landmarks: "Багыттар", Pages: "Беттер", Page: "Бет",
		BackToText: "Текстке кайтуу", MissingNote: "Бул эскертүүнүн тексти булакта жок.",
		Publisher: "Басып чыгаруучу", Published: "Жарыяланган күнү", Rights: "Укуктар", ImageCredits: "Сүрөттөр",
		Identifier: "Идентификатор", Editor: "Редактор", Author: "Автор",
		Translator: "Котормочу", Contributor: "Катышуучу", Typefaces: "Шрифттер",
		AccessibilityClaim: "Бул басылма EPUB Accessibility 1.1 жана WCAG 2.1 AA деңгээлинин талаптарына жооп берет.",
		AccessibilityDraft: "Бул — долбоор: анын жеткиликтүүлүгү бааланган эмес, стандарттарга шайкештиги билдирилбейт.",
		AccessibilitySummary: "Анда навигациясы бар мазмун, логикалык тартиптеги аталыштар, текст менен эки тараптуу " +
			"байланышкан эскертүүлөр жана мукабанын тексттик сүрөттөмөсү бар.",
		Months: [12]string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль",
			"август", "сентябрь", "октябрь", "ноябрь", "декабрь"},
		DateFormat: "%[3]d-жылдын %[1]d-%[2]s",
	},
	"tg": {
		Language: "Тоҷикӣ", Contents: "Мундариҷа", Notes: "Эзоҳҳо", Note: "Эзоҳ", Chapter: "Боб",
		Draft: "Сиёҳнавис", DraftNotice: "Сиёҳнавис — барои паҳн кардан нест", Cover: "Муқова", CoverAlt: "Муқова: %s",
		TitlePage: "Саҳифаи унвон", Imprint: "Маълумоти нашр", Landmarks: "Нишонаҳо", Pages: "Саҳифаҳо", Page: "Саҳифа",
		BackToText: "Бозгашт ба матн", MissingNote: "Матни ин эзоҳ дар манбаъ нест.",
		Publisher: "Ношир", Published: "Санаи нашр", Rights: "Ҳуқуқҳо", ImageCredits: "Суратҳо",
		Identifier: "Муайянкунанда", Editor: "Муҳаррир", Author: "Муаллиф",
		Translator: "Тарҷумон", Contributor: "Иштирокчӣ", Typefaces: "Шрифтҳо",
		AccessibilityClaim: "Ин нашр ба талаботи EPUB Accessibility 1.1 ва WCAG 2.1 сатҳи AA мувофиқ аст.",
		AccessibilityDraft: "Ин сиёҳнавис аст: дастрасии он арзёбӣ нашудааст ва мутобиқат ба стандартҳо изҳор намешавад.",
		AccessibilitySummary: "Дар он мундариҷаи паймоишшаванда, сарлавҳаҳо бо тартиби мантиқӣ, эзоҳҳое, ки бо матн аз ду " +
			"тараф пайванданд, ва тавсифи матнии муқова мавҷуданд.",
		Months: [12]string{"январ", "феврал", "март", "апрел", "май", "июн", "июл",
			"август", "сентябр", "октябр", "ноябр", "декабр"},
		DateFormat: "%[1]d %[2]s %[3]d",
	},
}
