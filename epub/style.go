package epub

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/fpc/bindery/fonts"
)

// styleSheet is the reading style of every edition; the @font-face rules are added in
// front of it.
//
//go:embed assets/book.css
var styleSheet string

// addFonts embeds every PT face, unmodified, with the fonts' license.
func (p *publication) addFonts() error {
	for i, f := range fonts.All() {
		data := f.Data()
		if len(data) == 0 {
			return fmt.Errorf("font %s is empty", f.Name())
		}
		p.add(item{id: fmt.Sprintf("font-%d", i+1), href: "fonts/" + f.File, mediaType: fontType, data: data, compress: true})
	}
	p.add(item{id: "font-license", href: "fonts/LICENSE.txt", mediaType: textType, data: fonts.License(), compress: true})
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
