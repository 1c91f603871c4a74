// Package pdf is bindery's PDF object writer. It sits at the very end of the pipeline
// (content/ -> book -> layout -> layout/pdfdraw -> pdf -> files): the layout's draw step
// hands it pages of positioned glyphs, rules, tints and links, and it writes them, page by
// page, to an io.Writer as PDF 1.7: Flate streams, a cross-reference table (or, with
// Options.ObjectStreams, object streams and a cross-reference stream), a trailer /ID
// derived from the content, document info with matching XMP metadata, outlines, named
// destinations, link annotations and page boxes in a fixed order. TrueType fonts are
// embedded as subsets by glyph (CIDFontType2, Identity-H) with a ToUnicode CMap in which
// one glyph may stand for several characters (ligatures). Images are JPEG passed through
// or PNG re-encoded with Flate, alpha as an SMask. Marked content and a structure tree make
// the document a tagged PDF. Colour spaces, page boxes and the output intent are options,
// so a print profile (PDF/X, CMYK) can be added without changing the callers.
//
// Glyph-level text: Page.ShowGlyphs takes glyph IDs, each with the Unicode text it stands
// for (Glyph.Text may hold several characters, as for a ligature, or be empty for the
// second glyph of a decomposed character); the ToUnicode CMap maps every glyph to the text
// it was first shown with.
package pdf

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"strconv"

	"github.com/fpc/bindery/internal/deflate"
)

// ref is an indirect object number (generation 0).
type ref int

func (r ref) String() string { return string(r.append(nil)) }

// append appends the reference "n 0 R".
func (r ref) append(b []byte) []byte { return append(strconv.AppendInt(b, int64(r), 10), " 0 R"...) }

// Writer writes one PDF document. Pages are written as they are closed; fonts, the page
// tree, outlines, the structure tree and metadata when the Writer is closed.
type Writer struct {
	out     *bufio.Writer
	hash    hash.Hash // of every byte written, for the trailer /ID
	n       int64     // bytes written
	offsets []int64   // by object number: the byte offset, or for a packed object its index
	packed  []ref     // by object number: the object stream holding it, 0 for none
	pack    objStream // the object stream being filled (ObjectStreams)
	err     error
	opts    Options

	zbuf []byte // the compressed data of a stream compressed in the writer's goroutine
	obj  []byte // scratch for stream heads
	dict []byte // scratch for dictionary objects being built

	pagesRef  ref
	resources ref
	pages     []ref
	fonts     []*Font
	images    []*Image
	gstates   map[string]ref
	srgb      ref
	spare     []byte // the content buffer of the last page, reused
	// registration is set once a page uses the All separation (printer's marks).
	registration bool
	outline      outline
	dests        map[string]string // name -> destination array
	structs      *structTree
	open         *Page
	// queue is the output not yet written, behind a stream still being compressed; jobs
	// counts the compressions in it.
	queue  []queued
	jobs   int
	bufs   [][]byte // buffers of compressed streams written out, for the next ones
	inline bool     // compress every stream in the writer's goroutine (for tests)
}

// New starts a document on w.
func New(w io.Writer, opts Options) *Writer {
	pw := &Writer{out: bufio.NewWriterSize(w, 64<<10), hash: sha256.New(), opts: opts,
		offsets: []int64{0}, packed: []ref{0}, dests: map[string]string{}, gstates: map[string]ref{}}
	pw.pagesRef = pw.alloc()
	pw.resources = pw.alloc()
	if opts.Tagged {
		pw.structs = newStructTree(pw)
	}
	pw.emit(queued{data: []byte(opts.header() + "%\xe2\xe3\xcf\xd3\n")})
	return pw
}

// alloc reserves an object number.
func (w *Writer) alloc() ref {
	w.offsets = append(w.offsets, 0)
	w.packed = append(w.packed, 0)
	return ref(len(w.offsets) - 1)
}

// write writes bytes to the file; only the queue calls it, in order (see emit).
func (w *Writer) write(b []byte) {
	if w.err != nil {
		return
	}
	w.hash.Write(b)
	var n int
	n, w.err = w.out.Write(b)
	w.n += int64(n)
}

// object writes "n 0 obj body endobj", or with ObjectStreams puts the body in the object
// stream being filled.
func (w *Writer) object(r ref, body []byte) {
	if w.opts.ObjectStreams {
		w.packObject(r, body)
		return
	}
	b := make([]byte, 0, len(body)+24)
	b = strconv.AppendInt(b, int64(r), 10)
	b = append(b, " 0 obj\n"...)
	b = append(b, body...)
	b = append(b, "\nendobj\n"...)
	w.emit(queued{r: r, data: b})
}

// dictObject writes a dictionary object from its body (without the << >>).
// The body is built in the writer's scratch: object copies it.
func (w *Writer) dictObject(r ref, dict string) {
	w.dict = append(append(append(w.dict[:0], "<<"...), dict...), ">>"...)
	w.object(r, w.dict)
}

