package fonts

import "testing"

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
		f := &Face{Family: Serif, File: "PTF55F.ttf"}
		f.load()
	}
}
