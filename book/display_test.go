package book

import (
	"strings"
	"testing"
)

func TestDisplay(t *testing.T) {
	tests := []struct {
		name string
		meta Metadata
		want DisplayTitle
	}{
		{"plain", Metadata{Series: "S", Title: "T", Subtitle: "U"}, DisplayTitle{"S", "T", "U"}},
		{"series repeated", Metadata{Series: "Retreating Rights", Title: "Retreating Rights: Examining the pressure"},
			DisplayTitle{"Retreating Rights", "Examining the pressure", ""}},
		{"series repeated, other case", Metadata{Series: "Құқықтық шегініс", Title: "ҚҰҚЫҚТЫҚ ШЕГІНІС: Қазақстан"},
			DisplayTitle{"Құқықтық шегініс", "Қазақстан", ""}},
		{"colon, no subtitle", Metadata{Title: "Kazakhstan: An overview"}, DisplayTitle{"", "Kazakhstan", "An overview"}},
		{"colon with subtitle", Metadata{Title: "A: B", Subtitle: "C"}, DisplayTitle{"", "A: B", "C"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.meta.Display(); got != tt.want {
				t.Errorf("Display() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestTitleCredits: the display pages name the authors, then "Edited by" and "Translated by"
// in English and the role in the other languages; a contributor of another role is left to
// the imprint.
func TestTitleCredits(t *testing.T) {
	hug, aut := Contributor{Name: "Adam Hug", Role: "edt"}, Contributor{Name: "Galiya Azhenova", Role: "aut"}
	tests := []struct {
		lang string
		cs   []Contributor
		want string
	}{
		{"en", []Contributor{hug}, "Edited by Adam Hug"},
		{"en-US", []Contributor{hug, {Name: "Jane Roe", Role: "edt"}}, "Edited by Adam Hug, Jane Roe"},
		{"en", []Contributor{aut, hug}, "Galiya Azhenova|Edited by Adam Hug"},
		{"en", []Contributor{{Name: "Anon"}, {Name: "Aigerim Tulegenova", Role: "trl"}}, "Anon|Translated by Aigerim Tulegenova"},
		{"kk", []Contributor{hug}, "Редактор: Adam Hug"},
		{"ru", []Contributor{hug, {Name: "Ivan Petrov", Role: "trl"}}, "Редактор: Adam Hug|Переводчик: Ivan Petrov"},
		{"en", []Contributor{{Name: "Studio", Role: "ill"}, {Role: "edt"}}, ""},
	}
	for _, tt := range tests {
		ed := &Edition{Lang: tt.lang, Meta: Metadata{Contributors: tt.cs}}
		if got := strings.Join(ed.TitleCredits(), "|"); got != tt.want {
			t.Errorf("%s %v: %q, want %q", tt.lang, tt.cs, got, tt.want)
		}
	}
}

// TestImprintImageCredits: the manifest's image credits are printed only in an edition that
// holds a picture (a cover image, a figure, a picture in text), never for the WordPress
// posts' featured images, which the books do not contain.
func TestImprintImageCredits(t *testing.T) {
	credits := func(ed *Edition) bool {
		for _, r := range ed.Imprint().Rows {
			if r.Label == ed.Strings().ImageCredits {
				return true
			}
		}
		return false
	}
	meta := Metadata{Publisher: "P", ImageCredits: []string{"Image by Jussi Toivanen under (CC)."}}
	bare := &Edition{Lang: "en", Meta: meta}
	withCover := &Edition{Lang: "en", Meta: meta}
	withCover.Meta.Cover.Data = []byte("\x89PNG")
	fig := &Image{Data: []byte("\x89PNG"), Hash: "h"}
	withFigure := &Edition{Lang: "en", Meta: meta, Chapters: []*Chapter{{Blocks: []Block{{Kind: Figure, Image: fig}}}}}
	for _, tt := range []struct {
		name string
		ed   *Edition
		want bool
	}{{"no image", bare, false}, {"cover image", withCover, true}, {"figure", withFigure, true}} {
		if got := credits(tt.ed); got != tt.want {
			t.Errorf("%s: image credits printed %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTieNoteRefs: the space before a note reference goes, inside emphasis too; the one
// between two references stays for the layout to tie.
func TestTieNoteRefs(t *testing.T) {
	ref := Inline{Kind: NoteRef}
	tx := func(s string) Inline { return Inline{Kind: Text, Text: s} }
	show := func(ins []Inline) string {
		var b strings.Builder
		for _, x := range ins {
			switch x.Kind {
			case NoteRef:
				b.WriteString("[^]")
			case Emph:
				b.WriteString("*" + show0(x.Children) + "*")
			default:
				b.WriteString(x.Text)
			}
		}
		return b.String()
	}
	tests := []struct {
		in   []Inline
		want string
	}{
		{[]Inline{tx("саммиті) "), ref, tx(". Қазақстан")}, "саммиті)[^]. Қазақстан"},
		{[]Inline{tx("жылы. \n"), ref}, "жылы.[^]"},
		{[]Inline{tx("a"), ref, tx(" "), ref, tx(" b")}, "a[^] [^] b"},
		{[]Inline{{Kind: Emph, Children: []Inline{tx("word "), ref}}}, "*word[^]*"},
	}
	for _, tt := range tests {
		if got := show(tieNoteRefs(tt.in)); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}

func show0(ins []Inline) string {
	var b strings.Builder
	for _, x := range ins {
		if x.Kind == NoteRef {
			b.WriteString("[^]")
		} else {
			b.WriteString(x.Text)
		}
	}
	return b.String()
}
