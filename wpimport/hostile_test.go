package wpimport

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot reads every file below dir, by slash path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(data)
		}
		return nil
	})
	return files
}

func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for p := range want {
		if got[p] != want[p] {
			t.Errorf("%s: %s changed", what, p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s appeared", what, p)
		}
	}
}

// TestImportGuard: a re-import overwrites only what the last import wrote and nobody
// changed since; a hand edit is refused with the file's name and nothing is written; a
// dry run shows each change; --force overwrites.
func TestImportGuard(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join("testdata", "posts.json")
	var out bytes.Buffer
	if err := Run([]string{fixture}, Options{Out: dir, Publisher: "P"}, false, &out); err != nil {
		t.Fatal(err)
	}
	ed := filepath.Join(dir, "kazakhstan", "en")
	record, err := os.ReadFile(filepath.Join(ed, RecordFile))
	if err != nil || !strings.Contains(string(record), "  01-executive-summary.md\n") || !strings.Contains(string(record), "  book.yaml\n") {
		t.Fatalf("record %q (%v)", record, err)
	}
	// What an earlier import wrote (as the record says) is overwritten without a word.
	chapter := filepath.Join(ed, "01-executive-summary.md")
	md, _ := os.ReadFile(chapter)
	older := bytes.Replace(md, []byte("human rights"), []byte("OLDER IMPORT"), 1)
	os.WriteFile(chapter, older, 0o644)
	os.WriteFile(filepath.Join(ed, RecordFile), bytes.Replace(record, []byte(sum(md)), []byte(sum(older)), 1), 0o644)
	if err := Run([]string{fixture}, Options{Out: dir, Publisher: "P"}, false, &out); err != nil {
		t.Fatalf("re-import over its own files: %v", err)
	}
	if got, _ := os.ReadFile(chapter); !bytes.Equal(got, md) {
		t.Errorf("the chapter an earlier import wrote was not rewritten")
	}
	// An editor changes a chapter: the next import refuses, naming it, and writes nothing.
	os.WriteFile(chapter, bytes.Replace(md, []byte("human rights"), []byte("HAND EDIT"), 1), 0o644)
	before := snapshot(t, dir)
	err = Run([]string{fixture}, Options{Out: dir, Publisher: "R"}, false, &out)
	var ee EditedError
	if !errors.As(err, &ee) || len(ee.Files) != 1 || ee.Files[0] != chapter {
		t.Fatalf("import over a hand edit: %v", err)
	}
	if !strings.Contains(err.Error(), "--dry-run") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("no hint: %v", err)
	}
	sameFiles(t, "refused import", snapshot(t, dir), before)
	// A dry run lists the change with its diff and writes nothing.
	out.Reset()
	if err := Run([]string{fixture}, Options{Out: dir, Publisher: "R"}, true, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"edited since the last import, refused without --force: kazakhstan/en/01-executive-summary.md (+1 −1 lines)\n",
		"    -As Kazakhstan approaches", "    +As Kazakhstan approaches", "unchanged kazakhstan/en/book.yaml\n",
		"1 file edited since the last import: the import would refuse to write without --force\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run lacks %q:\n%s", want, out.String())
		}
	}
	sameFiles(t, "dry run", snapshot(t, dir), before)
	// --force overwrites, and the record follows.
	if err := Run([]string{fixture}, Options{Out: dir, Publisher: "R", Force: true}, false, &out); err != nil {
		t.Fatal(err)
	}
	if md, _ := os.ReadFile(chapter); bytes.Contains(md, []byte("HAND EDIT")) {
		t.Errorf("--force kept the edit")
	}
	if err := Run([]string{fixture}, Options{Out: dir, Publisher: "R"}, false, &out); err != nil {
		t.Errorf("import after --force: %v", err)
	}
	// A chapter in the way that no import wrote is refused as well.
	other := t.TempDir()
	os.MkdirAll(filepath.Join(other, "kazakhstan", "en"), 0o755)
	os.WriteFile(filepath.Join(other, "kazakhstan", "en", "01-executive-summary.md"), []byte("mine\n"), 0o644)
	if err := Run([]string{fixture}, Options{Out: other, Publisher: "P"}, false, &out); !errors.As(err, &ee) {
		t.Errorf("a file no import wrote was overwritten: %v", err)
	}
}

