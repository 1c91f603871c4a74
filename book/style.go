package book

import "github.com/fpc/bindery/fonts"

// Role is a kind of text that the renderers set in a face of its own. The model names the
// face of each role, so that the glyph check of Load tests text against the face the PDF
// will set it in, and layout takes its faces from here instead of deciding them again.
type Role int

// The roles of text.
const (
	BodyText    Role = iota // paragraphs, lists, quotes, notes, captions, table cells
	HeadingText             // chapter titles, section headings and box titles
	CodeText                // code blocks, set in PT Mono
)

// Face is a typeface of the embedded families: fonts.Serif, fonts.Sans or fonts.Mono, in a style.
type Face struct {
	Family string
	Style  fonts.Style
}

// Face returns the face a role's text is set in; emphasis inside it changes the style.
func (r Role) Face() Face {
	switch r {
	case HeadingText:
		return Face{Family: fonts.Sans, Style: fonts.Bold}
	case CodeText:
		return Face{Family: fonts.Mono, Style: fonts.Regular}
	}
	return Face{Family: fonts.Serif, Style: fonts.Regular}
}
