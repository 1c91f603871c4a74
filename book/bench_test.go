package book

import (
	"testing"

	"github.com/fpc/bindery/content"
)

// BenchmarkLoad loads and validates every edition of the embedded corpus (content/), as
// bindery check does.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if lib, _ := LoadPrefixed(content.FS, "content"); len(lib.Editions) == 0 {
			b.Fatal("no editions loaded")
		}
	}
}