// TestImportNothing: inputs that yield no post make the run fail, saying why for each.
func TestImportNothing(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"error.json": `{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}`,
		"junk.bin":   "\x00\x01\x02\xff\xfe binary",
		"empty.txt":  "",
		"cut.xml":    "<?xml version=\"1.0\"?>\n<rss><channel><item><title>T</title><content:encoded><![CDATA[<p>Half",
		"notes.txt":  "Shopping list\n\nMilk, eggs.\n",
	}
	var names []string
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), 0o644)
		names = append(names, p)
	}
	out := filepath.Join(dir, "out")
	var report bytes.Buffer
	err := Run(names, Options{Out: out}, false, &report)
	var ni NothingImported
	if !errors.As(err, &ni) || len(ni.Why) != len(files) {
		t.Fatalf("Run = %v\n%s", err, report.String())
	}
	for _, want := range []string{
		"error.json: no post: looks like wp-json but cannot be read: " + filepath.Join(dir, "error.json") + ": a REST API error response, not posts (code rest_no_route: No route was found",
		"junk.bin: no post: not a print_r dump, WXR export or REST JSON: binary data, not text (12 bytes)",
		"empty.txt: no post: not a print_r dump, WXR export or REST JSON: the file is empty",
		"cut.xml: no post: looks like wxr but cannot be read",
		"notes.txt: no post: not a print_r dump, WXR export or REST JSON: text starting \"Shopping list Milk, eggs.\"",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("the output folder was created")
	}
}

// TestCutDump: a print_r dump cut inside a post's content is imported with a warning at
// the cut, as a draft, its cut line kept as text (not made a heading).
func TestCutDump(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "multiline.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	cut := strings.Join(lines[:31], "") + "Civic space"
	res, err := Import([]Input{{Name: "cut.txt", Data: []byte(cut)}}, Options{Report: "kazakhstan", Lang: "en", Publisher: "P"})
	if err != nil {
		t.Fatal(err)
	}
	var w bytes.Buffer
	res.Print(&w)
	if !strings.Contains(w.String(), "cut.txt L32 c12: warning: post 101: the input ends inside this post's content: the copy is cut off here; its edition is marked draft\n") {
		t.Errorf("no warning at the cut:\n%s", w.String())
	}
	if len(res.Editions) != 1 || res.Editions[0].Manifest.Status != "draft" {
		t.Fatalf("edition not a draft")
	}
	for _, c := range res.Editions[0].Chapters {
		if c.Post.ID == 101 {
			md := string(c.Markdown())
			if !strings.HasSuffix(md, "\n\nCivic space\n") || strings.Contains(md, "## Civic space") {
				t.Errorf("cut line:\n%s", md)
			}
		}
	}
	// Cut among the fields after the content: the text is whole, the copy is not.
	cut = strings.Join(lines[:34], "") + "            [post_title] => Retreating Rights - Kaz"
	res, err = Import([]Input{{Name: "cut.txt", Data: []byte(cut)}}, Options{Report: "kazakhstan", Lang: "en", Publisher: "P"})
	if err != nil {
		t.Fatal(err)
	}
	w.Reset()
	res.Print(&w)
	if !strings.Contains(w.String(), "cut.txt L35 c52: warning: post 101: the input ends inside this post's fields, after its content") || res.Editions[0].Manifest.Status != "draft" {
		t.Errorf("cut after the content:\n%s", w.String())
	}
	// The whole dump is not cut.
	res, _ = Import([]Input{{Name: "multiline.txt", Data: data}}, Options{Report: "kazakhstan", Lang: "en", Publisher: "P"})
	for _, e := range res.Editions {
		for _, c := range e.Chapters {
			if c.Post.Cut.Line != 0 {
				t.Errorf("post %d of the whole dump is marked cut at %v", c.Post.ID, c.Post.Cut)
			}
		}
	}
}
