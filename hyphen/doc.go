// Package hyphen finds the points where words may break with a hyphen at the end of a line, for
// English, Russian, Kazakh, Kyrgyz and Tajik.
//
// It sits beside the renderers in bindery's pipeline (content/ -> book -> renderers (epub,
// layout) -> files): the PDF layout asks it for the break points of every word of a justified
// paragraph (Hyphenate, or AppendPoints to avoid allocations), and an EPUB writer may insert
// soft hyphens (SoftHyphens) for reading systems without a dictionary for the language. It
// depends on nothing but the standard library and its embedded data.
//
// # English and Russian: Liang's patterns
//
// English (British by default, "en-gb"; American as "en-us") and Russian use Frank Liang's
// algorithm over the TeX patterns of the hyph-utf8 project, embedded unmodified from Debian's
// texlive-lang-english and texlive-lang-cyrillic packages (see patterns/README.md for sources
// and licences), together with the exception lists of the same files. Minimum fragments follow
// the files' hyphenmins: English 2 letters before and 3 after a break, Russian 2 and 2.
// A pattern break that would leave a fragment without a vowel, or start one with ь or ъ, is
// dropped, keeping the later of two breaks around such a fragment: the Russian patterns give
// па-т-ро-наж, Ма-дж-ли-си and Ра-шт, bindery пат-ро-наж, Мадж-ли-си and Рашт.
// bindery adds its own exceptions in extra/<lang>.txt (the pattern files stay unmodified): the
// Central Asian names of the reports that the English patterns divide badly (Ka-zakh-stan, not
// Kaza-kh-stan).
//
// # Kazakh, Kyrgyz and Tajik: syllable rules
//
// No pattern set covers these languages well, so bindery divides their words into syllables
// from the phonology and allows a break between every two syllables:
//
//   - Vowels: Kazakh а ә е ё и о ө ұ ү ы і э ю я and у; Kyrgyz а е ё и о ө у ү ы э ю я;
//     Tajik а е ё и о у ӯ ӣ э ю я. Everything else is a consonant, except the signs ь and ъ.
//   - Kazakh у writes the consonant /w/ after a vowel (тау, сау-да, тә-уел-сіз) and before a
//     vowel at the start of a word (уа-қыт); after a consonant it is a vowel (о-қу, ша-ру-а).
//   - Two vowels in a row belong to two syllables (ра-ди-о, Tajik шо-ир, ит-ти-ло-от), except
//     that in Kyrgyz a doubled vowel letter is one long vowel and stays whole (маа-лы-мат, коом).
//   - One consonant between two vowels goes with the next syllable (ба-ла, о-йын); two are split
//     between them (ал-ма, рес-пуб-ли-ка). Of three or more, only the last begins the next
//     syllable, because native suffixes begin with a single consonant and stems end in up to
//     two or three (айт-ты, ұлт-тық, ко-декс-тің, ми-нистр-лер, ме-ха-низм-де-рі, Tajik
//     даст-гир, шаҳр-ван-дон). Two exceptions: the names in -стан keep "ст" together
//     (Қа-зақ-стан, Кыр-гыз-стан), and in Kazakh and Kyrgyz an obstruent followed by р or л,
//     which no native word joins across a syllable boundary, begins the syllable of a loanword
//     (экс-тре-мизм, кон-тра-бан-да, де-монс-трант); Tajik compounds do join them (даст-ра-сӣ).
//   - ь and ъ never begin a fragment: after a vowel they close its syllable (Tajik маъ-но), and
//     before a vowel they stay with the consonant before them (ҷамъ-ият, объ-ект).
//   - й before a consonant stays with the vowel before it (бай-лық) by the two-consonant rule;
//     between vowels it begins the next syllable (жа-йын-да).
//   - So every fragment holds a vowel, and a fragment is at least 2 letters long at either end.
//
// Russian loanwords in these languages (республика, демократия, конституция) are divided by the
// same rules, which give breaks that the Russian rules allow as well (рес-пуб-ли-ка,
// де-мок-ра-ти-я, конс-ти-ту-ци-я), so no one-consonant fragments arise, though not always the
// division a Russian dictionary prefers (кон-сти-ту-ци-я).
//
// # Words that are not hyphenated
//
// Leading and trailing punctuation is ignored. Words with a letter of another script (Latin in
// a Cyrillic language, Cyrillic in English), with digits or other symbols (URLs, e-mail
// addresses, "COVID-19"), all-capital abbreviations (ЕҚЫҰ, NGO) and words with a capital after a
// small letter (YouTube) get no break points. A word containing U+00AD soft hyphens breaks only
// there. Hyphens and apostrophes split a word into parts that are hyphenated one by one, each
// with the minimum fragment lengths.
package hyphen
