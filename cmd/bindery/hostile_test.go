package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/fpc/bindery/pdf/pdfcheck"
)

// The hostile suite: broken and malicious content and output faults, each run through the
// real commands. Every case asserts the exit code and the message with its place, that
// check rejects what build rejects, that nothing is written for the broken edition, that
// the previous outputs survive byte for byte, that no temporary file is left, and that the
// other edition still builds beside the broken one. faults_test.go adds a format that
// cannot be written (no mixed edition) and an interrupted build.

const (
	hostileManifest = "title: T\nlanguage: en\ndate: 2021-07-22\npublisher: P\nchapters: [01.md]\n"
	hostileChapter  = "---\ntitle: A\n---\n\nText of the chapter.[^1]\n\n[^1]: A note.\n"
	secret          = "SECRET-TEXT-FROM-OUTSIDE"
)

// writeTree writes files (slash paths) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// baseline is a content tree of two good editions and their built outputs.
var baseline struct {
	once    sync.Once
	content string
	out     string
	files   map[string][]byte
	err     string
}

func hostileBaseline(t *testing.T) {
	baseline.once.Do(func() {
		dir, err := os.MkdirTemp("", "bindery-hostile-")
		if err != nil {
			baseline.err = err.Error()
			return
		}
		baseline.content, baseline.out = filepath.Join(dir, "content"), filepath.Join(dir, "dist")
		for _, r := range []string{"good", "bad"} {
			for name, data := range map[string]string{r + "/en/book.yaml": hostileManifest, r + "/en/01.md": hostileChapter} {
				p := filepath.Join(baseline.content, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				os.WriteFile(p, []byte(data), 0o644)
			}
		}
		if code, _, stderr := runCLI("build", "-q", "--out", baseline.out, baseline.content); code != 0 {
			baseline.err = stderr
			return
		}
		baseline.files = readOutputs(baseline.out)
	})
	if baseline.err != "" || len(baseline.files) != 8 { // EPUB, PDF, print interior and cover of each
		t.Fatalf("baseline build: %s (%d files)", baseline.err, len(baseline.files))
	}
}

// readOutputs reads every file of an output folder, temporary files included.
func readOutputs(dir string) map[string][]byte {
	files := map[string][]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
			files[e.Name()] = data
		} else {
			files[e.Name()] = nil
		}
	}
	return files
}

// outputText is everything an output says, uncompressed: an EPUB's entries, a PDF's
// page text, structure text and every string and decoded stream of its objects (object
// streams included), so that a search of it finds text however the file compresses it.
func outputText(t *testing.T, name string, data []byte) string {
	t.Helper()
	var b strings.Builder
	b.Write(data)
	switch filepath.Ext(name) {
	case ".epub":
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil { // not an EPUB bindery wrote: its bytes are all
			break
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s: %s: %v", name, f.Name, err)
			}
			io.Copy(&b, rc)
			rc.Close()
		}
	case ".pdf":
		f, err := pdfcheck.Parse(data)
		if err != nil { // not a PDF bindery wrote (a case put it in the way): its bytes are all
			break
		}
		for _, o := range f.Objects {
			fmt.Fprintf(&b, "%v\n%s\n", o.Value, pdfcheck.Text(o.Value))
			b.Write(o.Stream)
		}
		if rep, err := pdfcheck.Check(data); err == nil {
			b.WriteString(rep.Text())
		}
	}
	return b.String()
}

// TestOutputTextSeesText proves the search for leaked text can see what an output says:
// the chapter's sentence is found in each of the baseline's EPUBs and interior PDFs,
// compressed as they are (a cover has no chapter text).
func TestOutputTextSeesText(t *testing.T) {
	hostileBaseline(t)
	for name, data := range baseline.files {
		if !strings.HasSuffix(name, ".epub") && !strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, "-cover.pdf") {
			continue
		}
		if bytes.Contains(data, []byte("Text of the chapter")) {
			t.Errorf("%s: the sentence is in the raw bytes; the test of outputText proves nothing", name)
		}
		if !strings.Contains(outputText(t, name, data), "Text of the chapter") {
			t.Errorf("%s: outputText does not see the chapter's sentence", name)
		}
	}
}

// hostileCase breaks the "bad" edition of a copy of the baseline content (and may prepare
// the output folder), then runs a build.
type hostileCase struct {
	name   string
	setup  func(t *testing.T, content, out string) // breaks bad/en, may fault the output
	args   []string                                // extra build arguments
	code   int                                     // build's exit code
	want   []string                                // in build's stderr, "CONTENT" standing for the content path
	output bool                                    // an output fault: the content is fine and check passes
}

