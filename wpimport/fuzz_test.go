package wpimport

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/fpc/bindery/book"
)

func addFixtures(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzReadPrintR checks that any text parses without panicking, that every
// post's content is a piece of the input, and that conversion keeps note
// labels unique and increasing.
func FuzzReadPrintR(f *testing.F) {
	addFixtures(f, "flattened.txt", "multiline.txt", "page-scrape.txt")
	f.Add([]byte("[post_content] => x[1]\u00a0[1] y [post_title] => T [0] => WP_Post Object ("))
	f.Fuzz(func(t *testing.T, data []byte) {
		posts, _ := ReadPrintR("f", data)
		for _, p := range posts {
			if !strings.Contains(string(data), p.Content) {
				t.Fatalf("post %d content is not part of the input", p.ID)
			}
			c := Convert(p, nil)
			checkNotes(t, c.notes)
			if utf8.Valid(data) && !utf8.Valid(c.Markdown()) {
				t.Fatalf("invalid UTF-8 from valid input")
			}
		}
	})
}

func checkNotes(t *testing.T, notes []note) {
	t.Helper()
	last := 0
	for _, n := range notes {
		k, err := strconv.Atoi(n.label)
		if err != nil || k <= last {
			t.Fatalf("note labels not increasing: %q after %d", n.label, last)
		}
		last = k
		if strings.Contains(n.text, "\n") {
			t.Fatalf("note %s spans lines: %q", n.label, n.text)
		}
	}
}

// FuzzSplitNotes checks the note splitter on arbitrary runs of definitions:
// labels increase and no text is lost (the notes hold every non-space
// character after the first definition's number, numbers of later
// definitions aside).
func FuzzSplitNotes(f *testing.F) {
	f.Add("[1] A, https://a.org/x/[2] B[4] D")
	f.Add("[1] See [3] and [2] above.[2] Second.")
	f.Add("[1]OSCE[2]\u00a0BBC [3] Ibid.")
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n\r") {
			return // segments are parts of one line
		}
		notes := splitNotes([]seg{{text: s}}, nil)
		checkNotes(t, notes)
		var kept strings.Builder
		for _, n := range notes {
			kept.WriteString(n.text)
		}
		if len(notes) > 0 && countNonSpace(kept.String()) > countNonSpace(s) {
			t.Fatalf("notes hold more text than the input")
		}
	})
}

func countNonSpace(s string) int {
	n := 0
	for _, r := range s {
		if r != ' ' && r != '\u00a0' && r != '\n' && r != '\t' {
			n++
		}
	}
	return n
}

// FuzzConvertHTML checks that any post HTML converts without panicking into
// blocks whose only line ends are hard breaks (a table: rows of the same number
// of cells; code: any text), and whose Markdown keeps every figure and table.
func FuzzConvertHTML(f *testing.F) {
	f.Add(`<p>a<a href="#_ftn1" name="_ftnref1">[1]</a></p><p><a href="#_ftnref1" name="_ftn1">[1]</a> n</p>`)
	f.Add("<ul><li>x<ul><li>y</li></ul></li></ul><table><tr><td>1</td></tr></table>[gallery ids=\"1\"]<!-- wp:p -->")
	f.Add("<em>un<strong>closed</em> & < > &nbsp; <a href='x'>")
	f.Add(`[caption id="a" width="6"]<a href="b.jpg"><img src="https://x/b.jpg?w=6" alt="B | c" /></a> Cap "q"[/caption]`)
	f.Add(`<figure class="wp-block-table"><table><thead><tr><th align="right">a|b</th><th colspan="2">c</th></tr></thead>` +
		`<tbody><tr><td><p>x</p><p>y<br>z</p></td><td><code>k|` + "`" + `</code></td></tr></tbody></table><figcaption>T <em>1</em></figcaption></figure>`)
	f.Add("<pre class=\"language-go\"><code>if a &lt; b {\n\n\t```\n}</code></pre><hr><h5>deep</h5><ol><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ol>")
	f.Add(`<figure class="wp-block-gallery"><ul><li><figure><img src="/u/a.png" alt=""><figcaption>A</figcaption></figure></li>` +
		`<li><figure><img src="/u/a.png?x"></figure></li></ul><figcaption>G</figcaption></figure><p>t <img src="e.png" alt="e"> u</p>`)
	f.Fuzz(func(t *testing.T, html string) {
		blocks, _, _, images, _ := convertHTML(Post{ID: 1, Content: html, HTML: true})
		for _, b := range blocks {
			switch b.kind {
			case kTable:
				checkTable(t, b.text)
			case kCode:
			case kRule, kFigure:
				if b.kind == kFigure && (b.image < 0 || b.image >= len(images)) {
					t.Fatalf("figure of image %d, of %d", b.image, len(images))
				}
			default:
				if b.text == "" || strings.Contains(strings.ReplaceAll(b.text, "\\\n", ""), "\n") {
					t.Fatalf("bad block %q: empty, or a line end that is not a hard break", b.text)
				}
			}
		}
		c := &Chapter{Post: Post{ID: 1}, blocks: blocks, images: images}
		md := string(c.Markdown())
		if strings.Contains(md, "\x00") {
			t.Fatalf("an image stand-in is left in the Markdown:\n%s", md)
		}
	})
}

