// Package fonts holds the typefaces bindery embeds in every edition: PT Serif for text,
// PT Sans for headings and PT Mono for code blocks, from Debian's fonts-paratype (ParaType Free Font License, see
// paratype/LICENSE.txt). It sits beside the pipeline: book asks it which characters a face
// can render, layout measures and embeds the faces in PDFs, epub embeds them in EPUBs.
// Each face is parsed once per process.
package fonts

import (
	"embed"
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/image/font/sfnt"
)

//go:embed paratype/LICENSE.txt
var files embed.FS

// The font files, as strings: the program's read-only data, not copied to the heap (as
// embed.FS.ReadFile would, 2.3 MB a process).
var (
	//go:embed paratype/PTF55F.ttf
	ptf55f string
	//go:embed paratype/PTF56F.ttf
	ptf56f string
	//go:embed paratype/PTF75F.ttf
	ptf75f string
	//go:embed paratype/PTF76F.ttf
	ptf76f string
	//go:embed paratype/PTS55F.ttf
	pts55f string
	//go:embed paratype/PTS75F.ttf
	pts75f string
	//go:embed paratype/PTM55F.ttf
	ptm55f string
)

// License is the text of the fonts' license, to ship beside embedded copies.
func License() []byte {
	b, err := files.ReadFile("paratype/LICENSE.txt")
	if err != nil {
		panic(err) // embedded at build time
	}
	return b
}

// Style is the weight and slant of a face within its family.
type Style int

// The styles of a family.
const (
	Regular Style = iota
	Italic
	Bold
	BoldItalic
)

var styleNames = [...]string{"Regular", "Italic", "Bold", "Bold Italic"}

// String returns the style's name, e.g. "Bold Italic".
func (s Style) String() string { return styleNames[s] }

// Face is one embedded font file.
type Face struct {
	Family string // "PT Serif", "PT Sans" or "PT Mono"
	Style  Style
	File   string // file name inside the package, e.g. "PTF55F.ttf"
	src    string // the file's bytes

	once sync.Once
	data []byte
	font *sfnt.Font
	err  error
	// cover is the bit set of the Basic Multilingual Plane's code points that have a glyph,
	// filled a block of 64 at a time when a code point of the block is first asked for;
	// known marks the blocks filled.
	cover [0x10000 / 64]atomic.Uint64
	known [0x10000 / 64 / 64]atomic.Uint64
}

// Name returns the full face name, e.g. "PT Serif Italic".
func (f *Face) Name() string {
	if f.Style == Regular {
		return f.Family
	}
	return f.Family + " " + f.Style.String()
}

// Families of the embedded faces.
const (
	Serif = "PT Serif"
	Sans  = "PT Sans"
	Mono  = "PT Mono"
)

var faces = []*Face{
	{Family: Serif, Style: Regular, File: "PTF55F.ttf", src: ptf55f},
	{Family: Serif, Style: Italic, File: "PTF56F.ttf", src: ptf56f},
	{Family: Serif, Style: Bold, File: "PTF75F.ttf", src: ptf75f},
	{Family: Serif, Style: BoldItalic, File: "PTF76F.ttf", src: ptf76f},
	{Family: Sans, Style: Regular, File: "PTS55F.ttf", src: pts55f},
	{Family: Sans, Style: Bold, File: "PTS75F.ttf", src: pts75f},
	{Family: Mono, Style: Regular, File: "PTM55F.ttf", src: ptm55f},
}

// All returns every embedded face: serif, sans, then mono.
func All() []*Face { return faces }

// Get returns the face of a family and style, or nil if it is not embedded.
func Get(family string, style Style) *Face {
	for _, f := range faces {
		if f.Family == family && f.Style == style {
			return f
		}
	}
	return nil
}

// parses counts the font files parsed in this process.
var parses atomic.Int64

// Parses returns how many font files this process has parsed: each face at most once,
// whatever the number of editions and renderers using it (tests and benchmarks read it).
func Parses() int { return int(parses.Load()) }

func (f *Face) load() {
	f.once.Do(func() {
		parses.Add(1)
		if f.src == "" {
			f.err = fmt.Errorf("fonts: %s is not embedded", f.File)
			return
		}
		f.data = unsafe.Slice(unsafe.StringData(f.src), len(f.src))
		f.font, f.err = sfnt.Parse(f.data)
		if f.err != nil {
			f.err = fmt.Errorf("fonts: parse %s: %w", f.File, f.err)
		}
	})
}

// block returns the coverage of the 64 code points from block*64, looking them up in the
// font the first time. Concurrent first calls compute the same bits.
func (f *Face) block(block rune) uint64 {
	bit := uint64(1) << (block % 64)
	if f.known[block/64].Load()&bit != 0 {
		return f.cover[block].Load()
	}
	var set uint64
	var buf sfnt.Buffer
	for r := block * 64; r < (block+1)*64; r++ {
		if r < 0x20 || r >= 0xD800 && r < 0xE000 {
			continue
		}
		if gi, err := f.font.GlyphIndex(&buf, r); err == nil && gi != 0 {
			set |= 1 << (r % 64)
		}
	}
	f.cover[block].Store(set)
	f.known[block/64].Or(bit)
	return set
}

// Data returns the font file's bytes, unmodified. They are the program's read-only data,
// shared by every caller: writing to them faults.
func (f *Face) Data() []byte {
	f.load()
	return f.data
}

// SFNT returns the parsed font. Callers that query glyphs concurrently need their own
// sfnt.Buffer each.
func (f *Face) SFNT() (*sfnt.Font, error) {
	f.load()
	return f.font, f.err
}

// Has reports whether the face has a glyph for r. Spaces and line breaks always count.
func (f *Face) Has(r rune) bool {
	switch r {
	case '\n', '\t', '\u00a0', '\u200b', '\u00ad':
		return true
	}
	f.load()
	if f.err != nil || r < 0 || r >= 0x10000 {
		return false
	}
	return f.block(r/64)&(1<<(r%64)) != 0
}
