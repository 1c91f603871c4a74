package publish

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/cover"
	"github.com/fpc/bindery/internal/preflight"
	"github.com/fpc/bindery/internal/validate"
)

const ptPerMM = 72 / 25.4

var a5W, a5H = 148 * ptPerMM, 210 * ptPerMM

// buildPrintCorpus builds the corpus's print files into a temporary folder.
func buildPrintCorpus(t *testing.T, lib *book.Library, opts Options) (string, []Output, []*RefusedError) {
	t.Helper()
	opts.OutDir = t.TempDir()
	opts.Formats = []Format{Print}
	outs, err := Build(context.Background(), lib, opts)
	refused, rest := Refused(err)
	if rest != nil {
		t.Fatal(rest)
	}
	return opts.OutDir, outs, refused
}

// TestPrintPreflight checks every rule of docs/print.md on every final edition's interior
// and cover, runs Ghostscript's inkcov over each interior (no cyan, magenta or yellow on
// any page), and checks that drafts are refused.
func TestPrintPreflight(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("whole-corpus build")
	}
	qpdf, gs := validate.Tool(t, "qpdf"), validate.Tool(t, "gs")
	lib := loadCorpus(t)
	dir, outs, refused := buildPrintCorpus(t, lib, Options{CropMarks: true, Print: PrintOptions{Bleed: 3}})
	var finals, refusedNames []string
	for _, ed := range lib.Editions {
		if ed.PressRefusal() == "" {
			finals = append(finals, ed.Name())
		}
	}
	for _, r := range refused {
		refusedNames = append(refusedNames, r.Edition)
		if strings.Contains(r.Error(), "final") || r.Reason == "" {
			t.Errorf("refusal without a reason: %v", r)
		}
	}
	if len(finals) == 0 || len(outs) != 2*len(finals) || len(refused) != len(lib.Editions)-len(finals) {
		t.Fatalf("%d files for %d final editions; refused %v", len(outs), len(finals), refusedNames)
	}
	for _, ed := range lib.Editions {
		if !slices.Contains(finals, ed.Name()) {
			continue
		}
		interior := filepath.Join(dir, ed.Name()+"-print.pdf")
		pages := pageCount(t, outs, interior)
		check(t, qpdf, interior, preflight.Expect{TrimW: a5W, TrimH: a5H, Bleed: 3 * ptPerMM, Interior: true, Title: ed.Meta.Title})
		svc, err := cover.ServiceFor(ed.Meta.Print)
		if err != nil {
			t.Fatal(err)
		}
		spine := svc.Spine(pages) * ptPerMM
		check(t, qpdf, filepath.Join(dir, ed.Name()+"-cover.pdf"), preflight.Expect{TrimW: 2*a5W + spine, TrimH: a5H, Bleed: 3 * ptPerMM, Title: ed.Meta.Title})
		inkcov(t, gs, interior, pages)
	}
}

func pageCount(t *testing.T, outs []Output, path string) int {
	for _, o := range outs {
		if o.Path == path {
			return o.Pages
		}
	}
	t.Fatalf("%s was not built", path)
	return 0
}

func check(t *testing.T, qpdf, path string, want preflight.Expect) {
	t.Helper()
	probs, err := preflight.Check(qpdf, path, want)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Errorf("%s: %s", filepath.Base(path), p)
	}
}

// inkcov runs Ghostscript's ink coverage device over every page, inside the BleedBox
// (the crop marks outside it are in the registration colour, which is on every plate by
// design), and fails on any cyan, magenta or yellow.
func inkcov(t *testing.T, gs, path string, pages int) {
	t.Helper()
	out, err := exec.Command(gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseBleedBox", "-o", "-", "-sDEVICE=inkcov", path).Output()
	if err != nil {
		t.Fatalf("gs inkcov %s: %v", path, err)
	}
	n := 0
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 6 || f[4] != "CMYK" {
			continue
		}
		n++
		for i, ink := range []string{"C", "M", "Y"} {
			if v, err := strconv.ParseFloat(f[i], 64); err != nil || v != 0 {
				t.Errorf("%s page %d: %s coverage %s", filepath.Base(path), n, ink, f[i])
			}
		}
	}
	if n != pages {
		t.Errorf("%s: inkcov reported %d pages, the file has %d", filepath.Base(path), n, pages)
	}
}

