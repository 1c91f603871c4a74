package wpimport

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/fpc/bindery/fonts"
)

// unprintable finds the characters of s that an embedded text face lacks,
// so that bindery could not print them. It returns how many there are and
// the names of their scripts.
func unprintable(s string) (int, []string) {
	var faces []*fonts.Face
	for _, f := range fonts.All() {
		if f.Family == fonts.Serif {
			faces = append(faces, f)
		}
	}
	n := 0
	var scripts []string
	var names []string // sorted script names, made when first needed
	for _, r := range s {
		if r < 0x80 || unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		if slices.IndexFunc(faces, func(f *fonts.Face) bool { return !f.Has(r) }) < 0 {
			continue
		}
		n++
		if names == nil {
			names = scriptNames()
		}
		if name := scriptOf(r, names); !slices.Contains(scripts, name) {
			scripts = append(scripts, name)
		}
	}
	return n, scripts
}

// scriptNames returns the names of the Unicode scripts, sorted.
func scriptNames() []string {
	names := make([]string, 0, len(unicode.Scripts))
	for name := range unicode.Scripts {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// scriptOf names the Unicode script of r, or its code point when the script
// is Common or unknown (symbols, emoji).
func scriptOf(r rune, names []string) string {
	for _, name := range names {
		if name != "Common" && name != "Inherited" && unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	return fmt.Sprintf("U+%04X", r)
}

// unprintableReason returns why a chapter cannot be printed, or "".
func (c *Chapter) unprintableReason() string {
	n, scripts := unprintable(string(c.Markdown()))
	if n == 0 {
		return ""
	}
	if len(scripts) > 6 {
		scripts = append(scripts[:6], "…")
	}
	return fmt.Sprintf("%d characters that the embedded fonts cannot print (%s); a chapter must be printable in full, so the post is not imported",
		n, strings.Join(scripts, ", "))
}
