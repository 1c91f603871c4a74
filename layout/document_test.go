package layout

import (
	"bytes"
	"encoding/json"
	"github.com/fpc/bindery/pdf/pdfcheck"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

// pdfBytes typesets and draws an edition in memory.
func pdfBytes(t testing.TB, ed *book.Edition, opts Options) []byte {
	t.Helper()
	d, err := Typeset(ed, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// expanded is a PDF's bytes followed by the decoded text of its object streams, where the
// dictionaries of pages, annotations and the Info are, for tests that look for them.
func expanded(t testing.TB, b []byte) []byte {
	t.Helper()
	f, err := pdfcheck.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	out := bytes.Clone(b)
	for _, o := range f.Objects {
		if d, _ := o.Value.(pdfcheck.Dict); d["Type"] == pdfcheck.Name("ObjStm") {
			out = append(out, o.Stream...)
		}
	}
	return out
}

// TestReproducible typesets and draws every edition once, then again concurrently with the
// others: the bytes must not change, whatever the scheduling. (The second run follows the
// first in the same process, so it also finds state that one run leaves to the next; a
// third, sequential run would add nothing but its CPU time.)
func TestReproducible(t *testing.T) {
	t.Parallel()
	eds := corpus(t)
	opts := Options{Modified: time.Date(2021, 7, 22, 12, 0, 0, 0, time.UTC), Bleed: 3, CropMarks: true}
	first := make([][]byte, len(eds))
	for i, ed := range eds {
		first[i] = pdfBytes(t, ed, opts)
	}
	var wg sync.WaitGroup
	again := make([][]byte, len(eds))
	for i, ed := range eds {
		wg.Go(func() {
			d, err := Typeset(ed, opts)
			if err != nil {
				return
			}
			var buf bytes.Buffer
			if d.WritePDF(&buf) == nil {
				again[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	for i, ed := range eds {
		if !bytes.Equal(first[i], again[i]) {
			t.Errorf("%s: concurrent run differs from sequential one", ed.Name())
		}
	}
}

// TestPageBoxes checks that bleed enlarges the media box and every page has a trim box of the
// trim size, and that there is no bleed box.
func TestPageBoxes(t *testing.T) {
	t.Parallel()
	pdfinfo := needTool(t, "pdfinfo")
	ed := corpus(t)[0]
	for _, tc := range []struct {
		paper string
		opts  Options
	}{
		{"a5", Options{Paper: "a5"}},
		{"royal", Options{Paper: "royal", Bleed: 3}},
		{"6x9", Options{Paper: "6x9", Bleed: 3, CropMarks: true}},
	} {
		d, pdf, path := cachedPDF(t, ed, tc.opts)
		out, err := exec.Command(pdfinfo, "-box", "-f", "1", "-l", strconv.Itoa(len(d.pages)), path).Output()
		if err != nil {
			t.Fatal(err)
		}
		off := tc.opts.Bleed * mm
		if tc.opts.CropMarks {
			off += cropSlug
		}
		want := map[string][4]float64{
			"MediaBox": {0, 0, d.g.trimW + 2*off, d.g.trimH + 2*off},
			"TrimBox":  {off, off, d.g.trimW + off, d.g.trimH + off},
		}
		seen := map[string]int{}
		for _, m := range boxRE.FindAllStringSubmatch(string(out), -1) {
			w, ok := want[m[2]]
			if !ok {
				continue
			}
			seen[m[2]]++
			for k := range 4 {
				if v, _ := strconv.ParseFloat(m[3+k], 64); v-w[k] > 0.01 || w[k]-v > 0.01 {
					t.Errorf("%s p.%s: %s %v, want %v", tc.paper, m[1], m[2], m[3:], w)
					break
				}
			}
		}
		for box := range want {
			if seen[box] != len(d.pages) {
				t.Errorf("%s: %s on %d of %d pages", tc.paper, box, seen[box], len(d.pages))
			}
		}
		if bytes.Contains(expanded(t, pdf), []byte("/BleedBox")) {
			t.Errorf("%s: a BleedBox was written; only the TrimBox may be added", tc.paper)
		}
	}
}

var boxRE = regexp.MustCompile(`Page\s+(\d+) (\w+Box):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`)

// TestContentsMatchesOpeners reads the contents pages of every PDF and checks each chapter's
// page number against the page where the PDF shows its title at the top, and against the
// engine's page data.
func TestContentsMatchesOpeners(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		for _, notes := range []NotePlacement{NotesPerChapter, NotesAtEnd} {
			d, path := writePDF(t, ed, Options{Notes: notes})
			var tocPages []int
			for _, p := range d.pages {
				if p.Kind != BlankPage && p.ChapterID == "" && p.Number > 4 {
					tocPages = append(tocPages, p.Number)
				}
			}
			if len(tocPages) == 0 {
				t.Fatalf("%s: no contents pages", ed.Name())
			}
			toc := pageText(t, path, tocPages[0], tocPages[len(tocPages)-1])
			for _, ch := range ed.Chapters {
				n := tocNumber(t, toc, ch.Title)
				if n < 1 || n > len(d.pages) {
					t.Errorf("%s: contents gives page %d for %q", ed.Name(), n, ch.Title)
					continue
				}
				p := d.pages[n-1]
				if p.Kind != OpenerPage || p.ChapterID != ch.ID || n%2 == 0 {
					t.Errorf("%s: %q listed on p.%d, which is not its recto opener (%v %q)", ed.Name(), ch.Title, n, p.Kind, p.ChapterID)
				}
				top := strings.Join(strings.Fields(pageText(t, path, n, n)), " ")
				if !strings.HasPrefix(top, strings.Join(strings.Fields(ch.Title), " ")) {
					t.Errorf("%s: p.%d does not start with %q: %.60q", ed.Name(), n, ch.Title, top)
				}
			}
		}
	}
}

// pageText returns the text of pages first to last of a PDF in the order it is drawn
// (pdftotext -raw, the extraction of a PDF that the other tests read too, so that each PDF
// is extracted once; a contents line reads title, page number, leaders).
func pageText(t *testing.T, path string, first, last int) string {
	pages := pdfPages(pdfText(t, path, "-raw"))
	if first < 1 || last > len(pages) || first > last {
		t.Fatalf("%s: pages %d-%d of %d", path, first, last, len(pages))
	}
	return strings.Join(pages[first-1:last], "\f")
}

// tocNumber finds a title in the contents' text and returns the number after its leaders.
func tocNumber(t *testing.T, toc, title string) int {
	flat := strings.Join(strings.Fields(toc), " ")
	words := strings.Fields(title)
	for i := range words {
		words[i] = regexp.QuoteMeta(words[i])
	}
	re := regexp.MustCompile(strings.Join(words, " ") + `[ .]*(\d+)`)
	m := re.FindStringSubmatch(flat)
	if m == nil {
		t.Errorf("title %q not found in the contents: %.200q", title, flat)
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestOutline checks the PDF bookmarks: one per chapter at its opener, sections below.
func TestOutline(t *testing.T) {
	t.Parallel()
	qpdf := needTool(t, "qpdf")
	for _, ed := range corpus(t) {
		d, path := writePDF(t, ed, Options{})
		out, err := exec.Command(qpdf, "--json", "--json-key=outlines", path).Output()
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Outlines []outlineJSON `json:"outlines"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		byTitle := map[string]outlineJSON{}
		for _, o := range doc.Outlines {
			byTitle[o.Title] = o
		}
		if _, ok := byTitle[d.ui.Contents]; !ok {
			t.Errorf("%s: no bookmark for the contents", ed.Name())
		}
		for _, ch := range ed.Chapters {
			o, ok := byTitle[ch.Title]
			if !ok {
				t.Errorf("%s: no bookmark for %q", ed.Name(), ch.Title)
				continue
			}
			p := d.pages[o.Page-1]
			if p.ChapterID != ch.ID || p.Kind != OpenerPage {
				t.Errorf("%s: bookmark %q points at p.%d", ed.Name(), ch.Title, o.Page)
			}
			k := len(ch.Sections())
			if len(ch.Notes) > 0 {
				k++
			}
			if len(o.Kids) < k {
				t.Errorf("%s: %q has %d section bookmarks, want at least %d", ed.Name(), ch.Title, len(o.Kids), k)
			}
		}
	}
}

type outlineJSON struct {
	Title string        `json:"title"`
	Page  int           `json:"destpageposfrom1"`
	Kids  []outlineJSON `json:"kids"`
}

// TestURILinks checks that every web address in the text or the notes is a live link in the
// PDF (a URI action per piece of the address, however it was broken).
func TestURILinks(t *testing.T) {
	t.Parallel()
	for _, ed := range corpus(t) {
		_, raw, _ := cachedPDF(t, ed, Options{})
		pdf := expanded(t, raw)
		for _, u := range sourceURLs(ed) {
			esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(u)
			if !bytes.Contains(pdf, []byte("/URI ("+esc+")")) {
				t.Errorf("%s: no link to %s", ed.Name(), u)
			}
		}
	}
}

// sourceURLs lists the ASCII web addresses of an edition's bare URLs and links.
func sourceURLs(ed *book.Edition) []string {
	var urls []string
	var inl func([]book.Inline)
	inl = func(in []book.Inline) {
		for _, x := range in {
			switch {
			case x.Kind == book.URLText && strings.Contains(x.Text, "://"):
				urls = append(urls, x.Text)
			case x.Kind == book.Link && strings.Contains(x.URL, "://"):
				urls = append(urls, x.URL)
			}
			inl(x.Children)
		}
	}
	blocks := func(bs []book.Block) { book.EachBlock(bs, func(b *book.Block) { inl(b.Inlines) }) }
	for _, ch := range ed.Chapters {
		blocks(ch.Blocks)
		for _, n := range ch.Notes {
			blocks(n.Blocks)
		}
	}
	var ascii []string
	for _, u := range urls {
		if strings.IndexFunc(u, func(r rune) bool { return r > 0x7e }) < 0 {
			ascii = append(ascii, u)
		}
	}
	return ascii
}