// stream writes a stream object, Flate-compressed when compress is set; extra goes into its
// dictionary. The caller may reuse data once it returns.
func (w *Writer) stream(r ref, extra string, data []byte, compress bool) {
	if !compress {
		w.emit(queued{r: r, stream: true, extra: extra, data: data})
		return
	}
	extra = "/Filter /FlateDecode" + extra
	if len(data) >= asyncMin && !w.inline {
		w.jobs++
		w.emit(queued{r: r, stream: true, extra: extra, job: w.compressAsync(data)})
		return
	}
	w.zbuf = deflate.AppendZlib(w.zbuf[:0], data)
	w.emit(queued{r: r, stream: true, extra: extra, data: w.zbuf})
}

// appendStreamHead appends a stream object's start: its number and dictionary.
func appendStreamHead(b []byte, r ref, extra string, n int) []byte {
	return fmt.Appendf(b, "%d 0 obj\n<<%s /Length %d>>\nstream\n", r, extra, n)
}

// Close finishes the document: it writes the fonts, images, page tree, outline, structure
// tree, metadata, catalog, cross-reference table and trailer, and flushes.
func (w *Writer) Close() error {
	if w.open != nil {
		w.open.Close()
	}
	if len(w.pages) == 0 {
		w.NewPage(PageBoxes{Media: Rect{0, 0, 595, 842}}).Close()
	}
	w.writeResources()
	for _, f := range w.fonts {
		f.write(w)
	}
	kids := make([]byte, 0, 8*len(w.pages))
	for i, p := range w.pages {
		if i > 0 {
			kids = append(kids, ' ')
		}
		kids = append(kids, p.String()...)
	}
	w.dictObject(w.pagesRef, fmt.Sprintf("/Type /Pages /Count %d /Kids [%s]", len(w.pages), kids))
	catalog := w.catalog()
	info := w.alloc()
	w.dictObject(info, w.opts.Info.dict()+w.opts.pdfxInfo())
	if w.opts.ObjectStreams {
		w.flushObjects()
		w.xrefStream(catalog, info)
	} else {
		w.xref(catalog, info)
	}
	w.drain(true)
	if w.err != nil {
		return fmt.Errorf("pdf: %w", w.err)
	}
	return w.out.Flush()
}

// xref writes the cross-reference table and the trailer with an /ID made from the hash of
// everything written before it.
func (w *Writer) xref(root, info ref) {
	w.drain(true)
	id := fmt.Sprintf("%x", w.hash.Sum(nil)[:16])
	at := w.n
	b := fmt.Appendf(nil, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets))
	for _, off := range w.offsets[1:] {
		b = fmt.Appendf(b, "%010d 00000 n \n", off)
	}
	b = fmt.Appendf(b, "trailer\n<</Size %d /Root %s /Info %s /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(w.offsets), root, info, id, id, at)
	w.emit(queued{data: b})
}

// catalog writes the document catalog and what hangs off it.
func (w *Writer) catalog() ref {
	var d bytes.Buffer
	d.WriteString("/Type /Catalog /Pages " + w.pagesRef.String())
	if o := w.outline.write(w); o != 0 {
		d.WriteString(" /Outlines " + o.String())
		if w.opts.PageMode == "" {
			d.WriteString(" /PageMode /UseOutlines")
		}
	}
	if w.opts.PageMode != "" {
		d.WriteString(" /PageMode /" + w.opts.PageMode)
	}
	if w.opts.PageLayout != "" {
		d.WriteString(" /PageLayout /" + w.opts.PageLayout)
	}
	if names := w.writeDests(); names != 0 {
		d.WriteString(" /Names <</Dests " + names.String() + ">>")
	}
	if w.opts.Lang != "" {
		d.WriteString(" /Lang " + textString(w.opts.Lang))
	}
	if w.opts.DisplayDocTitle {
		d.WriteString(" /ViewerPreferences <</DisplayDocTitle true>>")
	}
	meta := w.alloc()
	w.stream(meta, " /Type /Metadata /Subtype /XML", w.opts.xmp(), false)
	d.WriteString(" /Metadata " + meta.String())
	if oi := w.outputIntent(); oi != "" {
		d.WriteString(" /OutputIntents [" + oi + "]")
	}
	if w.structs != nil {
		d.WriteString(" /MarkInfo <</Marked true>> /StructTreeRoot " + w.structs.write().String())
	}
	r := w.alloc()
	w.dictObject(r, d.String())
	return r
}

// writeResources writes the one resource dictionary every page shares.
func (w *Writer) writeResources() {
	var d bytes.Buffer
	d.WriteString("/ProcSet [/PDF /Text /ImageB /ImageC]")
	if len(w.fonts) > 0 {
		d.WriteString(" /Font <<")
		for _, f := range w.fonts {
			fmt.Fprintf(&d, "/%s %s ", f.name, f.ref)
		}
		d.WriteString(">>")
	}
	if w.registration {
		d.WriteString(" /ColorSpace <</All " + registrationSpace + ">>")
	}
	if len(w.images) > 0 {
		d.WriteString(" /XObject <<")
		for _, im := range w.images {
			fmt.Fprintf(&d, "/%s %s ", im.name, im.ref)
		}
		d.WriteString(">>")
	}
	w.dictObject(w.resources, d.String())
}
