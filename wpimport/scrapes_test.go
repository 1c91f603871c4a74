package wpimport

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// manuscriptBlockStarts returns the first characters of every body block of a
// manuscript (paragraphs, headings, list items, box title and byline),
// normalised so that they compare with a page scrape's lines.
func manuscriptBlockStarts(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.SplitN(string(data), "---\n", 3)[2]
	box := regexp.MustCompile(`^::: box title="([^"]*)" byline="([^"]*)"`)
	var out []string
	for _, l := range strings.Split(body, "\n") {
		switch m := box.FindStringSubmatch(l); {
		case m != nil:
			out = append(out, normStart(m[1]), normStart(m[2]))
		case l == "" || strings.HasPrefix(l, ":::") || strings.HasPrefix(l, "[^"):
		case strings.HasPrefix(l, "- "), strings.HasPrefix(l, "## "):
			out = append(out, normStart(unescapeMD(l[strings.Index(l, " ")+1:])))
		default:
			out = append(out, normStart(unescapeMD(l)))
		}
	}
	return out
}

// scrapeBlockStarts returns the normalised starts of a page scrape's lines
// from line first to line last (1-based), bullets removed.
func scrapeBlockStarts(t *testing.T, name string, first, last int) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedsDir, name))
	if err != nil {
		t.Skipf("seed %s not found", name)
	}
	lines := strings.Split(string(data), "\n")
	var out []string
	for _, l := range lines[first-1 : last] {
		l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")), "•"))
		if l != "" {
			out = append(out, normStart(l))
		}
	}
	return out
}

var dashRun = regexp.MustCompile(`\s*[-–—‑]\s*`)

// normStart keeps the first 40 characters of a block, with the typography
// that differs between the copies (no-break spaces, dashes, apostrophes,
// opening quotes) evened out.
func normStart(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "’", "'", "‘", "").Replace(s)
	s = dashRun.ReplaceAllString(strings.Join(strings.Fields(s), " "), "-")
	s = strings.TrimLeft(s, "'")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40])
	}
	return s
}

// TestCorpusAgainstPageScrapes checks the structure of the chapters that have
// a second copy with clean paragraph breaks, block by block: the en
// Conclusions against the page scrape 001, the en Introduction against 003,
// which lost two headings (T7), and the second half of the kk Introduction
// against the multi-line dump 000.
func TestCorpusAgainstPageScrapes(t *testing.T) {
	seedInputs(t)
	conclusions := manuscriptBlockStarts(t, "../content/kazakhstan/en/03-conclusions-and-recommendations.md")
	if scrape := scrapeBlockStarts(t, "001_4d7f6a736cea916c.txt", 11, 156); !slices.Equal(conclusions, scrape) {
		t.Errorf("en Conclusions differ from 001:\n got %q\nwant %q", conclusions, scrape)
	}
	kk := manuscriptBlockStarts(t, "../content/kazakhstan/kk/02-introduction.md")
	half := scrapeBlockStarts(t, "000_1b38da32376fc316.txt", 15, 69) // the second half, one block per line (INVENTORY #3)
	if len(kk) < len(half) || !slices.Equal(kk[len(kk)-len(half):], half) {
		t.Errorf("kk Introduction's second half differs from 000 L15-L69:\n got %q\nwant %q", kk[max(0, len(kk)-len(half)):], half)
	}
	intro := manuscriptBlockStarts(t, "../content/kazakhstan/en/02-introduction.md")
	intro = slices.DeleteFunc(intro, func(s string) bool { return s == "COVID-19" || s == "Religion" })
	if scrape := scrapeBlockStarts(t, "003_038d0ce85438f681.txt", 5, 261); !slices.Equal(intro, scrape) {
		t.Errorf("en Introduction differs from 003:\n got %q\nwant %q", intro, scrape)
	}
}
