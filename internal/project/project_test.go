package project

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFind(t *testing.T) {
	empty := t.TempDir()
	folder := t.TempDir()
	write(t, filepath.Join(folder, "content", "r", "en", "book.yaml"), "")
	settings := t.TempDir()
	write(t, filepath.Join(settings, SettingsFile), "content: manuscripts\nout: public\n")
	write(t, filepath.Join(settings, "manuscripts", "r", "en", "book.yaml"), "")
	for _, tc := range []struct {
		name, dir, arg string
		source         Source
		content, out   string
	}{
		{"nothing here", empty, "", Embedded, "", "dist"},
		{"content folder", folder, "", Folder, filepath.Join(folder, "content"), "dist"},
		{"settings file", settings, "", Settings, filepath.Join(settings, "manuscripts"), filepath.Join(settings, "public")},
		{"argument over folder", folder, empty, Argument, empty, "dist"},
		{"argument keeps settings", settings, folder, Argument, folder, filepath.Join(settings, "public")},
	} {
		p, err := Find(tc.dir, tc.arg)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if p.Source != tc.source || p.Content != tc.content || p.Out("dist") != tc.out {
			t.Errorf("%s: source %d content %q out %q", tc.name, p.Source, p.Content, p.Out("dist"))
		}
		if d := p.Describe(); !strings.HasPrefix(d, "content: ") || (tc.content != "" && !strings.Contains(d, tc.content)) {
			t.Errorf("%s: %q", tc.name, d)
		}
	}
}

func TestFindErrors(t *testing.T) {
	missing := t.TempDir()
	write(t, filepath.Join(missing, SettingsFile), "content: manuscripts\n")
	file := filepath.Join(t.TempDir(), "notes.txt")
	write(t, file, "x")
	for _, tc := range []struct{ dir, arg, want string }{
		{missing, "", "the content folder " + filepath.Join(missing, "manuscripts") + " (named by " + filepath.Join(missing, SettingsFile) + ") does not exist; create it, or set content:"},
		{t.TempDir(), "/does/not/exist", "the content folder /does/not/exist does not exist; give the folder that holds <report>/<lang>/book.yaml"},
		{t.TempDir(), file, "is a file, not a folder"},
	} {
		_, err := Find(tc.dir, tc.arg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Find(%q, %q) = %v, want %q", tc.dir, tc.arg, err, tc.want)
		}
	}
}

func TestParse(t *testing.T) {
	c, warns, err := Parse("bindery.yaml", []byte(`# settings
content: manuscripts
out: public
formats: [epub, pdf, epub]
paper: A5
bleed: 3mm
crop_marks: true
notes: book
jobs: 2
fromats: pdf
colour: red
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Content != "manuscripts" || c.Out != "public" || !slices.Equal(c.Formats, []string{"epub", "pdf"}) || c.Paper != "a5" ||
		c.Bleed != "3mm" || !c.CropMarks || c.Notes != "book" || c.Jobs != 2 {
		t.Errorf("%+v", c)
	}
	if c.Pos("bleed") != "bindery.yaml:6:8" || c.Pos("nothing") != "" {
		t.Errorf("positions: %q %q", c.Pos("bleed"), c.Pos("nothing"))
	}
	if len(warns) != 2 || !strings.Contains(warns[0].String(), `bindery.yaml:10:1: warning: unknown key "fromats" ignored; did you mean "formats"?`) ||
		strings.Contains(warns[1].String(), "did you mean") {
		t.Errorf("warnings: %v", warns)
	}
	if c, _, err := Parse("bindery.yaml", []byte("formats: epub\n")); err != nil || !slices.Equal(c.Formats, []string{"epub"}) {
		t.Errorf("single format: %v %v", c.Formats, err)
	}
	if _, _, err := Parse("bindery.yaml", nil); err != nil {
		t.Errorf("empty file: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"jobs: -1\n", `bindery.yaml:1:7: jobs: must be a whole number of editions built at once (0 for one per CPU), not "-1"`},
		{"jobs: abc\n", `jobs: must be a whole number`},
		{"notes: end\n", `bindery.yaml:1:8: notes: must be chapter or book, not "end"`},
		{"formats: [epub, mobi]\n", `formats: unknown format "mobi" (formats: epub, pdf, print)`},
		{"crop_marks: maybe\n", `crop_marks: must be true or false, not "maybe"`},
		{"out: [a, b]\n", `out: must be a folder, not a list or mapping`},
		{"- content\n", `must be a mapping of keys`},
		{"content: [\n", `bindery.yaml: invalid YAML`},
	} {
		_, _, err := Parse("bindery.yaml", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.src, err, tc.want)
		}
	}
}
