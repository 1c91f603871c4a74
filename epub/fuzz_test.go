package epub

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
)

// FuzzEscape: escaped text and attributes always parse back as XML to the input with the
// characters XML cannot hold removed, and escapeTo writes what escaping each character in
// turn writes.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "a<b>&\"'", "\x00\x1f\ufffe", "\xff\xfe", "line\r\nbreak", "]]>", "Қазақ «ёлка»\u0085\ufffd\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, inAttr := range []bool{false, true} {
			var got, want markup
			escapeTo(&got, s, inAttr)
			for _, r := range s {
				escapeRune(&want, r, inAttr)
			}
			if got.String() != want.String() {
				t.Errorf("escapeTo(%q, %v) = %q, character by character %q", s, inAttr, got.String(), want.String())
			}
		}
		var m markup
		m.open("p", "title", s)
		m.text(s)
		m.close("p")
		var v struct {
			Title string `xml:"title,attr"`
			Text  string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(m.String()), &v); err != nil {
			t.Fatalf("%q: %v\n%s", s, err, m.String())
		}
		want := sanitize(s)
		if v.Text != strings.ReplaceAll(want, "\r", "\n") {
			t.Errorf("text %q came back as %q", s, v.Text)
		}
		if !utf8.ValidString(v.Title) || strings.ContainsAny(v.Title, "\r\n\t") && !strings.ContainsAny(s, "\r\n\t") {
			t.Errorf("attribute %q came back as %q", s, v.Title)
		}
	})
}

// sanitize is what escapeTo keeps of s, for comparison.
func sanitize(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == '\r' || xmlChar(r) {
			b.WriteRune(r)
		}
	}
	return strings.ReplaceAll(b.String(), "\r", "\n")
}

// FuzzChapter puts arbitrary text and URLs into a chapter: the chapter document must be
// well-formed XML, and every note link must resolve both ways.
func FuzzChapter(f *testing.F) {
	f.Add("plain text", "https://example.org/a?b=c&d=e", "Title")
	f.Add("<script>&amp;", "javascript:alert(1)", "")
	f.Add("\x00\x01 «ёлка» \u2028", "http://[::1", "Заголовок")
	f.Add("", "mailto:", "a\u00a0b")
	f.Fuzz(func(t *testing.T, text, url, title string) {
		ed := fixture("en", false)
		ch := ed.Chapters[1]
		ch.Title = title + "x"
		ch.Blocks = append(ch.Blocks,
			heading(3, text),
			para(txt(text), book.Inline{Kind: book.URLText, Text: url},
				book.Inline{Kind: book.Link, URL: url, Children: []book.Inline{txt(text), ref(1, 2)}}))
		ch.Notes[0].Refs = 2
		ch.Notes[0].Blocks = append(ch.Notes[0].Blocks, para(book.Inline{Kind: book.URLText, Text: url}))
		p, err := newPublication(ed, Options{})
		if err != nil {
			t.Fatal(err)
		}
		data, _, err := p.chapterDocument(ch)
		if err != nil {
			t.Fatal(err)
		}
		name := rootDir + chapterHref(ch)
		u := &unpacked{names: []string{name}, files: map[string][]byte{name: data}}
		{
			if strings.HasSuffix(name, ".xhtml") || strings.HasSuffix(name, ".opf") || strings.HasSuffix(name, ".ncx") {
				dec := xml.NewDecoder(bytes.NewReader(data))
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
				}
			}
		}
		ed.Chapters = ed.Chapters[1:]
		checkLinks(t, ed, u)
	})
}

// FuzzLinkTarget: an accepted link is an absolute URL without characters that would make
// the href invalid.
func FuzzLinkTarget(f *testing.F) {
	for _, s := range []string{"https://example.org/", "mailto:a@b", "ftp://x/y z", "http://ex ample", "//x", "HTTPS://X/Ä"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		href, ok := linkTarget(s)
		if !ok {
			return
		}
		if strings.ContainsAny(href, " \t\n\"<>\\^`{|}") || !utf8.ValidString(href) {
			t.Errorf("linkTarget(%q) = %q", s, href)
		}
		low := strings.ToLower(href)
		if !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") &&
			!strings.HasPrefix(low, "ftp://") && !strings.HasPrefix(low, "mailto:") {
			t.Errorf("linkTarget(%q) = %q: not absolute", s, href)
		}
	})
}

// FuzzParseColor: an accepted colour prints back as the same hex digits.
func FuzzParseColor(f *testing.F) {
	for _, s := range []string{"#1d3557", "#fff", "#12345", "red", "#+12345"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseColor(s)
		if err != nil {
			return
		}
		hex := strings.ToLower(strings.TrimPrefix(s, "#"))
		if len(hex) == 3 {
			hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
		}
		if got := hex3(c.R, c.G, c.B); got != hex {
			t.Errorf("parseColor(%q) = #%s", s, got)
		}
	})
}
