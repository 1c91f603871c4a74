package wpimport

import "testing"

// TestLocator checks line and character columns, in and out of order.
func TestLocator(t *testing.T) {
	data := "ab\nсд\u00a0e\n\nx"
	l := newLocator("f", data)
	tests := []struct {
		off       int
		line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {len("ab\nсд"), 2, 3}, {len("ab\nсд\u00a0"), 2, 4},
		{len("ab\n"), 2, 1}, {len("ab\nсд\u00a0e\n\n"), 4, 1}, {len(data), 4, 2}, {1, 1, 2},
	}
	for _, tt := range tests {
		if got := l.at(tt.off); got.Line != tt.line || got.Col != tt.col {
			t.Errorf("at(%d) = L%d c%d, want L%d c%d", tt.off, got.Line, got.Col, tt.line, tt.col)
		}
	}
}
