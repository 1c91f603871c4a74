package epub

// localStrings are the few words the EPUB prints that book.Strings lacks.
type localStrings struct {
	Typefaces   string // imprint label of the embedded fonts
	Translator  string // contributor role trl
	Contributor string // any other contributor role
}

// localUI returns the extra strings of a language, English when it is unknown.
func localUI(lang string) localStrings {
	switch lang {
	case "kk":
		return localStrings{Typefaces: "Қаріптер", Translator: "Аудармашы", Contributor: "Қатысушы"}
	case "ru":
		return localStrings{Typefaces: "Шрифты", Translator: "Переводчик", Contributor: "Участник"}
	case "ky":
		return localStrings{Typefaces: "Шрифттер", Translator: "Котормочу", Contributor: "Катышуучу"}
	case "tg":
		return localStrings{Typefaces: "Шрифтҳо", Translator: "Тарҷумон", Contributor: "Иштирокчӣ"}
	}
	return localStrings{Typefaces: "Typefaces", Translator: "Translator", Contributor: "Contributor"}
}

// roleLabel names a MARC relator role in the edition's language.
func (p *publication) roleLabel(role string) string {
	switch role {
	case "aut":
		return p.ui.Author
	case "edt":
		return p.ui.Editor
	case "trl":
		return p.local.Translator
	}
	return p.local.Contributor
}