// checkTable fails unless every row of a pipe table has the header's number of cells.
func checkTable(t *testing.T, table string) {
	rows := strings.Split(table, "\n")
	if len(rows) < 2 {
		t.Fatalf("table without a delimiter row: %q", table)
	}
	want := -1
	for _, r := range rows {
		n, slashes := 0, 0
		for i := 0; i < len(r); i++ {
			if r[i] == '|' && slashes%2 == 0 {
				n++
			}
			if r[i] == '\\' {
				slashes++
			} else {
				slashes = 0
			}
		}
		if !strings.HasPrefix(r, "|") || !strings.HasSuffix(r, "|") || want >= 0 && n != want {
			t.Fatalf("table row %q: %d pipes, want %d, in\n%s", r, n, want, table)
		}
		want = n
	}
}

// FuzzReadWXR and FuzzReadJSON check that the export readers never panic.
func FuzzReadWXR(f *testing.F) {
	addFixtures(f, "sample.wxr.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		posts, _ := ReadWXR("f", data)
		for _, p := range posts {
			Convert(p, nil)
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	addFixtures(f, "posts.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		posts, _ := ReadJSON("f", data)
		for _, p := range posts {
			Convert(p, nil)
		}
	})
}

// FuzzEscape checks that escaped text reads back as the same characters.
func FuzzEscape(f *testing.F) {
	f.Add(`*a* _b_ [c] <d> \e ~f &amp; 1. x`)
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "http") || !utf8.ValidString(s) {
			return
		}
		if got := unescapeMD(escapeText(s)); got != s {
			t.Fatalf("unescapeMD(escapeText(%q)) = %q", s, got)
		}
	})
}

// FuzzLineDiff: the kept and removed lines of a diff give back the old text, the kept
// and added lines the new one.
func FuzzLineDiff(f *testing.F) {
	f.Add("a\nb\nc", "a\nc\nd")
	f.Add("", "x")
	f.Add("same\nsame", "same")
	f.Fuzz(func(t *testing.T, a, b string) {
		al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
		var gotA, gotB []string
		for _, op := range lineDiff(al, bl) {
			switch op[0] {
			case ' ':
				gotA, gotB = append(gotA, op[1:]), append(gotB, op[1:])
			case '-':
				gotA = append(gotA, op[1:])
			case '+':
				gotB = append(gotB, op[1:])
			}
		}
		if strings.Join(gotA, "\n") != a || strings.Join(gotB, "\n") != b || len(gotA) != len(al) || len(gotB) != len(bl) {
			t.Errorf("diff of %q and %q does not give them back", a, b)
		}
	})
}

// FuzzImportPassesCheck converts any post HTML and loads the chapter with book.Load (bindery
// check): the importer never writes a manuscript that check rejects. Left aside are what
// the run report already lists for the editor to settle (the pictures to fetch, here empty
// stand-ins; notes referenced but not defined, or defined but not referenced) and the
// characters that no embedded font has, which are the post's text, not its markup.
func FuzzImportPassesCheck(f *testing.F) {
	f.Add(`<p>a<a href="#_ftn1" name="_ftnref1">[1]</a></p><p><a href="#_ftnref1" name="_ftn1">[1]</a> n</p>`)
	f.Add("<ul><li>x<ul><li>y</li></ul></li></ul><table><tr><td>1</td></tr></table><h2>A</h2><h4>B</h4>")
	f.Add(`<figure class="wp-block-table"><table><thead><tr><th align="right">a|b</th><th colspan="2">c</th></tr></thead>` +
		`<tbody><tr><td><p>x</p><p>y<br>z</p></td><td><code>k|` + "`" + `</code></td></tr></tbody></table><figcaption>T <em>1</em></figcaption></figure>`)
	f.Add("<pre class=\"language-go\"><code>if a &lt; b {\n\n\t```\n}</code></pre><hr><h5>deep</h5><ol><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ol>")
	f.Add(`[caption id="a" width="6"]<a href="b.jpg"><img src="https://x/b.jpg?w=6" alt="B | c" /></a> Cap "q"[/caption]<img src="d.png" alt="">`)
	f.Fuzz(func(t *testing.T, html string) {
		c := Convert(Post{ID: 1, Title: "T", Content: html, HTML: true}, nil)
		if len(c.blocks) == 0 {
			return // Import skips a post with no content
		}
		md := c.Markdown()
		fsys := fstest.MapFS{
			"r/en/book.yaml": {Data: []byte("title: T\nlanguage: en\ndate: 2021-07-22\npublisher: P\nchapters: [01.md]\n")},
			"r/en/01.md":     {Data: md},
		}
		for i := range c.images {
			fsys["r/en/"+c.imagePath(i)] = &fstest.MapFile{}
		}
		_, ds := book.Load(fsys)
		for _, d := range ds {
			if m := d.Message; d.Severity == book.Error && !strings.Contains(m, "image") && !strings.Contains(m, "endnote") && !strings.Contains(m, " not in ") {
				t.Fatalf("%s\n%s", d, md)
			}
		}
	})
}
