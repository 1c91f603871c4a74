package fonts

import (
	"fmt"
	"sync"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestCoverage(t *testing.T) {
	for _, f := range All() {
		if _, err := f.SFNT(); err != nil {
			t.Fatal(err)
		}
		for lang := range Alphabets {
			if m := f.Missing(lang); len(m) > 0 {
				t.Errorf("%s misses %q for %s", f.Name(), string(m), lang)
			}
		}
	}
	f := Get(Serif, Italic)
	for _, r := range []rune{'\u0D9A', '\U0001F600'} {
		if f.Has(r) {
			t.Errorf("%s claims %U", f.Name(), r)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		f := &Face{Family: Serif, File: "PTF55F.ttf", src: ptf55f}
		f.load()
	}
}

// TestHasConcurrent asks a fresh face about every BMP code point from four goroutines at
// once (run with -race), while the blocks are filled on first use, and checks that they all
// get the answers the font's cmap gives.
func TestHasConcurrent(t *testing.T) {
	f := &Face{Family: Serif, File: "PTF55F.ttf", src: ptf55f}
	fnt, err := f.SFNT()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]bool, 0x10000)
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		gi, err := fnt.GlyphIndex(&buf, r)
		want[r] = err == nil && gi != 0 && (r < 0xD800 || r >= 0xE000)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for i := range 0x10000 - 0x20 {
				r := rune(0x20 + (i+g*0x3000)%(0x10000-0x20))
				if special := r == '\u00a0' || r == '\u200b' || r == '\u00ad'; !special && f.Has(r) != want[r] {
					errs <- fmt.Sprintf("Has(%U) = %v, want %v", r, !want[r], want[r])
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
