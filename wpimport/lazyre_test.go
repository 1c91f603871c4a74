package wpimport

import "testing"

func TestLazyRegexpCompilesOnce(t *testing.T) {
	re := lazyRegexp(`\[(\d+)\]`)
	first := re()
	if second := re(); second != first {
		t.Fatalf("second call returned a new expression %p, want the first %p", second, first)
	}
	if got := first.FindStringSubmatch("see [12]"); len(got) != 2 || got[1] != "12" {
		t.Fatalf("FindStringSubmatch = %q, want the label 12", got)
	}
}
