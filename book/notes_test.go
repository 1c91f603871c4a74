package book

import (
	"fmt"
	"strings"
	"testing"
)

// TestNoteNumbering checks numbering by first reference, repeated references and their
// index, labels that are not numbers, and references in boxes and lists.
func TestNoteNumbering(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // "label:number:refs" per note, then "|" and each reference as note.ref
	}{
		{"in order", "a[^1] b[^2] c[^3]\n\n[^1]: x\n[^2]: y\n[^3]: z",
			"1:1:1 2:2:1 3:3:1 | 1.1 2.1 3.1"},
		{"first reference decides", "a[^b] b[^a]\n\n[^a]: x\n[^b]: y",
			"b:1:1 a:2:1 | 1.1 2.1"},
		{"repeated reference", "a[^1] b[^2] c[^1]\n\n[^1]: x\n[^2]: y",
			"1:1:2 2:2:1 | 1.1 2.1 1.2"},
		{"numbers restart per chapter", "a[^41] b[^42]\n\n[^41]: x\n[^42]: y",
			"41:1:1 42:2:1 | 1.1 2.1"},
		{"box and list", "- i[^2]\n\n::: box title=\"T\"\nj[^1]\n:::\n\n[^1]: x\n[^2]: y",
			"2:1:1 1:2:1 | 1.1 2.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds Diagnostics
			ch := parseChapter("t.md", []byte("---\ntitle: T\n---\n\n"+tt.body+"\n"), "en", false, &ds)
			if len(ds) > 0 {
				t.Fatalf("diagnostics: %v", ds)
			}
			var parts []string
			for _, n := range ch.Notes {
				parts = append(parts, fmt.Sprintf("%s:%d:%d", n.Label, n.Number, n.Refs))
			}
			parts = append(parts, "|")
			walkRefs(ch.Blocks, func(r *Inline) { parts = append(parts, fmt.Sprintf("%d.%d", r.Note, r.Ref)) })
			if got := strings.Join(parts, " "); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestEscapes checks that backslash escapes and character references reach the model as
// the characters they stand for, in text and in notes, and stay verbatim in code.
func TestEscapes(t *testing.T) {
	var ds Diagnostics
	src := "---\ntitle: T\n---\n\nrelies on containment \\[…\\], A &amp; B&#8212;C `\\[x\\]`[^1]\n\n[^1]: \\*not emphasis\\*\n"
	ch := parseChapter("t.md", []byte(src), "en", false, &ds)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if got := PlainText(ch.Blocks[0].Inlines); got != "relies on containment […], A & B—C \\[x\\]" {
		t.Errorf("body: %q", got)
	}
	if got := PlainText(ch.Notes[0].Blocks[0].Inlines); got != "*not emphasis*" {
		t.Errorf("note: %q", got)
	}
}
