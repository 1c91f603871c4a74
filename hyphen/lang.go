package hyphen

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// patternFS holds the hyph-utf8 pattern files exactly as Debian's texlive-lang-english and
// texlive-lang-cyrillic ship them, headers and licence notices included, and bindery's own
// additional exception lists (extra/).
//
//go:embed patterns/*.tex extra/*.txt
var patternFS embed.FS

// The pattern files the hyphenators are built from, as strings: the program's read-only
// data, parsed in place (patternFS.ReadFile would copy each to the heap first).
var (
	//go:embed patterns/hyph-en-gb.tex
	enGBPatterns string
	//go:embed patterns/hyph-en-us.tex
	enUSPatterns string
	//go:embed patterns/hyph-ru.tex
	ruPatterns string
)

// patternText maps the pattern files in use to their text.
var patternText = map[string]string{
	"hyph-en-gb.tex": enGBPatterns, "hyph-en-us.tex": enUSPatterns, "hyph-ru.tex": ruPatterns,
}

// Each language is parsed at most once per process, on first use.
var (
	enGB = sync.OnceValue(func() *Hyphenator { return mustPatterns("en-gb", "hyph-en-gb.tex", 2, 3) })
	enUS = sync.OnceValue(func() *Hyphenator { return mustPatterns("en-us", "hyph-en-us.tex", 2, 3) })
	ru   = sync.OnceValue(func() *Hyphenator { return mustPatterns("ru", "hyph-ru.tex", 2, 2) })
	kk   = sync.OnceValue(func() *Hyphenator { return mustRules("kk", kazakhRules(), 3) })
	ky   = sync.OnceValue(func() *Hyphenator { return mustRules("ky", kyrgyzRules(), 3) })
	tg   = sync.OnceValue(func() *Hyphenator { return mustRules("tg", tajikRules(), 2) })
)

// parses counts the languages set up in this process.
var parses atomic.Int64

// Parses returns how many times this process has parsed a language's patterns or set up
// its rules: at most once per language, whatever the number of editions (tests and
// benchmarks read it).
func Parses() int { return int(parses.Load()) }

// For returns the hyphenator for a BCP 47 tag (en = en-gb, "en-us", ru, kk, ky, tg), or nil if
// none. Tags are matched case-insensitively; a region or the Cyrillic script subtag is allowed
// ("ru-RU", "kk-Cyrl-KZ"), other scripts are not ("kk-Latn"). Parsed once per process, safe
// for concurrent use.
func For(lang string) *Hyphenator {
	tag := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	base, rest, _ := strings.Cut(tag, "-")
	script := ""
	if len(rest) >= 4 && (len(rest) == 4 || rest[4] == '-') {
		script = rest[:4]
	}
	switch base {
	case "en":
		if script != "" && script != "latn" {
			return nil
		}
		if rest == "us" || strings.HasSuffix(rest, "-us") {
			return enUS()
		}
		return enGB()
	case "ru", "kk", "ky", "tg":
		if script != "" && script != "cyrl" {
			return nil
		}
	}
	switch base {
	case "ru":
		return ru()
	case "kk":
		return kk()
	case "ky":
		return ky()
	case "tg":
		return tg()
	}
	return nil
}

// mustPatterns loads an embedded pattern file. The files are part of the binary and checked
// by the tests, so a failure here is a build defect, not a runtime condition.
func mustPatterns(lang, file string, left, right int) *Hyphenator {
	parses.Add(1)
	h, err := loadPatterns(lang, file, left, right)
	if err != nil {
		panic(fmt.Sprintf("hyphen: embedded %s: %v", file, err))
	}
	return h
}

func loadPatterns(lang, file string, left, right int) (*Hyphenator, error) {
	src, ok := patternText[file]
	if !ok {
		return nil, fmt.Errorf("no embedded pattern file %s", file)
	}
	h, err := newPatternHyphenator(lang, src, left, right)
	if err != nil {
		return nil, err
	}
	base, _, _ := strings.Cut(lang, "-")
	extra, err := extraExceptions(base)
	if err != nil {
		return nil, err
	}
	if err := h.addExtra(extra); err != nil {
		return nil, fmt.Errorf("extra/%s.txt: %w", base, err)
	}
	return h, nil
}

// mustRules builds a rule-based hyphenator with bindery's exception list for the language;
// right is the fewest letters carried to the next line (Kazakh and Kyrgyz carry three, so that
// a two-letter case ending never starts a line alone).
func mustRules(lang string, r *syllableRules, right int) *Hyphenator {
	parses.Add(1)
	h := &Hyphenator{lang: lang, leftMin: 2, rightMin: right, cyrillic: true, rules: r}
	extra, err := extraExceptions(lang)
	if err == nil {
		err = h.addExtra(extra)
	}
	if err != nil {
		panic(fmt.Sprintf("hyphen: embedded extra/%s.txt: %v", lang, err))
	}
	return h
}

// addExtra adds bindery's own entries: as exceptions for the word itself and as stems for the
// longer words that start with it.
func (h *Hyphenator) addExtra(list []string) error {
	if err := h.addExceptions(list); err != nil {
		return err
	}
	for _, e := range list {
		word, breaks, err := parseException(strings.ToLower(e))
		if err != nil {
			return err
		}
		h.stems = append(h.stems, stem{key: word, n: utf8.RuneCountInString(word), breaks: breaks})
	}
	return nil
}

// newPatternHyphenator builds a Liang hyphenator from the text of a hyph-utf8 .tex file.
func newPatternHyphenator(lang, src string, left, right int) (*Hyphenator, error) {
	tp, err := parseTeX(src)
	if err != nil {
		return nil, err
	}
	t, err := newTrie(tp.Patterns)
	if err != nil {
		return nil, err
	}
	h := &Hyphenator{
		lang: lang, leftMin: left, rightMin: right, trie: t,
		cyrillic: lang == "ru", vowels: newRuneSet("aeiouy"),
	}
	if h.cyrillic {
		h.vowels = newRuneSet("аеёиоуыэюя")
	}
	if err := h.addExceptions(tp.Exceptions); err != nil {
		return nil, err
	}
	return h, nil
}

// addExceptions adds hyphenated words such as "uni-ver-sity"; a later entry for the same word
// replaces an earlier one.
func (h *Hyphenator) addExceptions(list []string) error {
	if h.exceptions == nil {
		h.exceptions = make(map[string][]uint8, len(list))
	}
	for _, e := range list {
		word, breaks, err := parseException(strings.ToLower(e))
		if err != nil {
			return err
		}
		h.exceptions[word] = breaks
	}
	return nil
}

// extraExceptions reads bindery's own exception list for a language (extra/<base>.txt): one
// hyphenated word a line, # starts a comment line. A language without a list gets none.
func extraExceptions(base string) ([]string, error) {
	src, err := patternFS.ReadFile("extra/" + base + ".txt")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, nil
}
