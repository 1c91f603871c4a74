package typo

import (
	"strings"
	"testing"
)

// nb makes expectations readable: "~" stands for U+00A0.
func nb(s string) string { return strings.ReplaceAll(s, "~", "\u00a0") }

// Sentences taken from the corpus (seed 002) unless marked otherwise.
func TestText(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		// Russian: straight quotes, nesting, dashes, ranges, no-break spaces.
		{"ru", `После приобретения независимости Таджикистан назвал свою валюту "сомони" в честь Исмаила Самани, царя Саманидов.`,
			`После приобретения независимости Таджикистан назвал свою валюту «сомони» в~честь Исмаила Самани, царя Саманидов.`},
		{"ru", `Официальное завершение войны пришлось на июнь 1997 года, когда было подписано "Общее соглашение об установлении мира".`,
			`Официальное завершение войны пришлось на~июнь 1997~года, когда было подписано «Общее соглашение об~установлении мира».`},
		{"ru", `Авторы статьи говорят о том, что правительство " в своей миссии по надзору за интернетом заручилось поддержкой «добровольцев»".`,
			`Авторы статьи говорят о~том, что правительство « в~своей миссии по~надзору за~интернетом заручилось поддержкой „добровольцев“».`},
		{"ru", `от империи Саманидов (875-999 гг.), сожгли и разрушили 55 000 домов`,
			`от~империи Саманидов (875–999~гг.), сожгли и~разрушили 55~000~домов`},
		{"ru", `В 2009 году убили Зиеева - лидера партии "ТаджикГаз"`,
			`В~2009~году убили Зиеева~— лидера партии «ТаджикГаз»`},
		{"ru", `Партия "Союз "Аманат"" и "Ак жол"`, `Партия «Союз „Аманат“» и~«Ак жол»`}, // constructed
		{"ru", `Заявление: “Ахбор” прекращает свою деятельность`, `Заявление: «Ахбор» прекращает свою деятельность`},
		{"ru", `Постановление № 5 и №7, ст. 174 УК, А. С. Пушкин`, `Постановление №~5 и~№~7, ст.~174 УК, А.~С.~Пушкин`}, // constructed
		{"ru", `Registry Of ‘Proven’ LGBT People, Kazakhstan’s`, `Registry Of ‘Proven’ LGBT People, Kazakhstan’s`},
		// Kazakh.
		{"kk", `Мәселен, Қазақстандағы жалғыз саяси таңдау - Тоқаевтың президенттік таққа отыруын билік басындағылар жасады.`,
			`Мәселен, Қазақстандағы жалғыз саяси таңдау~— Тоқаевтың президенттік таққа отыруын билік басындағылар жасады.`},
		{"kk", `оның мұрагеріне емес, "Бірінші президентке" тиесілі деп санайды.`, `оның мұрагеріне емес, «Бірінші президентке» тиесілі деп санайды.`},
		{"kk", `кең аумақтың (2 724 900 шаршы шақырым - жер көлемі бойынша әлемде 9-шы ел)`,
			`кең аумақтың (2~724~900~шаршы шақырым~— жер көлемі бойынша әлемде 9‑шы ел)`},
		{"kk", `Қазақстанды 1960-62 және 1964-1986 жылдары аралығында`, `Қазақстанды 1960–62~және 1964–1986~жылдары аралығында`},
		{"kk", `мүше адам санын 40 000-нан 20 000-ға дейін қысқарту`, `мүше адам санын 40~000‑нан 20~000‑ға дейін қысқарту`},
		{"kk", `Бұл «аналар наразылығы» Коллин Вудтың эссесінде егжей -тегжейлі түсіндірілгендей`,
			`Бұл «аналар наразылығы» Коллин Вудтың эссесінде егжей-тегжейлі түсіндірілгендей`},
		{"kk", `Партия "Ақ жол "Нұр"" деді`, `Партия «Ақ жол “Нұр”» деді`}, // constructed: kk inner “…”
		{"kk", `халықтың 99% -ға жуығы`, `халықтың 99%‑ға жуығы`},
		{"en", `In 2021 , more than`, `In 2021, more than`},
		{"ru", `деятель , а также`, `деятель, а~также`},
		{"ru", `в 1994 году .`, `в~1994~году.`},
		{"ru", `117 человек , в 1964- 1986 гг`, `117~человек, в~1964–1986 гг`},
		{"kk", `ЕҚЫҰ -дағы 8-март EPCA-ны`, `ЕҚЫҰ‑дағы 8‑март EPCA‑ны`},
		{"ru", `30-процентном`, `30‑процентном`},
		// Kyrgyz: the source's “…” become «…».
		{"ky", `дүйнөдө эң узун поэма катары таанылган “Манас” эпосундагы`, `дүйнөдө эң узун поэма катары таанылган «Манас» эпосундагы`},
		{"ky", `Тарыхта бул окуя “Жоогазын революциясы” деп аталып калган.`, `Тарыхта бул окуя «Жоогазын революциясы» деп аталып калган.`},
		{"ky", `мисал катары 2019-2021 жылдардын`, `мисал катары 2019–2021~жылдардын`},
		{"ky", `Калктын жан башына 1 309$ түшкөн`, `Калктын жан башына 1~309$ түшкөн`},
		{"ky", `өсүп жатты. 2005 – 2020-жылдар, борборунун 2017 – 19 жылдарда`, `өсүп жатты. 2005–2020‑жылдар, борборунун 2017–19~жылдарда`},
		{"en", `pages 5 - 7, in 2019 - the year`, `pages 5–7, in 2019~– the year`}, // constructed
		// English: ‘…’ outside, “…” inside; en dash between words.
		{"en", `Kazakhstan’s ruling elite has delivered substantial economic growth - albeit particularly benefiting itself - and has mostly maintained stability`,
			`Kazakhstan’s ruling elite has delivered substantial economic growth~– albeit particularly benefiting itself~– and has mostly maintained stability`},
		{"en", `Activists demanded the removal of the "Street Party" from the list`, `Activists demanded the removal of the ‘Street Party’ from the list`},
		{"en", `help ‘evolve’ the political culture`, `help ‘evolve’ the political culture`},
		{"en", `UN Human Rights, “Kazakhstan should release rights defenders Bokayev and Ayan” – UN experts`,
			`UN Human Rights, ‘Kazakhstan should release rights defenders Bokayev and Ayan’~– UN experts`},
		{"en", `the wider Soviet famines of 1932-33, from 1949-1963`, `the wider Soviet famines of 1932–33, from 1949–1963`},
		{"en", `He said 'the "listening state" isn't working'.`, `He said ‘the “listening state” isn’t working’.`}, // constructed
		{"en", `3 million were ethnic Kazakhs, 38 per cent`, `3~million were ethnic Kazakhs, 38~per cent`},
		{"en", `see p. 12 and N. Nazarbayev`, `see p.~12 and N.~Nazarbayev`},
		// English numerals are tied to the word they count, not to a conjunction, article or
		// preposition after them, nor across punctuation or into a capitalised word.
		{"en", `more than 200 protestors were detained, 8,173 deaths and 2.5 tonnes`, `more than 200~protestors were detained, 8,173~deaths and 2.5~tonnes`},
		{"en", `in 2019 the party, Article 405 and 174 of the Code, 2021, with 30 Kazakhs`, `in 2019 the party, Article 405 and 174 of the Code, 2021, with 30 Kazakhs`},
		{"en", `for 20,000 members and 30 years, the 2019 elections`, `for 20,000~members and 30~years, the 2019~elections`},
		{"en", `1990-1995 saw 12 people; COVID-19 cases`, `1990–1995 saw 12~people; COVID-19~cases`},
		{"en", `Mr Tokayev met Dr Smith`, `Mr~Tokayev met Dr~Smith`},                                                                  // constructed
		{"ru", `Будет ли он знать, что же было бы`, `Будет~ли он знать, что~же было~бы`},                                              // constructed
		{"en-US", `He said 'the "listening state" isn't working' - really`, `He said “the ‘listening state’ isn’t working”~— really`}, // constructed
		// Tajik (constructed: no Tajik text in the corpus).
		{"tg", `Ҳизби "Наҳзати исломӣ" - ба фаъолият`, `Ҳизби «Наҳзати исломӣ»~— ба~фаъолият`},
		{"tg", `аз 1 000 000 сомонӣ`, `аз~1~000~000~сомонӣ`},
		// Not touched: URLs, dates and codes.
		{"ru", `см. https://www.hrw.org/ru/news/2021-07-07 "а"`, `см. https://www.hrw.org/ru/news/2021-07-07 «а»`},
		{"en", `document RC-9-2021-0144_EN of 2021-07-22`, `document RC-9-2021-0144_EN of 2021-07-22`},
		{"en", `COVID-19 and low-level`, `COVID-19 and low-level`},
		// Unknown languages are left alone.
		{"de", `"Recht" - Staat`, `"Recht" - Staat`},
	}
	for _, tt := range tests {
		f := New(tt.lang)
		if got, want := f.Text(tt.in), nb(tt.want); got != want {
			t.Errorf("%s: %s\n got: %q\nwant: %q", tt.lang, tt.in, got, want)
		}
	}
}

