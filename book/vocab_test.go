package book

import (
	"errors"
	"math"
	"regexp"
	"strings"
	"testing"
)

func TestParsePaper(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Paper
		ok   bool
	}{
		{"a5", PaperA5, true}, {"A4", PaperA4, true}, {" royal ", PaperRoyal, true},
		{"6x9", Paper6x9, true}, {"letter", PaperLetter, true}, {"b5", PaperB5, true},
		{"a3", "", false}, {"", "", false}, {"a5mm", "", false},
	} {
		got, err := ParsePaper(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParsePaper(%q) = %q, %v", tc.in, got, err)
		}
		if err != nil && (!errors.Is(err, ErrUnknownPaper) || !strings.Contains(err.Error(), PaperNames())) {
			t.Errorf("ParsePaper(%q): error %v does not list the sizes", tc.in, err)
		}
	}
	for _, p := range Papers() {
		if w, h, ok := p.Size(); !ok || w <= 0 || h <= w {
			t.Errorf("%s: size %g×%g", p, w, h)
		}
	}
	if _, _, ok := DefaultPaper.Size(); !ok {
		t.Errorf("default paper %q unknown", DefaultPaper)
	}
}

func TestParseBleed(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"3mm", 3, true}, {"0mm", 0, true}, {"0.3cm", 3, true}, {"0.125in", 3.175, true},
		{"9pt", 9 * 25.4 / 72, true}, {" 20mm ", 20, true},
		{"3", 0, false}, {"-1mm", 0, false}, {"21mm", 0, false}, {"1in", 0, false},
		{"NaNmm", 0, false}, {"Infmm", 0, false}, {"mm", 0, false}, {"", 0, false},
	} {
		got, err := ParseBleed(tc.in)
		if math.Abs(got-tc.want) > 1e-9 || (err == nil) != tc.ok {
			t.Errorf("ParseBleed(%q) = %g, %v", tc.in, got, err)
		}
		if err != nil && !errors.Is(err, ErrBleed) {
			t.Errorf("ParseBleed(%q): %v is not ErrBleed", tc.in, err)
		}
	}
	for _, mm := range []float64{-0.1, 20.01, math.NaN(), math.Inf(1)} {
		if CheckBleed(mm) == nil {
			t.Errorf("CheckBleed(%g) accepted", mm)
		}
	}
}

func TestParseNotePlacement(t *testing.T) {
	for _, n := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
		got, err := ParseNotePlacement(n.String())
		if err != nil || got != n {
			t.Errorf("%v: round trip gives %v, %v", n, got, err)
		}
	}
	if NotesPerChapter.String() != "chapter" || NotesAtEnd.String() != "book" {
		t.Errorf("names %q %q", NotesPerChapter, NotesAtEnd)
	}
	if _, err := ParseNotePlacement("end"); !errors.Is(err, ErrNotePlacement) {
		t.Errorf("unknown placement: %v", err)
	}
}

func TestBlockID(t *testing.T) {
	ch := &Chapter{ID: "ch02-intro"}
	if got := ch.BlockID(12); got != "ch02-intro-b12" {
		t.Errorf("BlockID = %q", got)
	}
	for id, want := range map[string]bool{
		"ch02-intro-b0": true, "ch02-intro-b12": true, "ch02-intro-b": false, "ch02-intro-b01": false,
		"ch02-intro-ref-1": false, "ch02-intro-b-1": false, "ch03-b1": false,
	} {
		if got := IsBlockID("ch02-intro", id); got != want {
			t.Errorf("IsBlockID(%q) = %v", id, got)
		}
	}
	if IsBlockID("", "-b1") {
		t.Error("a block of no chapter")
	}
}

func TestStableUUID(t *testing.T) {
	a, b := StableUUID("kazakhstan", "kk"), StableUUID("kazakhstan", "ru")
	re := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if !re.MatchString(a) || a == b || a != StableUUID("kazakhstan", "kk") {
		t.Errorf("StableUUID: %s, %s", a, b)
	}
}

func TestPlainText(t *testing.T) {
	ins := []Inline{{Kind: Text, Text: " Rights\u00a0of "}, {Kind: Emph, Children: []Inline{{Kind: Text, Text: "the  people"}}},
		{Kind: NoteRef, Note: 1}, {Kind: Break}, {Kind: Link, URL: "x", Children: []Inline{{Kind: Code, Text: "now"}}}}
	if got := PlainLabel(ins); got != "Rights\u00a0of the people now" {
		t.Errorf("PlainLabel = %q", got)
	}
	if got := PlainText(ins); got != " Rights\u00a0of the  people now" {
		t.Errorf("PlainText = %q", got)
	}
}

func TestOutlineAndImprint(t *testing.T) {
	lib, ds := loadTxtar(t, "model.txtar")
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	ed := lib.Editions[0]
	o := ed.Outline(NotesPerChapter)
	var titles []string
	for _, oc := range o.Chapters {
		titles = append(titles, oc.Chapter.Title)
		for _, s := range oc.Sections {
			titles = append(titles, s.Title)
			if s.Block.Kind != Heading || PlainLabel(s.Block.Inlines) != s.Title {
				t.Errorf("section %q points at %v", s.Title, s.Block.Kind)
			}
		}
	}
	if strings.Join(titles, "|") != "Findings|Elections|Assembly" || o.Notes || !o.Chapters[0].Notes || ed.Outline(NotesAtEnd).Chapters[0].Notes {
		t.Errorf("outline %q, notes %v", titles, o.Notes)
	}
	if !ed.Outline(NotesAtEnd).Notes {
		t.Error("notes at the end are not in the outline")
	}
	im := ed.Imprint()
	var rows []string
	for _, r := range im.Rows {
		rows = append(rows, r.Label+": "+strings.Join(r.Values, "; "))
	}
	want := []string{"Editor: Adam Hug", "Translator: Aigerim Tulegenova", "Publisher: The Foreign Policy Centre",
		"Published: 22 July 2021", "Rights: © 2021 The Foreign Policy Centre", "ISBN: 978-1-910812-04-4",
		"Typefaces: " + Typefaces}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") || im.Draft != "" {
		t.Errorf("imprint:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	kk, _ := UI("kk")
	for role, want := range map[string]string{"aut": kk.Author, "edt": kk.Editor, "trl": "Аудармашы", "ill": kk.Contributor} {
		if got := kk.Role(role); got != want {
			t.Errorf("kk role %s = %q", role, got)
		}
	}
	clean, _ := loadTxtar(t, "clean.txtar")
	for _, r := range clean.Edition("demo", "en").Imprint().Rows {
		if strings.Contains(strings.Join(r.Values, ""), "urn:") {
			t.Errorf("imprint row %v prints a URN", r)
		}
	}
}

// TestManifestKeysFromStruct checks that every key the manifest reads is known to the
// unknown-key warning (latin_lang was once warned as unknown although documented).
func TestManifestKeysFromStruct(t *testing.T) {
	for _, k := range []string{"title", "latin_lang", "series_position", "accessibility_evaluator", "print"} {
		if !manifestKeys[k] {
			t.Errorf("manifest key %q is not known", k)
		}
	}
	if manifestKeys["node"] || manifestKeys["file"] || manifestKeys[""] {
		t.Errorf("unexported fields listed as keys: %v", manifestKeys)
	}
}
