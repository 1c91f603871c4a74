package wpimport

import (
	"bytes"
	"html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
)

// commonMarkText renders one paragraph of Markdown with goldmark (the
// parser book uses) and returns its text, or false when it is not a single
// plain paragraph.
func commonMarkText(t *testing.T, md string) (string, bool) {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.New().Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	s, ok := strings.CutPrefix(out.String(), "<p>")
	if !ok {
		return out.String(), false
	}
	s, ok = strings.CutSuffix(s, "</p>\n")
	if !ok || strings.Contains(s, "<") {
		return out.String(), false
	}
	return html.UnescapeString(s), true
}

// plainLine reports whether s can be the text of a one-line paragraph.
func plainLine(s string) bool {
	if s == "" || !utf8.ValidString(s) || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u00a0' || unicode.IsSpace(r) && r != ' ' || r == utf8.RuneError {
			return false
		}
	}
	return !strings.Contains(s, "  ")
}

// TestEscapingReadsBack checks with a real CommonMark parser that escaped
// text reads back as the same characters.
func TestEscapingReadsBack(t *testing.T) {
	for _, s := range []string{
		`*a* _b_ [c] <d> \e ~f &amp; &#8211; A&M`, "1. not a list", "# not a heading", "- not an item", "> not a quote",
		"::: not a box", "+ plus", "= equals", "2020) year", "[^1] not a note", "![not an image](x)", "`code`",
		"a * b _ c", "http://example.org/a_b is a URL", "***", "---", "Kazakhstan’s ‘listening state’ – «Көше»",
	} {
		got, ok := commonMarkText(t, escapeLineStart(escapeText(s)))
		if !ok || got != s {
			t.Errorf("%q reads back as %q (plain paragraph: %v)", s, got, ok)
		}
	}
}

func FuzzEscapingReadsBack(f *testing.F) {
	f.Add(`*a* _b_ [c] <d> \e ~f &amp; 1. x`)
	f.Add("# h")
	f.Fuzz(func(t *testing.T, s string) {
		if !plainLine(s) || strings.Contains(s, "http") || strings.Contains(s, "www.") {
			return
		}
		got, ok := commonMarkText(t, escapeLineStart(escapeText(s)))
		if !ok || got != s {
			t.Fatalf("%q reads back as %q (plain paragraph: %v)", s, got, ok)
		}
	})
}