func hostileCases() []hostileCase {
	deep := strings.Builder{}
	for i := range 100 {
		deep.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	chapter := func(body string) func(*testing.T, string, string) {
		return func(t *testing.T, content, _ string) {
			writeTree(t, content, map[string]string{"bad/en/01.md": body})
		}
	}
	manifest := func(m string) func(*testing.T, string, string) {
		return func(t *testing.T, content, _ string) {
			writeTree(t, content, map[string]string{"bad/en/book.yaml": m})
		}
	}
	outsideFile := func(t *testing.T) string {
		p := filepath.Join(t.TempDir(), "secret.md")
		os.WriteFile(p, []byte("---\ntitle: S\n---\n\n"+secret+"\n"), 0o644)
		return p
	}
	return []hostileCase{
		{name: "chapter is a symbolic link out of the content", setup: func(t *testing.T, content, _ string) {
			p := outsideFile(t)
			os.Remove(filepath.Join(content, "bad/en/01.md"))
			if err := os.Symlink(p, filepath.Join(content, "bad/en/01.md")); err != nil {
				t.Fatal(err)
			}
		}, code: 1, want: []string{`CONTENT/bad/en/book.yaml:5:12: error: chapter file "01.md" is a symbolic link to the absolute path /`, `; bindery follows only relative links that stay inside the content directory`}},
		{name: "chapter in a linked folder that climbs out", setup: func(t *testing.T, content, _ string) {
			p := outsideFile(t)
			os.Symlink(filepath.Dir(p), filepath.Join(content, "bad/en/sub"))
			writeTree(t, content, map[string]string{"bad/en/book.yaml": strings.Replace(hostileManifest, "[01.md]", "[sub/secret.md]", 1)})
		}, code: 1, want: []string{`CONTENT/bad/en/book.yaml:5:12: error: chapter file "sub/secret.md" is a symbolic link to the absolute path /`}},
		{name: "chapter name climbs out", setup: manifest(strings.Replace(hostileManifest, "[01.md]", "[../../../../etc/passwd]", 1)),
			code: 1, want: []string{`CONTENT/bad/en/book.yaml:5:12: error: chapter file "../../../../etc/passwd" is outside the content directory`}},
		{name: "cover image is a symbolic link out", setup: func(t *testing.T, content, _ string) {
			p := filepath.Join(t.TempDir(), "c.png")
			os.WriteFile(p, []byte("\x89PNG\r\n\x1a\n"+secret), 0o644)
			os.Symlink(p, filepath.Join(content, "bad/en/c.png"))
			writeTree(t, content, map[string]string{"bad/en/book.yaml": "cover: {image: c.png, alt: A}\n" + hostileManifest})
		}, code: 1, want: []string{`CONTENT/bad/en/book.yaml:1:16: error: cover image "c.png" is a symbolic link to the absolute path /`}},
		{name: "note cites a note", setup: chapter("---\ntitle: A\n---\n\nText.[^1]\n\n[^1]: See[^2].\n[^2]: Other.\n"),
			code: 1, want: []string{`CONTENT/bad/en/01.md:7:10: error: endnote [^2] is referenced inside endnote [^1]: a note cannot refer to another note`}},
		{name: "invalid cover colour", setup: manifest("cover:\n  background: \"#zz0000\"\n" + hostileManifest),
			code: 1, want: []string{`CONTENT/bad/en/book.yaml:2:15: error: cover background "#zz0000" is not a colour written #rrggbb or #rgb`}},
		{name: "unclosed box", setup: chapter("---\ntitle: A\n---\n\nBefore.\n\n::: box title=\"B\"\nInside.\n\n## After\n\nMore.\n"),
			code: 1, want: []string{`CONTENT/bad/en/01.md:7:1: error: ::: box is never closed: end it with a line holding only :::`}},
		{name: "list nested 100 deep", setup: chapter("---\ntitle: A\n---\n\n" + deep.String()),
			code: 1, want: []string{`CONTENT/bad/en/01.md:13:19: error: list nested 100 deep: bindery sets at most 8 levels of lists, quotes and boxes inside one another`}},
		{name: "chapter too large", setup: chapter(hostileChapter + strings.Repeat("word ", 1<<20)),
			code: 1, want: []string{`CONTENT/bad/en/book.yaml:5:12: error: chapter file "01.md" is 5.0 MiB; bindery reads chapter files up to 4 MiB: split it into chapters`}},
		{name: "invalid UTF-8 and a control character", setup: chapter("---\ntitle: A\n---\n\nBad \xff byte and a bell \a.\n"),
			code: 1, want: []string{`CONTENT/bad/en/01.md:5:5: error: invalid UTF-8 (byte 0xFF at offset 22)`, `CONTENT/bad/en/01.md:5:23: error: control character U+0007`}},
		{name: "manifest is not YAML", setup: manifest("title: [unclosed\n"),
			code: 1, want: []string{`CONTENT/bad/en/book.yaml:1:1: error: invalid YAML: did not find expected`}},
		{name: "contributor role", setup: manifest("contributors: [{name: N, role: editor}]\n" + hostileManifest),
			code: 1, want: []string{`CONTENT/bad/en/book.yaml:1:32: error: contributor role "editor" is not a MARC relator code`}},
		{name: "undefined note", setup: chapter("---\ntitle: A\n---\n\nText.[^9]\n"),
			code: 1, want: []string{`CONTENT/bad/en/01.md:5:6: error: endnote [^9] is never defined`}},
		{name: "chapter is a named pipe", setup: func(t *testing.T, content, _ string) {
			p := filepath.Join(content, "bad/en/01.md")
			os.Remove(p)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Fatal(err)
			}
		}, code: 1, want: []string{`CONTENT/bad/en/book.yaml:5:12: error: chapter file "01.md" is not a regular file`}},
		{name: "chapter is a folder", setup: func(t *testing.T, content, _ string) {
			p := filepath.Join(content, "bad/en/01.md")
			os.Remove(p)
			os.MkdirAll(filepath.Join(p, "x"), 0o755)
		}, code: 1, want: []string{`CONTENT/bad/en/book.yaml:5:12: error: chapter file "01.md" is a folder, not a file`}},
		{name: "--out inside the content directory", output: true, args: []string{"--out", "CONTENT/bad/dist"},
			code: 2, want: []string{`--out CONTENT/bad/dist is inside the content directory CONTENT, whose folders are read as reports and editions`}},
		{name: "--out is a file", output: true, setup: func(t *testing.T, _, out string) {
			os.RemoveAll(out)
			os.WriteFile(out, []byte("not a folder"), 0o644)
		}, code: 1, want: []string{"not a directory"}},
		{name: "an output is in the way", output: true, setup: func(t *testing.T, _, out string) {
			os.Remove(filepath.Join(out, "bad-en.pdf"))
			os.MkdirAll(filepath.Join(out, "bad-en.pdf", "x"), 0o755)
		}, code: 1, want: []string{"bad-en.pdf"}},
	}
}

