package epub

import (
	"regexp"
	"strings"
	"testing"
)

// What reading systems need beyond the validators: Apple Books' display options, a style
// sheet that night and sepia themes can recolour, only the faces the text uses, soft
// hyphens where no reading system hyphenates, and notes typed for pop-ups.

// TestAppleDisplayOptions checks that Apple Books is told to use the embedded fonts.
func TestAppleDisplayOptions(t *testing.T) {
	u := unpack(t, build(t, fixture("kk", false), Options{}))
	opts := string(u.files["META-INF/com.apple.ibooks.display-options.xml"])
	if !strings.Contains(opts, `<option name="specified-fonts">true</option>`) || !strings.Contains(opts, `<platform name="*">`) {
		t.Errorf("display options:\n%s", opts)
	}
}

var (
	cssComment = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssMedia   = regexp.MustCompile(`(?s)@media[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}`)
	cssColour  = regexp.MustCompile(`(?m)^\s*(color|background(-color)?)\s*:\s*([^;]+);`)
	cssOpaque  = regexp.MustCompile(`rgba\([^)]*,\s*0?\.\d+\s*\)|transparent|inherit|currentColor`)
)

// TestThemeSafeStyle checks the style sheet outside @media queries: no text colour but
// inherit or currentColor, and no background that is not translucent.
func TestThemeSafeStyle(t *testing.T) {
	css := cssMedia.ReplaceAllString(cssComment.ReplaceAllString(styleSheet, ""), "")
	found := 0
	for _, m := range cssColour.FindAllStringSubmatch(css, -1) {
		found++
		prop, value := m[1], strings.TrimSpace(m[3])
		if prop == "color" && value != "inherit" && value != "currentColor" {
			t.Errorf("fixed text colour %q", m[0])
		}
		if prop != "color" && !cssOpaque.MatchString(value) {
			t.Errorf("opaque background %q", m[0])
		}
	}
	if found == 0 {
		t.Error("the colour rules were not found: the test reads nothing")
	}
}

// TestFacesShipped checks that an edition ships the faces its text is set in and no other,
// each with its @font-face rule, and that every corpus EPUB stays under 1000 KB.
func TestFacesShipped(t *testing.T) {
	cases := []struct {
		name  string
		draft bool
		want  []string
	}{
		// The fixture has emphasis and, in a note, strong emphasis; never both at once.
		{"en", false, []string{"PTF55F.ttf", "PTF56F.ttf", "PTF75F.ttf", "PTS75F.ttf"}},
	}
	for _, c := range cases {
		u := unpack(t, build(t, fixture(c.name, c.draft), Options{}))
		var got []string
		for _, n := range u.names {
			if strings.HasSuffix(n, ".ttf") {
				got = append(got, strings.TrimPrefix(n, "EPUB/fonts/"))
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s: ships %v, want %v", c.name, got, c.want)
		}
		css := string(u.files["EPUB/"+styleFile])
		for _, f := range got {
			if !strings.Contains(css, `url("../fonts/`+f+`")`) {
				t.Errorf("%s: no @font-face for %s", c.name, f)
			}
		}
		if n := strings.Count(css, "@font-face"); n != len(got) {
			t.Errorf("%s: %d @font-face rules for %d faces", c.name, n, len(got))
		}
	}
	for _, ed := range corpus(t).Editions {
		data := build(t, ed, Options{})
		if len(data) >= 1000*1000 {
			t.Errorf("%s: %d bytes, over 1000 KB", ed.Name(), len(data))
		}
		u := unpack(t, data)
		if u.files["EPUB/fonts/PTS55F.ttf"] != nil || u.files["EPUB/fonts/PTF76F.ttf"] != nil {
			t.Errorf("%s: ships a face no element of the corpus uses", ed.Name())
		}
	}
}

// TestSoftHyphens checks that Kazakh text gets the soft hyphens of bindery's hyphenator and
// English text, headings, addresses and short words none.
func TestSoftHyphens(t *testing.T) {
	kk := unpack(t, build(t, fixture("kk", false), Options{}))
	doc := string(kk.files["EPUB/ch02-introduction.xhtml"])
	if !strings.Contains(doc, "Қа\u00adзақ\u00adстан") {
		t.Errorf("Kazakh text without soft hyphens:\n%s", doc)
	}
	for _, re := range []string{`<h[1-6][^>]*>[^<]*\x{ad}`, `href="[^"]*\x{ad}`, `<a class="url"[^>]*>[^<]*\x{ad}`, `(^|[\s>])тек\x{ad}`} {
		if m := regexp.MustCompile(re).FindString(doc); m != "" {
			t.Errorf("soft hyphen where none belongs (%s): %q", re, m)
		}
	}
	en := unpack(t, build(t, fixture("en", false), Options{}))
	for name, data := range en.files {
		if strings.HasSuffix(name, ".xhtml") && strings.ContainsRune(string(data), '\u00ad') {
			t.Errorf("%s: soft hyphens in English, which reading systems hyphenate", name)
		}
	}
}
