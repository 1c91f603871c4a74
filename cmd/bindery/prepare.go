package main

import (
	"io/fs"
	"strings"

	"github.com/fpc/bindery/layout"
)

// prepare reads the fonts and the hyphenation patterns of every language that a build of
// the content in fsys keeps (layout.Prepare), one language after another. The build runs
// it in a goroutine of its own while it loads the editions, which leaves a core idle when
// there are few of them: the typesetting then finds them read. It only reads folder names.
func prepare(fsys fs.FS, keep func(report, lang string) bool) {
	seen := map[string]bool{}
	reports, _ := fs.ReadDir(fsys, ".")
	for _, r := range reports {
		if !r.IsDir() || strings.HasPrefix(r.Name(), ".") {
			continue
		}
		langs, _ := fs.ReadDir(fsys, r.Name())
		for _, l := range langs {
			lang := l.Name()
			if l.IsDir() && !strings.HasPrefix(lang, ".") && !seen[lang] && (keep == nil || keep(r.Name(), lang)) {
				seen[lang] = true
				layout.Prepare(lang)
			}
		}
	}
}
