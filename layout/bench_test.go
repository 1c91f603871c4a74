package layout

import (
	"io"
	"testing"

	"github.com/fpc/bindery/book"
)

// BenchmarkTypeset sets every edition of the corpus once per iteration.
func BenchmarkTypeset(b *testing.B) {
	eds := corpus(b)
	for b.Loop() {
		for _, ed := range eds {
			if _, err := Typeset(ed, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(eds)), "ms/edition")
}

// BenchmarkPDF typesets and draws every edition of the corpus once per iteration.
func BenchmarkPDF(b *testing.B) {
	eds := corpus(b)
	for b.Loop() {
		for _, ed := range eds {
			d, err := Typeset(ed, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if err := d.WritePDF(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(eds)), "ms/edition")
}

// BenchmarkLargestEdition typesets and draws the edition with the most words.
func BenchmarkLargestEdition(b *testing.B) {
	var big *book.Edition
	for _, ed := range corpus(b) {
		if big == nil || len(sourceText(ed)) > len(sourceText(big)) {
			big = ed
		}
	}
	b.Logf("%s", big.Name())
	for b.Loop() {
		d, err := Typeset(big, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.WritePDF(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDraw draws every edition of the corpus, typeset once before the timer starts: the
// PDF stage alone (display data, layout/pdfdraw and package pdf). It reports the bytes written.
func BenchmarkDraw(b *testing.B) {
	var docs []*Document
	for _, ed := range corpus(b) {
		d, err := Typeset(ed, Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	var n countingWriter
	for b.Loop() {
		n = 0
		for _, d := range docs {
			if err := d.WritePDF(&n); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n), "bytes")
}

// countingWriter counts what is written to it.
type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// BenchmarkParagraphItems builds the items of every paragraph of the corpus (body text, list
// items, quotes and notes) as the flow does, with the edition's hyphenation and fresh metrics
// per edition, as a Typeset call has: the paragraph-building stage alone (addText, the word
// cache, shaping). It reports the items built.
func BenchmarkParagraphItems(b *testing.B) {
	eds := corpus(b)
	items := 0
	for b.Loop() {
		items = 0
		for _, ed := range eds {
			m, err := newMetrics()
			if err != nil {
				b.Fatal(err)
			}
			f := &flow{m: m, hy: byLang{lang: ed.Lang}, g: geometry{textW: 300}}
			ps := paraSpec{font: serifRegular, size: 10, align: justify, hyphenate: true}
			blocks := func(bs []book.Block) {
				book.EachBlock(bs, func(bl *book.Block) { items += len(f.items(bl.Inlines, ps)) })
			}
			for _, ch := range ed.Chapters {
				blocks(ch.Blocks)
				for _, n := range ch.Notes {
					blocks(n.Blocks)
				}
			}
		}
	}
	b.ReportMetric(float64(items), "items")
}
