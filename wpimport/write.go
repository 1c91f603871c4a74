package wpimport

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fpc/bindery/internal/atomicfile"
	"go.yaml.in/yaml/v3"
)

// Write writes every edition of the result under dir: the chapter files and
// book.yaml of each, and the record of what it wrote (RecordFile). Each file is
// written to a temporary file and renamed, so a reader never sees half a file.
// A re-import keeps what an editor set: the descriptive keys of book.yaml (see
// Manifest), and the file name, title and kind of each chapter that book.yaml
// lists (found by the post ID in its source). It overwrites only files that are
// still as the last import wrote them; when any other would be overwritten it
// writes nothing and returns an EditedError, unless Options.Force was set.
// report.yaml and other files are left alone.
func (r *Result) Write(dir string) error {
	changes, err := r.Plan(dir)
	if err != nil {
		return err
	}
	if files := edited(changes); len(files) > 0 && !r.force {
		for i, f := range files {
			files[i] = filepath.Join(dir, filepath.FromSlash(f))
		}
		return EditedError{files}
	}
	written := map[string]map[string][]byte{} // edition folder -> file name -> data
	for _, c := range changes {
		if written[c.edition] == nil {
			written[c.edition] = map[string][]byte{}
		}
		written[c.edition][c.name] = c.New
		if c.Action == Unchanged {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(c.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := atomicfile.Write(p, c.New); err != nil {
			return err
		}
	}
	for edDir, files := range written {
		if err := atomicfile.Write(filepath.Join(dir, filepath.FromSlash(edDir), RecordFile), record(files)); err != nil {
			return err
		}
	}
	r.Written = true
	return nil
}

func readManifest(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}

// Print writes the run report: inputs read, posts skipped with their
// reasons, chapters written with their counts, and warnings with places.
func (r *Result) Print(w io.Writer) {
	for _, l := range r.Read {
		fmt.Fprintln(w, l)
	}
	for _, s := range r.Skips {
		fmt.Fprintln(w, s)
	}
	n, verb := 0, "would write"
	if r.Written {
		verb = "wrote"
	}
	for _, e := range r.Editions {
		status := e.Manifest.Status
		fmt.Fprintf(w, "edition %s (%s): %q, %s\n", e.Dir, status, e.Manifest.Title, plural(len(e.Chapters), "chapter"))
		for i, c := range e.Chapters {
			st := c.Stats()
			missing := ""
			if len(st.MissingNotes) > 0 {
				missing = fmt.Sprintf(", %s referenced but not defined (%s)", plural(len(st.MissingNotes), "note"), abbreviate(st.MissingNotes))
			}
			fmt.Fprintf(w, "  %s %s/%s: post %d, %s%s, %s, %s, %s%s\n", verb, e.Dir, e.Files[i], c.Post.ID,
				plural(st.Notes, "note"), missing, plural(st.Paragraphs, "paragraph"), plural(st.Headings, "heading"), plural(st.Items, "list item"), st.media())
			n++
		}
	}
	for _, wn := range r.Warnings {
		fmt.Fprintln(w, wn)
	}
	for _, f := range r.Fetch {
		fmt.Fprintf(w, "fetch %s -> %s\n", f.URL, f.Path)
	}
	if len(r.Fetch) > 0 {
		fmt.Fprintf(w, "%s not in an uploads folder: fetch %s into %s (bindery check reports each missing one); or name the site's wp-content/uploads with --uploads\n",
			plural(len(r.Fetch), "picture"), pronoun(len(r.Fetch)), map[bool]string{true: "its path", false: "their paths"}[len(r.Fetch) == 1])
	}
	done := "written"
	if !r.Written {
		done = "converted (nothing written)"
	}
	fmt.Fprintf(w, "%s read, %s %s in %s, %d skipped, %s\n", plural(r.Posts, "post"), plural(n, "chapter"), done,
		plural(len(r.Editions), "edition"), len(r.Skips), plural(len(r.Warnings), "warning"))
}

// abbreviate lists labels, eliding the middle of long lists.
func abbreviate(labels []string) string {
	if len(labels) <= 6 {
		return strings.Join(labels, ", ")
	}
	return strings.Join(labels[:3], ", ") + ", …, " + strings.Join(labels[len(labels)-2:], ", ")
}

// plural writes a count and a noun, with an "s" unless the count is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// media counts the figures, tables and code blocks of a chapter for the run
// report, "" when it has none.
func (s Stats) media() string {
	var parts []string
	for _, x := range []struct {
		n    int
		noun string
	}{{s.Figures, "figure"}, {s.Tables, "table"}, {s.CodeBlocks, "code block"}} {
		if x.n > 0 {
			parts = append(parts, plural(x.n, x.noun))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}
