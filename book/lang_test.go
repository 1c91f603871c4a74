package book

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// langRuns lists the text runs of inlines as "lang:text", children included.
func langRuns(ins []Inline) []string {
	var out []string
	for _, x := range ins {
		if x.Kind == Text || x.Kind == Code || x.Kind == URLText {
			out = append(out, x.Lang+":"+x.Text)
		}
		if x.Lang == "" {
			out = append(out, fmt.Sprintf("no language on %v", x.Kind))
		}
		out = append(out, langRuns(x.Children)...)
	}
	return out
}

func TestLatinParts(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Human Rights Watch, 2019 деп жазды", "[Human Rights Watch,]| 2019 деп жазды"},
		{"Есеп: «Freedom House» (2020), б. 4", "Есеп: |[«Freedom House»]| (2020), б. 4"},
		{"XX ғасырда Facebook пен OSCE", "XX ғасырда |[Facebook]| пен |[OSCE]|"},
		{"бәрі қазақша", "бәрі қазақша"},
		{"Report of the UN, 12 May 2020.", "[Report of the UN, 12 May]| 2020."},
		{"2019, 2020", "2019, 2020"},
		{"Kazakhstan-да", "Kazakhstan-да"},
		{"", ""},
	} {
		var b strings.Builder
		for i, p := range latinParts(tc.in) {
			if i > 0 {
				b.WriteString("|")
			}
			if p.latin {
				fmt.Fprintf(&b, "[%s]", tc.in[p.from:p.to])
			} else {
				b.WriteString(tc.in[p.from:p.to])
			}
		}
		if got := strings.TrimSuffix(b.String(), "|"); got != strings.TrimSuffix(tc.want, "|") {
			t.Errorf("latinParts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestInlineLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, lang, latin, src string
		want                   []string
		warn                   string
	}{
		{"cyrillic edition", "kk", "en", "Баяндама: Human Rights Watch, *World Report*, 2020.",
			[]string{"kk:Баяндама: ", "en:Human Rights Watch,", "kk: ", "en:World Report", "kk:, 2020."}, ""},
		{"explicit span", "ru", "en", "См. [Qazaqstan tarihy]{lang=kk-Latn} и [*Rapport*]{lang=fr .title}.",
			[]string{"ru:См. ", "kk-Latn:Qazaqstan tarihy", "ru: и ", "fr:Rapport", "ru:."}, ""},
		{"span in latin edition", "en", "", "The word [Ақорда]{lang=kk} means white horde.",
			[]string{"en:The word ", "kk:Ақорда", "en: means white horde."}, ""},
		{"latin rule off", "ru", "", "Отчёт Freedom House.", []string{"ru:Отчёт Freedom House."}, ""},
		{"span keeps latin text in the edition's language", "ru", "en", "Слово [Bolashak]{lang=ru} и Bolashak.",
			[]string{"ru:Слово ", "ru:Bolashak", "ru: и\u00a0", "en:Bolashak."}, ""},
		{"bad tag", "ru", "en", "Слово [x]{lang=\"not a tag!\"}.", []string{"ru:Слово ", "en:x."}, "not a BCP 47 tag"},
		{"not a span", "en", "", "A [bracket]{.class} stays.", []string{"en:A [bracket]{.class} stays."}, ""},
		{"note inside span", "en", "", "[Titled work[^1]]{lang=fr}\n\n[^1]: N.",
			[]string{"fr:Titled work"}, ""},
		{"unclosed", "en", "", "A *[word* here]{lang=fr}.", []string{"en:A ", "en:[word", "en: here]{lang=fr}."}, "not closed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ds Diagnostics
			ch := parseChapterLang("t.md", []byte("---\ntitle: T\n---\n\n"+tc.src+"\n"), tc.lang, tc.latin, false, &ds)
			got := langRuns(ch.Blocks[0].Inlines)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("runs\n got %q\nwant %q", got, tc.want)
			}
			if (tc.warn == "") != (len(ds) == 0) || len(ds) > 0 && tc.warn != "" && !strings.Contains(ds[0].String(), tc.warn) {
				t.Errorf("diagnostics %v, want %q", ds, tc.warn)
			}
			if tc.warn != "" && ds[0].Pos.Line != 5 {
				t.Errorf("warning at %v, want line 5", ds[0].Pos)
			}
		})
	}
}

func TestLatinLangManifest(t *testing.T) {
	if latinLangFor("kk", "") != "en" || latinLangFor("kk", "none") != "" || latinLangFor("en", "") != "" || latinLangFor("ru", "de") != "de" {
		t.Error("latinLangFor")
	}
}

// FuzzSpans parses arbitrary paragraphs with bracketed spans: the parser must not panic,
// every inline gets a language, and the Latin rule never loses or reorders a character.
func FuzzSpans(f *testing.F) {
	for _, s := range []string{"[a]{lang=en}", "См. [*b* c[^1]]{lang=fr} d", "[[x]{lang=de}]{lang=en}",
		"[`]`]{lang=en}", "*[a* b]{lang=en}", "[a]{lang=\"x y\"}", "Freedom House: XX ғасыр", "]{lang=en}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "\n---") || !utf8.ValidString(s) {
			return
		}
		var ds Diagnostics
		ch := parseChapterLang("f.md", []byte("---\ntitle: T\n---\n\n"+s+"\n"), "kk", "en", true, &ds)
		for _, b := range ch.Blocks {
			for _, r := range langRuns(b.Inlines) {
				if strings.HasPrefix(r, "no language") {
					t.Fatalf("%q: %s", s, r)
				}
			}
		}
		var joined strings.Builder
		for _, p := range latinParts(s) {
			joined.WriteString(s[p.from:p.to])
		}
		if joined.String() != s {
			t.Fatalf("latinParts(%q) joins to %q", s, joined.String())
		}
	})
}
