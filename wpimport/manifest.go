package wpimport

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Manifest is the book.yaml the importer writes for an edition
// (docs/manuscript.md). Keys left empty are omitted.
type Manifest struct {
	Title        string            `yaml:"title"`
	Subtitle     string            `yaml:"subtitle,omitempty"`
	Series       string            `yaml:"series,omitempty"`
	Country      string            `yaml:"country,omitempty"`
	Language     string            `yaml:"language"`
	Date         string            `yaml:"date"`
	Publisher    string            `yaml:"publisher,omitempty"`
	Contributors []Contributor     `yaml:"contributors,omitempty"`
	Identifier   string            `yaml:"identifier,omitempty"`
	ISBN         string            `yaml:"isbn,omitempty"`
	Rights       string            `yaml:"rights,omitempty"`
	ImageCredits []string          `yaml:"image_credits,omitempty"`
	Status       string            `yaml:"status"`
	Paper        string            `yaml:"paper,omitempty"`
	Keywords     []string          `yaml:"keywords,omitempty"`
	Description  string            `yaml:"description,omitempty"`
	Source       string            `yaml:"source"`
	Cover        map[string]string `yaml:"cover,omitempty"`
	Chapters     []string          `yaml:"chapters"`
}

// Contributor is a person credited in a manifest, with a MARC relator role.
type Contributor struct {
	Name string `yaml:"name"`
	Role string `yaml:"role"`
}

// mergeEditorial keeps what an editor set in an existing manifest: every
// descriptive key. The importer owns language, status, source and chapters.
func (m *Manifest) mergeEditorial(old *Manifest) {
	keep := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	keep(&m.Title, old.Title)
	keep(&m.Subtitle, old.Subtitle)
	keep(&m.Series, old.Series)
	keep(&m.Country, old.Country)
	keep(&m.Date, old.Date)
	keep(&m.Publisher, old.Publisher)
	keep(&m.Identifier, old.Identifier)
	keep(&m.ISBN, old.ISBN)
	keep(&m.Rights, old.Rights)
	keep(&m.Paper, old.Paper)
	keep(&m.Description, old.Description)
	if len(old.Contributors) > 0 {
		m.Contributors = old.Contributors
	}
	if len(old.ImageCredits) > 0 {
		m.ImageCredits = old.ImageCredits
	}
	if len(old.Keywords) > 0 {
		m.Keywords = old.Keywords
	}
	if len(old.Cover) > 0 {
		m.Cover = old.Cover
	}
}

// YAML encodes the manifest.
func (m *Manifest) YAML() ([]byte, error) {
	return yaml.Marshal(m)
}

// editionManifest builds the manifest of an edition from its chapters.
func editionManifest(ed *edition, opts Options) *Manifest {
	m := &Manifest{Title: ed.title(opts), Language: ed.lang, Status: "final", Publisher: opts.Publisher}
	var ids []string
	for _, c := range ed.chapters {
		ids = append(ids, fmt.Sprint(c.Post.ID))
		if d := c.Post.Date.Format("2006-01-02"); !c.Post.Date.IsZero() && (m.Date == "" || d < m.Date) {
			m.Date = d
		}
		for _, cr := range c.Credits() {
			if !slices.Contains(m.ImageCredits, cr) {
				m.ImageCredits = append(m.ImageCredits, cr)
			}
		}
		if m.Publisher == "" {
			m.Publisher = c.Post.Site
		}
		if len(c.Stats().MissingNotes) > 0 || c.Truncated() || slices.Contains([]string{"draft", "pending", "future"}, c.Post.Status) {
			m.Status = "draft"
		}
		m.Chapters = append(m.Chapters, ed.files[c])
	}
	if m.Date == "" {
		m.Date = "1970-01-01"
	}
	if opts.Editor != "" {
		m.Contributors = []Contributor{{Name: opts.Editor, Role: "edt"}}
	}
	word := "posts"
	if len(ids) == 1 {
		word = "post"
	}
	m.Source = fmt.Sprintf("WordPress %s %s", word, strings.Join(ids, ", "))
	return m
}
