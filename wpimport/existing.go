package wpimport

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// existingChapter is what an editor may have changed in a chapter file that
// an earlier import wrote: its name, title and kind.
type existingChapter struct {
	file, title, kind string
}

var sourcePost = lazyRegexp(`^WordPress post (\d+)\b`)

// readExisting maps post IDs to the chapter files that the edition's
// book.yaml lists, found by the `source:` of their front matter.
func readExisting(edDir string, m *Manifest) map[int]existingChapter {
	out := map[int]existingChapter{}
	if m == nil {
		return out
	}
	for _, name := range m.Chapters {
		if filepath.Base(name) != name {
			continue
		}
		data, err := os.ReadFile(filepath.Join(edDir, name))
		if err != nil {
			continue
		}
		var fm frontMatter
		if header, ok := frontMatterOf(data); !ok || yaml.Unmarshal(header, &fm) != nil {
			continue
		}
		if sm := sourcePost().FindStringSubmatch(fm.Source); sm != nil {
			id, _ := strconv.Atoi(sm[1])
			out[id] = existingChapter{file: name, title: fm.Title, kind: fm.Kind}
		}
	}
	return out
}

// frontMatterOf returns the YAML between a file's opening "---" lines.
func frontMatterOf(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, false
	}
	header, _, ok := bytes.Cut(rest, []byte("\n---\n"))
	return header, ok
}

// keepEditorial gives the edition's chapters the file names, titles and
// kinds an editor set in an earlier import, so that a re-import rewrites
// the text but keeps those decisions.
func (e *Edition) keepEditorial(existing map[int]existingChapter) {
	used := map[string]bool{}
	for _, f := range e.Files {
		used[f] = true
	}
	for i, c := range e.Chapters {
		ex, ok := existing[c.Post.ID]
		if !ok {
			continue
		}
		if ex.file != e.Files[i] && !used[ex.file] {
			used[ex.file] = true
			e.Files[i] = ex.file
		}
		if ex.title != "" {
			c.Title = ex.title
		}
		c.Kind = ex.kind
	}
	e.Manifest.Chapters = append([]string(nil), e.Files...)
}
