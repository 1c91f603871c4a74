package epub

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/fpc/bindery/fonts"
)

// styleSheet is the reading style of every edition; the @font-face rules are added in
// front of it.
//
//go:embed assets/book.css
var styleSheet string

// fontEntries are the embedded faces and their license, compressed once per process:
// every edition carries the same bytes.
var fontEntries = sync.OnceValues(func() ([]*deflated, error) {
	var entries []*deflated
	for _, f := range fonts.All() {
		data := f.Data()
		if len(data) == 0 {
			return nil, fmt.Errorf("font %s is empty", f.Name())
		}
		d, err := deflate(data)
		if err != nil {
			return nil, err
		}
		entries = append(entries, d)
	}
	d, err := deflate(fonts.License())
	return append(entries, d), err
})

// addFonts embeds every PT face, unmodified, with the fonts' license. They are embedded
// whole: a subset is a modified font, which the ParaType Free Font License forbids to
// distribute under the original name, and the Go subsetters (speedata/gootf,
// seehuhn.de/go/sfnt) are made for PDF embedding, not for fonts a reading system installs.
func (p *publication) addFonts() error {
	entries, err := fontEntries()
	if err != nil {
		return err
	}
	for i, f := range fonts.All() {
		p.add(item{id: fmt.Sprintf("font-%d", i+1), href: "fonts/" + f.File, mediaType: fontType, raw: entries[i]})
	}
	p.add(item{id: "font-license", href: "fonts/LICENSE.txt", mediaType: textType, raw: entries[len(entries)-1]})
	return nil
}

// addStyle writes the style sheet.
func (p *publication) addStyle() error {
	var b strings.Builder
	b.WriteString("@charset \"UTF-8\";\n\n")
	for _, f := range fonts.All() {
		weight, style := "normal", "normal"
		if f.Style == fonts.Bold || f.Style == fonts.BoldItalic {
			weight = "bold"
		}
		if f.Style == fonts.Italic || f.Style == fonts.BoldItalic {
			style = "italic"
		}
		fmt.Fprintf(&b, "@font-face {\n  font-family: %q;\n  font-style: %s;\n  font-weight: %s;\n  src: url(\"../fonts/%s\");\n}\n\n",
			f.Family, style, weight, f.File)
	}
	b.WriteString(styleSheet)
	p.add(item{id: "css", href: styleFile, mediaType: cssType, data: []byte(b.String()), compress: true})
	return nil
}
