package preview

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAffected(t *testing.T) {
	for _, tc := range []struct {
		paths        []string
		report, lang string
		want         bool
	}{
		{[]string{"kz/en/01-intro.md"}, "kz", "en", true},
		{[]string{"kz/en/01-intro.md"}, "kz", "kk", false},
		{[]string{"kz/en/01-intro.md"}, "tj", "ru", false},
		{[]string{"kz/report.yaml"}, "kz", "kk", true},
		{[]string{"kz/report.yaml"}, "tj", "ru", false},
		{[]string{"kz/ru"}, "kz", "ru", true},
		{[]string{"kz"}, "tj", "ru", true},
		{[]string{"."}, "tj", "ru", true},
		{[]string{"kz/en/a.md", "tj/ru/b.md"}, "tj", "ru", true},
	} {
		if got := affected(tc.paths).keep(tc.report, tc.lang); got != tc.want {
			t.Errorf("%v touches %s/%s: %v, want %v", tc.paths, tc.report, tc.lang, got, tc.want)
		}
	}
}

func TestKeyOf(t *testing.T) {
	s := &Server{cfg: Config{Prefix: "content"}}
	for file, want := range map[string]string{
		"content/kz/en/01-intro.md": "kz/en",
		"content/kz/en":             "kz/en",
		"content/kz/report.yaml":    "kz",
		"content":                   "",
	} {
		if got := s.keyOf(file); got != want {
			t.Errorf("keyOf(%q) = %q, want %q", file, got, want)
		}
	}
}

func TestInject(t *testing.T) {
	doc := []byte(`<html><body class="chapter"><p>x</p></body></html>`)
	got := string(inject(doc, 7, errorPanel([]string{"a.md:1:2: error: <bad>"}, ":")))
	if !strings.Contains(got, `<body class="chapter"><div id="bindery-error"`) || !strings.Contains(got, "a.md:1:2: error: &lt;bad&gt;") ||
		!strings.HasSuffix(got, `</div><p>x</p><script src="/_bindery/live.js" data-generation="7"></script></body></html>`) {
		t.Errorf("%s", got)
	}
	if errorPanel(nil, ":") != "" {
		t.Error("a panel without errors")
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{"kz/en/01.md": false, "kz/en/.01.md.swp": true, "kz/en/01.md~": true, "kz/en/#01.md#": true, "kz/.git": true} {
		if ignored(name) != want {
			t.Errorf("ignored(%q) != %v", name, want)
		}
	}
}

// TestIndexShowsUnbuiltErrors: an edition that never built still shows its errors on the index.
func TestIndexShowsUnbuiltErrors(t *testing.T) {
	s := &Server{cfg: Config{Content: "content"}, books: map[string]*edition{
		"kz-kk": {name: "kz-kk", report: "kz", lang: "kk", title: "Қазақстан", spine: []page{{"EPUB/ch01.xhtml", "Кіріспе"}}},
	}, problems: map[string][]string{
		"kz/en": {"content/kz/en/01.md:2:1: error: invalid YAML front matter"},
		"kz/kk": {"content/kz/kk/01.md:9:3: error: endnote [^4] is never defined"},
	}}
	rec := httptest.NewRecorder()
	s.index(rec, httptest.NewRequest("GET", "/", nil))
	body := rec.Body.String()
	for _, want := range []string{
		"<h2>kz-en <small>(not built yet)</small></h2>", "content/kz/en/01.md:2:1: error",
		"content/kz/kk/01.md:9:3: error", "; below, the last good build:",
		`<a href="/epub/kz-kk/EPUB/ch01.xhtml" lang="kk">Кіріспе</a>`, "PDF: being built",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("index lacks %q:\n%s", want, body)
		}
	}
}
