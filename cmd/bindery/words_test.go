package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fpc/bindery/internal/validate"
)

// needTool returns the path of an external tool. Without it the test skips, except under
// CI (CI set), where a missing tool is a failure.
func needTool(t *testing.T, name string) string {
	t.Helper()
	return validate.Tool(t, name)
}

// tokens numbers the words of the adversarial manuscripts: x0001y, x0002y, … so that
// each can be found in the PDF's text however lines, pages and hyphens cut it.
type tokens struct{ n int }

func (tk *tokens) words(n int) string {
	var w []string
	for range n {
		tk.n++
		w = append(w, fmt.Sprintf("x%04dy", tk.n))
	}
	return strings.Join(w, " ")
}

// adversarial returns the chapters of an edition built to make a layout lose text: the
// deepest nesting bindery accepts, words and URLs wider than the page, long headings and
// box titles, wide list numbers, many notes with structure inside, hard breaks, a list
// item of 900 words, a picture inside text (its alt text is the structure's, not the
// page's, so it carries no token), raw HTML and code.
func adversarial(tk *tokens) map[string]string {
	ch := func(title, body string) string { return "---\ntitle: " + title + "\n---\n\n" + body }
	var nest, quote, mixed, notes, defs, breaks strings.Builder
	for i := range 8 {
		fmt.Fprintf(&nest, "%s- %s\n", strings.Repeat("  ", i), tk.words(30))
	}
	fmt.Fprintf(&quote, "%s%s\n", strings.Repeat("> ", 8), tk.words(40))
	fmt.Fprintf(&mixed, "::: box title=\"%s\"\n- %s\n\n  > - %s\n  >\n  >   > %s\n:::\n", tk.words(6), tk.words(10), tk.words(20), tk.words(25))
	for i := range 150 {
		notes.WriteString(tk.words(3) + fmt.Sprintf("[^%d] ", i+1))
		fmt.Fprintf(&defs, "[^%d]: %s\n", i+1, tk.words(4))
	}
	fmt.Fprintf(&defs, "[^list]: %s\n\n    - %s\n    - %s\n\n    > %s\n", tk.words(5), tk.words(8), tk.words(8), tk.words(12))
	for range 120 {
		breaks.WriteString(tk.words(1) + "\\\n")
	}
	breaks.WriteString(tk.words(1) + "\n")
	long := ""
	for range 40 {
		long += tk.words(1) // one word of 240 letters, no break in it
	}
	url := "https://example.org/" + strings.ReplaceAll(tk.words(50), " ", "/") + "?q=" + tk.words(1)
	return map[string]string{
		"01-nesting.md": ch("Nesting "+tk.words(2), nest.String()+"\n"+tk.words(5)+"\n\n"+quote.String()+"\n"+tk.words(5)+"\n\n"+mixed.String()),
		"02-wide.md": ch("Wide "+tk.words(2), "Before "+long+" after.\n\nSee <"+url+"> and "+tk.words(10)+".\n\n## "+tk.words(40)+"\n\n"+
			"123456789. "+tk.words(20)+"\n123456790. "+tk.words(20)+"\n"),
		"03-notes.md":  ch("Notes "+tk.words(2), notes.String()+"And a list note.[^list]\n\n"+defs.String()),
		"04-breaks.md": ch("Breaks "+tk.words(2), breaks.String()),
		"05-other.md": ch("Other "+tk.words(30), "::: box title=\""+tk.words(40)+"\" byline=\""+tk.words(20)+"\"\n"+tk.words(10)+"\n:::\n\n"+
			"::: credit\n"+tk.words(15)+"\n:::\n\n### "+tk.words(12)+"\n\n- "+tk.words(900)+"\n\nAn image ![a grey square](x.png), "+
			"<span>"+tk.words(2)+"</span> and `"+tk.words(4)+"`.\n\n```\n"+tk.words(6)+"\n```\n"),
	}
}

// greyPNG returns a small grey PNG for the picture inside the adversarial text.
func greyPNG(t *testing.T) string {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 40, 40))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var tokenRE = regexp.MustCompile(`x\d{4}y`)

// TestNoWordLost builds adversarial editions to PDF and finds every word of their
// manuscripts in the PDF's text (pdftotext), in each paper size bindery offers.
func TestNoWordLost(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds PDFs; runs without -short")
	}
	pdftotext := needTool(t, "pdftotext")
	tk := &tokens{}
	files := map[string]string{}
	chapters := adversarial(tk)
	var names []string
	for name, body := range chapters {
		files["adv/en/"+name] = body
		names = append(names, name)
	}
	files["adv/en/x.png"] = greyPNG(t)
	files["adv/en/book.yaml"] = "title: Adversarial\nlanguage: en\ndate: 2021-07-22\npublisher: P\nchapters: [01-nesting.md, 02-wide.md, 03-notes.md, 04-breaks.md, 05-other.md]\n"
	dir := t.TempDir()
	writeTree(t, filepath.Join(dir, "content"), files)
	var source strings.Builder
	for _, b := range chapters {
		source.WriteString(b)
	}
	want := tokenRE.FindAllString(source.String(), -1)
	if len(want) != tk.n || len(want) < 1000 {
		t.Fatalf("%d words in the manuscripts, %d made", len(want), tk.n)
	}
	if code, out, _ := runCLI("check", filepath.Join(dir, "content")); code != 0 {
		t.Fatalf("check: exit %d\n%s", code, out)
	}
	for _, paper := range []string{"a5", "6x9"} {
		out := filepath.Join(dir, paper)
		if code, _, stderr := runCLI("build", "-q", "--format", "pdf", "--paper", paper, "--out", out, filepath.Join(dir, "content")); code != 0 {
			t.Fatalf("build --paper %s: exit %d\n%s", paper, code, stderr)
		}
		txt, err := exec.Command(pdftotext, "-enc", "UTF-8", filepath.Join(out, "adv-en.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		squashed := strings.NewReplacer(" ", "", "\n", "", "\f", "", "-", "", "\u00ad", "", "‐", "").Replace(string(txt))
		missing := 0
		for _, w := range want {
			if !strings.Contains(squashed, w) {
				if missing < 10 {
					t.Errorf("--paper %s: word %s of the manuscript is not in the PDF's text", paper, w)
				}
				missing++
			}
		}
		if missing > 0 {
			t.Errorf("--paper %s: %d of %d words missing from the PDF", paper, missing, len(want))
		}
	}
}
