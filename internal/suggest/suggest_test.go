package suggest

import "testing"

func TestClosest(t *testing.T) {
	cmds := []string{"build", "check", "fonts", "import", "init", "list", "serve", "help"}
	for _, tc := range []struct{ name, want string }{
		{"bulid", "build"},
		{"biuld", "build"},
		{"chekc", "check"},
		{"buil", "build"},
		{"serv", "serve"},
		{"lst", "list"},
		{"foo", ""},
		{"version", ""},
		{"", ""},
		{"BUILD", "build"},
	} {
		if got := Closest(tc.name, cmds); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := Closest("kazakstan", []string{"kazakhstan", "kyrgyzstan", "series", "tajikistan"}); got != "kazakhstan" {
		t.Errorf("kazakstan: %q", got)
	}
	if got := Closest("fromat", []string{"format", "out", "paper"}); got != "format" {
		t.Errorf("fromat: %q", got)
	}
	if got := Closest("x", []string{"q", "out"}); got != "" {
		t.Errorf("x: %q, want none", got)
	}
	if got := Closest("de", []string{"en", "kk", "ky", "ru"}); got != "" {
		t.Errorf("de: %q, want none", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"kitten", "sitting", 3},
		{"қазақ", "казак", 2},
	} {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got := DidYouMean("fromat", []string{"format"}, func(s string) string { return "--" + s }); got != "; did you mean --format?" {
		t.Errorf("%q", got)
	}
	if got := DidYouMean("zzz", []string{"format"}, nil); got != "" {
		t.Errorf("%q", got)
	}
}