// TestSegments checks that quotes, dashes and no-break spaces carry over when a paragraph
// arrives in pieces (split around emphasis, links and note references).
func TestSegments(t *testing.T) {
	tests := []struct {
		lang string
		in   []string
		want string
	}{
		{"ru", []string{`партия "`, `Нур Отан`, `" и движение`}, `партия «Нур Отан» и~движение`},
		{"ru", []string{`сказал "`, `Союз "Аманат`, `""`}, `сказал «Союз „Аманат“»`},
		{"en", []string{`the “`, `listening state`, `” - he said`}, `the ‘listening state’~– he said`},
		{"ru", []string{`в`, ` Таджикистане`}, `в~Таджикистане`},
		{"ru", []string{`сожгли 55`, ` 000 домов`}, `сожгли 55~000~домов`},
		{"kk", []string{`таңдау -`, ` Тоқаевтың`}, `таңдау~— Тоқаевтың`},
	}
	for _, tt := range tests {
		f := New(tt.lang)
		var out strings.Builder
		for _, s := range tt.in {
			out.WriteString(f.Text(s))
		}
		if got, want := out.String(), nb(tt.want); got != want {
			t.Errorf("%s %q:\n got: %q\nwant: %q", tt.lang, tt.in, got, want)
		}
	}
}

