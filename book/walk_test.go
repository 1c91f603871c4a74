package book

import (
	"slices"
	"testing"
)

func TestEachInline(t *testing.T) {
	txt := func(s string, kids ...Inline) Inline { return Inline{Kind: Text, Text: s, Children: kids} }
	ed := &Edition{Chapters: []*Chapter{{
		Blocks: []Block{
			{Inlines: []Inline{txt("a", txt("b"))}},
			{Title: []Inline{txt("title")}, Byline: []Inline{txt("by")},
				Children: []Block{{Inlines: []Inline{txt("boxed")}}}},
			{Items: [][]Block{{{Inlines: []Inline{txt("item")}}}}},
		},
		Notes: []Note{{Blocks: []Block{{Inlines: []Inline{txt("note")}}}}},
	}}}
	var got []string
	ed.EachInline(func(in Inline) { got = append(got, in.Text) })
	if want := []string{"a", "b", "title", "by", "boxed", "item", "note"}; !slices.Equal(got, want) {
		t.Errorf("EachInline visits %q, want %q", got, want)
	}
}