// TestPrintBarcode gives an edition an ISBN and a blurb, and has zbarimg read the barcode
// from a 400 dpi rendering of its cover.
func TestPrintBarcode(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a corpus edition and runs validators; run without -short")
	}
	ppm, zbar := validate.Tool(t, "pdftoppm"), validate.Tool(t, "zbarimg")
	ed := finalEdition(t)
	isbn, err := book.ParseISBN("978-1-4028-9462-6")
	if err != nil {
		t.Fatal(err)
	}
	ed.Meta.ISBN = isbn
	ed.Meta.Description = "Essays on the pressure on human rights in Central Asia."
	dir, _, _ := buildPrintCorpus(t, &book.Library{Editions: []*book.Edition{ed}}, Options{Print: PrintOptions{Bleed: 3}})
	png := filepath.Join(dir, "cover")
	// Only the back panel's lower half, where the barcode is: 400 dpi of the whole sheet is slow.
	px := func(mm float64) string { return strconv.Itoa(int(mm / 25.4 * 400)) }
	crop := []string{"-x", "0", "-y", px(108), "-W", px(3 + 148), "-H", px(108)}
	args := append(append([]string{"-r", "400", "-png", "-singlefile"}, crop...), filepath.Join(dir, ed.Name()+"-cover.pdf"), png)
	if out, err := exec.Command(ppm, args...).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	out, err := exec.Command(zbar, "--quiet", "--raw", "-Sdisable", "-Sean13.enable", png+".png").Output()
	if err != nil {
		t.Fatalf("zbarimg read no barcode: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != isbn.Digits {
		t.Errorf("zbarimg read %q, want %s", got, isbn.Digits)
	}
}

// finalEdition returns a copy of the corpus's first final edition.
func finalEdition(t *testing.T) *book.Edition {
	for _, ed := range loadCorpus(t).Editions {
		if ed.PressRefusal() == "" {
			c := *ed
			return &c
		}
	}
	t.Fatal("the corpus has no final edition")
	return nil
}

// TestPrintDrafts checks a draft is refused without Drafts and printed with it, and that
// the print files are byte-reproducible.
func TestPrintDrafts(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a corpus edition three times; run without -short")
	}
	var draft *book.Edition // the shortest draft, to keep the test quick
	size := func(ed *book.Edition) (n int) {
		for _, ch := range ed.Chapters {
			n += len(ch.Blocks)
		}
		return n
	}
	for _, ed := range loadCorpus(t).Editions {
		if ed.Draft() && (draft == nil || size(ed) < size(draft)) {
			draft = ed
		}
	}
	if draft == nil {
		t.Skip("the corpus has no draft")
	}
	lib := &book.Library{Editions: []*book.Edition{draft}}
	if _, outs, refused := buildPrintCorpus(t, lib, Options{}); len(refused) != 1 || len(outs) != 0 ||
		!strings.Contains(refused[0].Error(), "its status is draft") {
		t.Fatalf("draft not refused: %v, %d files", refused, len(outs))
	}
	var first [][]byte
	for range 2 {
		dir, outs, refused := buildPrintCorpus(t, lib, Options{Print: PrintOptions{Drafts: true, Bleed: 3}})
		if len(refused) != 0 || len(outs) != 2 {
			t.Fatalf("--drafts: refused %v, %d files", refused, len(outs))
		}
		var files [][]byte
		for _, s := range []string{"-print.pdf", "-cover.pdf"} {
			b, err := os.ReadFile(filepath.Join(dir, draft.Name()+s))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, b)
		}
		if first == nil {
			first = files
			continue
		}
		for i := range files {
			if !bytes.Equal(first[i], files[i]) {
				t.Errorf("file %d differs between two builds", i)
			}
		}
	}
}