func TestReset(t *testing.T) {
	f := New("ru")
	f.Text(`он сказал "незакрытая цитата`)
	f.Reset()
	if got := f.Text(`"новый" абзац`); got != `«новый» абзац` {
		t.Errorf("after Reset: %q", got)
	}
}

// quoteRunes and the other characters typo may change; everything else must survive.
const changeable = "\"'«»„“”‘’-‑–— \u00a0" // quotes, the hyphen (which may become the non-breaking U+2011), dashes, spaces

func skeleton(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(changeable, r) {
			return -1
		}
		return r
	}, s)
}

func FuzzText(f *testing.F) {
	f.Add("ru", `Партия "Нур Отан" - это 55 000 человек, № 5, А. С. Пушкин в 1990-1995 гг.`)
	f.Add("en", `He said 'the "listening state" isn't working' - 1932-33 https://x.org/a-b`)
	f.Add("kk", `“Манас” - 2 724 900 шаршы`)
	f.Fuzz(func(t *testing.T, lang, s string) {
		fx := New(lang)
		out := fx.Text(s)
		if strings.ContainsRune(out, '\u202f') && !strings.ContainsRune(s, '\u202f') {
			t.Fatalf("U+202F in output of %q", s)
		}
		if skeleton(out) != skeleton(strings.ReplaceAll(s, "№", "№")) {
			t.Fatalf("text changed beyond punctuation and spaces:\n in: %q\nout: %q", s, out)
		}
	})
}
