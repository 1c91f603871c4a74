package book

import "testing"

func TestSortName(t *testing.T) {
	for _, c := range []struct {
		in   Contributor
		want string
	}{
		{Contributor{Name: "Adam Hug"}, "Hug, Adam"},
		{Contributor{Name: "Anna Maria Schmidt"}, "Schmidt, Anna Maria"},
		{Contributor{Name: "Adam Hug", FileAs: "HUG, A."}, "HUG, A."},
		{Contributor{Name: "Madonna"}, "Madonna"},
		{Contributor{Name: "The Foreign Policy Centre"}, "The Foreign Policy Centre"},
		{Contributor{Name: "Public Association Kadyr-Kasiyet"}, "Public Association Kadyr-Kasiyet"},
		{Contributor{Name: ""}, ""},
	} {
		if got := c.in.SortName(); got != c.want {
			t.Errorf("SortName(%+v) = %q, want %q", c.in, got, c.want)
		}
	}
}
