package project

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"text/template"
	"time"
)

// skeleton is the new project `bindery init` writes: bindery.yaml, a README and a sample
// report in English and Russian using notes, a box and lists. Files are text/template
// templates over initData.
//
//go:embed skeleton
var skeleton embed.FS

// initData fills the skeleton's templates.
type initData struct {
	Title string // the project folder's name
	Date  string // today, YYYY-MM-DD, as the editions' publication date
	Year  int
}

// Init writes a new project into dir (created if needed) and returns the paths it wrote.
// It refuses, writing nothing, when dir already holds a bindery.yaml, a content folder or a
// README.md, so that it never overwrites a user's work.
func Init(dir string, today time.Time) ([]string, error) {
	for _, name := range []string{SettingsFile, DefaultContent, "README.md"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return nil, fmt.Errorf("%s already exists; bindery init writes a new project only into a folder without %s, %s/ or README.md (give another folder: bindery init DIR)",
				filepath.Join(dir, name), SettingsFile, DefaultContent)
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	data := initData{Title: filepath.Base(abs), Date: today.Format("2006-01-02"), Year: today.Year()}
	var written []string
	err = fs.WalkDir(skeleton, "skeleton", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := p[len("skeleton/"):]
		target := filepath.Join(dir, filepath.FromSlash(rel))
		if err := writeTemplate(target, p, data); err != nil {
			return err
		}
		written = append(written, target)
		return nil
	})
	return written, err
}

// writeTemplate executes the skeleton file src into a new file at target.
func writeTemplate(target, src string, data initData) error {
	text, err := skeleton.ReadFile(src)
	if err != nil {
		return err
	}
	t, err := template.New(path.Base(src)).Parse(string(text))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return fmt.Errorf("cannot create the folder %s: %v", filepath.Dir(target), describe(err))
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; bindery init does not overwrite files", target)
		}
		return fmt.Errorf("cannot write %s: %v", target, describe(err))
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %v", target, describe(err))
	}
	return f.Close()
}
