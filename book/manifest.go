package book

import (
	"cmp"
	"crypto/sha1"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// manifest is the YAML of an edition's book.yaml or a report's report.yaml. Pointers and
// slices left nil fall back to the report's defaults.
type manifest struct {
	Title        string         `yaml:"title"`
	Subtitle     string         `yaml:"subtitle"`
	Series       string         `yaml:"series"`
	Country      string         `yaml:"country"`
	Language     string         `yaml:"language"`
	Date         string         `yaml:"date"`
	Publisher    string         `yaml:"publisher"`
	Contributors []Contributor  `yaml:"contributors"`
	Identifier   string         `yaml:"identifier"`
	ISBN         string         `yaml:"isbn"`
	Rights       string         `yaml:"rights"`
	ImageCredits []string       `yaml:"image_credits"`
	Status       string         `yaml:"status"`
	Paper        string         `yaml:"paper"`
	Keywords     []string       `yaml:"keywords"`
	Description  string         `yaml:"description"`
	Source       string         `yaml:"source"`
	Cover        *Cover         `yaml:"cover"`
	Print        *printManifest `yaml:"print"`
	Chapters     []string       `yaml:"chapters"`
	LatinLang    string         `yaml:"latin_lang"`
	SeriesPos    int            `yaml:"series_position"`
	SeriesID     string         `yaml:"series_id"`
	Evaluator    string         `yaml:"accessibility_evaluator"`

	node *yaml.Node // the document's mapping, for positions
	file string
}

// posOf returns the position of a key's value in the manifest, or of the file's start.
func (m *manifest) posOf(key string) Pos {
	if m.node != nil {
		for i := 0; i+1 < len(m.node.Content); i += 2 {
			if m.node.Content[i].Value == key {
				v := m.node.Content[i+1]
				return Pos{File: m.file, Line: v.Line, Col: v.Column}
			}
		}
	}
	return Pos{File: m.file, Line: 1, Col: 1}
}

// chapterPos returns the position of the i-th entry of the chapters list.
func (m *manifest) chapterPos(i int) Pos {
	p := m.posOf("chapters")
	if m.node == nil {
		return p
	}
	for j := 0; j+1 < len(m.node.Content); j += 2 {
		if v := m.node.Content[j+1]; m.node.Content[j].Value == "chapters" && i < len(v.Content) {
			return Pos{File: m.file, Line: v.Content[i].Line, Col: v.Content[i].Column}
		}
	}
	return p
}

// parseManifest decodes a manifest, reporting syntax and type errors at their place.
func parseManifest(file string, data []byte, ds *Diagnostics) (*manifest, bool) {
	m := &manifest{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		ds.Errorf(yamlErrPos(file, err), "invalid YAML: %s", yamlErrMsg(err))
		return m, false
	}
	if len(doc.Content) == 0 {
		ds.Errorf(Pos{File: file, Line: 1, Col: 1}, "manifest is empty")
		return m, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		ds.Errorf(Pos{File: file, Line: root.Line, Col: root.Column}, "manifest must be a mapping of keys to values")
		return m, false
	}
	m.node = root
	checkKeys(m, root, ds)
	if err := root.Decode(m); err != nil {
		ds.Errorf(yamlErrPos(file, err), "%s", yamlErrMsg(err))
		return m, false
	}
	validateValues(m, ds)
	return m, true
}

var manifestKeys = yamlKeys(reflect.TypeFor[manifest]())

// yamlKeys lists the keys a struct reads from YAML, from its fields' tags, so that the list
// of known keys cannot drift from what is read.
func yamlKeys(t reflect.Type) map[string]bool {
	keys := map[string]bool{}
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
			keys[name] = true
		}
	}
	return keys
}

func checkKeys(m *manifest, root *yaml.Node, ds *Diagnostics) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if !manifestKeys[k.Value] {
			ds.Warnf(Pos{File: m.file, Line: k.Line, Col: k.Column}, "unknown manifest key %q%s", k.Value, didYouMean(k.Value, slices.Sorted(maps.Keys(manifestKeys))))
		}
	}
}

// yamlErrPos finds "line N" in a YAML error message.
func yamlErrPos(file string, err error) Pos {
	msg := err.Error()
	var line int
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i:], "line %d", &line)
	}
	col := 0
	if i := strings.Index(msg, "column "); i >= 0 {
		fmt.Sscanf(msg[i:], "column %d", &col)
	}
	if line == 0 {
		line = 1
	}
	if col == 0 {
		col = 1
	}
	return Pos{File: file, Line: line, Col: col}
}

func yamlErrMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, "line "); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[:i] + msg[i+j+2:]
		}
	}
	return strings.TrimSpace(strings.ReplaceAll(msg, "unmarshal errors:\n", ""))
}

