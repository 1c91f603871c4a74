package layout

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/fpc/bindery/pdf/pdfcheck"
)

// TestFloatReadingOrder checks that a figure moved past the text after it (see deferFloat)
// keeps its place in the structure tree's reading order: in the figures report, the text
// that pagination set before a deferred figure comes after the figure's caption in the
// tree's text, as in the manuscript.
func TestFloatReadingOrder(t *testing.T) {
	d := figuresDoc(t)
	type moved struct{ caption, text string }
	var cases []moved
	last := map[int]string{} // the first words of the latest line set from each block
	for _, p := range d.pages {
		for _, pe := range p.elems {
			ln := pe.e.ln
			if ln == nil {
				continue
			}
			b, ok := blockIndex(ln.src)
			if !ok {
				continue
			}
			if a := ln.art; a != nil && a.float && len(a.lines) > 0 {
				for k, text := range last {
					if k > b && text != "" {
						cases = append(cases, moved{caption: firstWords(lineText(a.lines[0].ln), 4), text: text})
					}
				}
			} else if ln.art == nil {
				last[b] = firstWords(strings.Join(lineWords(ln), " "), 4) // without a list's label
			}
		}
	}
	if len(cases) == 0 {
		t.Fatal("no figure of the fixture is set after the text that follows it: the test proves nothing")
	}
	var buf bytes.Buffer
	if err := d.WritePDF(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(r.Text()), " ")
	for _, c := range cases {
		// The text's last occurrence: a heading stands in the contents too.
		fig, after := strings.Index(text, c.caption), strings.LastIndex(text, c.text)
		if fig < 0 || after < 0 {
			t.Errorf("structure text lacks %q or %q", c.caption, c.text)
			continue
		}
		if fig > after {
			t.Errorf("the structure tree reads %q (set before the figure) ahead of the figure's caption %q", c.text, c.caption)
		}
	}
}

// blockIndex returns the index of the top-level block a text address belongs to (ch01-b4.2
// is block 4).
func blockIndex(addr string) (int, bool) {
	k := strings.LastIndex(addr, "-b")
	if k < 0 {
		return 0, false
	}
	s := addr[k+2:]
	if j := strings.IndexByte(s, '.'); j >= 0 {
		s = s[:j]
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// firstWords returns the first n words of s, without the last word of a line (it may be
// broken).
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > 1 {
		f = f[:len(f)-1]
	}
	return strings.Join(f[:min(n, len(f))], " ")
}
