package book

import "testing"

func TestExpandTabs(t *testing.T) {
	for in, want := range map[string]string{
		"no tabs":   "no tabs",
		"\tx":       "    x",
		"ab\tc":     "ab  c",
		"abcd\te":   "abcd    e",
		"a\t\tb":    "a       b",
		"ж\tкод\t;": "ж   код ;",
	} {
		if got := expandTabs(in); got != want {
			t.Errorf("expandTabs(%q) = %q, want %q", in, got, want)
		}
	}
}
