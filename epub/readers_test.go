package epub

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
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
	t.Parallel()
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
	// Notes are never hyphenated, in print or here: after a chapter's first note, none.
	found := false
	for name, data := range kk.files {
		if i := strings.Index(string(data), `class="footnote"`); i >= 0 {
			found = true
			if strings.ContainsRune(string(data[i:]), '\u00ad') {
				t.Errorf("%s: soft hyphens in the notes", name)
			}
		}
	}
	if !found {
		t.Error("the kk fixture has no notes")
	}
	en := unpack(t, build(t, fixture("en", false), Options{}))
	for name, data := range en.files {
		if strings.HasSuffix(name, ".xhtml") && strings.ContainsRune(string(data), '\u00ad') {
			t.Errorf("%s: soft hyphens in English, which reading systems hyphenate", name)
		}
	}
}

// TestPackageMetadata checks the bibliographic and accessibility metadata of a final and a
// draft edition.
func TestPackageMetadata(t *testing.T) {
	ed := fixture("en", false)
	ed.Meta.Contributors = append(ed.Meta.Contributors, book.Contributor{Name: "Aigerim Translator", Role: "trl"})
	ed.Meta.SeriesPos, ed.Meta.Identifier = 3, "urn:isbn:9780000000002"
	ed.Meta.Description = "A demonstration."
	opf := string(unpack(t, build(t, ed, Options{})).files[packagePath])
	for _, want := range []string{
		`<dc:identifier id="pub-id">urn:isbn:9780000000002</dc:identifier>`,
		`<meta refines="#pub-id" property="identifier-type" scheme="onix:codelist5">15</meta>`,
		`<dc:creator id="creator-1">Adam Hug</dc:creator>`,
		`<meta refines="#creator-1" property="file-as">Hug, Adam</meta>`,
		`<dc:contributor id="creator-2">Aigerim Translator</dc:contributor>`,
		`<meta refines="#creator-2" property="role" scheme="marc:relators">trl</meta>`,
		`<dc:description>A demonstration.</dc:description>`,
		`<dc:subject>human rights</dc:subject>`,
		`<meta refines="#series" property="group-position">3</meta>`,
		`<meta refines="#series" property="dcterms:identifier">` + book.StableUUID("fixture", "series") + `</meta>`,
		`<meta property="dcterms:conformsTo" id="conformance">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>`,
		`<meta property="a11y:certifiedBy">The Foreign Policy Centre</meta>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("final edition: no %s", want)
		}
	}
	ed.Meta.Evaluator = "An Evaluator"
	if opf := string(unpack(t, build(t, ed, Options{})).files[packagePath]); !strings.Contains(opf, `<meta property="a11y:certifiedBy">An Evaluator</meta>`) {
		t.Error("the manifest's accessibility_evaluator is not the certifier")
	}

	draft := fixture("kk", true)
	u := unpack(t, build(t, draft, Options{}))
	opf = string(u.files[packagePath])
	ui, _ := book.UI("kk")
	for _, bad := range []string{"dcterms:conformsTo", "a11y:certifiedBy", ui.AccessibilityClaim} {
		if strings.Contains(opf, bad) {
			t.Errorf("the draft claims conformance: %s", bad)
		}
	}
	for _, want := range []string{`<meta property="schema:creativeWorkStatus">draft</meta>`, ui.AccessibilityDraft} {
		if !strings.Contains(opf, want) {
			t.Errorf("the draft's metadata does not say so: no %s", want)
		}
	}
	if cover := string(u.files["EPUB/"+coverFile]); !regexp.MustCompile(`alt="[^"]*` + ui.Draft + `\.?"`).MatchString(cover) {
		t.Errorf("the draft's cover alternative does not say it is one:\n%s", cover)
	}
}

// TestNavigationNotes checks that every chapter's notes are in the table of contents, in
// both note placements, and that the endnotes landmark points at the first notes section.
func TestNavigationNotes(t *testing.T) {
	ed := fixture("en", false)
	for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
		nav := string(unpack(t, build(t, ed, Options{Notes: notes})).files["EPUB/"+navFile])
		toc := nav[:strings.Index(nav, `epub:type="landmarks"`)]
		first := ""
		for _, ch := range ed.Chapters {
			href := chapterHref(ch) + "#" + ch.ID + "-notes"
			if notes == NotesAtEnd {
				href = notesFile + "#" + ch.ID + "-notes"
			}
			if first == "" {
				first = href
			}
			if !strings.Contains(toc, `href="`+href+`"`) {
				t.Errorf("notes %d: the contents do not list %s", notes, href)
			}
		}
		landmark := `epub:type="endnotes" href="` + first + `"`
		if notes == NotesAtEnd {
			landmark = `epub:type="endnotes" href="` + notesFile + `"`
		}
		if !strings.Contains(nav, landmark) {
			t.Errorf("notes %d: no landmark %s", notes, landmark)
		}
	}
}
