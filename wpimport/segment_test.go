package wpimport

import (
	"reflect"
	"testing"
)

// TestSplitSeparators covers the paragraph separators of flattened dumps
// (INVENTORY §3.1, T9, T21).
func TestSplitSeparators(t *testing.T) {
	tests := []struct {
		name, line string
		want       []string
	}{
		{"nbsp after full stop", "same.\u00a0In all three", []string{"same.", "In all three"}},
		{"nbsp after marker", "regions.[3]\u00a0In 1992", []string{"regions.[3]", "In 1992"}},
		{"nbsp then space is in-paragraph", "берді[85].\u00a0 Мемлекет", []string{"берді[85].\u00a0 Мемлекет"}},
		{"space then nbsp is in-paragraph", "table. \u00a0Others", []string{"table. \u00a0Others"}},
		{"nbsp before lower case", "Wolt and Glovo\u00a0have", []string{"Wolt and Glovo\u00a0have"}},
		{"nbsp between digits", "In 2018\u00a02,500 ethnic", []string{"In 2018\u00a02,500 ethnic"}},
		{"break without punctuation", "world stage\u00a0Kazakhstan. The", []string{"world stage", "Kazakhstan. The"}},
		{"break before an opening quote", "бірлестігі\u00a0«Қадыр-Қасиет»", []string{"бірлестігі", "«Қадыр-Қасиет»"}},
		{"run of nbsp", "көтөрүлүшү \u00a0\u00a0\u00a0 Кыргыз", []string{"көтөрүлүшү", "Кыргыз"}},
		{"nbsp-space-nbsp run", "end.\u00a0 \u00a0Next", []string{"end.", "Next"}},
		{"plain space is never a break", "ruling elite. This publication", []string{"ruling elite. This publication"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range splitSeparators(tt.line) {
			got = append(got, p.text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: splitSeparators(%q) = %q, want %q", tt.name, tt.line, got, tt.want)
		}
	}
}

// TestSegmentText checks list items in both bullet styles and the offsets
// of the segments.
func TestSegmentText(t *testing.T) {
	text := "Lead:\u00a0\n  • first;\n- second.\n\u00a0After.\u00a0Next para."
	segs := segmentText(text, 100)
	want := []seg{
		{text: "Lead:\u00a0", off: 100},
		{text: "first;", off: 100 + len("Lead:\u00a0\n  • "), item: true},
		{text: "second.", off: 100 + len("Lead:\u00a0\n  • first;\n- "), item: true},
		{text: "\u00a0After.", off: 100 + len("Lead:\u00a0\n  • first;\n- second.\n")},
		{text: "Next para.", off: 100 + len("Lead:\u00a0\n  • first;\n- second.\n\u00a0After.\u00a0")},
	}
	if !reflect.DeepEqual(segs, want) {
		t.Errorf("segmentText = %+v\nwant %+v", segs, want)
	}
}

func TestCleanSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"a\u00a0 b":                    "a b",
		" under\u00a0Creative Commons": "under Creative Commons",
		"x  \u00a0 y ":                 "x y",
	} {
		if got := cleanSpaces(in); got != want {
			t.Errorf("cleanSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}
