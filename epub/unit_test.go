package epub

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

// TestInvalidEditions lists what Write refuses, with the words the error must contain.
func TestInvalidEditions(t *testing.T) {
	cases := []struct {
		name   string
		change func(*book.Edition, *Options)
		want   string
	}{
		{"language", func(e *book.Edition, _ *Options) { e.Lang = "de" }, `language "de"`},
		{"no date", func(e *book.Edition, _ *Options) { e.Meta.Date = time.Time{} }, "no modification date"},
		{"no title", func(e *book.Edition, _ *Options) { e.Meta.Title = "" }, "no title"},
		{"no chapters", func(e *book.Edition, _ *Options) { e.Chapters = nil }, "no chapters"},
		{"bad id", func(e *book.Edition, _ *Options) { e.Chapters[0].ID = "1 intro" }, "not a valid XML name"},
		{"generated id", func(e *book.Edition, _ *Options) { e.Chapters[0].ID = "nav" }, "used twice"},
		{"twice", func(e *book.Edition, _ *Options) { e.Chapters[1].ID = e.Chapters[0].ID }, "used twice"},
		{"page chapter", func(_ *book.Edition, o *Options) { o.PageList = []book.PageMark{{Page: "1", ChapterID: "x"}} }, `no chapter "x"`},
		{"page block", func(e *book.Edition, o *Options) {
			o.PageList = []book.PageMark{{Page: "1", ChapterID: e.Chapters[0].ID, Block: "nowhere"}}
		}, `has no text block "nowhere"`},
		{"page offset", func(e *book.Edition, o *Options) {
			o.PageList = []book.PageMark{{Page: "1", ChapterID: e.Chapters[0].ID, Block: e.Chapters[0].BlockID(0), Offset: 9999}}
		}, "starts at character 9999"},
		{"page negative", func(e *book.Edition, o *Options) {
			o.PageList = []book.PageMark{{Page: "1", ChapterID: e.Chapters[0].ID, Block: e.Chapters[0].BlockID(0), Offset: -1}}
		}, "negative offset"},
		{"page twice", func(e *book.Edition, o *Options) {
			o.PageList = []book.PageMark{{Page: "1", ChapterID: e.Chapters[0].ID}, {Page: "1", ChapterID: e.Chapters[1].ID}}
		}, "marked twice"},
		{"page empty", func(e *book.Edition, o *Options) { o.PageList = []book.PageMark{{ChapterID: e.Chapters[0].ID}} }, "without a page number"},
		{"note range", func(e *book.Edition, _ *Options) {
			e.Chapters[0].Blocks = append(e.Chapters[0].Blocks, para(ref(9, 1)))
		}, "reference to note 9"},
		{"refs count", func(e *book.Edition, _ *Options) { e.Chapters[0].Notes[1].Refs = 2 }, "note 2 has 1 references"},
		{"ref order", func(e *book.Edition, _ *Options) { e.Chapters[0].Blocks[0].Inlines[1].Ref = 2 }, "reference 2 to note 1 comes in place 1"},
		{"colour", func(e *book.Edition, _ *Options) { e.Meta.Cover.Background = "navy" }, `colour "navy"`},
		{"cover assets", func(e *book.Edition, _ *Options) { e.Meta.Cover.Image = "cover.png" }, "was not loaded with the edition"},
		{"cover type", func(e *book.Edition, _ *Options) { e.Meta.Cover.Image = "cover.gif" }, "only PNG and JPEG"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ed := fixture("en", false)
			var opts Options
			c.change(ed, &opts)
			err := Write(io.Discard, ed, opts)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want an error containing %q", err, c.want)
			}
		})
	}
	if err := Write(io.Discard, nil, Options{}); err == nil {
		t.Error("nil edition accepted")
	}
}

// TestManifestCover uses a cover image from the content tree.
func TestManifestCover(t *testing.T) {
	ed := fixture("en", false)
	ed.Meta.Cover.Image = "art/Cover.JPG"
	ed.Meta.Cover.Alt = "Protesters in Almaty, 2022"
	ed.Meta.Cover.Data = []byte("\xff\xd8\xff\xe0 fake jpeg")
	u := unpack(t, build(t, ed, Options{}))
	if string(u.files["EPUB/images/cover.jpg"]) != "\xff\xd8\xff\xe0 fake jpeg" {
		t.Error("cover image not copied")
	}
	opf := string(u.files[packagePath])
	if !strings.Contains(opf, `href="images/cover.jpg" media-type="image/jpeg" properties="cover-image"`) {
		t.Error("cover image not in the manifest")
	}
	if !strings.Contains(string(u.files["EPUB/cover.xhtml"]), `alt="Protesters in Almaty, 2022"`) {
		t.Error("manifest alt text not used")
	}
}

func TestRefLetter(t *testing.T) {
	for k, want := range map[int]string{1: "a", 2: "b", 26: "z", 27: "aa", 28: "ab", 52: "az", 53: "ba"} {
		if got := refLetter(k); got != want {
			t.Errorf("refLetter(%d) = %q, want %q", k, got, want)
		}
	}
}