// merge builds an edition's metadata from its manifest over the report defaults.
func merge(report, ed *manifest, reportName, dirLang string, ds *Diagnostics) Metadata {
	if report == nil {
		report = &manifest{}
	}
	md := Metadata{
		Title: ed.Title, Subtitle: ed.Subtitle,
		Series:       or(ed.Series, report.Series),
		Country:      or(ed.Country, report.Country),
		Publisher:    or(ed.Publisher, report.Publisher),
		Rights:       or(ed.Rights, report.Rights),
		Lang:         ed.Language,
		Contributors: orSlice(ed.Contributors, report.Contributors),
		ImageCredits: orSlice(ed.ImageCredits, report.ImageCredits),
		Keywords:     orSlice(ed.Keywords, report.Keywords),
		Description:  or(ed.Description, report.Description),
		Source:       ed.Source,
		Status:       Status(or(ed.Status, report.Status, string(StatusFinal))),
		SeriesPos:    cmp.Or(ed.SeriesPos, report.SeriesPos),
		SeriesID:     or(ed.SeriesID, report.SeriesID),
		Evaluator:    or(ed.Evaluator, report.Evaluator),
	}
	if md.SeriesPos < 0 {
		ds.Errorf(ed.posOf("series_position"), "series_position %d must be a positive number", md.SeriesPos)
	}
	if ed.Cover != nil {
		md.Cover = *ed.Cover
	} else if report.Cover != nil {
		md.Cover = *report.Cover
	}
	validateMeta(&md, ed, ds)
	md.Paper = paper(report, ed, ds)
	md.LatinLang = or(ed.LatinLang, report.LatinLang)
	if l := md.LatinLang; l != "" && l != "none" && !checkLangTag(l) {
		ds.Errorf(ed.posOf("latin_lang"), "latin_lang %q is not a BCP 47 tag (such as en) or none", l)
		md.LatinLang = ""
	}
	md.Print = parsePrint(ed, report, ds)
	if ed.ISBN != "" {
		isbn, err := ParseISBN(ed.ISBN)
		if err != nil {
			ds.Errorf(ed.posOf("isbn"), "%v", err)
		}
		md.ISBN = isbn
	}
	md.Identifier = identifier(ed, md.ISBN, reportName, dirLang)
	if md.Lang != "" && md.Lang != dirLang {
		ds.Errorf(ed.posOf("language"), "language %q does not match the edition folder %q", md.Lang, dirLang)
	}
	return md
}

func validateMeta(md *Metadata, ed *manifest, ds *Diagnostics) {
	required := []struct{ key, val string }{
		{"title", md.Title}, {"language", md.Lang}, {"date", ed.Date}, {"publisher", md.Publisher},
	}
	for _, r := range required {
		if strings.TrimSpace(r.val) == "" {
			ds.Errorf(ed.posOf(r.key), "manifest is missing the required field %q", r.key)
		}
	}
	if len(ed.Chapters) == 0 {
		ds.Errorf(ed.posOf("chapters"), "manifest is missing the required field %q", "chapters")
	}
	if ed.Date != "" {
		t, err := time.Parse(time.DateOnly, ed.Date)
		if err != nil {
			ds.Errorf(ed.posOf("date"), "date %q is not YYYY-MM-DD", ed.Date)
		}
		md.Date = t
	}
	if md.Lang != "" {
		if _, ok := UI(md.Lang); !ok {
			ds.Errorf(ed.posOf("language"), "unknown language tag %q (bindery supports %s)", md.Lang, strings.Join(Languages, ", "))
		} else if _, err := language.Parse(md.Lang); err != nil {
			ds.Errorf(ed.posOf("language"), "invalid language tag %q: %v", md.Lang, err)
		}
	}
}

// paper returns the trim size the manifests name, DefaultPaper when they name none.
func paper(report, ed *manifest, ds *Diagnostics) Paper {
	name := or(ed.Paper, report.Paper)
	if name == "" {
		return DefaultPaper
	}
	p, err := ParsePaper(name)
	if err != nil {
		ds.Errorf(ed.posOf("paper"), "%v", err)
		return DefaultPaper
	}
	return p
}

// identifier returns the manifest's identifier, an ISBN URN, or a UUID (version 5 style,
// from SHA-1) derived from the report and language, so it never changes between builds.
func identifier(ed *manifest, isbn ISBN, report, lang string) string {
	switch {
	case ed.Identifier != "":
		return ed.Identifier
	case isbn.Digits != "":
		return "urn:isbn:" + isbn.Digits
	case ed.ISBN != "":
		return "urn:isbn:" + strings.ReplaceAll(ed.ISBN, "-", "")
	}
	return StableUUID(report, lang)
}

// StableUUID returns the identifier of an edition whose manifest gives none: a name-based
// (version 5 style, from SHA-1) UUID URN of the report and language, the same in every build.
func StableUUID(report, lang string) string {
	h := sha1.Sum([]byte("bindery:" + report + "/" + lang))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

func or(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func orSlice[T any](a, b []T) []T {
	if a != nil {
		return a
	}
	return b
}