func TestHostileBuilds(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds PDFs; runs without -short")
	}
	hostileBaseline(t)
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			content, out := filepath.Join(dir, "content"), filepath.Join(dir, "dist")
			if err := os.CopyFS(content, os.DirFS(baseline.content)); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(out, os.DirFS(baseline.out)); err != nil {
				t.Fatal(err)
			}
			if tc.setup != nil {
				tc.setup(t, content, out)
			}
			before := readOutputs(out)
			args := []string{"build", "-q"}
			for _, a := range tc.args {
				args = append(args, strings.ReplaceAll(a, "CONTENT", content))
			}
			if !containsFlag(args, "--out") {
				args = append(args, "--out", out)
			}
			code, _, stderr := runCLI(append(args, content)...)
			if code != tc.code {
				t.Errorf("build: exit %d, want %d\n%s", code, tc.code, stderr)
			}
			for _, w := range tc.want {
				if w = strings.ReplaceAll(w, "CONTENT", content); !strings.Contains(stderr, w) {
					t.Errorf("build: stderr lacks %q:\n%s", w, stderr)
				}
			}
			// Broken content is rejected with its place (so while loading, before anything
			// renders), and check rejects it too with the same messages: check never passes
			// what build rejects.
			ccode, cout, _ := runCLI("check", content)
			if tc.output && ccode != 0 {
				t.Errorf("check rejects content that is fine: exit %d\n%s", ccode, cout)
			}
			if !tc.output {
				if ccode != 1 {
					t.Errorf("check passed what build rejects: exit %d\n%s", ccode, cout)
				}
				for _, w := range tc.want {
					if w = strings.ReplaceAll(w, "CONTENT", content); !strings.Contains(cout, w) {
						t.Errorf("check: output lacks %q:\n%s", w, cout)
					}
				}
			}
			after := readOutputs(out)
			for name, data := range after {
				if strings.HasSuffix(name, ".tmp") || strings.HasPrefix(name, ".") {
					t.Errorf("temporary file left: %s", name)
				}
				if data != nil && !bytes.Equal(data, before[name]) && strings.HasPrefix(name, "bad-") {
					t.Errorf("%s was rewritten by a failed build", name)
				}
			}
			for name, data := range before {
				if data != nil && !bytes.Equal(after[name], data) && strings.HasPrefix(name, "bad-") {
					t.Errorf("%s did not survive the failed build byte for byte", name)
				}
			}
			for name, o := range after {
				if strings.Contains(outputText(t, name, o), secret) {
					t.Errorf("text from outside the content directory reached %s", name)
				}
			}
			if _, err := os.Stat(filepath.Join(content, "bad", "dist")); err == nil {
				t.Errorf("an output folder was created inside the content directory")
			}
			othersBuild(t, content, !tc.output)
		})
	}
}

