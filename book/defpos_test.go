package book

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/fpc/bindery/content"
)

// defRe is the definition of a footnote definition's place that defPositions scans for by hand.
var defRe = regexp.MustCompile(`(?m)^ {0,3}\[\^([^\]\s]+)\]:`)

// defPosRe is defPositions done with defRe.
func defPosRe(body []byte) map[string][]int {
	out := map[string][]int{}
	for _, m := range defRe.FindAllSubmatchIndex(body, -1) {
		label := string(body[m[2]:m[3]])
		for m[0] < len(body) && body[m[0]] == ' ' {
			m[0]++
		}
		out[label] = append(out[label], m[0])
	}
	return out
}

// TestDefPositions checks the scanner of footnote definitions against defRe, on edge cases
// and on every chapter of the corpus.
func TestDefPositions(t *testing.T) {
	bodies := []string{
		"", "[^1]: a", "[^1]:", " [^a]: x\n  [^b]: y\n   [^c]: z\n    [^d]: indented code",
		"[^]: empty\n[^a b]: space\n[^a]x\n[^a]\n[^a\tb]: tab\n[^a\r]: cr", "text [^1]: not at a line start\n[^1]: yes",
		"[^é]: Unicode\n[^\xff]: invalid\n[^x]]: bracket\n[^a]:[^b]: two\n\n[^a]: again", "[^1]: a\n[^2]: b\n",
		"[^x", "\n\n[^", "  ", "[^a^b]: caret\n[^[]: open",
	}
	err := fs.WalkDir(content.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, err := fs.ReadFile(content.FS, p)
			if err != nil {
				return err
			}
			bodies = append(bodies, string(data))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defs := 0
	for _, b := range bodies {
		c := &converter{}
		c.defPositions([]byte(b))
		want := defPosRe([]byte(b))
		if !maps.EqualFunc(c.defPos, want, func(x, y []int) bool { return slices.Equal(x, y) }) {
			t.Errorf("%.60q: got %v, want %v", b, c.defPos, want)
		}
		for _, offs := range want {
			defs += len(offs)
		}
	}
	if defs < 400 { // the corpus defines 494
		t.Errorf("only %d definitions found in the corpus and the cases", defs)
	}
}
