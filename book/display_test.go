package book

import "testing"

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
