package typo

import (
	"github.com/fpc/bindery/internal/testutil"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden converts sentences taken from the corpus (testdata/<lang>.in, one paragraph a
// line) and compares the result with testdata/<lang>.golden, where U+00A0 is shown as "~" for
// review. Run with -update to rewrite the golden files after a deliberate change, and read the
// diff.
func TestGolden(t *testing.T) {
	for _, lang := range []string{"en", "kk", "ky", "ru"} {
		t.Run(lang, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("testdata", lang+".in"))
			if err != nil {
				t.Fatal(err)
			}
			f := New(lang)
			var out strings.Builder
			for _, line := range strings.Split(strings.TrimSuffix(string(in), "\n"), "\n") {
				f.Reset()
				out.WriteString(strings.ReplaceAll(f.Text(line), "\u00a0", "~"))
				out.WriteByte('\n')
			}
			golden := filepath.Join("testdata", lang+".golden")
			if testutil.Update() {
				if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Split(out.String(), "\n")
			for i, w := range strings.Split(string(want), "\n") {
				if i >= len(got) || got[i] != w {
					t.Errorf("%s line %d:\n got: %s\nwant: %s", golden, i+1, got[min(i, len(got)-1)], w)
				}
			}
		})
	}
}
