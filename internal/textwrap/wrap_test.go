package textwrap

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestLines(t *testing.T) {
	upTo := func(n int) func(string) bool {
		return func(s string) bool { return utf8.RuneCountInString(s) <= n }
	}
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"one line", "Retreating Rights", 20, []string{"Retreating Rights"}},
		{"greedy", "the pressure on human rights", 12, []string{"the pressure", "on\u00a0human", "rights"}},
		{"no-break space holds", "2020\u00a0жыл келди", 6, []string{"2020\u00a0жыл", "келди"}},
		{"long word alone", "a Kyrgyzstan b", 5, []string{"a\u00a0Kyrgyzstan", "b"}},
		{"empty", " \t\n", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Lines(tt.text, upTo(tt.width)); !slices.Equal(got, tt.want) {
				t.Errorf("Lines(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}