func TestPageID(t *testing.T) {
	for page, want := range map[string]string{"12": "page-12", "xiv": "page-xiv", "3a": "page-3a", "A 1": "page-A_20_1", "IV.2": "page-IV_2e_2"} {
		if got := pageID(page); got != want {
			t.Errorf("pageID(%q) = %q, want %q", page, got, want)
		}
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{"ch01-intro": true, "_x.y": true, "": false, "1ch": false, "a b": false, "кіріспе": false, "a/b": false} {
		if got := validID(id); got != want {
			t.Errorf("validID(%q) = %v", id, got)
		}
	}
}

func TestLinkTarget(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://example.org/a/b?x=1&y=2", "https://example.org/a/b?x=1&y=2"},
		{" http://kadyrkasiyet.kz/reports ", "http://kadyrkasiyet.kz/reports"},
		{"https://ru.wikipedia.org/wiki/Казахстан", "https://ru.wikipedia.org/wiki/%D0%9A%D0%B0%D0%B7%D0%B0%D1%85%D1%81%D1%82%D0%B0%D0%BD"},
		{"mailto:info@fpc.org.uk", "mailto:info@fpc.org.uk"},
		{"02-introduction.md", ""},
		{"#note", ""},
		{"javascript:alert(1)", ""},
		{"https://exa mple.org/", ""},
		{"http:///path", ""},
		{"mailto:", ""},
	}
	for _, c := range cases {
		got, ok := linkTarget(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("linkTarget(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestHeadingLevel(t *testing.T) {
	cases := []struct{ last, want, got int }{{1, 2, 2}, {1, 3, 2}, {2, 3, 3}, {3, 2, 2}, {2, 4, 3}, {6, 9, 6}, {1, 1, 2}}
	for _, c := range cases {
		r := &renderer{level: c.last}
		if got := r.headingLevel(c.want); got != c.got {
			t.Errorf("after h%d, a level-%d heading became h%d, want h%d", c.last, c.want, got, c.got)
		}
	}
}

func TestParseColor(t *testing.T) {
	for in, want := range map[string]string{"#1d3557": "1d3557", "#fff": "ffffff", "#E63946": "e63946"} {
		c, err := parseColor(in)
		if err != nil || strings.ToLower(hex3(c.R, c.G, c.B)) != want {
			t.Errorf("parseColor(%q) = %v, %v", in, c, err)
		}
	}
	for _, bad := range []string{"1d3557", "#12345", "#gggggg", "red", "", "#-12345"} {
		if _, err := parseColor(bad); err == nil {
			t.Errorf("parseColor(%q) accepted", bad)
		}
	}
}

func hex3(r, g, b uint8) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[r>>4], digits[r&15], digits[g>>4], digits[g&15], digits[b>>4], digits[b&15]})
}

func TestEscape(t *testing.T) {
	cases := []struct{ in, text, attr string }{
		{`a < b & "c" > d`, `a &lt; b &amp; "c" &gt; d`, `a &lt; b &amp; &quot;c&quot; &gt; d`},
		{"line\nbreak\ttab\r", "line\nbreak\ttab\n", "line break tab "},
		{"bell\x07 nul\x00 \ufffe ok", "bell nul  ok", "bell nul  ok"},
		{"bad \xff utf8", "bad \ufffd utf8", "bad \ufffd utf8"},
	}
	for _, c := range cases {
		var m markup
		m.text(c.in)
		if m.String() != c.text {
			t.Errorf("text(%q) = %q, want %q", c.in, m.String(), c.text)
		}
		m.Reset()
		escapeTo(&m, c.in, true)
		if m.String() != c.attr {
			t.Errorf("attr(%q) = %q, want %q", c.in, m.String(), c.attr)
		}
	}
}

// TestLanguages builds an edition in every language bindery knows: the documents carry the
// language and the generated headings come from its strings.
func TestLanguages(t *testing.T) {
	for _, lang := range book.Languages {
		t.Run(lang, func(t *testing.T) {
			ui, _ := book.UI(lang)
			ed := fixture("en", true)
			ed.Lang, ed.Meta.Lang = lang, lang
			u := unpack(t, build(t, ed, Options{}))
			checkDocuments(t, ed, u)
			want := map[string]string{
				"EPUB/nav.xhtml":                    `<h1 id="toc-title">` + ui.Contents + `</h1>`,
				"EPUB/ch02-introduction.xhtml":      `>` + ui.Notes + `</h2>`,
				"EPUB/title.xhtml":                  `<strong>` + ui.Draft + `</strong>`,
				"EPUB/imprint.xhtml":                `<dt>` + ui.Published + `</dt><dd>` + ui.FormatDate(ed.Meta.Date) + `</dd>`,
				"EPUB/cover.xhtml":                  `alt="` + strings.Replace(ui.CoverAlt, "%s", ed.Meta.Title+": "+ed.Meta.Subtitle, 1),
				packagePath:                         `<dc:language>` + lang + `</dc:language>`,
				"EPUB/ch01-executive-summary.xhtml": `aria-label="` + ui.Note + ` 1"`,
			}
			for file, s := range want {
				if !strings.Contains(string(u.files[file]), s) {
					t.Errorf("%s lacks %q", file, s)
				}
			}
			if !strings.Contains(string(u.files[packagePath]), ui.AccessibilitySummary) {
				t.Error("the accessibility summary is not in the edition's language")
			}
		})
	}
}
