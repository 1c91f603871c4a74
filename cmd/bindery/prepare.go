package main

import (
	"io/fs"

	"github.com/fpc/bindery/layout"
)

// prepare reads the fonts and the hyphenation patterns of every language that a build of
// the content in fsys keeps (layout.Prepare), one language after another. The build runs
// it in a goroutine of its own while it loads the editions, which leaves a core idle when
// there are few of them: the typesetting then finds them read. It only reads folder names.
func prepare(fsys fs.FS, keep func(report, lang string) bool) {
	seen := map[string]bool{}
	for report, langs := range editionsIn(fsys) {
		for _, lang := range langs {
			if !seen[lang] && (keep == nil || keep(report, lang)) {
				seen[lang] = true
				layout.Prepare(lang)
			}
		}
	}
}
