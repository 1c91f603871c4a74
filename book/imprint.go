package book

import "strings"

// ImprintRow is one line of an imprint: a label in the edition's language and its values
// (several for image credits).
type ImprintRow struct {
	Label  string
	Values []string
}

// Imprint is what the imprint page of both renderers prints, decided once: the draft
// notice of a draft edition, then the rows in order.
type Imprint struct {
	Draft string // the draft notice, "" for a final edition
	Rows  []ImprintRow
}

// Typefaces is the imprint's credit of the faces both renderers embed; TypefacesMono that
// of an edition with a code block, which embeds PT Mono too.
const (
	Typefaces     = "PT Serif, PT Sans (ParaType, ParaType Free Font License)"
	TypefacesMono = "PT Serif, PT Sans, PT Mono (ParaType, ParaType Free Font License)"
)

// HasCode reports whether the edition has a code block (set in PT Mono).
func (e *Edition) HasCode() bool {
	found := false
	for _, ch := range e.Chapters {
		eachBlock(ch.Blocks, func(b *Block) { found = found || b.Kind == CodeBlock })
		for i := range ch.Notes {
			eachBlock(ch.Notes[i].Blocks, func(b *Block) { found = found || b.Kind == CodeBlock })
		}
	}
	return found
}

// Imprint returns the edition's imprint: every contributor with their role (author,
// editor, translator, …), the publisher, the date, the rights, the image credits (only when
// the edition holds an image: a cover picture, a figure or a picture in text), the ISBN
// as an ISBN (or an identifier the manifest gives; never the generated UUID, which only the
// EPUB's metadata needs) and the typefaces (PT Mono too when a code block uses it).
func (e *Edition) Imprint() Imprint {
	ui := e.Strings()
	meta := e.Meta
	var im Imprint
	if e.Draft() {
		im.Draft = ui.DraftNotice
	}
	add := func(label string, values ...string) {
		var vs []string
		for _, v := range values {
			if v = strings.TrimSpace(v); v != "" {
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			im.Rows = append(im.Rows, ImprintRow{Label: label, Values: vs})
		}
	}
	for _, c := range meta.Contributors {
		add(ui.Role(c.Role), c.Name)
	}
	add(ui.Publisher, meta.Publisher)
	if !meta.Date.IsZero() {
		add(ui.Published, ui.FormatDate(meta.Date))
	}
	add(ui.Rights, meta.Rights)
	if e.HasImage() {
		add(ui.ImageCredits, meta.ImageCredits...)
	}
	switch {
	case meta.ISBN.Digits != "":
		add("ISBN", meta.ISBN.Display())
	case meta.Identifier != "" && meta.Identifier != StableUUID(e.Report, e.Lang):
		add(ui.Identifier, strings.TrimPrefix(meta.Identifier, "urn:isbn:"))
	}
	if e.HasCode() {
		add(ui.Typefaces, TypefacesMono)
	} else {
		add(ui.Typefaces, Typefaces)
	}
	return im
}

// HasImage reports whether the edition holds a picture its image credits can credit: the
// manifest's cover image or a figure or picture of a chapter or note. A generated cover is
// no image: the WordPress posts' featured images are not in the books.
func (e *Edition) HasImage() bool {
	return len(e.Meta.Cover.Data) > 0 || len(e.Images()) > 0
}

// TitleCredits are the lines of the display pages (the title page, both covers) that name
// the edition's makers: the authors by name, then the editors and the translators, after
// "Edited by" and "Translated by" in English and after their role in the other languages
// ("Редактор: …"), whose grammar would decline a name after a preposition.
func (e *Edition) TitleCredits() []string {
	ui := e.Strings()
	en := strings.HasPrefix(e.Lang, "en")
	byRole := map[string][]string{}
	for _, c := range e.Meta.Contributors {
		role := c.Role
		if role == "" {
			role = "aut"
		}
		if c.Name != "" {
			byRole[role] = append(byRole[role], c.Name)
		}
	}
	var out []string
	if names := byRole["aut"]; len(names) > 0 {
		out = append(out, strings.Join(names, ", "))
	}
	for _, r := range []struct{ role, english string }{{"edt", "Edited by "}, {"trl", "Translated by "}} {
		names := byRole[r.role]
		if len(names) == 0 {
			continue
		}
		label := ui.Role(r.role) + ": "
		if en {
			label = r.english
		}
		out = append(out, label+strings.Join(names, ", "))
	}
	return out
}

// Display returns the ISBN as a reader sees it after the label "ISBN": as the manifest
// hyphenates it, without a leading "ISBN".
func (n ISBN) Display() string {
	s := strings.TrimSpace(n.Written)
	s = strings.TrimPrefix(s, "ISBN")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-13"), "-10")
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), ":"))
	if s == "" {
		return n.Digits
	}
	return s
}

// Strings returns the interface strings of the edition's language, English when bindery
// does not know it.
func (e *Edition) Strings() Strings {
	if s, ok := UI(e.Lang); ok {
		return s
	}
	s, _ := UI("en")
	return s
}
