// Package cover designs the printed cover of an edition: back, spine and front side by side
// on one sheet with the bleed on all four sides, in process colour, with the ISBN's EAN-13
// barcode on the back. It sits after the model in the pipeline (content/ -> book -> layout
// (interior) -> cover -> files): Layout turns an edition, its trim size and the interior's
// page count into plain data (filled rectangles, placed text, the barcode), which the PDF
// step draws. The front follows the EPUB's generated cover.
package cover

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/fpc/bindery/barcode"
	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
)

// mm is one millimetre in points, the unit of a Design.
const mm = 72 / 25.4

// Rect is a rectangle in points: lower left (X0, Y0), upper right (X1, Y1), from the lower
// left corner of the cover's trim box.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Fill is a rectangle painted in a process colour.
type Fill struct {
	R     Rect
	Color book.CMYK
}

// Text is one line of text. (X, Y) is the start of its baseline; a Vertical line runs down
// the spine from there, top to bottom, the letters' tops towards the front cover.
type Text struct {
	Family   string
	Style    fonts.Style
	Size     float64 // points
	X, Y     float64
	Width    float64 // advance of the whole line, in points
	Vertical bool
	Color    book.CMYK
	S        string
}

// Barcode is the EAN-13 symbol placed on the back: X, Y are the lower left corner of the
// symbol's quiet zones, in points.
type Barcode struct {
	Symbol barcode.Symbol
	X, Y   float64
	Digits string // the ISBN as written, printed above the symbol
}

// Design is a laid-out cover.
type Design struct {
	TrimW, TrimH float64 // one panel's trim size (the interior's page), points
	Spine        float64 // spine width, points
	Bleed        float64 // points, on all four sides
	Width        float64 // trim box width: 2 × TrimW + Spine
	Pages        int     // the interior's page count the spine is computed for
	Service      Service
	SpineText    bool   // the spine carries its title
	SpineNote    string // why it does not, when it does not
	Fills        []Fill // in painting order; the first covers the whole bleed box
	Texts        []Text
	Barcode      *Barcode
}

// Spec is what the cover needs to know of the interior.
type Spec struct {
	TrimW, TrimH float64 // trim size of the interior's pages, in points
	Pages        int     // the interior's final page count
	Bleed        float64 // in points
}

