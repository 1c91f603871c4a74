package epub

import (
	"bytes"
	"github.com/fpc/bindery/internal/testutil"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGolden compares the text documents of the fixture EPUBs (chapters, notes, navigation,
// front matter, package document, NCX) with the files in testdata/golden.
func TestGolden(t *testing.T) {
	for _, c := range fixtureCases {
		t.Run(c.name, func(t *testing.T) {
			u := unpack(t, build(t, fixture(c.lang, c.draft), c.opts))
			dir := filepath.Join("testdata", "golden", c.name)
			if testutil.Update() {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			n := 0
			for _, name := range u.names {
				if !strings.HasSuffix(name, ".xhtml") && !strings.HasSuffix(name, ".opf") && !strings.HasSuffix(name, ".ncx") {
					continue
				}
				n++
				golden := filepath.Join(dir, filepath.Base(name))
				got := u.files[name]
				if testutil.Update() {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./epub -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s:\n%s", name, golden, firstDiff(string(want), string(got)))
				}
			}
			if files, _ := os.ReadDir(dir); len(files) != n {
				t.Errorf("%s holds %d files, the EPUB %d documents", dir, len(files), n)
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(no line differs)"
}