// othersBuild builds every edition into a fresh folder: the good one is written, the same
// as the baseline's, and the broken one is not (unless the fault was the output's).
func othersBuild(t *testing.T, content string, broken bool) {
	t.Helper()
	out := t.TempDir()
	code, _, stderr := runCLI("build", "-q", "--format", "epub", "--out", out, content)
	if want := map[bool]int{true: 1, false: 0}[broken]; code != want {
		t.Errorf("build of every edition: exit %d, want %d\n%s", code, want, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "good-en.epub")); !bytes.Equal(got, baseline.files["good-en.epub"]) {
		t.Errorf("the good edition was not built beside the broken one, or differs from the baseline's")
	}
	if _, err := os.Stat(filepath.Join(out, "bad-en.epub")); broken && err == nil {
		t.Errorf("the broken edition was written")
	}
}

func containsFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == flag {
			return true
		}
	}
	return false
}

// TestHostileAccepted: input that looks odd but is fine builds without a word.
func TestHostileAccepted(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"r/en/book.yaml": "\ufeff" + hostileManifest,
		"r/en/01.md":     "\ufeff" + strings.ReplaceAll(hostileChapter, "\n", "\r\n"),
	})
	if code, out, _ := runCLI("check", dir); code != 0 || !strings.HasSuffix(out, "0 errors, 0 warnings\n") {
		t.Errorf("a byte order mark and CRLF lines: exit %d\n%s", code, out)
	}
	writeTree(t, dir, map[string]string{"r/en/01.md": "---\ntitle: A\nsubtitel: B\ntitel: C\n---\n\nText.\n",
		"r/en/book.yaml": hostileManifest + "pubisher: Q\n"})
	code, out, _ := runCLI("check", dir)
	for _, w := range []string{
		dir + `/r/en/01.md:3:1: warning: unknown front-matter key "subtitel"` + "\n",
		dir + `/r/en/01.md:4:1: warning: unknown front-matter key "titel"; did you mean "title"?`,
		dir + `/r/en/book.yaml:6:1: warning: unknown manifest key "pubisher"; did you mean "publisher"?`,
	} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("exit %d, output lacks %q:\n%s", code, w, out)
		}
	}
}

// TestHostileImports runs `bindery import` on inputs that yield nothing and over edited
// files: exit code 1, the reason per file, and the files on disk unchanged.
func TestHostileImports(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"error.json": `{"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}}`,
		"junk.bin":   "\x00\x01\x02 junk",
	})
	out := filepath.Join(dir, "content")
	code, stdout, stderr := runCLI("import", "--out", out, filepath.Join(dir, "error.json"), filepath.Join(dir, "junk.bin"))
	for _, w := range []string{"nothing imported:", "error.json: no post: looks like wp-json but cannot be read: ", "a REST API error response, not posts (code rest_forbidden",
		"junk.bin: no post: not a print_r dump, WXR export or REST JSON: binary data, not text (8 bytes)"} {
		if code != 1 || !strings.Contains(stderr, w) {
			t.Errorf("import of nothing: exit %d, stderr lacks %q:\n%s%s", code, w, stdout, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("import of nothing created %s", out)
	}
	fixture := filepath.Join("..", "..", "wpimport", "testdata", "posts.json")
	if code, _, stderr := runCLI("import", "--publisher", "P", "--out", out, fixture); code != 0 {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	chapter := filepath.Join(out, "kazakhstan", "en", "01-executive-summary.md")
	md, _ := os.ReadFile(chapter)
	edited := append(md, "An editor's paragraph.\n"...)
	os.WriteFile(chapter, edited, 0o644)
	code, _, stderr = runCLI("import", "--publisher", "P", "--out", out, fixture)
	if got, _ := os.ReadFile(chapter); code != 1 || !strings.Contains(stderr, "refusing to overwrite 1 file edited since bindery last imported it") ||
		!strings.Contains(stderr, chapter) || !bytes.Equal(got, edited) {
		t.Errorf("import over an edit: exit %d\n%s", code, stderr)
	}
	if code, stdout, _ := runCLI("import", "--dry-run", "--publisher", "P", "--out", out, fixture); code != 0 ||
		!strings.Contains(stdout, "    +An editor's paragraph.") && !strings.Contains(stdout, "    -An editor's paragraph.") {
		t.Errorf("dry run: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runCLI("import", "--force", "--publisher", "P", "--out", out, fixture); code != 0 {
		t.Errorf("--force: exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(chapter); !bytes.Equal(got, md) {
		t.Errorf("--force did not rewrite the chapter")
	}
}
