package wpimport

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// readInputs reads test inputs from testdata.
func readInputs(t *testing.T, names ...string) []Input {
	t.Helper()
	var ins []Input
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, Input{Name: n, Data: data})
	}
	return ins
}

// rendered returns every file an import result would write, by path, and
// the run report.
func rendered(t *testing.T, res *Result) (map[string][]byte, string) {
	t.Helper()
	files := map[string][]byte{}
	for _, e := range res.Editions {
		for i, c := range e.Chapters {
			files[e.Dir+"/"+e.Files[i]] = c.Markdown()
		}
		y, err := e.Manifest.YAML()
		if err != nil {
			t.Fatal(err)
		}
		files[e.Dir+"/book.yaml"] = y
	}
	var report bytes.Buffer
	res.Print(&report)
	return files, report.String()
}

// checkGolden compares files with testdata/golden/<name>/, or rewrites them with -update.
func checkGolden(t *testing.T, name string, files map[string][]byte, report string) {
	t.Helper()
	dir := filepath.Join("testdata", "golden", name)
	files["report.txt"] = []byte(report)
	if *update {
		os.RemoveAll(dir)
		for p, data := range files {
			path := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	var want []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			want = append(want, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(want) != len(files) {
		t.Errorf("%s: %d files, golden has %d (run go test -update)", name, len(files), len(want))
	}
	for _, p := range want {
		golden, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if got, ok := files[p]; !ok {
			t.Errorf("%s: %s not produced", name, p)
		} else if !bytes.Equal(got, golden) {
			t.Errorf("%s: %s differs from the golden file:\n%s", name, p, firstDiff(string(got), string(golden)))
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, a, b)
		}
	}
	return ""
}

// TestGoldenPrintR imports the two print_r fixtures (one flattened, one
// multi-line) and compares the manuscripts, manifests and run report.
func TestGoldenPrintR(t *testing.T) {
	res, err := Import(readInputs(t, "flattened.txt", "multiline.txt"), Options{Publisher: "The Foreign Policy Centre", Editor: "Adam Hug"})
	if err != nil {
		t.Fatal(err)
	}
	files, report := rendered(t, res)
	checkGolden(t, "printr", files, report)
}