// Layout designs the cover of ed.
func Layout(ed *book.Edition, spec Spec) (*Design, error) {
	svc, err := ServiceFor(ed.Meta.Print)
	if err != nil {
		return nil, err
	}
	pal, err := newPalette(ed.Meta)
	if err != nil {
		return nil, err
	}
	ui, ok := book.UI(ed.Lang)
	if !ok {
		ui, _ = book.UI("en")
	}
	d := &Design{TrimW: spec.TrimW, TrimH: spec.TrimH, Bleed: spec.Bleed, Service: svc,
		Spine: svc.Spine(spec.Pages) * mm, Pages: spec.Pages}
	d.Width = 2*d.TrimW + d.Spine
	b := d.Bleed
	d.Fills = append(d.Fills, Fill{R: Rect{-b, -b, d.Width + b, d.TrimH + b}, Color: pal.bg})
	l := &designer{d: d, pal: pal, ui: ui, ed: ed}
	for _, step := range []func() error{l.front, l.spine, l.back} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// designer holds the faces and colours while the panels are laid out.
type designer struct {
	d     *Design
	pal   palette
	ui    book.Strings
	ed    *book.Edition
	faces map[string]*face
}

func (l *designer) face(family string, style fonts.Style) (*face, error) {
	key := family + style.String()
	if f, ok := l.faces[key]; ok {
		return f, nil
	}
	f, err := newFace(family, style)
	if err != nil {
		return nil, err
	}
	if l.faces == nil {
		l.faces = map[string]*face{}
	}
	l.faces[key] = f
	return f, nil
}

// paragraph sets text wrapped to width from the baseline y (points from the bottom), at
// most maxLines lines, and returns the baseline below its last line.
func (l *designer) paragraph(family string, style fonts.Style, size float64, c book.CMYK, text string, x, y, width float64, maxLines int) (float64, error) {
	f, err := l.face(family, style)
	if err != nil {
		return y, err
	}
	return l.lines(f, family, style, size, c, f.wrap(text, size, width), x, y, maxLines), nil
}

// display is paragraph for a display line (the series, the title, the subtitle): broken by
// sense, as on the title page (textwrap.Display).
func (l *designer) display(family string, style fonts.Style, size float64, c book.CMYK, text string, x, y, width float64, maxLines int) (float64, error) {
	f, err := l.face(family, style)
	if err != nil {
		return y, err
	}
	return l.lines(f, family, style, size, c, f.wrapDisplay(text, l.ed.Lang, size, width), x, y, maxLines), nil
}

// lines sets lines from the baseline y, at most maxLines, and returns the baseline below.
func (l *designer) lines(f *face, family string, style fonts.Style, size float64, c book.CMYK, lines []string, x, y float64, maxLines int) float64 {
	lead := size * 1.18
	for i, line := range lines {
		if i == maxLines {
			break
		}
		if i > 0 {
			y -= lead
		}
		l.d.Texts = append(l.d.Texts, Text{Family: family, Style: style, Size: size, X: x, Y: y,
			Width: f.width(line, size), Color: c, S: line})
	}
	return y - lead
}

// front lays out the front panel on the grid of the EPUB's generated cover (1600 × 2560 px,
// margin 150 px), scaled to the trim width and measured from the top and the foot.
func (l *designer) front() error {
	d, meta := l.d, l.ed.Meta
	disp := meta.Display()
	s := d.TrimW / 1600
	x0 := d.TrimW + d.Spine + 150*s
	width := d.TrimW - 300*s
	y := d.TrimH - 300*s
	var err error
	if disp.Series != "" {
		if y, err = l.display(fonts.Sans, fonts.Regular, 72*s, l.pal.fg, disp.Series, x0, y, width, 6); err != nil {
			return err
		}
	}
	// y is now the baseline after the series, as on the EPUB cover: the rule hangs below it.
	d.Fills = append(d.Fills, Fill{R: Rect{x0, y - 26*s, x0 + 360*s, y - 10*s}, Color: l.pal.accent})
	y -= 200 * s
	size, err := l.titleSize(disp.Title, width, s)
	if err != nil {
		return err
	}
	if y, err = l.display(fonts.Sans, fonts.Bold, size, l.pal.fg, disp.Title, x0, y, width, 100); err != nil {
		return err
	}
	if disp.Subtitle != "" {
		if y, err = l.display(fonts.Serif, fonts.Italic, 68*s, l.pal.fg, disp.Subtitle, x0, y-60*s, width, 8); err != nil {
			return err
		}
	}
	for i, by := range l.ed.TitleCredits() {
		gap := 60 * s
		if i > 0 {
			gap = 0
		}
		if y, err = l.paragraph(fonts.Serif, fonts.Regular, 56*s, l.pal.fg, by, x0, y-gap, width, 3); err != nil {
			return err
		}
	}
	if l.ed.Draft() {
		if _, err = l.paragraph(fonts.Sans, fonts.Bold, 96*s, l.pal.accent, strings.ToUpper(l.ui.Draft), x0, y-120*s, width, 1); err != nil {
			return err
		}
	}
	foot := 240 * s
	if meta.Publisher != "" {
		if _, err = l.paragraph(fonts.Sans, fonts.Regular, 56*s, l.pal.fg, meta.Publisher, x0, foot, width, 1); err != nil {
			return err
		}
		foot += 110 * s
	}
	_, err = l.paragraph(fonts.Sans, fonts.Bold, 64*s, l.pal.accent, l.ui.Language, x0, foot, width, 1)
	return err
}

// titleSize is the largest title size at which the title fits in six lines, as on the EPUB
// cover (136 px down to 72 px in steps of 8).
func (l *designer) titleSize(title string, width, s float64) (float64, error) {
	f, err := l.face(fonts.Sans, fonts.Bold)
	if err != nil {
		return 0, err
	}
	for px := 136.0; px > 72; px -= 8 {
		if len(f.wrapDisplay(title, l.ed.Lang, px*s, width)) <= 6 {
			return px * s, nil
		}
	}
	return 72 * s, nil
}

// errNoFont reports a face missing from the embedded fonts.
func errNoFont(family string, style fonts.Style) error {
	return fmt.Errorf("cover: no font %s %s", family, style)
}

// minSpineSize is the smallest type the spine may carry.
const minSpineSize = 6.0

// spine sets the title and the publisher down the spine, as large as the spine's width
// (less the service's margins) and height allow, or leaves the spine plain when the type
// would be smaller than minSpineSize or the service forbids spine text.
func (l *designer) spine() error {
	d, meta := l.d, l.ed.Meta
	margin := d.Service.Margin * mm
	room := d.Spine - 2*margin
	if d.Service.MinTextPages > 0 && d.Pages < d.Service.MinTextPages {
		d.SpineNote = fmt.Sprintf("%s allows spine text from %d pages", d.Service.Name, d.Service.MinTextPages)
		return nil
	}
	title, err := l.face(fonts.Sans, fonts.Bold)
	if err != nil {
		return err
	}
	pub, err := l.face(fonts.Sans, fonts.Regular)
	if err != nil {
		return err
	}
	size := min(room/title.cap, 14)
	if size < minSpineSize {
		d.SpineNote = fmt.Sprintf("the spine is %.1f mm wide: %.1f mm between its margins is too narrow for %g pt type",
			d.Spine/mm, room/mm, minSpineSize)
		return nil
	}
	long := d.TrimH - 2*max(margin, 12*mm) // keep clear of the head and foot of the spine
	gap := 3 * size
	pubW := pub.width(meta.Publisher, size*0.8)
	if meta.Publisher == "" || title.width(meta.Title, minSpineSize)+gap+pubW > long {
		pubW, gap = 0, 0
	}
	if w := title.width(meta.Title, size); w+gap+pubW > long {
		size *= (long - gap - pubW) / w
	}
	if size < minSpineSize {
		d.SpineNote = fmt.Sprintf("the title does not fit down the spine in %g pt type", minSpineSize)
		return nil
	}
	d.SpineText = true
	x := d.TrimW + d.Spine/2 - size*title.cap/2 // baseline: the capitals centred across the spine
	top := d.TrimH - max(margin, 12*mm)
	d.Texts = append(d.Texts, Text{Family: fonts.Sans, Style: fonts.Bold, Size: size, X: x, Y: top,
		Width: title.width(meta.Title, size), Vertical: true, Color: l.pal.fg, S: meta.Title})
	if pubW > 0 {
		ps := size * 0.8
		px := d.TrimW + d.Spine/2 - ps*pub.cap/2
		d.Texts = append(d.Texts, Text{Family: fonts.Sans, Style: fonts.Regular, Size: ps, X: px,
			Y: max(margin, 12*mm) + pub.width(meta.Publisher, ps), Width: pub.width(meta.Publisher, ps),
			Vertical: true, Color: l.pal.fg, S: meta.Publisher})
	}
	return nil
}

// back sets the blurb (the manifest's description), the publisher and, with an ISBN, the
// barcode in the bottom corner by the spine, where the services reserve its place.
func (l *designer) back() error {
	d, meta := l.d, l.ed.Meta
	s := d.TrimW / 1600
	x0, width := 150*s, d.TrimW-300*s
	y := d.TrimH - 300*s
	if desc := strings.TrimSpace(meta.Description); desc != "" {
		var err error
		for _, para := range strings.Split(desc, "\n\n") {
			if y, err = l.paragraph(fonts.Serif, fonts.Regular, 10.5, l.pal.fg, strings.Join(strings.Fields(para), " "), x0, y, width, 40); err != nil {
				return err
			}
			y -= 4
		}
	}
	if meta.Publisher != "" {
		if _, err := l.paragraph(fonts.Sans, fonts.Regular, 56*s, l.pal.fg, meta.Publisher, x0, 240*s, width*0.5, 2); err != nil {
			return err
		}
	}
	if meta.ISBN.Digits == "" {
		return nil
	}
	return l.barcode()
}

// barcodeInset is how far the barcode's white panel keeps from the trim at the foot and
// from the spine fold: 0.25 in, the distance the KDP and Lulu templates keep.
const barcodeInset = 0.25 * 25.4

// barcode places the ISBN's EAN-13 symbol at 100 % on a white panel, bottom right of the
// back panel, with the ISBN written above the bars.
func (l *designer) barcode() error {
	d, meta := l.d, l.ed.Meta
	sym, err := barcode.EAN13(meta.ISBN.Digits, 1)
	if err != nil {
		return err
	}
	label := cmp.Or(meta.ISBN.Written, meta.ISBN.Digits)
	if !strings.HasPrefix(strings.ToUpper(label), "ISBN") {
		label = "ISBN " + label
	}
	pad := 2 * mm
	labelSize := 8.0
	w, h := sym.Width*mm, sym.Height*mm+labelSize*1.3
	x := d.TrimW - barcodeInset*mm - w - pad
	y := barcodeInset*mm + pad
	d.Fills = append(d.Fills, Fill{R: Rect{x - pad, y - pad, x + w + pad, y + h + pad}, Color: book.CMYK{}})
	d.Barcode = &Barcode{Symbol: sym, X: x, Y: y, Digits: label}
	f, err := l.face(fonts.Sans, fonts.Regular)
	if err != nil {
		return err
	}
	lw := f.width(label, labelSize)
	d.Texts = append(d.Texts, Text{Family: fonts.Sans, Style: fonts.Regular, Size: labelSize,
		X: x + (w-lw)/2, Y: y + sym.Height*mm + labelSize*0.4, Width: lw, Color: book.CMYK{K: 1}, S: label})
	return nil
}
