package book

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/fpc/bindery/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// This file checks the values of a manifest that the renderers take as they are (cover
// colours, contributor roles) and the keys of nested mappings, each at its line, so that
// `check` fails where a build would fail later without one.

// coverKeys and contributorKeys are the keys of the nested mappings of a manifest.
var (
	coverKeys       = []string{"background", "foreground", "accent", "image", "alt"}
	contributorKeys = []string{"name", "role"}
)

// valueNode returns the value of key in a mapping node, or nil.
func valueNode(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// at returns the position of a node of the manifest.
func (m *manifest) at(n *yaml.Node) Pos { return Pos{File: m.file, Line: n.Line, Col: n.Column} }

// coverPos returns the position of a cover key's value, or of the cover mapping.
func (m *manifest) coverPos(key string) Pos {
	if v := valueNode(valueNode(m.node, "cover"), key); v != nil {
		return m.at(v)
	}
	return m.posOf("cover")
}

// validateValues checks what decoding alone lets through.
func validateValues(m *manifest, ds *Diagnostics) {
	if st := Status(m.Status); st != "" && st != StatusFinal && st != StatusDraft {
		ds.Errorf(m.posOf("status"), "status %q must be %q or %q", st, StatusFinal, StatusDraft)
	}
	if cn := valueNode(m.node, "cover"); cn != nil {
		warnKeys(m, cn, coverKeys, "cover key", ds)
	}
	if m.Cover != nil {
		for _, c := range []struct{ key, val string }{
			{"background", m.Cover.Background}, {"foreground", m.Cover.Foreground}, {"accent", m.Cover.Accent},
		} {
			if c.val != "" && !ValidColor(c.val) {
				ds.Errorf(m.coverPos(c.key), "cover %s %q is not a colour written #rrggbb or #rgb", c.key, c.val)
			}
		}
	}
	list := valueNode(m.node, "contributors")
	for i, c := range m.Contributors {
		pos := m.posOf("contributors")
		var item *yaml.Node
		if list != nil && i < len(list.Content) {
			item = list.Content[i]
			pos = m.at(item)
			warnKeys(m, item, contributorKeys, "contributor key", ds)
		}
		if strings.TrimSpace(c.Name) == "" {
			ds.Errorf(pos, "contributor %d has no name", i+1)
		}
		if c.Role != "" && !relatorRe.MatchString(c.Role) {
			if v := valueNode(item, "role"); v != nil {
				pos = m.at(v)
			}
			ds.Errorf(pos, "contributor role %q is not a MARC relator code (three letters: aut, edt, trl, ill, pht, …)", c.Role)
		}
	}
}

var relatorRe = regexp.MustCompile(`^[a-z]{3}$`)

// ValidColor reports whether s is a colour written #rrggbb or #rgb, as the cover takes it.
func ValidColor(s string) bool {
	hex, ok := strings.CutPrefix(s, "#")
	if !ok || (len(hex) != 3 && len(hex) != 6) {
		return false
	}
	for _, r := range hex {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return false
		}
	}
	return true
}

// warnKeys warns about keys of a mapping that bindery does not know, suggesting the
// closest known one.
func warnKeys(m *manifest, n *yaml.Node, known []string, what string, ds *Diagnostics) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(known, k.Value) {
			ds.Warnf(m.at(k), "unknown %s %q%s", what, k.Value, didYouMean(k.Value, known))
		}
	}
}

// didYouMean returns "; did you mean "x"?" when a known name is close to name, or "".
func didYouMean(name string, known []string) string {
	if c := suggest.Closest(name, known); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

// frontMatterKeys are the keys a chapter's front matter may have.
var frontMatterKeys = []string{"title", "author", "kind", "source"}

// warnFrontMatterKeys warns about front-matter keys bindery does not know ("subtitel:").
func warnFrontMatterKeys(src *source, n *yaml.Node, ds *Diagnostics) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(frontMatterKeys, k.Value) {
			// The header starts on the file's line 2.
			ds.Warnf(Pos{File: src.file, Line: k.Line + 1, Col: k.Column}, "unknown front-matter key %q%s", k.Value, didYouMean(k.Value, frontMatterKeys))
		}
	}
}
