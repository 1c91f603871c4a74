package epub

import (
	"fmt"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/fonts"
)

// Paths of the publication resources inside the container.
const (
	rootDir      = "EPUB/"
	packagePath  = rootDir + "package.opf"
	navFile      = "nav.xhtml"
	ncxFile      = "toc.ncx"
	coverFile    = "cover.xhtml"
	titleFile    = "title.xhtml"
	imprintFile  = "imprint.xhtml"
	notesFile    = "notes.xhtml"
	styleFile    = "css/book.css"
	coverPNGFile = "images/cover.png"
)

// item is one resource of the publication: a manifest entry and, if listed, a spine entry.
type item struct {
	id        string
	href      string // relative to rootDir
	mediaType string
	props     string // manifest properties, space separated
	data      []byte
	spine     bool
	compress  bool
	raw       *deflated // compressed ahead of time, instead of data
}

// file is one entry of the container.
type file struct {
	name     string
	data     []byte
	compress bool
	raw      *deflated
}

// publication collects the resources of one edition while they are rendered.
type publication struct {
	ed       *book.Edition
	opts     Options
	ui       book.Strings
	outline  book.Outline
	sections map[*book.Block]bool // the headings the outline lists
	id       string               // dc:identifier
	modified time.Time            // dcterms:modified
	items    []item
	pages    pageMarks
	toc      []tocEntry
	soft     func(string) string // inserts soft hyphens, nil for none
	faces    []*fonts.Face       // the embedded faces
}

// newPublication checks the edition and the options and prepares the strings.
func newPublication(ed *book.Edition, opts Options) (*publication, error) {
	ui, ok := book.UI(ed.Lang)
	if !ok {
		return nil, fmt.Errorf("epub: %w %q", ErrLanguage, ed.Lang)
	}
	p := &publication{ed: ed, opts: opts, ui: ui, outline: ed.Outline(opts.Notes), sections: map[*book.Block]bool{},
		soft: softHyphens(ed.Lang)}
	for _, oc := range p.outline.Chapters {
		for _, s := range oc.Sections {
			p.sections[s.Block] = true
		}
	}
	p.id = ed.Meta.Identifier
	if p.id == "" {
		p.id = book.StableUUID(ed.Report, ed.Lang)
	}
	p.modified = opts.Modified
	if p.modified.IsZero() {
		p.modified = ed.Meta.Date
	}
	if p.modified.IsZero() {
		return nil, fmt.Errorf("epub: %w: the edition has no date and Options.Modified is zero", ErrNoDate)
	}
	if ed.Meta.Title == "" {
		return nil, fmt.Errorf("epub: %w", ErrNoTitle)
	}
	if len(ed.Chapters) == 0 {
		return nil, fmt.Errorf("epub: %w", ErrNoChapters)
	}
	if err := p.checkChapters(); err != nil {
		return nil, fmt.Errorf("epub: %w", err)
	}
	if err := p.pages.index(ed, opts.PageList); err != nil {
		return nil, fmt.Errorf("epub: %w", err)
	}
	return p, nil
}

// checkChapters makes sure every chapter has an identifier usable as a file name and as an
// XML ID, distinct from the other chapters' and the generated documents'.
func (p *publication) checkChapters() error {
	seen := map[string]bool{"nav": true, "toc": true, "cover": true, "title": true, "imprint": true, "notes": true}
	for _, ch := range p.ed.Chapters {
		if !validID(ch.ID) {
			return fmt.Errorf("chapter %s: identifier %q is not a valid XML name", ch.File, ch.ID)
		}
		if seen[ch.ID] {
			return fmt.Errorf("chapter %s: identifier %q is used twice or names a generated document", ch.File, ch.ID)
		}
		seen[ch.ID] = true
	}
	return nil
}

// validID reports whether s is an ASCII XML NCName, safe as a file name too.
func validID(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_'
		if i == 0 && !letter {
			return false
		}
		if !letter && !(r >= '0' && r <= '9') && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// add records a resource.
func (p *publication) add(it item) { p.items = append(p.items, it) }

// pack turns the resources and the package document into container entries.
func (p *publication) pack() []file {
	files := []file{
		{name: "META-INF/container.xml", data: []byte(containerXML), compress: true},
		{name: "META-INF/com.apple.ibooks.display-options.xml", data: []byte(appleDisplayOptions), compress: true},
		{name: packagePath, data: p.packageDocument(), compress: true},
	}
	for _, it := range p.items {
		files = append(files, file{name: rootDir + it.href, data: it.data, compress: it.compress, raw: it.raw})
	}
	return files
}

// appleDisplayOptions asks Apple Books to use the embedded fonts, which it otherwise
// replaces with its own (and then sets Kazakh and Kyrgyz letters in whatever system font
// has them).
const appleDisplayOptions = `<?xml version="1.0" encoding="UTF-8"?>
<display_options>
  <platform name="*">
    <option name="specified-fonts">true</option>
  </platform>
</display_options>
`

const containerXML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="` + packagePath + `" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`
